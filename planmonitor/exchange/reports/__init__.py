"""Writers of the quarterly report: the indicator table (.xlsx), the PDF with charts (QPainter)
and the Word narrative (.docx). They lay out a :class:`planmonitor.domain.report.ReportModel`
built by the services and compute nothing of their own.

May import ``planmonitor.domain``, ``planmonitor.paths`` (the shipped font) and
``exchange.sheets`` (its ``safe_cells``: cells that never become formulas).
"""
