"""The `__init__` methods written out in engine dataclasses (for the compiled engine)
take and set exactly the fields, in order, with the fields' defaults."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest

from radar.engine import assessment, records, score, triage
from radar.engine.config import DEFAULT_CONFIG
from radar.engine.coverage import coverage
from radar.engine.evaluate import evaluate
from radar.engine.signals import detect_all, execution
from radar.engine.vocab import Side
from tests.engine.builders import build, survey
from tests.engine.test_pickling import SCENARIOS, nested

AS_OF = date(2025, 10, 31)


def init_fields(kind: type) -> list[dataclasses.Field]:
    return [f for f in dataclasses.fields(kind) if f.init]


# The classes whose __init__ is written out; each must be reached below.
WRITTEN_OUT = (
    assessment.EvidencePoint,
    assessment.Evidence,
    assessment.Detection,
    assessment.Signal,
    assessment.CategoryScore,
    assessment.ScorePoint,
    triage.PeriodSignals,
    triage._Streak,
    score.CategoryInput,
    score.PeriodScore,
    execution.Tally,
    records.PeriodStats,
    records.DeliverableRecord,
    records.SurveyResponse,
    records.SurveyRecord,
    records.CheckInRecord,
    records.ContactRecord,
)


@pytest.fixture(scope="module")
def instances() -> dict[type, list[object]]:
    """Real instances: the seeds' scenarios, their detections, triage and assessments."""
    found: dict[type, list[object]] = {}
    for scenario in SCENARIOS:
        h = scenario()
        frame = build(h, AS_OF)
        covered = coverage(frame, DEFAULT_CONFIG)
        detections = detect_all(frame, DEFAULT_CONFIG)
        periods = triage.triage(detections, frame.periods, covered.fresh, h.context, DEFAULT_CONFIG)
        scores = score.score_periods(periods, covered.held, DEFAULT_CONFIG)
        items = [*nested(h), *nested(evaluate(h, AS_OF)), *nested(detections)]
        items += [*nested(periods), *nested(scores)]
        items += [score.CategoryInput(True, 1.5, 0.25, 3, 2), execution.Tally(4, 1, 2, 3)]
        items += nested(
            survey(7, date(2025, 3, 3), (date(2025, 3, 5), 4.0), (date(2025, 3, 9), 2.5, Side.OURS))
        )
        if detections:  # internal to the triage: built by hand from real detections
            first, last = detections[0], detections[-1]
            items.append(triage._Streak(first, date(2025, 1, 31), date(2025, 3, 31), 3, 7, None))
            items.append(triage._Streak(last, date(2025, 2, 28), date(2025, 2, 28), 1, -1, AS_OF))
        for item in items:
            found.setdefault(type(item), []).append(item)
    return found


def test_every_written_out_init_is_exercised(instances):
    assert [kind.__name__ for kind in WRITTEN_OUT if kind not in instances] == []


def made_up(field: dataclasses.Field, k: int) -> object | None:
    """A value of the field's plain type that no other field gets (None: no such type)."""
    base = str(field.type).split("|")[0].strip()
    made = {
        "int": lambda: 1000 + k,
        "float": lambda: 1000.5 + k,
        "str": lambda: f"<{field.name}>",
        "date": lambda: date(2000, 1, 1) + timedelta(days=k),
        "datetime": lambda: datetime(2000, 1, 1, tzinfo=UTC) + timedelta(hours=k),
    }.get(base)
    return made() if made else None


def same(got: object, given: object) -> bool:
    """The very object given; numbers by type and value, since the compiled engine
    stores int and float fields unboxed and hands back an equal new object."""
    if isinstance(given, int | float):
        return type(got) is type(given) and got == given
    return got is given


def distinct_arguments(kind: type, examples: list[object]) -> dict[str, object]:
    """A value per field, each unlike the others: an init that set a field from the
    wrong argument cannot go unnoticed. Values are made up for plain types (the
    examples were built by the very init under test, so their values may agree)
    and taken from the examples for the others (enums, records, tuples)."""
    chosen: dict[str, object] = {}
    for k, f in enumerate(init_fields(kind)):
        value = made_up(f, k)
        if value is None:
            seen = [getattr(example, f.name) for example in examples]
            value = next(
                (v for v in seen if all(v is not c and v != c for c in chosen.values())), seen[0]
            )
        chosen[f.name] = value
    return chosen


@pytest.mark.parametrize("kind", WRITTEN_OUT, ids=lambda k: k.__qualname__)
def test_every_init_sets_each_field_from_its_own_argument(kind, instances):
    arguments = distinct_arguments(kind, instances[kind])
    for built in (kind(**arguments), kind(*arguments.values())):
        for name, value in arguments.items():
            assert same(getattr(built, name), value), (kind, name)


@pytest.mark.parametrize("kind", WRITTEN_OUT, ids=lambda k: k.__qualname__)
def test_every_instance_rebuilds_equal_by_name_by_position_and_by_replace(kind, instances):
    for item in instances[kind]:
        values = {f.name: getattr(item, f.name) for f in init_fields(kind)}
        for rebuilt in (kind(**values), kind(*values.values()), dataclasses.replace(item)):
            assert rebuilt == item


@pytest.mark.parametrize("kind", WRITTEN_OUT, ids=lambda k: k.__qualname__)
def test_every_init_has_the_fields_defaults(kind, instances):
    item = instances[kind][0]
    required = {
        f.name: getattr(item, f.name)
        for f in init_fields(kind)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }
    bare = kind(**required)
    for f in init_fields(kind):
        if f.default is not dataclasses.MISSING:
            assert getattr(bare, f.name) == f.default, (kind, f.name)
        elif f.default_factory is not dataclasses.MISSING:
            assert getattr(bare, f.name) == f.default_factory(), (kind, f.name)


def test_frozen_classes_stay_frozen(instances):
    for kind in WRITTEN_OUT:
        if not kind.__dataclass_params__.frozen:
            continue
        item = instances[kind][0]
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(item, init_fields(kind)[0].name, None)
