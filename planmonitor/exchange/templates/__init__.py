"""Our own fill-in workbooks (填报表): the writer, the hidden marks that identify each row and
column, the instruction text, and the reader that takes a returned workbook back.

May import ``exchange.sheets``, ``exchange.tables`` and ``planmonitor.domain``.
"""
