"""Ranges for every number the API accepts, and the base of its input schemas.

A value the database cannot store must be a 422 that says which field is
wrong, never a 500: every integer and number the API reads (bodies, query
strings, pagination) is bounded here, below what the store keeps, and floats
must be finite. tests/api/test_bounds.py walks /api/openapi.json and fails
on any integer or number without both bounds, so new routes inherit the rule.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination
from pydantic import ConfigDict, field_validator

from radar.ingest.bundle.spec import MAX_INT

MAX_PAGE = 500  # items one request may list
# Hours, minutes and the like: generous, finite, far below what a float holds.
MAX_QUANTITY = 1_000_000_000

Count = Annotated[int, Field(ge=0, le=MAX_INT)]
Id = Annotated[int, Field(ge=1, le=MAX_INT)]  # a row id in a path or body
Quantity = Annotated[float, Field(ge=0, le=MAX_QUANTITY)]


class Input(Schema):
    """Base of request bodies: NaN, infinities and NUL characters are refused,
    date-times are taken to UTC."""

    model_config = ConfigDict(allow_inf_nan=False)

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        # PostgreSQL cannot store NUL in text: refused here, not a 500 there.
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("text may not contain NUL characters")
        if isinstance(value, datetime) and value.tzinfo is not None:
            # Stored in UTC anyway; PostgreSQL refuses offsets beyond ±16 h.
            try:
                return value.astimezone(UTC)
            except OverflowError:
                raise ValueError("date-time out of range") from None
        return value


class Page(LimitOffsetPagination):
    """Limit/offset pagination whose numbers have a maximum."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=MAX_PAGE)
        offset: int = Field(0, ge=0, le=MAX_INT)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_PAGE, **kwargs)
