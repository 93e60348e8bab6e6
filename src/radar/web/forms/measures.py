"""Record a metric value for a month (re-entering a month corrects it)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from radar.portfolio import hand_changes
from radar.portfolio.models import Alliance, MetricDefinition, MetricValue
from radar.web.forms.base import field_of


class MonthInput(forms.DateInput):
    input_type = "month"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m")


class MonthField(forms.DateField):
    """A calendar month ("2026-09"), stored as its first day."""

    widget = MonthInput
    input_formats = ["%Y-%m", "%Y-%m-%d"]

    def to_python(self, value: Any) -> date | None:
        parsed = super().to_python(value)
        return parsed.replace(day=1) if parsed else None


class MetricValueForm(forms.Form):
    metric = forms.ModelChoiceField(queryset=MetricDefinition.objects.none())
    period = MonthField(label="Month")
    value = forms.FloatField()

    def __init__(self, *args: Any, alliance: Alliance, user: Any = None, **kwargs: Any) -> None:
        kwargs.pop("instance", None)
        self.alliance = alliance
        super().__init__(*args, **kwargs)
        metric = field_of(self, "metric", forms.ModelChoiceField)
        metric.queryset = MetricDefinition.objects.filter(alliance=alliance)

    def save(self) -> MetricValue:
        key = {"metric": self.cleaned_data["metric"], "period": self.cleaned_data["period"]}
        earlier = MetricValue.objects.filter(**key).first()
        before = hand_changes.state(earlier) if earlier is not None else None
        value, _created = MetricValue.objects.update_or_create(
            **key, defaults={"value": self.cleaned_data["value"], "source": "web"}
        )
        if before is None:
            hand_changes.log_added(value)
        else:
            hand_changes.log_changed(value, before)
        return value
