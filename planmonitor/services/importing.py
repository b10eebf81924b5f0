"""Importing colleagues' spreadsheets: preview first, then all of it or none.

For the GUI (each a generator yielding :class:`Progress`, returning its result — run them with
``gui.workers.GeneratorTask``)::

    preview = yield from ImportService(db).preview_steps(path, plan_id, answers=answers)
    # show preview.rows / preview.questions; let the user tick conflicts, answer questions
    # (then call preview_steps again with the answers), and accept:
    result = yield from ImportService(db).commit_steps(preview)

Nothing is written by a preview. A commit writes the selected rows in one transaction
(``ObservationService.record_many``) — every value with its file, hash, sheet and cell — and
remembers the answered questions for the table's layout.
"""

from __future__ import annotations

from collections.abc import Generator, Mapping
from dataclasses import dataclass
from pathlib import Path

from planmonitor.domain.observation import Observation
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import Plan
from planmonitor.domain.text import clean_text
from planmonitor.exchange.recognise import Recogniser
from planmonitor.exchange.sheets.limits import DEFAULT_LIMITS, FileRejected, Limits
from planmonitor.exchange.sheets.readers import read_workbook
from planmonitor.exchange.tables.found import Catalog
from planmonitor.exchange.templates.reader import template_plan
from planmonitor.services.bulk_work import collector_paused
from planmonitor.services.errors import UserError
from planmonitor.services.import_classify import classify
from planmonitor.services.import_current import current_values
from planmonitor.services.import_memory import ImportMemory
from planmonitor.services.import_memory import Mapping as Remembered
from planmonitor.services.import_preview import (
    WRITABLE,
    ImportPreview,
    Message,
    PreviewRow,
)
from planmonitor.services.import_tasks import classify_tasks, task_entries
from planmonitor.services.observations import ObservationService, current_user
from planmonitor.services.plans import PlanService
from planmonitor.services.progress import Progress, run_to_end
from planmonitor.services.quarter_locks import QuarterLocks, mark_locked_rows
from planmonitor.services.stale import StaleEdit
from planmonitor.services.tasks import TaskService
from planmonitor.store.database import Database

Answers = Mapping[tuple[str, str], str]


@dataclass(frozen=True)
class CommitResult:
    """What a commit did."""

    written: int
    new: int
    changed: int
    unchanged: int
    remembered: int
    tasks: int = 0  # task progress records written


class ImportService:
    """Previews and commits imports into one database."""

    def __init__(self, db: Database, limits: Limits = DEFAULT_LIMITS) -> None:
        self.db = db
        self.limits = limits

    # -- preview ------------------------------------------------------------------------------
    def preview(
        self,
        path: Path | str,
        plan_id: str | None = None,
        answers: Answers | None = None,
        default_period: Period | None = None,
    ) -> ImportPreview:
        """:meth:`preview_steps` run to the end."""
        return run_to_end(self.preview_steps(path, plan_id, answers, default_period))

    def preview_steps(
        self,
        path: Path | str,
        plan_id: str | None = None,
        answers: Answers | None = None,
        default_period: Period | None = None,
    ) -> Generator[Progress, None, ImportPreview]:
        """Read ``path`` and say what importing it would do; writes nothing.

        ``answers`` maps (kind, normalised label) to a code ("" = not the plan's): the user's
        word on :attr:`ImportPreview.questions`. ``default_period`` applies where the file
        names no period. Bad files raise :class:`UserError` naming the file and the problem.
        """
        path = Path(path)
        yield Progress(0, 3, f"读取 {path.name}")
        try:
            with collector_paused():
                grid = read_workbook(path, self.limits)
        except FileRejected as exc:
            raise UserError(str(exc)) from None
        plan = self._plan_for(path.name, plan_id, template_plan(grid))
        catalog = Catalog(
            plan,
            ImportMemory(self.db).load(plan.id),
            dict(answers or {}),
            default_period,
        )
        rec = Recogniser(grid, catalog)
        steps = rec.steps()
        while True:
            with collector_paused():  # each sheet is read between two progress reports
                step = next(steps, None)
            if step is None:
                break
            done, total, sheet = step
            yield Progress(1 + done, total + 3, f"识别工作表“{sheet}”" if sheet else "核对重复值")
        yield Progress(1, 1, "与数据库中的数值比对")
        with collector_paused():
            return self._compared(path, plan, rec, answers)

    def _compared(
        self, path: Path, plan: Plan, rec: Recogniser, answers: Answers | None
    ) -> ImportPreview:
        """The preview of what ``rec`` found, compared with the database."""
        ex = rec.extraction
        preview = ImportPreview(
            file=path.name,
            path=str(path),
            file_hash=ex.file_hash,
            kind=ex.kind,
            plan_id=plan.id,
            template=ex.template_plan is not None,
            answers=dict(answers or {}),
        )
        probes = [
            (v.match.code, v.region, v.period)
            for v in ex.values
            if v.match.code and v.region is not None and v.period is not None
        ]
        current = current_values(self.db, plan.id, probes)
        classify(preview, ex, plan, current, current_user())
        closed = QuarterLocks(self.db).closed(plan.id)
        mark_locked_rows(preview, closed)
        _check_rows(self.db, preview)
        if rec.tasks:
            service = TaskService(self.db)
            progress = {
                (code, p.quarter): p
                for q in {t.quarter for t in rec.tasks}
                for code, p in service.current(plan.id, q).items()
            }
            preview.tasks = classify_tasks(plan, rec.tasks, progress, closed, path.name)
        return preview

    def _plan_for(self, file: str, plan_id: str | None, in_file: str | None) -> Plan:
        plans = PlanService(self.db)
        if in_file is not None:
            if plan_id is not None and plan_id != in_file:
                raise UserError(f"{file} 是规划“{in_file}”的填报表，不能导入规划“{plan_id}”")
            have = {p.id for p in plans.list_plans()}
            if in_file not in have:
                raise UserError(f"{file} 是规划“{in_file}”的填报表，但数据库中没有该规划")
            return plans.get(in_file)
        return plans.get(plans.resolve(plan_id))

    # -- commit -------------------------------------------------------------------------------
    def commit(self, preview: ImportPreview, remember: bool = True) -> CommitResult:
        """:meth:`commit_steps` run to the end."""
        return run_to_end(self.commit_steps(preview, remember))

    def commit_steps(
        self, preview: ImportPreview, remember: bool = True, by: str | None = None
    ) -> Generator[Progress, None, CommitResult]:
        """Write the selected rows of ``preview`` in one transaction, or nothing.

        Refused (UserError, nothing written) when the database changed since the preview: each
        value is written on the version it was previewed against (``PreviewRow.base_version``;
        none for a new value), checked by ``ObservationService.record_many`` as it writes.
        """
        rows = preview.to_write()
        yield Progress(0, 2, f"写入{len(rows)}个数值")
        file, file_hash = preview.file, preview.file_hash
        with collector_paused():
            entries = [_Written(r, file, file_hash) for r in rows]
        progress = task_entries(preview.tasks, preview.file)
        if progress:  # refuse before anything is written: values and tasks go in together
            TaskService(self.db).check_many(preview.plan_id, progress)
        try:
            with collector_paused():
                outcomes = ObservationService(self.db).record_many(preview.plan_id, entries, by)
        except StaleEdit as exc:
            raise StaleEdit(
                f"预览之后数据库中的数值已有变化（{str(exc).split('；')[0]}），"
                "请重新预览后再导入；未写入任何数值",
                exc.change,
            ) from None
        task_kinds = TaskService(self.db).record_many(preview.plan_id, progress, by)
        yield Progress(1, 2, "记住已确认的对应关系")
        remembered = 0
        if remember and preview.answers:
            remembered = ImportMemory(self.db).remember(preview.plan_id, _mappings(preview), by)
        yield Progress(2, 2, "完成")
        kinds = [o.kind for o in outcomes]
        return CommitResult(
            len(kinds) - kinds.count("unchanged"),
            kinds.count("new"),
            kinds.count("changed"),
            kinds.count("unchanged"),
            remembered,
            len(task_kinds) - task_kinds.count("unchanged"),
        )


