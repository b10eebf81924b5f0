"""replaced(): the same copy as dataclasses.replace, for the frozen, slotted domain records."""

from dataclasses import replace

import pytest

from planmonitor.domain.indicator import TargetForm
from planmonitor.domain.records import replaced
from planmonitor.services.plans import builtin_plans


def test_replaced_makes_the_same_copy_as_dataclasses_replace() -> None:
    for plan in builtin_plans():
        for ind in plan.indicators:
            t = ind.target
            new_t = replaced(t, value=123.5, text="", milestones=(), form=TargetForm.LEVEL)
            assert new_t == replace(t, value=123.5, text="", milestones=(), form=TargetForm.LEVEL)
            assert new_t.value == 123.5 and new_t.comparator is t.comparator
            copy = replaced(ind, baseline=7.0, target=new_t)
            assert copy == replace(ind, baseline=7.0, target=new_t)
            assert (copy.baseline, copy.target, copy.code) == (7.0, new_t, ind.code)
            assert ind.baseline != 7.0 or ind.target != new_t  # the original is left as it was
            assert replaced(ind) == ind and replaced(ind) is not ind


def test_an_unknown_field_or_a_record_with_post_init_is_refused() -> None:
    ind = builtin_plans()[0].indicators[0]
    with pytest.raises(TypeError, match="nope"):
        replaced(ind, nope=1)
    with pytest.raises(TypeError, match="__post_init__"):
        replaced(ind.profile)  # a ReleaseProfile checks its shares in __post_init__
