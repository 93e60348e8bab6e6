"""A person on either side: title, role, tenure, and — when they move on — who follows."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import transaction

from radar.portfolio.models import Contact
from radar.web.forms.base import DateInput, RecordForm, field_of


class ContactForm(RecordForm):
    new_successor = forms.CharField(
        label="Or a new person who takes over",
        required=False,
        max_length=200,
        help_text="Their name: they are added on the same side, in the same role, from that day.",
    )

    class Meta:
        model = Contact
        fields = [
            "name",
            "side",
            "role",
            "title",
            "email",
            "keep_in_touch_days",
            "started_on",
            "ended_on",
            "end_reason",
            "successor",
            "new_successor",
            "notes",
        ]
        widgets = {
            "started_on": DateInput(),
            "ended_on": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "side": "Side",
            "title": "Job title",
            "email": "E-mail",
            "keep_in_touch_days": "Keep in touch every (days)",
            "started_on": "In this role since",
            "ended_on": "Left the role on",
            "end_reason": "Why",
            "successor": "Who took over",
        }
        help_texts = {
            "role": "Their part in the alliance, whatever their job title.",
            "ended_on": "Leave empty while they are in the role.",
        }

    unique_within_alliance = (("email", "Someone on this alliance already has this e-mail."),)

    # Fields shown under "Leaving the role"; the others describe the person.
    LEAVING = ("ended_on", "end_reason", "successor", "new_successor")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        end_reason = field_of(self, "end_reason", forms.ChoiceField)
        end_reason.choices = [("", "—"), *Contact.EndReason.choices[1:]]
        others = Contact.objects.filter(alliance=self.alliance).order_by("side", "name")
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        successor = field_of(self, "successor", forms.ModelChoiceField)
        successor.queryset = others
        successor.empty_label = "Nobody yet"

    def sections(self) -> list[tuple[str, list[forms.BoundField]]]:
        person = [self[n] for n in self.fields if n not in self.LEAVING]
        leaving = [self[n] for n in self.LEAVING]
        return [("The person", person), ("Leaving the role", leaving)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        started, ended = data.get("started_on"), data.get("ended_on")
        if started and ended and ended < started:
            self.add_error("ended_on", "They cannot leave before they started.")
        if not ended and (
            data.get("end_reason") or data.get("successor") or data.get("new_successor")
        ):
            self.add_error("ended_on", "Say when they left the role.")
        if ended and not data.get("end_reason"):
            self.add_error("end_reason", "Say why they left the role.")
        if data.get("successor") and data.get("new_successor"):
            self.add_error(
                "new_successor", "Pick someone from the list or type a new name, not both."
            )
        typed = (data.get("new_successor") or "").strip()
        if typed and self._on_record(typed, data.get("name") or ""):
            # Created by name, the successor would repeat a person the store already has.
            self.add_error(
                "new_successor", f"{typed} is already on record: pick them from the list."
            )
        successor = data.get("successor")
        if successor is not None and data.get("side") and successor.side != data["side"]:
            self.add_error("successor", "The successor should be on the same side.")
        return data

    def _on_record(self, name: str, own_name: str) -> bool:
        if name.casefold() == own_name.strip().casefold():
            return True
        return Contact.objects.filter(alliance=self.alliance, name__iexact=name).exists()

    def save(self, commit: bool = True) -> Contact:
        contact: Contact = super().save(commit=False)
        name = self.cleaned_data.get("new_successor")
        if not commit:
            return contact
        with transaction.atomic():
            if name:
                contact.successor = Contact.objects.create(
                    alliance=self.alliance,
                    side=contact.side,
                    role=contact.role,
                    name=name,
                    started_on=contact.ended_on,
                )
            contact.save()
        return contact