class _Written:
    """One preview row as ``ObservationService.record_many`` reads it (``EntryFields`` and its
    ``source``), made straight from the row: no Entry and Source copies per value."""

    __slots__ = (
        "base",
        "cell",
        "code",
        "comment",
        "denominator",
        "file",
        "file_hash",
        "numerator",
        "period",
        "region",
        "sheet",
        "standing",
        "value",
    )
    kind = "import"

    def __init__(self, r: PreviewRow, file: str, file_hash: str) -> None:
        self.code = r.code or ""
        self.period = r.period or Period(1900)
        self.value = r.value
        self.region = r.region
        self.standing = r.standing
        # text enters the database clean (as Entry makes it): no control characters
        self.comment = clean_text(r.comment).text if r.comment else ""
        self.numerator = r.numerator
        self.denominator = r.denominator
        self.base = r.base_version  # the version previewed against: checked as it is written
        self.file, self.file_hash, self.sheet, self.cell = file, file_hash, r.sheet, r.cell

    @property
    def source(self) -> _Written:
        """Itself: kind, file, file_hash, sheet and cell of the value's source."""
        return self


CHECK_LIMIT = 5000  # values per import checked one by one (数据审核)


def _check_rows(db: Database, preview: ImportPreview) -> None:
    """数据审核 at import: a warning naming the cell for each value that needs a 情况说明."""
    from planmonitor.services.reporting_round import findings_for

    rows = [r for r in preview.rows if r.kind in WRITABLE and r.period and r.code and r.region]
    if len(rows) > CHECK_LIMIT:  # a bulk load of history, not a unit's quarterly return
        preview.messages.append(
            Message(
                "note",
                f"文件含{len(rows)}个待写入的数值，超过{CHECK_LIMIT}个，导入时未逐项审核；"
                "写入后可用 planmonitor check --quarter 季度 或“数据审核”页审核",
            )
        )
        return
    values = [
        Observation(
            r.code or "",
            r.region or "",
            r.period,
            r.value,
            comment=r.comment,
            numerator=r.numerator,
            denominator=r.denominator,
        )
        for r in rows
        if r.period is not None
    ]
    where = {(r.code, r.region, r.period): r for r in rows}
    for f in findings_for(db, preview.plan_id, values):
        if f.resolved:
            continue
        r = where[(f.code, f.region, f.period)]
        preview.messages.append(
            Message(
                "warning",
                f"{f.code} {f.name} {f.period.label_zh()}：{f.rule.label}，{f.message}，"
                "请在情况说明中写明原因",
                r.sheet,
                r.cell,
            )
        )


def _mappings(preview: ImportPreview) -> list[Remembered]:
    return [
        Remembered(c.layout, c.kind, c.key, c.code, preview.file, c.sheet)
        for c in preview.confirmed
        if c.layout and not c.layout.startswith("template|")
    ]
