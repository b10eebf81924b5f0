"""``planmonitor --smoke-test``: passes on a working installation, fails loudly otherwise."""

from __future__ import annotations

import pytest
from PySide6.QtCore import qWarning

from planmonitor import smoke
from planmonitor.cli import main


def test_passes_and_reports_each_step(qapp, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    assert main(["--smoke-test"]) == 0
    out = capsys.readouterr().out
    assert "  ok  fresh database migrated: schema " in out
    assert "  ok  built-in plan installed: 沧州市科技创新“十四五”规划, 17 indicators" in out
    # 17 rows, and the lagging ones once more on top (the 沧州高新区 milestone once overdue)
    (line,) = [ln for ln in out.splitlines() if ln.startswith("  ok  overview filled: ")]
    assert int(line.split()[3]) >= 17 and "indicators under “总览”" in line
    assert "  ok  indicator detail with plot: pyqtgraph " in out
    assert out.rstrip().splitlines()[-1].startswith("smoke test OK")


def test_hidden_from_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "smoke" not in capsys.readouterr().out


def test_a_failing_step_is_named_and_exits_1(
    qapp,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(smoke, "SMOKE_PLAN", "no-such-plan")
    assert main(["--smoke-test"]) == 1
    captured = capsys.readouterr()
    assert "smoke test FAILED: built-in plan installed: UserError: " in captured.err
    assert "no-such-plan" in captured.err
    assert "smoke test OK" not in captured.out


def test_a_qt_warning_fails_the_test(
    qapp,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    drawn = smoke._grab

    def grab_with_warning(window):  # type: ignore[no-untyped-def]
        qWarning("QFont: cannot find the bundled font")
        qWarning("This plugin does not support propagateSizeHints()")  # benign: ignored
        return drawn(window)

    monkeypatch.setattr(smoke, "_grab", grab_with_warning)
    assert smoke.run_smoke_test("zh") == 1
    err = capsys.readouterr().err
    assert "Qt reported: QFont: cannot find the bundled font" in err
    assert "propagateSizeHints" not in err


def test_startup_probe_shows_the_window_on_the_given_database(
    qapp,
    tmp_path,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    from planmonitor.services.plans import PlanService, plan_source
    from planmonitor.store.database import open_database

    path = tmp_path / "probe.sqlite"
    db = open_database(path)
    PlanService(db).install(plan_source("chengde"))
    db.close()
    assert main(["--db", str(path), "--startup-probe"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1] == "shown: 规划监测 — 承德市科技创新“十四五”规划"
    assert main(["--db", str(tmp_path / "no-such-folder" / "x.sqlite"), "--startup-probe"]) == 2
    assert "不存在" in capsys.readouterr().err
