"""The plan file (TOML): reading it into a :class:`planmonitor.domain.plan.Plan` with errors
that name the file, entry and field, and writing a plan back out.

May import ``planmonitor.domain`` and ``planmonitor.paths``.
"""
