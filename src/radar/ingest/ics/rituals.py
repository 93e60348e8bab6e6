"""Which governance ritual a meeting is, from its title.

The defaults cover the names alliance teams use; a team with its own names
sets RADAR_RITUAL_PATTERNS to a JSON object {"ritual": "regular expression"}
(in settings or the environment) which is tried before the defaults. The
first pattern that matches wins, so "QBR prep sync" is a QBR.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping

from django.conf import settings

from radar.engine.vocab import Ritual

DEFAULT_PATTERNS: tuple[tuple[Ritual, str], ...] = (
    (Ritual.QBR, r"\bq\.?b\.?r\b|quarterly\s+(business\s+)?review"),
    (
        Ritual.STEERING_COMMITTEE,
        r"steer(ing)?\s*(co(mmittee)?|group|board)?\b|\bsteerco\b|exec(utive)?\s+review",
    ),
    (Ritual.OPERATING_COMMITTEE, r"operat(ing|ions|ional)\s+(committee|review|board)|\bopco\b"),
    (Ritual.WORKING_GROUP, r"working\s+group|\bwg\b|task\s*force"),
    (Ritual.OFF_SITE, r"off[\s-]?site|away\s*day|retreat"),
    (Ritual.WORKSHOP, r"workshop|hackathon|design\s+session"),
    (
        Ritual.CHECK_IN,
        r"check[\s-]?in|\bsync\b|catch[\s-]?up|stand[\s-]?up|touch[\s-]?base|1:1|weekly|bi-?weekly",
    ),
)


class RitualRules:
    def __init__(self, overrides: Mapping[str, str] | None = None):
        rules: list[tuple[str, re.Pattern[str]]] = []
        for ritual, pattern in (overrides or {}).items():
            rules.append((Ritual(ritual).value, re.compile(pattern, re.IGNORECASE)))
        rules += [(r.value, re.compile(p, re.IGNORECASE)) for r, p in DEFAULT_PATTERNS]
        self.rules = rules

    @classmethod
    def from_settings(cls) -> RitualRules:
        raw = getattr(settings, "RADAR_RITUAL_PATTERNS", None) or os.environ.get(
            "RADAR_RITUAL_PATTERNS", ""
        )
        if isinstance(raw, str):
            raw = json.loads(raw) if raw.strip() else {}
        return cls(raw)

    def ritual_of(self, title: str) -> str:
        for ritual, pattern in self.rules:
            if pattern.search(title):
                return ritual
        return Ritual.NONE.value
