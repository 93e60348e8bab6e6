"""The alliance's agreement (its clauses and dates), and recording that it was reviewed."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone

from radar.portfolio.agreement_reviews import next_review, record_review
from radar.portfolio.models import Agreement
from radar.web.forms.base import AllianceModelForm, DateInput


def _text(rows: int = 2) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class AgreementForm(AllianceModelForm):
    document_url = forms.URLField(
        label="Link to the signed document", required=False, assume_scheme="https"
    )

    class Meta:
        model = Agreement
        fields = [
            "signed_on",
            "renewal_on",
            "review_clause",
            "review_interval_months",
            "last_reviewed_on",
            "next_review_on",
            "renegotiation_clause",
            "renegotiation_on",
            "exit_clause",
            "exit_notice_days",
            "document_url",
        ]
        widgets = {
            "signed_on": DateInput(),
            "renewal_on": DateInput(),
            "last_reviewed_on": DateInput(),
            "next_review_on": DateInput(),
            "renegotiation_on": DateInput(),
            "review_clause": _text(),
            "renegotiation_clause": _text(),
            "exit_clause": _text(),
        }
        labels = {
            "signed_on": "Signed on",
            "renewal_on": "Renews or expires on",
            "review_clause": "Review clause",
            "review_interval_months": "Reviewed every (months)",
            "last_reviewed_on": "Last reviewed on",
            "next_review_on": "Next review due",
            "renegotiation_clause": "Renegotiation clause",
            "renegotiation_on": "Renegotiation due",
            "exit_clause": "Exit clause",
            "exit_notice_days": "Exit notice (days)",
        }
        help_texts = {
            "review_clause": "How and when both sides review goals and terms.",
            "next_review_on": "Left empty, it is worked out from the last review and the interval.",
            "exit_notice_days": "Notice to give before the renewal date to leave.",
        }

    # Sections of the form, in order: (legend, fields).
    SECTIONS = (
        ("Dates", ("signed_on", "renewal_on", "document_url")),
        (
            "Reviews",
            ("review_clause", "review_interval_months", "last_reviewed_on", "next_review_on"),
        ),
        ("Renegotiation", ("renegotiation_clause", "renegotiation_on")),
        ("Exit", ("exit_clause", "exit_notice_days")),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, label_suffix="", **kwargs)

    def sections(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(legend, [self[name] for name in names]) for legend, names in self.SECTIONS]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        signed = data.get("signed_on")
        for field in ("renewal_on", "renegotiation_on"):
            day = data.get(field)
            if signed and day and day < signed:
                self.add_error(field, "This is before the agreement was signed.")
        last, upcoming = data.get("last_reviewed_on"), data.get("next_review_on")
        if last and upcoming and upcoming <= last:
            self.add_error("next_review_on", "The next review comes after the last one.")
        return data

    def save(self, commit: bool = True) -> Agreement:
        agreement: Agreement = super().save(commit=False)
        if agreement.next_review_on is None and agreement.last_reviewed_on is not None:
            agreement.next_review_on = next_review(agreement, agreement.last_reviewed_on)
        if commit:
            agreement.save()
        return agreement


class AgreementReviewForm(forms.Form):
    reviewed_on = forms.DateField(label="Reviewed on", widget=DateInput())
    next_review_on = forms.DateField(
        label="Next review due",
        required=False,
        widget=DateInput(),
        help_text="Left empty: one review interval later.",
    )

    def __init__(self, *args: Any, agreement: Agreement, **kwargs: Any) -> None:
        self.agreement = agreement
        kwargs.setdefault("label_suffix", "")  # "Reviewed on", not "Reviewed on:"
        super().__init__(*args, **kwargs)
        self.initial.setdefault("reviewed_on", timezone.localdate())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        reviewed: date | None = data.get("reviewed_on")
        upcoming: date | None = data.get("next_review_on")
        if reviewed and reviewed > timezone.localdate():
            self.add_error("reviewed_on", "A review is recorded once it has happened.")
        if reviewed and upcoming and upcoming <= reviewed:
            self.add_error("next_review_on", "The next review comes after this one.")
        if reviewed and not upcoming and next_review(self.agreement, reviewed) is None:
            self.add_error(
                "next_review_on",
                "The agreement has no review interval: say when the next review is due.",
            )
        return data

    def save(self) -> Agreement:
        record_review(
            self.agreement, self.cleaned_data["reviewed_on"], self.cleaned_data["next_review_on"]
        )
        return self.agreement
