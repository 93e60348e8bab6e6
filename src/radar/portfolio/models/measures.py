"""Metric series and surveys."""

from __future__ import annotations

from django.db import models

from radar.engine.vocab import MetricKind, Side, SurveyKind
from radar.portfolio.choices import choices


class MetricDefinition(models.Model):
    alliance = models.ForeignKey(
        "portfolio.Alliance", on_delete=models.CASCADE, related_name="metrics"
    )
    key = models.SlugField(max_length=60, help_text="Stable key, e.g. leads or joint_revenue.")
    name = models.CharField(max_length=200)
    unit = models.CharField(max_length=30, blank=True)
    kind = models.CharField(max_length=10, choices=choices(MetricKind), default="lagging")
    higher_is_better = models.BooleanField(default=True)
    target = models.FloatField(null=True, blank=True, help_text="Target per month.")
    supplied_by = models.CharField(
        max_length=10,
        choices=choices(Side),
        default=Side.OURS.value,
        help_text="Who reports the values; values the partner stops sending are a signal.",
    )

    class Meta:
        ordering = ["alliance", "key"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "key"], name="metric_unique_key")
        ]

    def __str__(self) -> str:
        return f"{self.alliance}: {self.name}"


class MetricValue(models.Model):
    metric = models.ForeignKey(MetricDefinition, on_delete=models.CASCADE, related_name="values")
    period = models.DateField(help_text="First day of the month the value belongs to.")
    value = models.FloatField()
    source = models.CharField(max_length=30, blank=True)

    class Meta:
        ordering = ["metric", "period"]
        constraints = [
            models.UniqueConstraint(fields=["metric", "period"], name="metric_value_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.metric.key} {self.period:%Y-%m}: {self.value:g}"


class Survey(models.Model):
    alliance = models.ForeignKey(
        "portfolio.Alliance", on_delete=models.CASCADE, related_name="surveys"
    )
    kind = models.CharField(max_length=20, choices=choices(SurveyKind))
    title = models.CharField(max_length=200)
    sent_on = models.DateField()
    scale_max = models.PositiveSmallIntegerField(default=5)

    class Meta:
        ordering = ["alliance", "-sent_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["alliance", "kind", "sent_on"], name="survey_natural_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.sent_on})"


class SurveyResponse(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    contact = models.ForeignKey(
        "portfolio.Contact", null=True, blank=True, on_delete=models.SET_NULL
    )
    respondent = models.CharField(max_length=200, blank=True)
    side = models.CharField(max_length=10, choices=choices(Side))
    submitted_on = models.DateField()
    score = models.FloatField()
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["survey", "submitted_on"]

    def __str__(self) -> str:
        return f"{self.respondent or self.get_side_display()}: {self.score:g}"
