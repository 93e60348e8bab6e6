"""Rows to JSON lines and back, byte-for-byte stable across database engines.

Values are written as the ORM reads them: dates and times in ISO 8601 with
every microsecond (Django's own JSON encoder drops all but milliseconds),
decimals and UUIDs as text, JSON columns with sorted keys. Reading turns each
value back with the model field's own `to_python`.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import uuid
from decimal import Decimal
from typing import Any

from django.db import models
from django.utils.duration import duration_iso_string


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return duration_iso_string(value)
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode()
    raise TypeError(f"cannot back up a {type(value).__name__}")


def encode(row: dict[str, Any]) -> bytes:
    text = json.dumps(
        row, default=_plain, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )
    return text.encode() + b"\n"


def decode(line: bytes) -> dict[str, Any]:
    row: dict[str, Any] = json.loads(line)
    return row


def to_python(field: models.Field[Any, Any], value: Any) -> Any:
    """A value read from a backup, as the field stores it."""
    if value is None or isinstance(field, models.JSONField):
        return value
    if isinstance(field, models.BinaryField):
        return base64.b64decode(value)
    if isinstance(field, models.DateTimeField | models.DateField | models.TimeField):
        return field.to_python(value)
    if isinstance(field, models.DecimalField | models.UUIDField | models.DurationField):
        return field.to_python(value)
    return value
