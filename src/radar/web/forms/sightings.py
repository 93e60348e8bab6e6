"""Record an observation (internal or external signal) or a context factor."""

from __future__ import annotations

from typing import Any

from django import forms

from radar.portfolio.models import Alliance, ContextFactor, Observation
from radar.web.forms.base import AllianceModelForm, DateInput


class ObservationForm(AllianceModelForm):
    url = forms.URLField(label="Link (optional)", required=False, assume_scheme="https")

    today_fields = ("observed_on",)

    class Meta:
        model = Observation
        fields = ["observed_on", "title", "category", "polarity", "kind", "source", "detail", "url"]
        widgets = {"observed_on": DateInput(), "detail": forms.Textarea(attrs={"rows": 4})}
        labels = {
            "observed_on": "Noticed on",
            "source": "Seen inside the alliance or outside (press, job ads, partner programme)",
        }

    def save(self, commit: bool = True) -> Observation:
        observation: Observation = super().save(commit=False)
        if self.signed_in_user:
            observation.recorded_by = self.signed_in_user
        if commit:
            observation.save()
        return observation


class ContextFactorForm(AllianceModelForm):
    whole_portfolio = forms.BooleanField(
        required=False, label="This affects the whole portfolio, not only this alliance"
    )

    today_fields = ("starts_on",)

    class Meta:
        model = ContextFactor
        fields = ["kind", "starts_on", "ends_on", "note"]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "The end date is before the start date.")
        return data

    def owner_alliance(self) -> Alliance | None:
        whole = getattr(self, "cleaned_data", {}).get("whole_portfolio")
        return None if whole else self.alliance

    def save(self, commit: bool = True) -> ContextFactor:
        factor: ContextFactor = super().save(commit=False)
        factor.alliance = self.owner_alliance()
        if commit:
            factor.save()
        return factor
