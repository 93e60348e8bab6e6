"""Only the new words count: quotes, forwarded history and signatures are cut."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from radar.ingest.email.text import body_text, count_words, strip_reply


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        (
            "Looks good.\n\nOn Tue, 3 Mar 2025 at 10:02, Jane <j@x.com> wrote:\n> old\n> older\n",
            "Looks good.",
        ),
        (
            "Agreed.\n\nOn Tue, 3 Mar 2025 at 10:02, Jane Doe <jane@x.com>\nwrote:\n> old\n",
            "Agreed.",
        ),
        (
            "> quoted first\n\ninline answer\n> more quote\nsecond answer",
            "inline answer\nsecond answer",
        ),
        ("Ship it.\n\n-----Original Message-----\nFrom: Bob\nSent: Monday\n\nold text", "Ship it."),
        (
            "Fine.\n\nFrom: Bob <b@x.com>\nSent: Monday, 3 March 2025\nTo: Jane\n\nunquoted old",
            "Fine.",
        ),
        (
            "From: Joe <j@x.com>\nDate: Sun, 14 Nov 2010\n\n> Signed-off-by: Joe\n\nApplied.\n",
            "Applied.",
        ),
        ("New words here.\n\n-- \nJane Doe\n+1 555 0100", "New words here."),
        (
            "We will deliver Friday.\n\nBest regards,\nJane Doe\nHead of Partnerships",
            "We will deliver Friday.",
        ),
        ("Works for me.\n\nThanks,\nBob", "Works for me."),
        ("Okay.\n\nSent from my iPhone", "Okay."),
        ("Ja, passt.\n\nAm 03.03.2025 um 10:02 schrieb Jane <j@x.com>:\n> alt", "Ja, passt."),
    ],
)
def test_it_strips_quotes_and_signatures(body: str, kept: str):
    assert strip_reply(body) == kept


def test_a_thanks_in_the_middle_of_a_long_message_is_kept():
    body = "Thanks,\n" + "\n".join(f"point {n} of the plan" for n in range(10))
    assert strip_reply(body).startswith("Thanks,")


def test_it_reads_the_plain_part_and_falls_back_to_html():
    msg = EmailMessage()
    msg.set_content("Plain words über alles", charset="iso-8859-1")
    msg.add_alternative("<p>html <b>words</b></p>", subtype="html")
    assert body_text(msg) == "Plain words über alles\n"
    html_only = EmailMessage()
    html_only.set_content(
        "<html><style>p{}</style><p>Hello&nbsp;team</p><blockquote>old</blockquote></html>",
        subtype="html",
    )
    text = body_text(html_only)
    assert "Hello" in text and "team" in text and "old" not in text and "p{}" not in text
    assert count_words(strip_reply(text)) == 2


def test_attachments_are_not_read_as_text():
    msg = EmailMessage()
    msg.set_content("see attached")
    msg.add_attachment(b"secret numbers", maintype="text", subtype="plain", filename="a.txt")
    assert body_text(msg) == "see attached\n"


def test_a_legal_disclaimer_under_the_signature_is_not_the_writers_text():
    body = (
        "Works for us, see you then.\n\nKind regards\nLegal & Partner Office\n\n"
        "CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and may be\n"
        "legally privileged. If you are not the intended recipient, please notify the sender.\n"
        "Acme accepts no liability for any damage caused by this message.\n"
        "Any unauthorised use is strictly prohibited.\nAcme GmbH, HRB 12345."
    )
    assert strip_reply(body) == "Works for us, see you then."
    german = "Passt.\n\nDiese E-Mail enthält vertrauliche Informationen."
    assert strip_reply(german) == "Passt."
