"""Turn assessments into JSON-ready dictionaries (the documented schema)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from radar.engine.assessment import Assessment


def to_jsonable(value: Any) -> Any:
    """Recursively convert dataclasses, enums and dates to plain JSON types."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [to_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(to_jsonable(k)): to_jsonable(v) for k, v in value.items()}
    return value


def assessment_to_dict(assessment: Assessment) -> dict[str, Any]:
    data: dict[str, Any] = to_jsonable(assessment)
    data["recommendation"]["agreement_dates"] = [
        {"label": label, "date": when.isoformat()}
        for label, when in assessment.recommendation.agreement_dates
    ]
    return data
