"""The engine's docs cannot drift from the code: every setting and field is documented."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date

from radar.engine.assessment import CadenceFlag
from radar.engine.config import EngineConfig
from radar.engine.evaluate import evaluate
from tests.conftest import REPO_ROOT
from tests.engine.test_scenarios import reassigned_lead_engineer

DOCS = REPO_ROOT / "docs"


def documented_names(text: str) -> set[str]:
    return set(re.findall(r"^\| `([a-z_]+)` \|", text, flags=re.MULTILINE))


def test_every_engine_setting_is_documented_with_its_default():
    text = (DOCS / "configuration.md").read_text()
    names = documented_names(text)
    for field in dataclasses.fields(EngineConfig):
        assert field.name in names, f"{field.name} is missing from docs/configuration.md"


def example() -> dict:
    text = (DOCS / "assessment-schema.md").read_text()
    block = text.split("```json", 1)[1].split("```", 1)[0]
    return json.loads(block)


def shape(value):
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return None


def test_the_schema_example_has_the_shape_of_a_real_assessment():
    real = evaluate(reassigned_lead_engineer(), date(2025, 10, 31)).to_dict()
    documented = example()
    assert set(documented) == set(real)
    for key in ("categories", "signals", "score_history"):
        assert shape(documented[key][0]) == shape(real[key][0]), key
    assert shape(documented["phase"]) == shape(real["phase"])
    assert set(documented["recommendation"]) == set(real["recommendation"])
    assert set(documented["cadence"][0]) == {f.name for f in dataclasses.fields(CadenceFlag)}


def test_every_field_of_the_example_is_described_in_a_table():
    text = (DOCS / "assessment-schema.md").read_text()
    names = documented_names(text)
    doc = example()
    fields = set(doc) | set(doc["categories"][0]) | set(doc["signals"][0])
    fields |= set(doc["signals"][0]["evidence"]) | set(doc["phase"]) | set(doc["recommendation"])
    fields |= set(doc["cadence"][0])
    assert fields <= names, sorted(fields - names)
