"""Benchmark: the full quarterly report (Excel table, PDF with a chart per indicator, Word) for a
generated plan of 15, 30 and 60 indicators, through the same job the GUI and the CLI run.

Each plan mixes the target forms and cadences of the seeds (batch and smooth stocks, year-to-date
flows, 年均增长 amounts and rates published late, annual quotas) over five categories, with values
for every quarter 2021Q1–2024Q3 (annual statistics 2021–2023) and comments on a third of them.
Columns: building the model, each writer on that model, and the export job the GUI runs (model
and all three formats, files renamed into place). Times are the median of several runs in one
process; Qt's start-up and font loading, paid once per process, are shown apart.

    uv run python benchmarks/bench_report.py [--sizes 15 30 60] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from planmonitor.domain.periods import Period
from planmonitor.exchange.reports.docx_writer import write_report_docx
from planmonitor.exchange.reports.pdf_writer import iter_report_pdf
from planmonitor.exchange.reports.qt_paint import report_font_family
from planmonitor.exchange.reports.xlsx_writer import write_report_xlsx
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.services.report import build_report
from planmonitor.services.report_export import export_report, report_targets
from planmonitor.store.database import open_database

QUARTER = Period.quarter(2024, 3)
COLD_START = (
    "import time; t = time.perf_counter()\n"
    "from planmonitor.exchange.reports.qt_paint import report_font_family\n"
    "report_font_family(); print(time.perf_counter() - t)"
)
CATEGORIES = ["创新投入", "创新能力", "创新产出", "创新转化", "创新生态"]
KINDS = [  # (name, unit, TOML target and cadence lines, annual?)
    (
        "高新技术企业数量",
        "家",
        'baseline = 800\ntarget = 1300\ncadence = "batch"\nprofile = [0, 0, 0, 100]',
        False,
    ),
    ("技术合同成交额", "亿元", 'baseline = 68.2\ntarget = 150\ncadence = "cumulative_flow"', False),
    ("全社会研发经费", "亿元", 'baseline = 21.87\ngrowth = 10\ncadence = "annual_late"', True),
    ("研发投入增长率", "%", 'baseline = 3.4\nrate = 12\ncadence = "annual_late"', True),
    (
        "每万人口发明专利拥有量",
        "件",
        'baseline = 1.79\ntarget = 4.0\ncadence = "smooth_stock"',
        False,
    ),
    ("市级以上科技计划项目", "项", 'quota = 30\ncadence = "cumulative_flow"', False),
]


def plan_toml(n: int) -> str:
    """A plan file with ``n`` indicators cycling through the kinds above."""
    lines = [
        f'id = "bench{n}"',
        f'title = "基准测试市科技创新“十四五”规划（{n}项指标）"',
        'region = "基准测试市"',
        "baseline_year = 2020",
        "target_year = 2025",
        f"categories = {CATEGORIES!r}".replace("'", '"'),
    ]
    for i in range(n):
        name, unit, body, _ = KINDS[i % len(KINDS)]
        lines += [
            "",
            "[[indicators]]",
            f'code = "{i + 1:02d}"',
            f'name = "{name}（第{i // len(KINDS) + 1}组）"',
            f'unit = "{unit}"',
            f'category = "{CATEGORIES[i * len(CATEGORIES) // n]}"',
            body,
            'responsible = ["科技局", "发改局"]',
        ]
    return "\n".join(lines) + "\n"


def values(n: int, rng: random.Random) -> list[Entry]:
    """Values on or a little off the schedule, every quarter 2021Q1–2024Q3."""
    entries = []
    for i in range(n):
        _, _, body, annual = KINDS[i % len(KINDS)]
        code = f"{i + 1:02d}"
        pace = rng.uniform(0.8, 1.1)
        for year in range(2021, 2025):
            if annual:
                if year < 2024:
                    v = (
                        3.4 + 9 * pace
                        if "rate" in body
                        else 21.87 * (1 + 0.1 * pace) ** (year - 2020)
                    )
                    entries.append(Entry(code, Period.annual(year), round(v, 2)))
                continue
            for q in range(1, 5):
                period = Period.quarter(year, q)
                if period.moment > QUARTER.moment:
                    break
                if "cumulative_flow" in body:
                    full = 30 if "quota" in body else 68.2 + (year - 2020) * 16.4
                    v = full * q / 4 * pace
                else:
                    base, end = (800, 1300) if "batch" in body else (1.79, 4.0)
                    v = base + (end - base) * ((year - 2021) * 4 + q) / 20 * pace
                note = "受政策调整影响，进度偏慢" if rng.random() < 0.33 else ""
                entries.append(Entry(code, period, round(v, 2), comment=note))
    return entries


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[15, 30, 60])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        db = open_database(root / "bench.sqlite")
        cold = subprocess.run(
            [sys.executable, "-c", COLD_START],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        ).stdout.strip()
        print(
            "importing Qt, creating the application and loading the report font "
            f"(once per process, fresh interpreter): {float(cold) * 1000:.0f} ms"
        )
        report_font_family()
        print(
            f"{'indicators':>10} {'model':>8} {'xlsx':>8} {'pdf':>8} {'docx':>8} "
            f"{'export job':>10} {'per ind.':>9} {'PDF pages':>10}"
        )
        for n in args.sizes:
            plan_file = root / f"bench{n}.toml"
            plan_file.write_text(plan_toml(n), encoding="utf-8")
            PlanService(db).install(plan_source(str(plan_file)))
            ObservationService(db).record_many(f"bench{n}", values(n, rng), by="bench")
            times: dict[str, list[float]] = {k: [] for k in ("model", "xlsx", "pdf", "docx", "all")}
            for r in range(args.repeat):
                start = time.perf_counter()
                model = build_report(db, f"bench{n}", QUARTER)
                times["model"].append(time.perf_counter() - start)
                start = time.perf_counter()
                write_report_xlsx(model, root / f"r{n}-{r}.xlsx")
                times["xlsx"].append(time.perf_counter() - start)
                start = time.perf_counter()
                pages = len(list(iter_report_pdf(model, root / f"r{n}-{r}.pdf")))
                times["pdf"].append(time.perf_counter() - start)
                start = time.perf_counter()
                write_report_docx(model, root / f"r{n}-{r}.docx")
                times["docx"].append(time.perf_counter() - start)
                start = time.perf_counter()
                for _ in export_report(
                    db, f"bench{n}", QUARTER, None, report_targets(root / f"all{n}-{r}")
                ):
                    pass
                times["all"].append(time.perf_counter() - start)
            med = {k: statistics.median(v) for k, v in times.items()}
            print(
                f"{n:>10} {med['model'] * 1000:>6.0f}ms {med['xlsx'] * 1000:>6.0f}ms "
                f"{med['pdf'] * 1000:>6.0f}ms {med['docx'] * 1000:>6.0f}ms "
                f"{med['all']:>9.2f}s {med['all'] / n * 1000:>7.1f}ms {pages:>10}"
            )
        db.close()
    print("goal: all three formats for 60 indicators ≤ 5 s, growing linearly")


if __name__ == "__main__":
    main()
