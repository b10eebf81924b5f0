"""The plan editor's save: one transaction; a deleted indicator with values keeps them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from planmonitor.domain.indicator import Target, TargetForm
from planmonitor.domain.periods import Period
from planmonitor.services.errors import UserError
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plan_editing import PlanEditService
from planmonitor.services.plans import PlanService, plan_source


@pytest.fixture
def cangzhou(db):
    PlanService(db).install(plan_source("cangzhou"))
    ObservationService(db).record("cangzhou", Entry("05", Period.quarter(2023, 3), 990))
    return db


def test_edit_add_reorder_delete_in_one_save(cangzhou) -> None:
    plans, edit = PlanService(cangzhou), PlanEditService(cangzhou)
    plan = plans.get("cangzhou")
    inds = list(plan.indicators)
    hi = next(i for i in inds if i.code == "05")
    assert edit.values_count("cangzhou", "05") == 1
    inds.remove(hi)  # 05 has a value: retired, value kept
    inds.remove(next(i for i in inds if i.code == "04"))  # no values: removed
    first = inds[0]
    inds[0] = replace(first, target=Target(TargetForm.LEVEL, value=2.5, text="2.5"), unit="%")
    new = replace(hi, code="18", name="人工智能企业", baseline=None, position=0)
    inds.insert(1, new)
    edit.save("cangzhou", inds, deleted=["05", "04"])
    after = plans.get("cangzhou")
    codes = [i.code for i in after.indicators]
    assert codes[:2] == ["01", "18"] and "05" not in codes and "04" not in codes
    assert after.indicator("01").target.value == 2.5
    assert [r.code for r in edit.retired("cangzhou")] == ["05"]
    assert edit.retired("cangzhou")[0].values == 1
    assert ObservationService(cangzhou).current("cangzhou") == []  # not shown any more


def test_a_problem_names_indicator_and_field_and_writes_nothing(cangzhou) -> None:
    plans, edit = PlanService(cangzhou), PlanEditService(cangzhou)
    inds = list(plans.get("cangzhou").indicators)
    inds[2] = replace(inds[2], target=Target(TargetForm.CAGR))  # no rate
    inds[0] = replace(inds[0], name="改过的名称")
    with pytest.raises(UserError) as err:
        edit.save("cangzhou", inds, deleted=[])
    assert "03" in str(err.value) and "rate" in str(err.value)
    assert plans.get("cangzhou").indicator("01").name == "全社会研发经费支出占GDP比重"


def test_a_deleted_code_used_again_starts_afresh(cangzhou) -> None:
    plans, edit = PlanService(cangzhou), PlanEditService(cangzhou)
    inds = list(plans.get("cangzhou").indicators)
    k = next(i for i, ind in enumerate(inds) if ind.code == "05")
    inds[k] = replace(inds[k], name="新的05指标", baseline=None)
    edit.save("cangzhou", inds, deleted=["05"])
    assert plans.get("cangzhou").indicator("05").name == "新的05指标"
    assert [r.name for r in edit.retired("cangzhou")] == ["高新技术企业数量"]
    assert ObservationService(cangzhou).current("cangzhou") == []  # the old value stays old
