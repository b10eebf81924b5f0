"""十四五 → 十五五: a successor plan whose baselines are the predecessor's values for its target
year, matched by name with the importer's matcher and confirmed by the user.

Both plans stay in the database. An offer carries the value's standing, since the predecessor's
final-year statistics are often still 预计 when the successor is drafted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planmonitor.domain.draft import DraftIndicator, DraftPlan
from planmonitor.domain.observation import Observation
from planmonitor.domain.plan import Plan
from planmonitor.exchange.tables.names import NameMatcher
from planmonitor.services.observations import ObservationService
from planmonitor.services.plans import PlanService
from planmonitor.store.database import Database


@dataclass(frozen=True, slots=True)
class BaselineOffer:
    """The predecessor's value offered as one successor indicator's baseline.

    Attributes:
        code, name: the successor's indicator (its draft code).
        predecessor_code, predecessor_name: the indicator it was matched to.
        year: the predecessor's target year; value: its value for that year (None: none recorded).
        standing: 预计 / 初步 / 正式 of that value ("" when there is none).
        sure: the names matched without doubt; otherwise the user must confirm the pairing.
    """

    code: str
    name: str
    predecessor_code: str
    predecessor_name: str
    year: int
    value: float | None
    standing: str
    sure: bool


@dataclass
class SuccessorOffers:
    """All offers for one successor, and the successor indicators nothing matched."""

    predecessor: str
    offers: list[BaselineOffer] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    predecessor_title: str = ""


def year_end_value(values: list[Observation], code: str, year: int) -> Observation | None:
    """The value an indicator had for ``year``: the annual value, else the latest of that year."""
    mine = [o for o in values if o.indicator == code and o.period.year == year]
    annual = [o for o in mine if o.period.is_annual]
    if annual:
        return annual[-1]
    return max(mine, key=lambda o: o.period, default=None)


class SuccessorService:
    """Offers and applies predecessor values as a successor's baselines."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def offers(self, predecessor_id: str, draft: DraftPlan) -> SuccessorOffers:
        """What the predecessor offers each indicator of ``draft`` as its baseline."""
        plan = PlanService(self.db).get(predecessor_id)
        year = plan.target_year
        values = ObservationService(self.db).current(predecessor_id, years=(year, year))
        matcher = NameMatcher([(i.code, i.name) for i in plan.indicators])
        out = SuccessorOffers(predecessor_id, predecessor_title=plan.title)
        for ind in draft.indicators:
            m = matcher.match(ind.name)
            code = m.code or (m.candidates[0].code if m.candidates else None)
            if code is None:
                out.unmatched.append(ind.code)
                continue
            pred = plan.indicator(code)
            obs = year_end_value(values, code, year)
            out.offers.append(
                BaselineOffer(
                    code=ind.code,
                    name=ind.name,
                    predecessor_code=code,
                    predecessor_name=pred.name,
                    year=year,
                    value=None if obs is None else obs.value,
                    standing="" if obs is None else obs.standing.value,
                    sure=m.sure and pred.unit == ind.unit,
                )
            )
        return out

    def successor_draft(self, predecessor_id: str, years: int = 5) -> DraftPlan:
        """A new plan drafted from one in the database: same indicators, next period, the
        predecessor's target-year values as baselines, targets left to fill in."""
        plan = PlanService(self.db).get(predecessor_id)
        draft = DraftPlan(
            title=_next_title(plan),
            issuer=plan.issuer,
            region=plan.region,
            baseline_year=plan.target_year,
            target_year=plan.target_year + years,
            source=f"继承自规划“{plan.id}”",
            predecessor=plan.id,
            predecessor_title=plan.title,
        )
        for ind in plan.indicators:
            d = DraftIndicator(
                code=ind.code,
                name=ind.name,
                unit=ind.unit,
                category=ind.category,
                attribute=ind.attribute.value,
                form=ind.target.form.value,
                comparator=ind.target.comparator.value,
                cadence=ind.cadence.value,
                profile=[round(s * 100) for s in ind.profile.shares],
                responsible=list(ind.responsible),
                source_text=f"上期规划指标{ind.code}",
                where=plan.id,
                predecessor=ind.code,
            )
            d.ask(f"请填写{plan.target_year + years}年目标")
            draft.indicators.append(d)
        apply_offers(draft, self.offers(predecessor_id, draft).offers, accept_unsure=False)
        return draft


def apply_offers(
    draft: DraftPlan, offers: list[BaselineOffer], accept_unsure: bool, only: set[str] | None = None
) -> int:
    """Carry each confirmed pairing over: the indicator names its predecessor (the stored link
    that puts both plans' history in its trend plot) and takes the predecessor's value as its
    baseline where there is one; returns how many baselines were set.

    ``only`` limits it to the codes the user confirmed; unsure pairings are taken only with
    ``accept_unsure``. A value still 预计 is taken with a question asking to update it later.
    """
    by_code = {i.code: i for i in draft.indicators}
    n = 0
    for offer in offers:
        ind = by_code.get(offer.code)
        if ind is None or (only is not None and offer.code not in only):
            continue
        if not offer.sure and not accept_unsure and only is None:
            continue
        ind.predecessor = offer.predecessor_code
        if offer.value is None:
            continue
        ind.baseline = offer.value
        ind.questions = [q for q in ind.questions if q != "规划未给出基数，待录入"]
        if offer.standing == "预计":
            ind.ask(f"基数取自上期规划{offer.year}年的预计值，正式数据发布后请更新")
        n += 1
    return n


def link_draft(draft: DraftPlan, result: SuccessorOffers) -> None:
    """Name ``result``'s plan as the draft's predecessor when any indicator carries one over."""
    if any(i.predecessor for i in draft.indicators):
        draft.predecessor = result.predecessor
        draft.predecessor_title = result.predecessor_title


def _next_title(plan: Plan) -> str:
    for old, new in (("十三五", "十四五"), ("十四五", "十五五"), ("十五五", "十六五")):
        if old in plan.title:
            return plan.title.replace(old, new)
    return f"{plan.title}（{plan.target_year + 1}—{plan.target_year + 5}年）"
