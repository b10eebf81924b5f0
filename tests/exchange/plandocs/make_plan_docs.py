"""Plan documents made the way county offices make them, generated for the tests.

Word files by python-docx (tables with vertically merged category cells), the same converted
to PDF and .doc by LibreOffice, a prose-only 行动方案, an Excel 指标分解表 with sub-regions, a
text table with [累计] notes and 左右/以上, a document with 专栏 targets, an HTML page, a CSV.
Run ``python make_plan_docs.py DIR`` to look at them; the tests call :func:`make_all`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

TITLE = "青河县科技创新“十五五”规划"
ISSUER = "青河县人民政府办公室"
TABLE = [
    # category, name, unit, 2025 baseline, 2030 target, attribute
    ("创新投入", "全社会研发经费投入强度", "%", "1.8", "2.3左右", "预期性"),
    ("创新投入", "全社会研发经费", "亿元", "12.5", "年均增长10%以上", "预期性"),
    ("创新主体", "高新技术企业", "家", "86", "150以上", "预期性"),
    ("创新主体", "科技型中小企业", "家", "320", "[200]", "预期性"),
    ("创新主体", "科技领军企业", "家", "—", "实现零的突破", "预期性"),
    ("创新产出", "每万人口高价值发明专利拥有量", "件", "1.2", "3", "预期性"),
    (
        "创新产出",
        "高新技术产业增加值占规上工业增加值比重",
        "%",
        "21",
        "年均提高1个百分点",
        "约束性",
    ),
]


def _merge_down(table, col: int, first: int, last: int) -> None:  # type: ignore[no-untyped-def]
    top = table.cell(first, col)
    top.merge(table.cell(last, col))


def county_docx(path: Path, note: bool = True) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph(ISSUER)
    d.add_paragraph(f"{ISSUER}关于印发《{TITLE}》的通知")
    d.add_paragraph(TITLE)
    d.add_paragraph("一、发展基础")
    d.add_paragraph("“十四五”期间，全县科技创新能力稳步提升。")
    d.add_paragraph("二、主要目标")
    d.add_paragraph("表1 “十五五”科技创新主要指标")
    t = d.add_table(rows=1 + len(TABLE), cols=7)
    t.style = "Table Grid"
    for c, h in enumerate(
        ["类别", "序号", "指标名称", "单位", "2025年基数", "2030年目标", "指标属性"]
    ):
        t.cell(0, c).text = h
    for r, (cat, name, unit, base, target, attr) in enumerate(TABLE, start=1):
        for c, v in enumerate([cat, str(r), name, unit, base, target, attr]):
            t.cell(r, c).text = v
    # merged category cells, as offices draw them: the text stays in the top cell only
    for first, last in ((1, 2), (3, 5), (6, 7)):
        keep = t.cell(first, 0).text
        for r in range(first + 1, last + 1):
            t.cell(r, 0).text = ""
        _merge_down(t, 0, first, last)
        t.cell(first, 0).text = keep
    if note:
        d.add_paragraph("注：[ ]内为累计数。")
    d.add_paragraph("三、重点任务")
    d.add_paragraph("（一）实施创新主体倍增工程")
    d.add_paragraph(
        "加大高新技术企业培育力度。（牵头单位：县科技局；责任单位：县财政局、县发改局）"
    )
    d.save(str(path))


def two_row_header_docx(path: Path) -> None:
    """A table whose header has two rows (2025年 over 基数) and a 责任单位 column."""
    import docx

    d = docx.Document()
    d.add_paragraph("青河县科技创新“十五五”规划")
    d.add_paragraph("二、发展目标")
    top = ["序号", "指标", "单位", "2025年", "2030年", "属性", "责任单位"]
    rows = [
        ["1", "高新技术企业数量", "家", "86", "150以上", "预期性", "县科技局"],
        ["2", "全社会研发经费投入强度", "%", "1.8", "2.3左右", "预期性", "县统计局、县科技局"],
        ["3", "技术合同成交额", "亿元", "4.5", "年均增长12%", "预期性", "县科技局"],
    ]
    t = d.add_table(rows=2 + len(rows), cols=len(top))
    t.style = "Table Grid"
    for c, v in enumerate(top):
        t.cell(0, c).text = v
    t.cell(1, 3).text, t.cell(1, 4).text = "基数", "目标"
    for c in (0, 1, 2, 5, 6):
        merged = t.cell(0, c).merge(t.cell(1, c))
        merged.text = top[c]
    for r, row in enumerate(rows, start=2):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    d.save(str(path))


def action_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("青河县科技创新能力提升行动方案（2026—2030年）")
    d.add_paragraph("一、工作目标")
    d.add_paragraph(
        "到2030年，全县科技创新能力显著增强，高新技术企业达到一百二十家，"
        "其中2026年达到95家、2027年达到108家。"
    )
    d.add_paragraph("力争到2027年，在全省县域科技创新评价中进入A类。")
    d.add_paragraph("二、主要任务")
    d.add_paragraph("（一）强化科技投入")
    d.add_paragraph("每年安排财政科技资金不少于3000万元。（责任单位：县财政局、县科技局）")
    d.add_paragraph("（二）壮大科技人才队伍")
    d.add_paragraph(
        "每年选派科技特派员不少于五十人。到2030年，全县专业技术人才总量达到1.5万人。"
        "（责任单位：县人社局）"
    )
    d.save(str(path))


def column_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("青河县“十五五”科技服务业发展规划")
    d.add_paragraph("三、重点任务")
    d.add_paragraph("（一）建设科技服务平台")
    d.add_paragraph("专栏1 科技服务平台建设工程")
    d.add_paragraph("1.到2030年，省级以上科技企业孵化器达到6家。")
    d.add_paragraph("2.到2030年，技术合同成交额达到8亿元以上。")
    d.add_paragraph("3.到2030年，规上工业企业研发机构覆盖率控制在不低于60%。")
    d.add_paragraph("4.“十五五”期间，累计新增科技型中小企业200家。")
    d.save(str(path))


def split_xlsx(path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "指标分解表"
    ws.append(["青河县“十五五”科技创新主要指标任务分解表"])
    ws.merge_cells("A1:H1")
    ws.append(
        [
            "序号",
            "指标名称",
            "单位",
            "2025年基数",
            "2030年目标",
            "城关镇",
            "河西镇",
            "青河经济开发区",
        ]
    )
    ws.append([1, "高新技术企业", "家", 86, 150, 60, 40, 50])
    ws.append([2, "技术合同成交额", "亿元", 4.5, 8, 3, 2, 3])
    ws.append([3, "科技型中小企业", "家", 320, 520, 200, 120, 200])
    wb.save(str(path))


def notes_txt(path: Path) -> None:
    rows = [
        "青河县科技创新“十五五”规划（征求意见稿）",
        "“十五五”科技创新主要指标",
        "指标\t2025年\t2030年\t属性",
        "1.技术合同成交额（亿元）\t4.5\t8左右\t预期性",
        "2.省级以上研发平台（家）\t25\t[15]\t预期性",
        "3.高新技术企业（家）\t86\t150以上\t预期性",
        "4.公民具备科学素质的比例（%）\t12\t16\t预期性",
        "注：[ ]内为累计数。",
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def table_html(path: Path) -> None:
    html = (
        "<html><body><p>青河县科技创新“十五五”规划</p><table>"
        "<tr><th>指标</th><th>单位</th><th>2025年基数</th><th>2030年目标</th></tr>"
        "<tr><td>高新技术企业</td><td>家</td><td>86</td><td>150</td></tr>"
        "<tr><td>研发投入强度</td><td>%</td><td>1.8</td><td>2.3左右</td></tr>"
        "</table></body></html>"
    )
    path.write_text(html, encoding="utf-8")


def table_csv(path: Path) -> None:
    text = (
        "指标,单位,2025年基数,2030年目标,指标属性\n"
        "高新技术企业,家,86,150,预期性\n"
        "科技型中小企业,家,320,[200],预期性\n"
    )
    path.write_text(text, encoding="utf-8")


def convert(docx_path: Path, out_dir: Path, kind: str) -> Path:
    """The document saved as ``kind`` (pdf, doc) by LibreOffice, as an office would."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError(f"LibreOffice (soffice) is needed to make the .{kind} fixture")
    subprocess.run(
        [soffice, "--headless", "--convert-to", kind, "--outdir", str(out_dir), str(docx_path)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out_dir / f"{docx_path.stem}.{kind}"


def make_all(folder: Path) -> dict[str, Path]:
    """Write every fixture into ``folder``; name → path."""
    out = {
        "county.docx": folder / "county.docx",
        "action.docx": folder / "action.docx",
        "column.docx": folder / "column.docx",
        "two-row-header.docx": folder / "two-row-header.docx",
        "split.xlsx": folder / "split.xlsx",
        "notes.txt": folder / "notes.txt",
        "table.html": folder / "table.html",
        "table.csv": folder / "table.csv",
    }
    county_docx(out["county.docx"])
    action_docx(out["action.docx"])
    column_docx(out["column.docx"])
    two_row_header_docx(out["two-row-header.docx"])
    split_xlsx(out["split.xlsx"])
    notes_txt(out["notes.txt"])
    table_html(out["table.html"])
    table_csv(out["table.csv"])
    out["county.pdf"] = convert(out["county.docx"], folder, "pdf")
    out["county.doc"] = convert(out["county.docx"], folder, "doc")
    out["action.pdf"] = convert(out["action.docx"], folder, "pdf")  # prose broken into lines
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    target.mkdir(parents=True, exist_ok=True)
    for name, p in make_all(target).items():
        print(name, p)
