"""The corpus for the preview equivalence test: every fixture file in tests/exchange/fixtures and
a generated long table (regions, periods, units, totals, twins, unknown and unsure names), each
previewed on an empty database and again after some values were recorded (so that conflicts,
changes and unchanged values occur), reduced to what a user checks in the preview.

``python tests/exchange/preview_corpus.py`` rewrites preview_expected.json from the code as it
is — only ever from a reviewed state of the importer (it was written before issue 16 §4).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from planmonitor.domain.indicator import TargetForm  # noqa: E402
from planmonitor.domain.observation import Source, Standing  # noqa: E402
from planmonitor.domain.periods import Period  # noqa: E402
from planmonitor.domain.plan import Region  # noqa: E402
from planmonitor.services.import_preview import ImportPreview, ItemKind  # noqa: E402
from planmonitor.services.importing import ImportService  # noqa: E402
from planmonitor.services.observations import Entry, ObservationService  # noqa: E402
from planmonitor.services.plans import PlanService, plan_source  # noqa: E402
from planmonitor.store.database import open_database  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
EXPECTED = Path(__file__).parent / "preview_expected.json"
LONG = "long-table.xlsx"


def long_table(path: Path) -> None:
    """地区 | 指标名称 | 期间 | 数值 | 单位 | 数据状态 | 备注, with the rows counties send."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "数据"
    ws.append(["2024年各地科技指标"])
    ws.append(["地区", "指标名称", "期间", "数值", "单位", "数据状态", "备注"])
    names = ["高新技术企业数量", "技术合同成交额", "科技领军企业", "研发经费投入强度"]
    periods = ["2023年", "2024年1-3月", "2024年上半年", "2024年1-9月", "2024年"]
    n = 0
    for region in ["第1街道", "第2街道", "第3街道", "全市"]:
        for name in names:
            for p in periods:
                n += 1
                unit = "亿元" if name == "技术合同成交额" and n % 3 == 0 else ""
                value: object = round(10 + n * 1.25, 2)
                if unit == "亿元":
                    value = round(n / 100, 3)
                standing = ["", "初步", "正式", "预计"][n % 4]
                ws.append(
                    [region, name, p, value, unit, standing, f"备注{n}" if n % 5 == 0 else ""]
                )
    ws.append(["第1街道", "高新技术企业数量", "2024年1-9月", 71.25, "", "", ""])  # twin: same
    ws.append(["第2街道", "技术合同成交额", "2024年1-9月", 999, "", "", ""])  # twin: different
    ws.append(["合计", "高新技术企业数量", "2024年1-9月", 500, "", "", ""])
    ws.append(["第9街道", "高新技术企业数量", "2024年1-9月", 5, "", "", ""])
    ws.append(["第1街道", "高企数量", "2024年1-9月", 7, "", "", ""])
    ws.append(["第1街道", "院士工作站", "2024年1-9月", 3, "", "", ""])
    ws.append(["第1街道", "科技领军企业", "2024年1-9月", "—", "", "", ""])
    ws.append(["第1街道", "科技领军企业", "2024年1-6月", "x.xx", "", "", ""])
    ws.append(["第1街道", "科技领军企业", "1-9月", 4, "", "", ""])
    ws.append(["第1街道", "技术合同成交额", "2024年1-9月", 12, "吨", "", ""])
    ws.append(["第1街道", "科技领军企业", "2024年1-3月", 2, "", "待定", ""])
    ws.append(["注：数据来源于各街道报送"])
    ws.row_dimensions[12].hidden = True
    wb.save(path)


def corpus(folder: Path) -> list[tuple[str, str, Path]]:
    """(name, plan source, path) of every file; the long table is written into ``folder``."""
    expected = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
    out = []
    for name in sorted(expected):
        source = FIXTURES / f"{expected[name]['plan']}.toml"
        out.append(
            (name, str(source) if source.exists() else expected[name]["plan"], FIXTURES / name)
        )
    long_table(folder / LONG)
    out.append((LONG, "long", folder / LONG))
    return out


def _plan(source: str):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    if source != "long":
        return plan_source(source)
    plan = plan_source("cangzhou")
    subs = tuple(Region(f"R{i:03d}", f"第{i}街道", "*") for i in range(1, 4))
    return replace(plan, sub_regions=subs)


def seen(preview: ImportPreview) -> dict[str, object]:
    """What a user checks: every row, every question, every message."""
    return {
        "rows": [
            [
                r.where,
                r.kind.value,
                r.code,
                r.region,
                r.period.key if r.period else None,
                r.value,
                r.standing.value,
                r.comment,
                r.old_value,
                r.selected,
                r.hidden,
                r.message,
                [c.code for c in r.candidates],
            ]
            for r in preview.rows
        ],
        "questions": [
            [q.kind, q.label, [preview.rows[i].where for i in q.rows]] for q in preview.questions
        ],
        "messages": [[m.level, m.sheet, m.cell, m.message] for m in preview.messages],
    }


def previews(source: str, path: Path, db_path: Path) -> list[dict[str, object]]:
    """The preview on an empty database, and again after a commit and three later edits."""
    db = open_database(db_path)
    try:
        plan = _plan(source)
        PlanService(db).install(plan)
        service = ImportService(db)
        first = service.preview(path, plan.id, default_period=Period.quarter(2024, 3))
        out = [seen(first)]
        service.commit(first, remember=False)
        milestones = {i.code for i in plan.indicators if i.target.form is TargetForm.MILESTONE}
        done = [
            r
            for r in first.rows
            if r.kind is ItemKind.NEW
            and r.selected
            and r.code not in milestones
            and r.numerator is None
        ][:3]
        obs = ObservationService(db)
        for i, r in enumerate(done):
            assert r.code and r.period and r.value is not None
            value, by, standing = r.value + 1, "王五", Standing.PRELIMINARY
            source_of = Source("manual")
            if i == 1:  # re-sent by the same person from the same file: a change
                source_of = Source("import", first.file)
                by = None  # type: ignore[assignment]
            if i == 2:  # the same value, made final by someone else
                value, standing = r.value, Standing.FINAL
            obs.record(
                plan.id, Entry(r.code, r.period, value, r.region, standing, source=source_of), by=by
            )
        again = service.preview(path, plan.id, default_period=Period.quarter(2024, 3))
        out.append(seen(again))
        return out
    finally:
        db.close()


def main() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = {
            name: previews(source, path, folder / f"{i}.sqlite")
            for i, (name, source, path) in enumerate(corpus(folder))
        }
    EXPECTED.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{EXPECTED}: {sum(len(p['rows']) for v in data.values() for p in v)} rows")


if __name__ == "__main__":
    main()
