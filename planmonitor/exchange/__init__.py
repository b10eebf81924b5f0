"""Files in and out: spreadsheets, fill-in workbooks, reports, plan files, the export.

One folder per idea; each may import the domain, the folders listed in its own docstring and
nothing above (services, store, gui):

- ``sheets/``    read any spreadsheet or text table safely, into plain grids;
- ``tables/``    recognise an indicator table in a grid (layout, headers, names, periods, values);
- ``templates/`` our own fill-in workbooks: writing them and reading them back;
- ``recognise``  per sheet: our fill-in workbook or a free table (uses tables/ and templates/);
- ``reports/``   lay out the quarterly report model as .xlsx, PDF and .docx;
- ``planfiles/`` the plan file (TOML) format: read, check, write;
- ``plandocs/``  read a plan document (Word, PDF, text, spreadsheet) into a draft plan;
- ``export/``    the tidy workbook of all current values.
"""
