"""What people write: message bodies in each register, signatures and quoted history.

A body is built sentence by sentence until it holds about the number of
words the World says the sender wrote: one to three sentences in the
message's register (warm, defensive, blaming), the rest ordinary business,
shuffled; slots (names, dates, clause numbers, documents) vary the sentences
so no two partners write alike. The defensive register is the formal one of a
relationship going cold: it points back at what was agreed or delivered and
insists on written approval and procedure, politely — which is why a
sentiment lexicon alone reads it as warm.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from bench.accuracy.world import Register

DOCS = (
    "statement of work", "partner agreement", "joint business plan", "data processing addendum",
    "co-marketing plan", "integration specification", "steering committee minutes",
)  # fmt: skip
THINGS = (
    "the connector release", "the enablement sessions", "the joint webinar", "the pilot",
    "the reference architecture", "the pricing sheet", "the lead report", "the demo tenant",
)  # fmt: skip

BANK: dict[Register, tuple[str, ...]] = {
    Register.WARM: (
        "Thanks so much for pulling this together, {first}, it is really helpful.",
        "Great to hear about the progress on {thing}; the team here is excited.",
        "Happy to jump on a call whenever suits you this week.",
        "Loved the ideas from our last session, let's keep that momentum going.",
        "Our sales team keeps asking for more joint deals like the last one!",
        "I really appreciate how quickly your people turned this around.",
        "Looking forward to seeing you at the review, it has been a good quarter for both of us.",
        "We would love to explore a second use case together next quarter.",
        "Brilliant work on {thing} - customers are already noticing.",
        "Let me know how we can help; we are keen to make this a success.",
        "Quick update: two more customers asked about the joint offer.",
        "Fantastic, thank you - I've shared it with our regional leads.",
    ),
    Register.NEUTRAL: (
        "Please find the updated figures for {thing} below.",
        "The meeting is confirmed for {day}.",
        "We will review the draft and come back to you by {day}.",
        "Attached is the agenda for the next session.",
        "Could you confirm who will join from your side?",
        "The numbers for last month are in line with the forecast.",
        "I have forwarded your question to our product team.",
        "Here is the list of open items from the last call.",
        "Our finance team needs the purchase order reference for {thing}.",
        "We plan to publish {thing} in the second half of the month.",
        "Let me check internally and get back to you.",
        "For reference, the next checkpoint is on {day}.",
    ),
    Register.TERSE: (
        "Noted.",
        "Will check.",
        "Not this week.",
        "See below.",
        "OK, later.",
        "No update yet.",
        "Busy with other priorities at the moment.",
        "We'll see.",
        "Can't commit to a date.",
        "Pushing this to next month.",
    ),
    Register.DEFENSIVE: (
        "As set out in section {clause} of the {doc}, the timeline depended on your input.",
        "For the record, we delivered {thing} on the date agreed in the {doc}.",
        "Any change to the scope will have to go through the formal change request procedure.",
        "We would ask that further requests be submitted in writing, approved by our legal team.",
        "Kindly note that our obligations under the {doc} have been met in full.",
        "Please refer to the {doc}, where this point was agreed by both parties.",
        "We are not in a position to commit resources beyond what was contractually agreed.",
        "We will need written approval from our procurement department before we proceed.",
        "As stated in our message of {earlier}, this item was outside the agreed scope.",
        "Our position remains as documented in section {clause} of the {doc}.",
        "We would appreciate it if all further communication on this went through the agreed "
        "escalation path.",
        "To be clear, the milestones on our side were completed as specified.",
        "We have reviewed the request and must refer you again to the terms we both signed.",
        "Until the revised {doc} is signed by both sides, the current terms continue to apply.",
    ),
    Register.BLAMING: (
        "The delay is a direct result of your team missing the deadline for {thing}.",
        "Frankly, the leads you sent were not qualified, which is why nothing converted.",
        "We have been waiting on your side for three weeks now.",
        "This is the second time your people changed the requirements at the last minute.",
        "The escalation could have been avoided if your support had responded on time.",
        "Your team did not deliver what was promised for {thing}.",
        "We cannot keep covering for problems on your end.",
    ),
}
OPENERS = {
    Register.WARM: ("Hi {first},", "Hello {first}!", "Hey {first},"),
    Register.NEUTRAL: ("Hi {first},", "Hello {first},", "{first},"),
    Register.TERSE: ("{first},", "", "Hi,"),
    Register.DEFENSIVE: ("Dear {first},", "Dear {name},", "Hello {first},"),
    Register.BLAMING: ("{first},", "Hi {first},", ""),
}
CLOSINGS = {
    Register.WARM: ("Best,", "Cheers,", "Thanks again,", "Warm regards,"),
    Register.NEUTRAL: ("Best regards,", "Regards,", "Thanks,"),
    Register.TERSE: ("", "Thx", "Regards,"),
    Register.DEFENSIVE: ("Kind regards,", "Sincerely,", "Best regards,"),
    Register.BLAMING: ("Regards,", "", "Thanks,"),
}


def _fill(rng: random.Random, sentence: str, recipient: str, when: datetime) -> str:
    earlier = when - timedelta(days=rng.randint(3, 40))
    soon = when + timedelta(days=rng.randint(2, 20))
    return sentence.format(
        first=recipient.split()[0],
        thing=rng.choice(THINGS),
        doc=rng.choice(DOCS),
        clause=f"{rng.randint(2, 14)}.{rng.randint(1, 9)}",
        day=f"{soon:%A} {soon.day} {soon:%B}",
        earlier=f"{earlier:%A} {earlier.day} {earlier:%B}",
    )


# How many sentences of a message carry its register; the rest is ordinary business.
CHARGED = {Register.WARM: (1, 3), Register.DEFENSIVE: (1, 3), Register.BLAMING: (1, 2)}


def body(rng: random.Random, register: Register, words: int, recipient: str, when: datetime) -> str:
    """New text of about `words` words, opener and sentences only (no closing)."""
    opener = rng.choice(OPENERS[register]).format(first=recipient.split()[0], name=recipient)
    low, high = CHARGED.get(register, (99, 99))
    charged = rng.randint(low, high)
    sentences: list[str] = []
    count = len(opener.split())
    pools = {r: list(BANK[r]) for r in (register, Register.NEUTRAL)}
    while count + 5 < words or not sentences:  # stop near the target, not a sentence past it
        kind = register if len(sentences) < charged else Register.NEUTRAL
        if not pools[kind]:
            pools[kind] = list(BANK[kind])
        sentence = _fill(rng, pools[kind].pop(rng.randrange(len(pools[kind]))), recipient, when)
        sentences.append(sentence)
        count += len(sentence.split())
    rng.shuffle(sentences)
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    return "\n\n".join(p for p in (opener, *paragraphs) if p)


def closing(rng: random.Random, register: Register) -> str:
    return rng.choice(CLOSINGS[register])


def signature(name: str, title: str, company: str) -> str:
    return f"-- \n{name}\n{title}, {company}"


def quoted(author: str, when: datetime, text: str) -> str:
    """The earlier message below a reply, as most clients quote it."""
    lines = "\n".join(f"> {line}" if line else ">" for line in text.splitlines())
    return f"On {when:%a, %d %b %Y at %H:%M}, {author} wrote:\n{lines}"
