"""Our own side: the alliance team of the fictional company running the demo."""

from __future__ import annotations

from radar.demo.story import ContactSpec

OUR_COMPANY = "Kestrel Systems"
OUR_DOMAIN = "kestrel.example"

# username -> (first name, last name, title). "demo" is the login of the demo.
OWNERS = {
    "demo": ("Robin", "Hale", "Director of Alliances"),
    "maya": ("Maya", "Lindqvist", "Senior Alliance Manager"),
    "tomas": ("Tomás", "Okafor", "Alliance Manager"),
    "priya": ("Priya", "Raman", "Partner Program Lead"),
}

# Our people who show up in alliances besides the owner, by alliance kind.
_SPONSORS = {
    "technology": ("Marcus Feld", "VP Engineering"),
    "research": ("Marcus Feld", "VP Engineering"),
}
_DEFAULT_SPONSOR = ("Elena Duarte", "Chief Revenue Officer")
_LEADS = {
    "technology": ("Hannah Cole", "Principal Solutions Architect", "technical_lead"),
    "research": ("Hannah Cole", "Principal Solutions Architect", "technical_lead"),
    "co_marketing": ("Lea Novak", "Partner Marketing Manager", "marketing_lead"),
}
_DEFAULT_LEAD = ("Sam Whitaker", "Partner Sales Manager", "sales_lead")


def our_contacts(kind: str, owner: str) -> tuple[ContactSpec, ...]:
    """The owner (our alliance manager), our executive sponsor and one lead."""
    first, last, title = OWNERS[owner]
    sponsor = _SPONSORS.get(kind, _DEFAULT_SPONSOR)
    lead = _LEADS.get(kind, _DEFAULT_LEAD)
    return (
        ContactSpec(
            "our-owner", f"{first} {last}", title, "alliance_manager", side="ours", tenure_years=3
        ),
        ContactSpec(
            "our-sponsor", sponsor[0], sponsor[1], "executive_sponsor", side="ours", tenure_years=4
        ),
        ContactSpec("our-lead", lead[0], lead[1], lead[2], side="ours", tenure_years=2),
    )


def email_of(name: str, domain: str) -> str:
    local = name.lower().replace("á", "a").replace("é", "e").replace("ö", "o").replace("ü", "u")
    parts = [p for p in local.replace("-", " ").split() if p.isalpha()]
    return f"{parts[0]}.{parts[-1]}@{domain}"
