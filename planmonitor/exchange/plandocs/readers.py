"""Plan documents → blocks: .docx (python-docx), .pdf with a text layer (pdfplumber), plain text
(.txt, .md, .html), spreadsheets (the importer's readers) and .doc/.wps through LibreOffice.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from planmonitor.exchange.plandocs.blocks import Block, Paragraph, Table, text_blocks
from planmonitor.exchange.sheets.limits import DEFAULT_LIMITS, FileRejected
from planmonitor.exchange.sheets.readers import load_bytes, read_bytes
from planmonitor.exchange.sheets.textfile import decode_text
from planmonitor.exchange.sheets.zipguard import CheckedZip

MAX_PDF_PAGES = 500
SPREADSHEETS = {".xlsx", ".xlsm", ".xls", ".ods", ".csv"}
TEXTS = {".txt", ".md", ".text"}
SUFFIXES = {".docx", ".pdf", ".html", ".htm", ".doc", ".wps", *SPREADSHEETS, *TEXTS}


class DocumentError(ValueError):
    """A document that cannot be read; the message names the file and says why."""


def read_blocks(path: Path) -> list[Block]:
    """The blocks of the document at ``path``; :class:`DocumentError` if it can't be read."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        kinds = "、".join(sorted(SUFFIXES))
        raise DocumentError(f"{path.name}：不支持的文件类型“{suffix or '无后缀'}”（可读：{kinds}）")
    try:
        data = load_bytes(path)
    except FileRejected as exc:
        raise DocumentError(str(exc)) from None
    if suffix in (".doc", ".wps"):
        return _via_soffice(path)
    if suffix == ".docx":
        return _docx(path.name, data)
    if suffix == ".pdf":
        return _pdf(path.name, data)
    if suffix in SPREADSHEETS:
        return _sheets(path.name, data)
    try:
        text, _ = decode_text(path.name, data)
    except FileRejected as exc:
        raise DocumentError(str(exc)) from None
    if suffix in (".html", ".htm"):
        text = _html_text(text)
    return text_blocks(text)


def _html_text(text: str) -> str:
    t = re.sub(r"(?is)<(script|style).*?</\1>", "", text)
    t = re.sub(r"(?i)</(td|th)>", "\t", t)
    t = re.sub(r"(?i)<br\s*/?>|</(p|div|tr|h\d|li)>", "\n", t)
    t = re.sub(r"<[^>]+>", "", t)
    return html.unescape(t)


def _docx(name: str, data: bytes) -> list[Block]:
    import io
    import zipfile

    import docx
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph as DocxParagraph

    try:  # zip and XML bombs are refused before python-docx unpacks anything
        box = CheckedZip(name, data, DEFAULT_LIMITS)
        box.verify_all()
        box.close()
    except FileRejected as exc:
        raise DocumentError(str(exc)) from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (ValueError, KeyError, OSError, zipfile.BadZipFile) as exc:
        raise DocumentError(f"{name}：不是可读的 Word 文档（{exc}）") from None
    out: list[Block] = []
    n_par = n_tab = 0
    for item in document.iter_inner_content():
        if isinstance(item, DocxParagraph):
            text = item.text.strip()
            if text:
                n_par += 1
                out.append(Paragraph(text, f"第{n_par}段"))
        elif isinstance(item, DocxTable):
            n_tab += 1
            rows = [[cell.text.strip() for cell in row.cells] for row in item.rows]
            out.append(Table(rows, f"表{n_tab}"))
    return out


_NEW_PARA = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第.[章节]|专栏|注[:：]|\d{1,2}[.、])"
)


def _mend_lines(lines: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """PDF lines broken mid-phrase → paragraphs: a full line that ends no sentence continues."""
    out: list[tuple[str, float]] = []
    for text, top in lines:
        line = text.strip()
        if not line:
            continue
        prev = out[-1][0] if out else ""
        if (
            prev
            and len(prev) >= 25
            and not re.search(r"[。；：！？:;!?]$|通\s*知$", prev)
            and not (_NEW_PARA.match(line))
        ):
            out[-1] = (prev + line, out[-1][1])
        else:
            out.append((line, top))
    return out


def _pdf(name: str, data: bytes) -> list[Block]:
    import io

    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    unreadable = (PDFSyntaxError, PSException, PdfminerException, ValueError, KeyError, TypeError)
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = len(pdf.pages)
        if pages > MAX_PDF_PAGES:
            pdf.close()
            raise DocumentError(f"{name}：PDF 共{pages}页，超过上限{MAX_PDF_PAGES}页")
        out = _pdf_blocks(pdf)
    except unreadable as exc:
        raise DocumentError(f"{name}：不是可读的 PDF 文件（{str(exc)[:80]}）") from None
    if not out:
        raise DocumentError(f"{name}：PDF 没有文字层（可能是扫描件），请提供 Word 或文字版 PDF")
    return out


def _pdf_blocks(pdf: Any) -> list[Block]:
    out: list[Block] = []
    n_par = n_tab = 0
    with pdf:
        for page_no, page in enumerate(pdf.pages, start=1):
            tables = page.find_tables()
            rest = page
            for t in tables:
                x0, top, x1, bottom = t.bbox
                rest = rest.outside_bbox((x0, top + 2, x1, bottom - 2))
            blocks: list[tuple[float, Block]] = []
            for t in tables:
                rows = [[_cell(c) for c in row] for row in t.extract()]
                n_tab += 1
                blocks.append((float(t.bbox[1]), Table(rows, f"第{page_no}页表{n_tab}")))
            raw = [(str(ln["text"]), float(ln["top"])) for ln in rest.extract_text_lines()]
            for line, top in _mend_lines(raw):
                n_par += 1
                blocks.append((top, Paragraph(line, f"第{page_no}页第{n_par}段")))
            out.extend(b for _, b in sorted(blocks, key=lambda x: x[0]))
    return out


def _cell(value: str | None) -> str:
    """A PDF cell's text: lines broken inside the cell joined again."""
    if not value:
        return ""
    return re.sub(r"\s*\n\s*", "", value).strip()


def _sheets(name: str, data: bytes) -> list[Block]:
    try:
        book = read_bytes(name, data)
    except FileRejected as exc:
        raise DocumentError(str(exc)) from None
    out: list[Block] = []
    for sheet in book.sheets:
        if not sheet.visible:
            continue
        rows = [["" if v is None else _shown(v) for v in row] for row in sheet.rows]
        rows = [r for r in rows if any(c.strip() for c in r)]
        title = next((r for r in rows[:3] if sum(1 for c in r if c.strip()) == 1), None)
        if title is not None:
            out.append(Paragraph(next(c for c in title if c.strip()), f"工作表“{sheet.name}”"))
        out.append(Table(rows, f"工作表“{sheet.name}”"))
    return out


def _shown(v: object) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _via_soffice(path: Path) -> list[Block]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise DocumentError(
            f"{path.name}：读取 {path.suffix} 需要安装 LibreOffice（soffice），"
            "或先用 WPS/Word 另存为 .docx"
        )
    with tempfile.TemporaryDirectory() as tmp:
        try:
            subprocess.run(
                [soffice, "--headless", "--convert-to", "docx", "--outdir", tmp, str(path)],
                check=True,
                capture_output=True,
                timeout=120,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise DocumentError(f"{path.name}：LibreOffice 无法转换此文件（{exc}）") from None
        converted = Path(tmp) / (path.stem + ".docx")
        if not converted.exists():
            raise DocumentError(f"{path.name}：LibreOffice 没有生成 .docx")
        return _docx(path.name, converted.read_bytes())
