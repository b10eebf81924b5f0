"""The export: a tidy workbook of every current value of a plan (导出全部数据).

May import ``planmonitor.domain`` and ``exchange.sheets`` (its ``safe_cells``).
"""
