"""Reading any spreadsheet or text table safely: file kinds, size and zip guards, the readers
(.xlsx/.xlsm, .xls, .ods via calamine; .csv/.txt), format extras (hidden rows, percent cells)
and the plain :class:`~planmonitor.exchange.sheets.grid.Grid` they produce.

Imports only the standard library, file libraries and ``planmonitor.domain``.
"""
