"""Record a decision (reinvest / reset / exit / monitor) with its action items."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model

from radar.portfolio.models import ActionItem, Decision
from radar.portfolio.playbooks import playbook_for
from radar.web.forms.base import AllianceModelForm, DateInput


class DecisionForm(AllianceModelForm):
    use_playbook = forms.BooleanField(
        label="Add the playbook's actions (for a reset or an exit)",
        required=False,
        initial=True,
        help_text="Owned by the alliance's owner (or you), due counted from the decision day; "
        "change them afterwards like any action.",
    )

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


class OwnerField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A user of the app, shown by name."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name() or obj.get_username())


def owner_field(**kwargs: Any) -> OwnerField:
    users = get_user_model().objects.filter(is_active=True).order_by("first_name", "username")
    return OwnerField(queryset=users, label="Owner", **kwargs)


class ActionItemForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = ActionItem
        fields = ["title", "owner_user", "due_on"]
        widgets = {"due_on": DateInput()}
        labels = {"title": "Action", "due_on": "Due"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_user"] = owner_field(empty_label="Who owns it?")


ActionItemFormSet = forms.inlineformset_factory(
    Decision,
    ActionItem,
    form=ActionItemForm,
    extra=3,
    can_delete=False,
    min_num=0,
)


def decision_needs_actions(decision_form: DecisionForm, formset: Any) -> bool:
    """A reset or an exit is a plan: it needs at least one action item with an owner,
    typed in or coming from the playbook."""
    kind = decision_form.cleaned_data.get("kind")
    filled = [f for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
    from_playbook = decision_form.cleaned_data.get("use_playbook") and playbook_for(str(kind))
    return kind in {"reset", "exit"} and not filled and not from_playbook
