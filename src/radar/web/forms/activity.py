"""Log an interaction; add or update a deliverable."""

from __future__ import annotations

from typing import Any

from django import forms

from radar.portfolio import hand_changes
from radar.portfolio.models import Contact, Deliverable, Interaction, InteractionParticipant
from radar.web.forms.base import AllianceModelForm, DateInput, DateTimeInput, field_of


class InteractionForm(AllianceModelForm):
    participants = forms.ModelMultipleChoiceField(
        queryset=Contact.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Who took part (both sides).",
    )

    today_fields = ("occurred_at",)

    class Meta:
        model = Interaction
        fields = [
            "kind",
            "ritual",
            "occurred_at",
            "direction",
            "subject",
            "duration_minutes",
            "cancelled",
            "participants",
            "notes",
        ]
        widgets = {"occurred_at": DateTimeInput(), "notes": forms.Textarea(attrs={"rows": 4})}
        labels = {
            "occurred_at": "When",
            "ritual": "Meeting type",
            "cancelled": "It was cancelled",
            "duration_minutes": "Duration (minutes)",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        participants = field_of(self, "participants", forms.ModelMultipleChoiceField)
        participants.queryset = Contact.objects.filter(
            alliance=self.alliance, ended_on__isnull=True
        ).order_by("side", "name")

    def save(self, commit: bool = True) -> Interaction:
        interaction: Interaction = super().save(commit=False)
        people = list(self.cleaned_data.get("participants") or [])
        attended = not interaction.cancelled
        # Attendance counters live on the row so the monthly aggregation stays one scan.
        for side in ("partner", "ours"):
            count = sum(1 for c in people if c.side == side)
            setattr(interaction, f"{side}_invited", count)
            setattr(interaction, f"{side}_attended", count if attended else 0)
        if commit:
            interaction.save()
            InteractionParticipant.objects.bulk_create(
                InteractionParticipant(interaction=interaction, contact=c, attended=attended)
                for c in people
            )
            hand_changes.log_added(interaction)
        return interaction


class DeliverableForm(AllianceModelForm):
    class Meta:
        model = Deliverable
        fields = ["title", "side", "due_on", "status", "done_on", "notes"]
        widgets = {
            "due_on": DateInput(),
            "done_on": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"side": "Who owes it", "done_on": "Done on"}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("status") == "done" and not data.get("done_on"):
            self.add_error("done_on", "Say when it was done.")
        if data.get("done_on") and data.get("status") == "open":
            self.add_error("status", "A deliverable with a done date cannot still be open.")
        return data

    def validate_unique(self) -> None:
        # The natural key includes the alliance, which is not a form field.
        self.instance.alliance = self.alliance
        super().validate_unique()
