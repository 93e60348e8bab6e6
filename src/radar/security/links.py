"""Links people store (partner website, agreement document, observation source).

Only web addresses are accepted: http and https, with a host. A `javascript:`
or `data:` link rendered in a page would run or show whatever its author wrote,
so the forms, the API and the importers all refuse it with this one rule.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

SCHEMES = ("http", "https")
_validator = URLValidator(schemes=list(SCHEMES))
MESSAGE = "Enter a web address starting with http:// or https://."


def check_link(value: str) -> str:
    """The link unchanged if it is a web address; ValueError with a clear message if not."""
    if value == "":
        return value
    try:
        _validator(value)
    except ValidationError:
        raise ValueError(MESSAGE) from None
    return value


def validate_link(value: str) -> None:
    """The same rule as a Django validator (models and forms)."""
    try:
        check_link(value)
    except ValueError as exc:
        raise ValidationError(str(exc), code="invalid_link") from None
