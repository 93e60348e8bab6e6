"""`radar digest`, `radar notify test`, and `radar import` re-assessing inline."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from typer.testing import CliRunner

from radar.accounts.roles import Role
from radar.cli import app
from radar.notify.models import Notification, Preference
from radar.portfolio.models import Assessment
from tests.notify.conftest import Mailbox, free_port, parts, smtp  # noqa: F401 (fixture)
from tests.web.pagedata import TODAY, alliance, assessment, store
from tests.web.support import make_user

pytestmark = pytest.mark.django_db


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def mail_server_down(settings: Any) -> None:
    """Send mail over SMTP to a local port nothing listens on."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2


def bo_owning_a_systemic_alliance() -> User:
    """Manager 'bo', owner of Helix, whose newest assessment is systemic: a digest for bo."""
    owner = make_user("bo", Role.MANAGER)
    helix = alliance("Helix")
    helix.owner = owner
    helix.save()
    store(assessment(helix, 2.4, as_of=TODAY - timedelta(days=1), systemic=True))
    return owner


@pytest.fixture
def chat(settings: Any) -> Iterator[list[dict[str, Any]]]:
    """A chat webhook on 127.0.0.1 that keeps the JSON posted to it (apprise json://)."""
    posted: list[dict[str, Any]] = []

    class Hook(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            posted.append(json.loads(body))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.RADAR_CHAT_URLS = [f"json://127.0.0.1:{server.server_port}/hook"]
    try:
        yield posted
    finally:
        server.shutdown()


def test_notify_test_goes_through_every_configured_channel(
    smtp: Mailbox,  # noqa: F811
    chat: list[dict[str, Any]],
    fast_passwords: None,
) -> None:
    admin = make_user("ada", Role.ADMIN)
    result = invoke("notify", "test", "--user", "ada")
    assert result.exit_code == 0, result.output
    assert f"e-mail (smtp) to {admin.email}: sent" in result.output
    assert "in-app inbox of ada: sent" in result.output
    assert "team chat (1 webhook(s)): sent" in result.output
    (message,) = smtp.messages
    assert str(message["Subject"]).strip() == "[Alliance Radar] Test message"
    text, html = parts(message)
    assert "this channel works" in text and "this channel works" in html
    assert chat and chat[0]["title"] == "Test message"
    assert Notification.objects.filter(user=admin, kind="test").count() == 1


def test_notify_test_posts_to_the_users_own_chat_webhook(
    smtp: Mailbox,  # noqa: F811
    chat: list[dict[str, Any]],
    settings: Any,
    fast_passwords: None,
) -> None:
    (team,) = settings.RADAR_CHAT_URLS
    settings.RADAR_CHAT_URLS = []  # no team chat: what arrives came through Ada's own
    ada = make_user("ada", Role.ADMIN)
    Preference.objects.create(user=ada, by_chat=True, chat_url=team)
    result = invoke("notify", "test", "--user", "ada")
    assert result.exit_code == 0, result.output
    assert "chat webhook of ada: sent" in result.output
    assert [post["title"] for post in chat] == ["Test message"]


def test_notify_test_fails_loudly_when_the_mail_server_is_down(
    settings: Any, fast_passwords: None
) -> None:
    mail_server_down(settings)
    result = invoke("notify", "test", "--to", "ops@example.com")
    assert result.exit_code == 1 and "FAILED" in result.output


def test_digest_dry_run_prints_without_sending(
    smtp: Mailbox,  # noqa: F811
    fast_passwords: None,
) -> None:
    owner = bo_owning_a_systemic_alliance()
    result = invoke("digest", "--user", "bo", "--dry-run")
    assert result.exit_code == 0, result.output
    assert f"=== To bo <{owner.email}> ===" in result.output
    assert "NEEDS ATTENTION" in result.output and "Helix" in result.output
    assert smtp.messages == [] and not Notification.objects.exists()

    sent = invoke("digest", "--user", "bo")
    assert "bo: sent" in sent.output and len(smtp.messages) == 1
    assert "already sent this week" in invoke("digest", "--user", "bo").output


def test_a_digest_the_mail_server_refuses_is_reported_not_called_sent(
    settings: Any, fast_passwords: None
) -> None:
    owner = bo_owning_a_systemic_alliance()
    mail_server_down(settings)
    result = invoke("digest", "--user", "bo")
    assert result.exit_code == 1
    assert "bo: in the inbox, but 1 e-mail/chat delivery FAILED" in result.output
    assert Notification.objects.filter(user=owner, kind="digest").count() == 1


def test_digest_for_an_unknown_user_is_a_clear_error() -> None:
    result = invoke("digest", "--user", "nobody")
    assert result.exit_code == 2 and "No user called 'nobody'" in result.output


def test_import_reassesses_what_it_touched_without_a_worker(tmp_path: Path) -> None:
    from tests.cli.test_bundle_cli import GOOD, write_bundle

    result = invoke("import", str(write_bundle(tmp_path, GOOD)))
    assert result.exit_code == 0, result.output
    assert "Re-assessed 1 alliance(s)" in result.output
    assert Assessment.objects.filter(alliance__name="Acme co-sell").exists()
