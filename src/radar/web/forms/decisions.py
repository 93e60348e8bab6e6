"""Record a decision (reinvest / reset / exit / monitor) with its action items."""

from __future__ import annotations

from typing import Any

from django import forms

from radar.portfolio.models import ActionItem, Decision
from radar.web.forms.base import AllianceModelForm, DateInput


class DecisionForm(AllianceModelForm):
    today_fields = ("decided_on",)

    class Meta:
        model = Decision
        fields = ["decided_on", "kind", "rationale"]
        widgets = {"decided_on": DateInput(), "rationale": forms.Textarea(attrs={"rows": 4})}
        labels = {"kind": "Decision", "rationale": "Why (the evidence behind it)"}

    def save(self, commit: bool = True) -> Decision:
        decision: Decision = super().save(commit=False)
        if self.signed_in_user:
            decision.decided_by = self.signed_in_user
        if commit:
            decision.save()
        return decision


class ActionItemForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = ActionItem
        fields = ["title", "owner", "due_on"]
        widgets = {"due_on": DateInput()}
        labels = {"title": "Action", "due_on": "Due"}


ActionItemFormSet = forms.inlineformset_factory(
    Decision,
    ActionItem,
    form=ActionItemForm,
    extra=3,
    can_delete=False,
    min_num=0,
)


def decision_needs_actions(decision_form: DecisionForm, formset: Any) -> bool:
    """A reset or an exit is a plan: it needs at least one action item with an owner."""
    kind = decision_form.cleaned_data.get("kind")
    filled = [f for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
    return kind in {"reset", "exit"} and not filled
