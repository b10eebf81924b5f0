"""Recognising an indicator table in a grid: layout (wide, long, regions × indicators), header
words, column heads, indicator and region names, period text, units and cell values, and the
values found with where they came from.

May import ``exchange.sheets`` and ``planmonitor.domain``.
"""
