"""Monthly interaction totals kept at write time, so an evaluation need not rescan.

`ActivityMonth` holds, per alliance and calendar month (cut in one time zone),
exactly the aggregates `radar.portfolio.activity_stats` computes from `Interaction`
and `InteractionParticipant`. Database triggers (migration 0002) mark an
alliance in `ActivityStale` whenever one of its interactions, participants or
contacts changes, whatever wrote it: the ORM, a bulk importer, raw SQL or the
admin. `radar.portfolio.activity.refresh` recomputes the marked alliances.
"""

from __future__ import annotations

from django.db import models


class ActivityMonth(models.Model):
    alliance = models.ForeignKey(
        "portfolio.Alliance", on_delete=models.CASCADE, related_name="activity_months"
    )
    month = models.DateField(help_text="First day of the calendar month.")
    zone = models.CharField(max_length=64, help_text="Time zone the months were cut in.")
    # Raw aggregates, stored as the GROUP BY returned them (sums stay NULL when
    # nothing was summed) so a month read from here equals a month recomputed.
    meetings_held = models.IntegerField()
    meetings_cancelled = models.IntegerField()
    partner_invited = models.BigIntegerField(null=True)
    partner_attended = models.BigIntegerField(null=True)
    ours_invited = models.BigIntegerField(null=True)
    ours_attended = models.BigIntegerField(null=True)
    calls = models.IntegerField()
    emails_inbound = models.IntegerField()
    emails_outbound = models.IntegerField()
    partner_reply_hours = models.FloatField(null=True)
    our_reply_hours = models.FloatField(null=True)
    partner_words = models.FloatField(null=True)
    tone = models.FloatField(null=True)
    toned = models.IntegerField()
    blaming = models.IntegerField()
    defensive = models.IntegerField()
    last_contact = models.DateTimeField(null=True)
    # Last instant each ritual was held in the month (one column per Ritual but NONE).
    ritual_qbr = models.DateTimeField(null=True)
    ritual_steering_committee = models.DateTimeField(null=True)
    ritual_operating_committee = models.DateTimeField(null=True)
    ritual_working_group = models.DateTimeField(null=True)
    ritual_check_in = models.DateTimeField(null=True)
    ritual_off_site = models.DateTimeField(null=True)
    ritual_workshop = models.DateTimeField(null=True)
    partner_people = models.IntegerField(default=0)
    sponsor_invited = models.IntegerField(default=0)
    sponsor_attended = models.IntegerField(default=0)
    partner_replies = models.IntegerField(default=0)
    partner_reply_log = models.FloatField(null=True)
    partner_reply_log_sq = models.FloatField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["alliance", "zone", "month"], name="activity_month_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.alliance_id} {self.month:%Y-%m} ({self.zone})"


class ActivityStale(models.Model):
    """An alliance whose `ActivityMonth` rows must be recomputed.

    A refresh recomputes the marked alliances and deletes their rows while it
    holds them: locked rows on PostgreSQL, where the triggers' upsert (which
    bumps `marks`) must wait for the refresh to end and then marks the alliance
    anew, so a write that lands during a refresh is never forgotten; on SQLite
    write transactions run one at a time and `marks` stays 1. No foreign key: a
    mark may outlive its alliance (the refresh then just clears it).
    """

    alliance_id = models.BigIntegerField(primary_key=True)
    marks = models.BigIntegerField(default=1)

    def __str__(self) -> str:
        return f"alliance {self.alliance_id} ({self.marks} changes)"
