"""Surveys sent to the partner (or joint customers) and the responses they bring back."""

from __future__ import annotations

from typing import Any

from django import forms

from radar.portfolio.models import Contact, Survey, SurveyResponse
from radar.web.forms.base import DateInput, RecordForm

# The scale each kind of survey is usually answered on.
SURVEY_SCALES = {"pulse": 5, "health": 10, "alignment": 5, "customer_nps": 10}


class SurveyForm(RecordForm):
    today_fields = ("sent_on",)

    class Meta:
        model = Survey
        fields = ["kind", "title", "sent_on", "scale_max"]
        widgets = {"sent_on": DateInput()}
        labels = {"kind": "Kind of survey", "sent_on": "Sent on", "scale_max": "Highest score"}
        help_texts = {"scale_max": "5 for a 1 to 5 scale, 10 for 0 to 10 (NPS style)."}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["scale_max"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("scale_max") and data.get("kind"):
            data["scale_max"] = SURVEY_SCALES.get(data["kind"], 5)
            self.instance.scale_max = data["scale_max"]
        clash = self.scope().filter(kind=data.get("kind"), sent_on=data.get("sent_on"))
        if clash.exclude(pk=self.instance.pk).exists():
            self.add_error("sent_on", "A survey of this kind was already sent that day.")
        return data


class SurveyResponseForm(RecordForm):
    """One answer to a survey of this alliance (not a row of the alliance itself)."""

    belongs_to_alliance = False

    class Meta:
        model = SurveyResponse
        fields = ["survey", "side", "contact", "respondent", "submitted_on", "score", "comment"]
        widgets = {"submitted_on": DateInput(), "comment": forms.Textarea(attrs={"rows": 3})}
        labels = {
            "contact": "Who answered",
            "respondent": "Or their name",
            "submitted_on": "Answered on",
            "side": "Side",
        }
        help_texts = {"respondent": "When they are not among the alliance's people."}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        survey = self.fields["survey"]
        survey.queryset = Survey.objects.filter(alliance=self.alliance)  # type: ignore[attr-defined]
        survey.label_from_instance = lambda s: f"{s.title} (sent {s.sent_on:%d %b %Y})"  # type: ignore[attr-defined]
        contact = self.fields["contact"]
        contact.queryset = Contact.objects.filter(alliance=self.alliance).order_by("side", "name")  # type: ignore[attr-defined]
        contact.empty_label = "Someone else"  # type: ignore[attr-defined]

    def scope(self) -> Any:
        return SurveyResponse.objects.filter(survey__alliance=self.alliance)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        survey, score = data.get("survey"), data.get("score")
        if survey is not None and score is not None and not 0 <= score <= survey.scale_max:
            self.add_error("score", f"Scores on this survey run from 0 to {survey.scale_max}.")
        submitted = data.get("submitted_on")
        if survey is not None and submitted and submitted < survey.sent_on:
            self.add_error("submitted_on", "This is before the survey was sent.")
        contact = data.get("contact")
        if contact is not None and data.get("side") and contact.side != data["side"]:
            self.add_error("contact", "This person is on the other side.")
        return data
