"""What each side has promised the other, and by when."""

from __future__ import annotations

from django.db import models

from radar.engine.vocab import DeliverableStatus, Side
from radar.portfolio.choices import choices


class Deliverable(models.Model):
    alliance = models.ForeignKey(
        "portfolio.Alliance", on_delete=models.CASCADE, related_name="deliverables"
    )
    title = models.CharField(max_length=300)
    side = models.CharField(max_length=10, choices=choices(Side), help_text="Who owes it.")
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=choices(DeliverableStatus), default=DeliverableStatus.OPEN.value
    )
    notes = models.TextField(blank=True)
    external_id = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["alliance", "due_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["alliance", "title", "due_on"], name="deliverable_natural_key"
            )
        ]

    def __str__(self) -> str:
        return self.title
