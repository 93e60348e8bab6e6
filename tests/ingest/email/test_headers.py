"""Headers in any charset and dates in any zone, read without ever raising."""

from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes

import pytest
from hypothesis import given
from hypothesis import strategies as st

from radar.ingest.email import headers


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("=?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?=", "Jürgen Müller"),
        ("=?iso-8859-1?q?Fran=E7ois?= Dupont", "François Dupont"),
        ("=?koi8-r?B?8NLJ18XU?=", "Привет"),
        ("=?shift_jis?B?k/qWe4zq?=", "日本語"),
        ("=?x-no-such-charset?Q?caf=C3=A9?=", "café"),  # unknown charset: UTF-8 guess
        ("=?utf-8?q?broken", "=?utf-8?q?broken"),  # malformed: kept as written
        ("plain\n\tfolded   header", "plain folded header"),
    ],
)
def test_it_decodes_encoded_words(raw: str, text: str):
    assert headers.text(raw) == text


def test_it_reads_raw_8bit_headers():
    msg = message_from_bytes("Subject: Grüße aus Köln\n\nbody".encode())
    assert headers.text(msg["Subject"]) == "Grüße aus Köln"
    latin = message_from_bytes("Subject: Grüße\n\nbody".encode("latin-1"))
    assert headers.text(latin["Subject"]) == "Grüße"


@pytest.mark.parametrize(
    ("raw", "utc"),
    [
        ("Sun, 22 Nov 2009 20:52:46 +0100", datetime(2009, 11, 22, 19, 52, 46, tzinfo=UTC)),
        ("Sat, 21 Nov 2009 16:28:30 -0800", datetime(2009, 11, 22, 0, 28, 30, tzinfo=UTC)),
        ("Tue, 22 Jun 2010 20:55:09 +0530", datetime(2010, 6, 22, 15, 25, 9, tzinfo=UTC)),
        ("Mon, 3 Mar 2025 10:00:00 +1345", datetime(2025, 3, 2, 20, 15, tzinfo=UTC)),
        ("3 Mar 25 10:00 EST", datetime(2025, 3, 3, 15, 0, tzinfo=UTC)),
        ("Mon, 3 Mar 2025 10:00:00 -0000", datetime(2025, 3, 3, 10, 0, tzinfo=UTC)),
        ("Mon, 3 Mar 2025 10:00:00", datetime(2025, 3, 3, 10, 0, tzinfo=UTC)),
    ],
)
def test_dates_in_every_zone_come_back_in_utc(raw: str, utc: datetime):
    assert headers.parse_date(raw) == utc


@pytest.mark.parametrize(
    "raw", ["", "yesterday", "Mon, 32 Foo 2025 99:99:99 +0100", "Tue, 1 Jan 99999 10:00 +0000"]
)
def test_unreadable_dates_are_none(raw: str):
    assert headers.parse_date(raw) is None


@given(st.text(max_size=80))
def test_no_header_value_makes_the_readers_raise(value: str):
    headers.text(value)
    headers.parse_date(value)
    headers.message_ids(value)


def test_addresses_and_ids():
    msg = message_from_bytes(
        b"From: =?utf-8?q?J=C3=BCrgen?= <Juergen@Example.COM>\n"
        b'To: a@x.example, not-an-address, "Bob, Jr" <bob@y.example>\n'
        b"References: <a@x> <b@y>\n <c@z>\n\nbody"
    )
    assert headers.addresses(msg, "From") == [("Jürgen", "juergen@example.com")]
    assert [a for _, a in headers.addresses(msg, "To")] == ["a@x.example", "bob@y.example"]
    assert headers.message_ids(msg["References"]) == ["a@x", "b@y", "c@z"]
    assert headers.message_ids("bare@id.example") == ["bare@id.example"]


def test_the_received_date_is_the_fallback():
    msg = message_from_bytes(
        b"Received: from a by b; Tue, 22 Jun 2010 20:55:09 +0530\nDate: garbage\n\nx"
    )
    assert headers.received_date(msg) == datetime(2010, 6, 22, 15, 25, 9, tzinfo=UTC)
