"""A strict Content-Security-Policy, and templates it can hold: nothing inline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

SRC = Path(__file__).resolve().parents[2] / "src" / "radar"
INLINE = {
    "style attribute": re.compile(r"\sstyle\s*=", re.I),
    "inline script": re.compile(
        r"<script(?![^>]*\ssrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I
    ),
    "event handler": re.compile(r"\son[a-z]+\s*=", re.I),
    "hx-on": re.compile(r"\shx-on", re.I),
    "javascript: link": re.compile(r"javascript:", re.I),
}


def test_no_template_has_inline_styles_scripts_or_handlers() -> None:
    found = [
        f"{path.relative_to(SRC)}:{number}: {what}"
        for path in sorted(SRC.rglob("templates/**/*.html"))
        # E-mails are not pages: mail clients ignore stylesheets, so they style inline.
        if "email" not in path.parent.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for what, pattern in INLINE.items()
        if pattern.search(line)
    ]
    assert found == []


@pytest.mark.django_db
def test_pages_carry_a_strict_policy(manager_client: Client) -> None:
    for url in ("/", "/accounts/login/"):
        policy = manager_client.get(url)["Content-Security-Policy"]
        directives = dict(
            (part.split()[0], part.split()[1:]) for part in policy.split("; ") if part
        )
        assert directives["script-src"] == ["'self'"]
        assert directives["style-src"] == ["'self'"]
        assert directives["object-src"] == ["'none'"]
        assert directives["frame-ancestors"] == ["'none'"]
        assert "unsafe" not in policy
