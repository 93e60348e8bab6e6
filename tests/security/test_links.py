from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from radar.security.links import check_link, validate_link

REFUSED = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox",
    "ftp://files.example/x",
    "//evil.example",
    "not a link",
]


@pytest.mark.parametrize("link", REFUSED)
def test_it_refuses_anything_but_a_web_address(link: str) -> None:
    with pytest.raises(ValueError, match="http:// or https://"):
        check_link(link)
    with pytest.raises(ValidationError):
        validate_link(link)


@pytest.mark.parametrize("link", ["", "https://acme.example", "http://acme.example/a?b=c#d"])
def test_it_accepts_web_addresses_and_blank(link: str) -> None:
    assert check_link(link) == link
