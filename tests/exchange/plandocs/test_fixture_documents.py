"""draft-plan on plan documents made the way offices make them: every field found, nothing wrong
marked sure. Expected values are written by hand from make_plan_docs.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from planmonitor.domain.draft import DraftIndicator, DraftPlan
from planmonitor.exchange.plandocs.document import draft_plan

# name: (unit, baseline, form, comparator, target key) — target key as in scoring.drafted_target
COUNTY = {
    "全社会研发经费投入强度": ("%", 1.8, "level", "~", 2.3),
    "全社会研发经费": ("亿元", 12.5, "cagr", ">=", 10.0),
    "高新技术企业": ("家", 86.0, "level", ">=", 150.0),
    "科技型中小企业": ("家", 320.0, "increase", ">=", 200.0),
    "科技领军企业": ("家", None, "milestone", ">=", None),
    "每万人口高价值发明专利拥有量": ("件", 1.2, "level", ">=", 3.0),
    "高新技术产业增加值占规上工业增加值比重": ("%", 21.0, "points", ">=", 1.0),
}
ACTION = {
    "高新技术企业": ("家", None, "level", ">=", [(2026, 95.0), (2027, 108.0), (2030, 120.0)]),
    "县域科技创新评价进入A类": ("", None, "milestone", ">=", 2027),
    "财政科技资金": ("万元", None, "quota", ">=", 3000.0),
    "选派科技特派员": ("人", None, "quota", ">=", 50.0),
    "专业技术人才总量": ("万人", None, "level", ">=", 1.5),
}
COLUMN = {
    "省级以上科技企业孵化器": ("家", None, "level", ">=", 6.0),
    "技术合同成交额": ("亿元", None, "level", ">=", 8.0),
    "规上工业企业研发机构覆盖率": ("%", None, "level", ">=", 60.0),
    "科技型中小企业": ("家", None, "increase", ">=", 200.0),
}
TWO_ROWS = {
    "高新技术企业数量": ("家", 86.0, "level", ">=", 150.0),
    "全社会研发经费投入强度": ("%", 1.8, "level", "~", 2.3),
    "技术合同成交额": ("亿元", 4.5, "cagr", ">=", 12.0),
}
SPLIT = {
    "高新技术企业": ("家", 86.0, "level", ">=", 150.0),
    "技术合同成交额": ("亿元", 4.5, "level", ">=", 8.0),
    "科技型中小企业": ("家", 320.0, "level", ">=", 520.0),
}
NOTES = {
    "技术合同成交额": ("亿元", 4.5, "level", "~", 8.0),
    "省级以上研发平台": ("家", 25.0, "increase", ">=", 15.0),
    "高新技术企业": ("家", 86.0, "level", ">=", 150.0),
    "公民具备科学素质的比例": ("%", 12.0, "level", ">=", 16.0),
}
HTML = {
    "高新技术企业": ("家", 86.0, "level", ">=", 150.0),
    "研发投入强度": ("%", 1.8, "level", "~", 2.3),
}
CSV = {
    "高新技术企业": ("家", 86.0, "level", ">=", 150.0),
    "科技型中小企业": ("家", 320.0, "increase", ">=", 200.0),
}
COUNTY_META = ("青河县科技创新“十五五”规划", "青河县人民政府办公室", "青河县", 2025, 2030)
CASES = [
    ("county.docx", COUNTY, COUNTY_META),
    ("county.pdf", COUNTY, COUNTY_META),
    ("county.doc", COUNTY, COUNTY_META),
    ("action.docx", ACTION, ("青河县科技创新能力提升行动方案", "", "青河县", 2026, 2030)),
    ("action.pdf", ACTION, ("青河县科技创新能力提升行动方案", "", "青河县", 2026, 2030)),
    ("column.docx", COLUMN, ("青河县“十五五”科技服务业发展规划", "", "青河县", 2025, 2030)),
    ("two-row-header.docx", TWO_ROWS, ("青河县科技创新“十五五”规划", "", "青河县", 2025, 2030)),
    ("split.xlsx", SPLIT, (None, "", "青河县", 2025, 2030)),
    ("notes.txt", NOTES, ("青河县科技创新“十五五”规划", "", "青河县", 2025, 2030)),
    ("table.html", HTML, ("青河县科技创新“十五五”规划", "", "青河县", 2025, 2030)),
    ("table.csv", CSV, (None, "", "", 2025, 2030)),
]


def _key(ind: DraftIndicator) -> object:
    if ind.form == "level":
        return list(ind.milestones) or ind.target
    if ind.form == "increase":
        return ind.increase
    if ind.form in ("cagr", "growth_rate", "points"):
        return ind.rate
    if ind.form == "quota":
        return ind.target
    return ind.due


def _fields(ind: DraftIndicator) -> tuple[object, ...]:
    return (ind.unit, ind.baseline, ind.form, ind.comparator, _key(ind))


def _by_name(draft: DraftPlan) -> dict[str, DraftIndicator]:
    return {i.name: i for i in draft.indicators}


@pytest.mark.parametrize(("name", "expected", "meta"), CASES)
def test_every_field_found_and_nothing_wrong_is_sure(
    plan_docs: dict[str, Path], name: str, expected: dict[str, tuple[object, ...]], meta: tuple
) -> None:
    draft = draft_plan(plan_docs[name])
    title, issuer, region, base, target = meta
    if title is not None:
        assert draft.title == title
    assert (draft.issuer, draft.region) == (issuer, region)
    assert (draft.baseline_year, draft.target_year) == (base, target)
    found = _by_name(draft)
    assert set(found) == set(expected)  # every indicator found, nothing made up
    for ind_name, want in expected.items():
        got = found[ind_name]
        assert _fields(got) == want, ind_name
        assert got.source_text, ind_name
        assert got.where, ind_name


def test_merged_category_cells_fill_down(plan_docs: dict[str, Path]) -> None:
    for name in ("county.docx", "county.pdf", "county.doc"):
        cats = [i.category for i in draft_plan(plan_docs[name]).indicators]
        assert cats == ["创新投入"] * 2 + ["创新主体"] * 3 + ["创新产出"] * 2, name


def test_brackets_without_a_note_are_asked(plan_docs: dict[str, Path]) -> None:
    csv = _by_name(draft_plan(plan_docs["table.csv"]))["科技型中小企业"]
    assert not csv.sure and any("累计" in q for q in csv.questions)
    notes = _by_name(draft_plan(plan_docs["notes.txt"]))["省级以上研发平台"]
    assert notes.sure  # the document's 注 says [ ] is cumulative


def test_split_by_sub_region(plan_docs: dict[str, Path]) -> None:
    draft = draft_plan(plan_docs["split.xlsx"])
    assert draft.sub_regions == ["城关镇", "河西镇", "青河经济开发区"]
    hi = _by_name(draft)["高新技术企业"]
    assert hi.split == {"城关镇": 60.0, "河西镇": 40.0, "青河经济开发区": 50.0}


def test_responsible_unit_column(plan_docs: dict[str, Path]) -> None:
    found = _by_name(draft_plan(plan_docs["two-row-header.docx"]))
    assert found["全社会研发经费投入强度"].responsible == ["县统计局", "县科技局"]


@pytest.mark.parametrize("name", ["action.docx", "action.pdf"])
def test_tasks_with_responsible_units(plan_docs: dict[str, Path], name: str) -> None:
    draft = draft_plan(plan_docs[name])
    titles = {t.title: t for t in draft.tasks}
    assert titles["强化科技投入"].responsible == ["县财政局", "县科技局"]
    quota = _by_name(draft)["财政科技资金"]
    assert quota.code in titles["强化科技投入"].indicators
    assert quota.responsible == ["县财政局", "县科技局"]


def test_unreadable_file_is_one_clear_line(tmp_path: Path) -> None:
    from planmonitor.exchange.plandocs.readers import DocumentError

    bad = tmp_path / "plan.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(DocumentError) as err:
        draft_plan(bad)
    assert "plan.docx" in str(err.value) and "\n" not in str(err.value)


def test_doc_without_libreoffice_is_a_clear_message(
    plan_docs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from planmonitor.exchange.plandocs import readers

    monkeypatch.setattr(readers.shutil, "which", lambda _name: None)
    with pytest.raises(readers.DocumentError) as err:
        draft_plan(plan_docs["county.doc"])
    assert "county.doc" in str(err.value) and "LibreOffice" in str(err.value)


def test_docx_with_an_xml_bomb_is_refused(plan_docs: dict[str, Path], tmp_path: Path) -> None:
    import zipfile

    from planmonitor.exchange.plandocs.readers import DocumentError

    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(plan_docs["county.docx"]) as src, zipfile.ZipFile(bomb, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE d [<!ENTITY a "aaaa">]>', 1)
            dst.writestr(item, data)
    with pytest.raises(DocumentError) as err:
        draft_plan(bomb)
    assert "bomb.docx" in str(err.value) and "DTD" in str(err.value)


def test_truncated_or_fake_pdf_is_one_clear_line(
    plan_docs: dict[str, Path], tmp_path: Path
) -> None:
    from planmonitor.exchange.plandocs.readers import DocumentError

    cut = tmp_path / "cut.pdf"
    cut.write_bytes(plan_docs["county.pdf"].read_bytes()[:3000])
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"%PDF-1.4 not really")
    for f in (cut, fake):
        with pytest.raises(DocumentError) as err:
            draft_plan(f)
        assert str(err.value).startswith(f.name) and "\n" not in str(err.value)
