"""Where each alliance stands now: its latest assessment, boiled down for the pages.

One row per alliance, written in the same transaction as the assessment it comes
from (radar.portfolio.standing_rows), so the dashboard, its attention queue and
heatmap, and the digests read a few small columns instead of decoding every
stored payload on each request. Only the newest assessment (by `as_of`) stands:
storing an older day (a backtest) leaves the row alone. `radar manage
rebuild_standings` rewrites every row from the stored assessments.
"""

from __future__ import annotations

from django.db import models


class Standing(models.Model):
    alliance = models.OneToOneField(
        "portfolio.Alliance", on_delete=models.CASCADE, primary_key=True, related_name="standing"
    )
    as_of = models.DateField(help_text="Day of the assessment this row comes from.")
    computed_at = models.DateTimeField()
    score = models.FloatField(null=True, help_text="Empty: not enough data yet.")
    baseline = models.FloatField(null=True)
    trend = models.CharField(max_length=10)
    phase = models.CharField(max_length=20)
    action = models.CharField(max_length=10, help_text="The recommendation.")
    headline = models.TextField()
    systemic = models.BooleanField()
    systemic_categories = models.JSONField()
    history = models.JSONField(help_text="Past scores, oldest first (the sparkline).")
    category_scores = models.JSONField()
    confirmed_by_category = models.JSONField(help_text="Negative confirmed signals per category.")
    watching_by_category = models.JSONField(help_text="Negative signals not yet confirmed.")
    confirmed_titles = models.JSONField()
    cadence = models.JSONField(help_text="The engine's cadence flags, as in the payload.")
    # Derived from the fields above, stored so SQL can filter and sort on them.
    confirmed_total = models.PositiveIntegerField()
    signal_total = models.PositiveIntegerField()
    signal_categories = models.CharField(
        max_length=200, help_text="' communication resource ': categories with negative signals."
    )
    review_due = models.DateField(null=True, help_text="Due day of the engine's review flag.")
    flag_count = models.PositiveIntegerField(default=0, help_text="Cadence flags.")
    flag_kinds = models.CharField(
        max_length=200, default="", help_text="' agreement review ': the cadence flags' kinds."
    )

    class Meta:
        # The dashboard's default order (score, then the alliances' order) and its
        # "attention" columns are read from here; an index serves the score sort's
        # first key.
        indexes = [models.Index(fields=["score"], name="standing_score")]

    def __str__(self) -> str:
        return f"{self.alliance_id} as of {self.as_of}"
