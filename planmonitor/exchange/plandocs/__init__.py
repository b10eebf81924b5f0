"""Reading plan documents (规划文本: .docx, .pdf, .txt/.md/.html, spreadsheets) into a draft plan
with the source text of every proposed indicator, a sure flag and questions.

May import ``exchange.sheets``, ``exchange.tables``, ``exchange.planfiles`` and
``planmonitor.domain``.
"""
