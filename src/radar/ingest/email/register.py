"""A writer who turns formal against the thread: the register cue a single message cannot show.

Each message's tone is read on its own (radar.engine.tone); whether it is
*more formal than this writer usually is with us* needs the thread. Here
every writer's messages in a thread are taken in time order, and a message
much more formal than the same writer's earlier ones there, with any stance
in it, is marked defensive (and its tone held down like any defensive text).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from statistics import mean

from radar.engine.tone import formality_jump, held_down
from radar.ingest.email.facts import Mail


def mark_formality_jumps(mails: Iterable[Mail], thread_of: Callable[[Mail], str]) -> int:
    """Mark the messages that jump in formality; returns how many were marked."""
    by_writer: dict[tuple[str, str], list[Mail]] = {}
    for mail in mails:
        writer = next((p[0] for p in mail.people if p[3] == "from"), "")
        if mail.tone is not None and mail.when is not None and writer:
            by_writer.setdefault((thread_of(mail), writer), []).append(mail)
    marked = 0
    for written in by_writer.values():
        written.sort(key=lambda m: (m.when, m.key))
        for n, mail in enumerate(written[1:], start=1):
            earlier = mean(m.formality for m in written[:n])
            if not mail.defensive and formality_jump(earlier, mail.formality, mail.stance):
                mail.defensive = True
                mail.tone = held_down(mail.tone or 0.0, mail.blaming, True)
                marked += 1
    return marked
