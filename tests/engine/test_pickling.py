from __future__ import annotations

import copyreg
import dataclasses
import pickle
from collections.abc import Iterator
from datetime import date
from types import ModuleType
from typing import Any

import pytest

from radar.engine import assessment, config, records
from radar.engine.config import EngineConfig
from radar.engine.evaluate import evaluate
from tests.engine.test_scenarios import (
    co_selling_incentive_change,
    reassigned_lead_engineer,
    stable_mature_alliance,
)

AS_OF = date(2025, 10, 31)
SCENARIOS = (reassigned_lead_engineer, co_selling_incentive_change, stable_mature_alliance)


def dataclasses_of(module: ModuleType) -> list[type]:
    return [
        kind
        for kind in vars(module).values()
        if isinstance(kind, type)
        and dataclasses.is_dataclass(kind)
        and kind.__module__ == module.__name__
    ]


def nested(item: Any) -> Iterator[Any]:
    """`item` and every dataclass instance reachable through fields, tuples and mappings."""
    if dataclasses.is_dataclass(item):
        yield item
        for field in dataclasses.fields(item):
            yield from nested(getattr(item, field.name))
    elif isinstance(item, tuple | list):
        for part in item:
            yield from nested(part)
    elif isinstance(item, dict):
        for part in item.values():
            yield from nested(part)


@pytest.mark.parametrize("module", [assessment, records, config], ids=lambda m: m.__name__)
def test_every_engine_dataclass_that_crosses_processes_pickles_as_a_call(module):
    kinds = dataclasses_of(module)
    assert kinds
    missing = [kind.__name__ for kind in kinds if kind not in copyreg.dispatch_table]
    assert missing == []


def test_the_reducer_gives_the_class_and_its_field_values_in_order():
    found = 0
    for scenario in SCENARIOS:
        h = scenario()
        for item in (*nested(h), *nested(evaluate(h, AS_OF))):
            kind = type(item)
            values = tuple(getattr(item, field.name) for field in dataclasses.fields(item))
            assert copyreg.dispatch_table[kind](item) == (kind, values), kind
            found += 1
    assert found > 400  # a real graph: histories and assessments, not a handful


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.__name__)
def test_histories_and_assessments_survive_a_round_trip(scenario):
    h = scenario()
    a = evaluate(h, AS_OF)
    for item in (h, a):
        back = pickle.loads(pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == item
    back_history = pickle.loads(pickle.dumps(h))
    assert evaluate(back_history, AS_OF).to_dict() == a.to_dict()


def test_an_overridden_configuration_survives_a_round_trip():
    strict = EngineConfig.from_mapping({"confirm_after_periods": 1, "deviation_z": 2.5})
    back = pickle.loads(pickle.dumps(strict))
    assert back == strict and back.confirm_after_periods == 1 and back.deviation_z == 2.5
    assert back != EngineConfig()
