"""`planmonitor region-target CODE REGION VALUE` (issue 10 §10): a sub-region's share of a target,
read back by `status --region … --json`; bad input is one line and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from planmonitor.cli import main
from planmonitor.services.plan_settings import PlanSettingsService
from planmonitor.services.plans import PlanService
from planmonitor.store.database import open_database


def run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def _db_with_a_sub_region(tmp_path: Path) -> str:
    path = str(tmp_path / "r.sqlite")
    assert main(["--db", path, "init", "--plan", "cangzhou"]) == 0
    db = open_database(path)
    PlanService(db).add_region("cangzhou", "yunhe", "运河区")
    db.close()
    return path


def _status(capsys, db: str, code: str) -> dict:  # type: ignore[no-untyped-def,type-arg]
    rc, out, _err = run(
        capsys, "--db", db, "status", "--quarter", "2023Q4", "--region", "运河区", "--json"
    )
    assert rc == 0
    return next(s for s in json.loads(out) if s["code"] == code)


def test_region_target_sets_the_share_the_status_uses(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = _db_with_a_sub_region(tmp_path)
    assert run(capsys, "--db", db, "record", "05", "2023Q4", "150", "--region", "运河区")[0] == 0
    before = _status(capsys, db, "05")
    assert "未分解目标" in before["explanation"]
    rc, out, err = run(
        capsys, "--db", db, "region-target", "05", "运河区", "300", "--baseline", "100"
    )
    assert rc == 0 and err == ""
    assert out.strip() == "05 高新技术企业数量：运河区的分解目标为300家，基数100"
    after = _status(capsys, db, "05")
    assert "未分解目标" not in after["explanation"]
    assert after["expected"] is not None and after["actual"] == 150
    (share,) = PlanSettingsService(open_database(db)).region_targets("cangzhou", "05")
    assert (share.region, share.target, share.baseline) == ("yunhe", 300, 100)
    assert run(capsys, "--db", db, "region-target", "05", "yunhe", "--clear")[0] == 0
    assert "未分解目标" in _status(capsys, db, "05")["explanation"]


def test_a_bad_region_or_value_is_one_line_and_nothing_changes(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = _db_with_a_sub_region(tmp_path)
    capsys.readouterr()
    rc, out, err = run(capsys, "--db", db, "region-target", "05", "新华区", "300")
    assert rc == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert "没有下级地区“新华区”" in err and "运河区（yunhe）" in err
    rc, _out, err = run(capsys, "--db", db, "region-target", "05", "运河区", "三百")
    assert rc == 2 and "三百" in err and len(err.strip().splitlines()) == 1
    (share,) = PlanSettingsService(open_database(db)).region_targets("cangzhou", "05")
    assert share.target is None
