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
from dataclasses import dataclass, replace
from pathlib import Path

from planmonitor.domain.indicator import Indicator, TargetForm
from planmonitor.domain.observation import Observation, Standing
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import Plan
from planmonitor.domain.text import clean_text
from planmonitor.exchange.recognise import Recogniser
from planmonitor.exchange.sheets.grid import column_letters
from planmonitor.exchange.sheets.limits import DEFAULT_LIMITS, FileRejected, Limits
from planmonitor.exchange.sheets.readers import read_workbook
from planmonitor.exchange.tables.cellvalues import CellNumber
from planmonitor.exchange.tables.found import Catalog, Extraction, FoundValue
from planmonitor.exchange.tables.names import normalise
from planmonitor.exchange.templates.reader import template_plan
from planmonitor.services.bulk_work import collector_paused
from planmonitor.services.errors import UserError
from planmonitor.services.import_current import CurrentValue, current_values
from planmonitor.services.import_memory import ImportMemory
from planmonitor.services.import_memory import Mapping as Remembered
from planmonitor.services.import_preview import (
    WRITABLE,
    Confirmed,
    ImportPreview,
    ItemKind,
    Message,
    PreviewRow,
    Question,
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
        _classify(preview, ex, plan, current, current_user())
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
        yield Progress(0, 2, f"写入 {len(rows)} 个数值")
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


def _note_answers(preview: ImportPreview, v: FoundValue, seen: set[tuple[str, str, str]]) -> None:
    """Record which answers this value used, for the layout it was found in."""
    for kind, label in (("indicator", v.label), ("region", v.region_label)):
        if not label:
            continue
        key = normalise(label)
        code = preview.answers.get((kind, key))
        if code is not None and (v.layout, kind, key) not in seen:
            seen.add((v.layout, kind, key))
            preview.confirmed.append(Confirmed(v.layout, kind, key, code, v.where.sheet))


def _classify(
    preview: ImportPreview,
    ex: Extraction,
    plan: Plan,
    current: dict[tuple[str, str, Period], CurrentValue],
    who: str,
) -> None:
    inds = {i.code: i for i in plan.indicators}
    ranges = {i.code: (i.baseline_year - 1, i.target_year + 5) for i in plan.indicators}
    milestones = {i.code for i in plan.indicators if i.target.form is TargetForm.MILESTONE}
    regions = {r.code: r.name for r in plan.regions}
    questions: dict[tuple[str, str], Question] = {}
    for f in ex.findings:
        preview.messages.append(
            Message(
                f.level,
                f.message,
                f.where.sheet if f.where else f.sheet,
                f.where.cell if f.where else "",
            )
        )
    rows = preview.rows
    seen: set[tuple[str, str, str]] = set()
    quantitative = {
        code: (lo, hi, inds[code].name, inds[code].unit)
        for code, (lo, hi) in ranges.items()
        if code not in milestones
    }
    answers = bool(preview.answers)
    preliminary, new = Standing.PRELIMINARY, ItemKind.NEW
    hidden_note = "位于隐藏的行或列，默认不导入"
    for v in ex.values:
        m = v.match
        code, period, value, region = m.code, v.period, v.value, v.region
        if (  # the common case, in one step: a clean new value of a quantitative indicator
            code in quantitative
            and period is not None
            and value is not None
            and region is not None
            and not v.problem
            and not v.comment
            and not answers
            and v.numerator is None
            and v.denominator is None
            and not v.number.error
            and (not current or (code, region, period) not in current)
        ):
            lo, hi, name, unit = quantitative[code]
            if lo <= period.year <= hi:
                where, hidden = v.where, v.hidden
                rows.append(
                    PreviewRow(
                        len(rows),
                        new,
                        where.sheet,
                        column_letters(where.col) + str(where.row + 1),
                        v.label,
                        code,
                        name,
                        unit,
                        period,
                        region,
                        regions.get(region, v.region_label),
                        value,
                        v.number.text,
                        v.standing or preliminary,
                        "",
                        None,
                        "",
                        "",
                        "",
                        m.confidence,
                        m.method,
                        m.candidates,
                        hidden_note if hidden else "",
                        hidden,
                        not hidden,
                        v.layout,
                        None,
                        None,
                        None,
                        v.period_assumed,
                    )
                )
                continue
        if v.comment and clean_text(v.comment).changed:  # e.g. _x000B_ (vertical tab) in a cell
            cleaned = clean_text(v.comment)
            v = replace(v, comment=cleaned.text)
            where = v.where
            preview.messages.append(
                Message("note", f"{where}：情况说明中{cleaned.note}", where.sheet, where.cell)
            )
        if preview.answers:
            _note_answers(preview, v, seen)
        m = v.match
        if m.ignored:
            continue
        if m.code in inds and (v.numerator is not None or v.denominator is not None):
            _with_parts(v, inds[m.code])
        if v.number.missing and m.code is None:
            continue
        where = v.where
        row = PreviewRow(
            len(rows),
            ItemKind.ERROR,
            where.sheet,
            where.cell,
            v.label,
            m.code,
            "",
            "",
            v.period,
            v.region,
            regions.get(v.region or "", v.region_label),
            v.value,
            v.number.text,
            comment=v.comment,
            confidence=m.confidence,
            method=m.method,
            candidates=m.candidates,
            hidden=v.hidden,
            layout=v.layout,
            numerator=v.numerator,
            denominator=v.denominator,
            period_assumed=v.period_assumed,
        )
        rows.append(row)
        if m.code is None or v.region is None:
            kind = "indicator" if m.code is None else "region"
            label = v.label if m.code is None else v.region_label
            row.kind = (
                ItemKind.UNSURE if (kind == "indicator" and m.candidates) else ItemKind.UNKNOWN
            )
            row.message = (
                f"指标名称“{label}”需要确认"
                if row.kind is ItemKind.UNSURE
                else (f"无法识别的指标“{label}”" if kind == "indicator" else v.problem)
            )
            q = questions.setdefault(
                (kind, normalise(label)),
                Question(
                    kind,
                    label,
                    normalise(label),
                    m.candidates if kind == "indicator" else (),
                    sheet=v.where.sheet,
                    layout=v.layout,
                ),
            )
            q.rows.append(row.id)
            continue
        ind = inds[m.code]
        row.name, row.unit = ind.name, ind.unit
        period = v.period
        if (
            not v.problem
            and v.value is not None
            and period is not None
            and ranges[m.code][0] <= period.year <= ranges[m.code][1]
            and not v.number.error
            and m.code not in milestones
        ):  # the common case: a readable value of a quantitative indicator
            _compare(row, v, current.get((m.code, v.region, period)), preview.file, who)
            continue
        if v.number.missing and v.numerator is None and v.denominator is None:
            row.kind, row.message = ItemKind.MISSING, "未填写"
            continue
        problem = v.problem or v.number.error or ""
        if (
            not problem
            and v.period is not None
            and not (ind.baseline_year - 1 <= v.period.year <= ind.target_year + 5)
        ):
            problem = (
                f"期间 {v.period.label_zh()} 不在规划期 {ind.baseline_year}—{ind.target_year} "
                "年之内"
            )
        if not problem and ind.target.form is TargetForm.MILESTONE and v.value not in (0.0, 1.0):
            problem = "定性指标应填“完成”或“未完成”"
        if problem or v.period is None or v.value is None:
            row.message = (
                f"单元格内容“{v.number.text}”{problem}" if v.number.error else problem or "无法读取"
            )
            continue
        _compare(row, v, current.get((m.code, v.region, v.period)), preview.file, who)
    preview.questions = list(questions.values())


def _with_parts(v: FoundValue, ind: Indicator) -> None:
    """Compute a ratio from the parts the file gives, or say why they cannot make it."""
    ratio, num, den = ind.ratio, v.numerator, v.denominator
    if ratio is None:
        v.problem = v.problem or f"指标 {ind.code} 不是比值指标，不能按分子、分母填报"
    elif num is None or den is None:
        v.problem = v.problem or f"分子和分母应同时填写（{ratio.numerator}、{ratio.denominator}）"
    elif den <= 0:
        v.problem = v.problem or f"分母（{ratio.denominator}）应大于零"
    else:
        computed = ratio.value(num, den)
        if v.value is None and not v.number.error:
            v.value = computed
            v.number = CellNumber(computed, text=f"{num:g}÷{den:g}")
        elif v.value is not None and abs(v.value - computed) > 0.5 * 10.0**-ind.decimals:
            v.problem = v.problem or (
                f"填报数值 {v.value:g} 与分子、分母算得的 {computed:.{ind.decimals}f} 不符"
            )
        elif v.value is not None:  # the rounded ratio the file shows: keep the exact one
            v.value = computed


def _compare(row: PreviewRow, v: FoundValue, cur: CurrentValue | None, file: str, who: str) -> None:
    # Standing and comment are the file's. Only the same value, re-sent without them, keeps what
    # is recorded: a new value never takes over the standing and comment of the one it replaces.
    same_value = cur is not None and cur.value == row.value
    row.standing = v.standing or (
        Standing(cur.standing) if cur is not None and same_value else Standing.PRELIMINARY
    )
    row.comment = v.comment or (cur.comment if cur is not None and same_value else "")
    if cur is None:
        row.kind = ItemKind.NEW
    else:
        row.old_value, row.old_standing = cur.value, cur.standing
        row.old_source, row.old_by = cur.source, cur.recorded_by
        row.base_version = cur.version
        same = (
            cur.value == row.value
            and cur.standing == row.standing.value
            and cur.comment == row.comment
            and (
                (row.numerator is None and row.denominator is None)  # the file gives no parts
                or (cur.numerator, cur.denominator) == (row.numerator, row.denominator)
            )
        )
        if same:
            row.kind = ItemKind.UNCHANGED
        elif cur.value == row.value or (cur.is_import_of(file) and cur.recorded_by == who):
            row.kind = ItemKind.CHANGED
        else:
            row.kind = ItemKind.CONFLICT
            row.message = (
                f"与现有数值 {_num(cur.value)}（{cur.source}，{cur.recorded_by or '未知'}录入）不同"
            )
    row.selected = row.kind in (ItemKind.NEW, ItemKind.CHANGED) and not row.hidden
    if row.hidden:
        row.message = (row.message + "；" if row.message else "") + "位于隐藏的行或列，默认不导入"


def _num(value: float | None) -> str:
    return "—" if value is None else format(value, ".15g")
