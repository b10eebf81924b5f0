"""Reading any spreadsheet or text table safely: file kinds, size and zip guards, the readers
(.xlsx/.xlsm, .xls, .ods via calamine; .csv/.txt), format extras (hidden rows, percent cells)
and the plain :class:`~planmonitor.exchange.sheets.grid.Grid` they produce; the child process
that bounds hostile readers; and ``safe_cells``, through which every xlsx writer puts its cells.

Imports only the standard library, file libraries and ``planmonitor.domain``.
"""
