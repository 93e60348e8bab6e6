"""Names for generated people and partners (international, so addresses vary)."""

from __future__ import annotations

import random
import unicodedata


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST = _words(
    "Ada Amara Anders Aiko Beatriz Bram Camille Chidi Dalia Dmitri Elif Emeka Farah Felix "
    "Greta Hamid Ines Ivo Jana Jonas Kavya Kofi Lena Luca Mara Mateo Nadia Niels Olga Omar "
    "Priya Pavel Quentin Rosa Rafael Sanne Sven Talia Tomasz Uma Victor Wen Xavier Yara "
    "Yusuf Zofia Zane Hiroshi Ngozi Marta Arjun Selin Bruno Ewa Karim Leila Oskar Paula Ravi"
)
LAST = _words(
    "Abara Bianchi Castillo Dubois Eriksen Fischer Garcia Haddad Ishikawa Jansen Kowalski "
    "Lindqvist Moreau Nakamura Okafor Petrov Quinn Rossi Santos Takahashi Ullah Vasquez "
    "Weber Xu Yilmaz Zimmermann Novak Horvat Mensah Costa Silva Berg Keller Murphy Chen "
    "Demir Fontaine Gupta Hansen Iyer Kaur Larsen Meyer Nilsen Ortiz Park Reyes Schmidt"
)
COMPANY = _words(
    "Nordwind Helix Arcturus Bluefjord Copperline Driftwood Everest Fernhill Granite Harbor "
    "Ironbark Juniper Kestrel Lumen Meridian Northstar Oakridge Pinecrest Quartz Redwood "
    "Saltmarsh Tidewater Umbra Vantage Willow Zephyr Cobalt Aurora Beacon Cascade Delta "
    "Ember"
)
SUFFIX = ("Systems", "Cloud", "Analytics", "Partners", "Labs", "Group", "Software", "Networks")


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def address(name: str, domain: str, taken: set[str]) -> str:
    """first.last@domain, made unique within `taken` (which it updates)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    local = ".".join(ascii_name.lower().split())
    candidate, n = f"{local}@{domain}", 2
    while candidate in taken:
        candidate, n = f"{local}{n}@{domain}", n + 1
    taken.add(candidate)
    return candidate


def company(rng: random.Random, index: int) -> tuple[str, str]:
    """A partner name and its e-mail domain, unique per alliance index."""
    word = rng.choice(COMPANY)
    name = f"{word} {rng.choice(SUFFIX)} {index + 1}"
    return name, f"{word.lower()}{index + 1}.example"
