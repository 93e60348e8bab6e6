"""`radar digest` and `radar notify test`: what the radar sends, on demand."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from radar.cli.app import app, err, fail, migrate_quietly

if TYPE_CHECKING:
    from django.contrib.auth.models import User

notify_app = typer.Typer(help="Notifications: check the channels.", no_args_is_help=True)
app.add_typer(notify_app, name="notify")


def _user(name: str) -> User:
    from django.contrib.auth.models import User

    found = User.objects.filter(username=name).first()
    if found is None:
        raise fail(f"No user called {name!r}.")
    return found


@app.command()
def digest(
    user: Annotated[
        str | None, typer.Option(help="Only this user (now, whatever their digest day).")
    ] = None,
    dry_run: Annotated[bool, typer.Option(help="Print what would be sent; send nothing.")] = False,
) -> None:
    """Send the weekly digests due today (or one user's now); --dry-run prints them."""
    migrate_quietly()
    from django.utils import timezone

    from radar.notify.digest import message
    from radar.notify.digest_send import build_digests, deliver, due_users
    from radar.notify.recipients import choices_for

    today = timezone.localdate()
    if user is not None:
        person = _user(user)
        people = [(person, choices_for([person])[person.pk])]
    else:
        people = due_users(today)
    choices = {u.pk: c for u, c in people}
    built = build_digests(today, people)
    if not built:
        typer.echo("No digest to send (nobody is due today, or they have no alliances).")
        return
    undelivered: list[str] = []
    for one in built:
        address = getattr(one.user, "email", "") or "no e-mail address"
        if dry_run:
            typer.echo(f"=== To {one.user} <{address}> ===")
            typer.echo(message(one).text)
            continue
        failed = deliver(one, choices[one.user.pk])
        if failed is None:
            typer.echo(f"{one.user}: already sent this week")
        elif failed:
            undelivered.append(str(one.user))
            typer.echo(f"{one.user}: in the inbox, but {failed} e-mail/chat delivery FAILED")
        else:
            typer.echo(f"{one.user}: sent")
    if undelivered:
        raise typer.Exit(1)


@notify_app.command("test")
def notify_test(
    to: Annotated[
        str | None, typer.Option(help="E-mail address for the test (default: administrators').")
    ] = None,
    user: Annotated[str | None, typer.Option(help="Also put it in this user's inbox.")] = None,
) -> None:
    """Send a test message through each configured channel and say how each went."""
    migrate_quietly()
    from django.conf import settings

    from radar.notify import channels
    from radar.notify.links import absolute
    from radar.notify.recipients import active_users, choices_for, is_admin

    message = channels.Message(
        kind="test",
        title="Test message",
        text="This is a test from Alliance Radar: this channel works.",
        html="<p>This is a test from Alliance Radar: this channel works.</p>",
        link=absolute("/"),
    )
    addresses = [to] if to else [u.email for u in active_users() if is_admin(u) and u.email]
    results: list[bool] = []
    if addresses:
        _sent, failed = channels.send_emails([channels.email_to(a, message) for a in addresses])
        backend = settings.EMAIL_BACKEND.rsplit(".", 2)[-2]
        results.append(_report(f"e-mail ({backend}) to {', '.join(addresses)}", not failed))
    else:
        err.print("e-mail: skipped (no --to and no administrator with an address)")
    if user is not None:
        person = _user(user)
        channels.to_inbox(person, message)
        results.append(_report(f"in-app inbox of {user}", True))
        own_chat = choices_for([person])[person.pk].chat_url
        if own_chat:  # the chat webhook the user chose in their settings
            ok = channels.to_chat([own_chat], message)
            results.append(_report(f"chat webhook of {user}", ok))
    urls = channels.team_chat_urls()
    if urls:
        ok = channels.to_chat(urls, message)
        results.append(_report(f"team chat ({len(urls)} webhook(s))", ok))
    else:
        err.print("chat: skipped (RADAR_CHAT_URLS is not set)")
    if not all(results):
        raise typer.Exit(1)


def _report(channel: str, ok: bool) -> bool:
    typer.echo(f"{channel}: {'sent' if ok else 'FAILED (see the log)'}")
    return ok
