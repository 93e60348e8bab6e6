"""Add or change one action item of a decision (owner, due date, done)."""

from __future__ import annotations

from typing import Any

from radar.portfolio.models import ActionItem, Decision
from radar.web.forms.base import DateInput, RecordForm
from radar.web.forms.decisions import owner_field


class ActionItemEditForm(RecordForm):
    belongs_to_alliance = False

    class Meta:
        model = ActionItem
        fields = ["decision", "title", "owner_user", "due_on", "done_on"]
        widgets = {"due_on": DateInput(), "done_on": DateInput()}
        labels = {
            "decision": "Part of the decision",
            "title": "Action",
            "due_on": "Due",
            "done_on": "Done on",
        }
        help_texts = {"done_on": "Leave empty while it is open."}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_user"] = owner_field(empty_label="Who owns it?")
        decision = self.fields["decision"]
        decision.queryset = Decision.objects.filter(alliance=self.alliance).order_by("-decided_on")  # type: ignore[attr-defined]
        decision.label_from_instance = (  # type: ignore[attr-defined]
            lambda d: f"{d.get_kind_display()} on {d.decided_on:%d %b %Y}"
        )

    def scope(self) -> Any:
        return ActionItem.objects.filter(decision__alliance=self.alliance)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        decision, done = data.get("decision"), data.get("done_on")
        if decision is not None and done and done < decision.decided_on:
            self.add_error("done_on", "This is before the decision was taken.")
        return data
