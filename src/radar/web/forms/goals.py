"""Goals (linked to a metric with a target) and the metric definitions they measure by."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import slugify

from radar.portfolio.models import Goal, MetricDefinition
from radar.web.forms.base import DateInput, RecordForm


class GoalForm(RecordForm):
    unique_within_alliance = (("title", "This alliance already has a goal with this title."),)

    class Meta:
        model = Goal
        fields = ["title", "metric", "target_value", "target_date", "reviewed_on", "description"]
        widgets = {
            "target_date": DateInput(),
            "reviewed_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "metric": "Measured by",
            "target_value": "Target",
            "target_date": "By",
            "reviewed_on": "Last reviewed with the partner",
            "description": "What success looks like",
        }
        help_texts = {
            "target_value": "The value of the metric that means the goal is met.",
            "reviewed_on": "Goals not reviewed for a year drift; the radar flags them.",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        metric = self.fields["metric"]
        metric.queryset = MetricDefinition.objects.filter(alliance=self.alliance)  # type: ignore[attr-defined]
        metric.label_from_instance = lambda m: m.name + (f" ({m.unit})" if m.unit else "")  # type: ignore[attr-defined]
        metric.empty_label = "Not measured yet"  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("target_value") is not None and not data.get("metric"):
            self.add_error("metric", "A target needs a metric to be measured against.")
        return data


def metric_key(name: str) -> str:
    return slugify(name).replace("-", "_")[:60] or "metric"


class MetricDefinitionForm(RecordForm):
    unique_within_alliance = (
        ("key", "This alliance already has a metric with this key."),
        ("name", "This alliance already has a metric with this name."),
    )

    class Meta:
        model = MetricDefinition
        fields = ["name", "key", "unit", "kind", "higher_is_better", "target"]
        labels = {
            "key": "Short key",
            "kind": "Kind of indicator",
            "higher_is_better": "Higher is better",
            "target": "Monthly target",
        }
        help_texts = {
            "key": "Used by imports and the API; filled in from the name when left empty.",
            "unit": "e.g. EUR, leads, %",
            "higher_is_better": "Untick for costs, churn or response times.",
            "kind": "Leading indicators move early (pipeline, activity); lagging ones late"
            " (revenue, savings).",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["key"].required = False
        if self.instance.pk is None:  # the key follows the name until typed (records.js)
            self.fields["name"].widget.attrs["data-fills"] = self["key"].auto_id
            self.fields["key"].widget.attrs["data-joiner"] = "_"

    def clean_key(self) -> str:
        key = str(self.cleaned_data.get("key") or "").strip()
        if not key and self.data.get(self.add_prefix("name")):
            key = metric_key(str(self.data[self.add_prefix("name")]))
        return key
