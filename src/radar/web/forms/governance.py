"""Governance bodies (steering committee, working groups) and the meetings that are theirs."""

from __future__ import annotations

from typing import Any

from django.core.validators import MinValueValidator

from radar.portfolio.models import GovernanceBody
from radar.web.forms.base import RecordForm


class GovernanceBodyForm(RecordForm):
    unique_within_alliance = (("name", "This alliance already has a body with this name."),)

    class Meta:
        model = GovernanceBody
        fields = ["name", "tier", "ritual", "cadence_days"]
        labels = {"tier": "Level", "ritual": "Its meetings", "cadence_days": "Meets every (days)"}
        help_texts = {
            "ritual": "Logged meetings of this type count as this body meeting.",
            "cadence_days": "e.g. 30 for monthly, 91 for quarterly.",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ritual = self.fields["ritual"]  # a body's meetings are governance meetings
        ritual.choices = [c for c in ritual.choices if c[0] not in ("", "none")]  # type: ignore[attr-defined]
        cadence = self.fields["cadence_days"]
        cadence.validators.append(MinValueValidator(1, "Give a number of days, 1 or more."))
        cadence.widget.attrs["min"] = 1
