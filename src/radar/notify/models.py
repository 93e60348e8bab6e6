"""Per-user preferences, the state behind alert deduplication, the inbox, digests sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models

WEEKDAYS = [
    (0, "Monday"),
    (1, "Tuesday"),
    (2, "Wednesday"),
    (3, "Thursday"),
    (4, "Friday"),
    (5, "Saturday"),
    (6, "Sunday"),
]
NO_DIGEST = 7


class AlertKind(models.TextChoices):
    SYSTEMIC = "systemic", "An alliance turns systemic"
    DROP = "drop", "The score drops by a point or more"
    RESPONSE = "response", "A reset or exit is recommended"
    WATCH = "watch", "An alliance goes on watch (early warning)"


class Preference(models.Model):
    """What a user wants to hear about, and where. A user without a row gets the defaults."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="radar_preference"
    )
    alert_systemic = models.BooleanField("Systemic clusters", default=True)
    alert_drop = models.BooleanField("Score drops of a point or more", default=True)
    alert_response = models.BooleanField("Reset or exit recommended", default=True)
    alert_watch = models.BooleanField("Early warnings (watch)", default=True)
    in_app = models.BooleanField("In the app (notifications page)", default=True)
    by_email = models.BooleanField("By e-mail", default=True)
    by_chat = models.BooleanField("In my chat (webhook below)", default=False)
    chat_url = models.CharField(
        "Chat webhook",
        max_length=500,
        blank=True,
        help_text="A Slack or Microsoft Teams incoming webhook address.",
    )
    digest_day = models.PositiveSmallIntegerField(
        "Weekly digest", choices=[*WEEKDAYS, (NO_DIGEST, "No digest")], default=0
    )
    all_alliances = models.BooleanField(
        "Alerts for every alliance, not only mine (administrators)", default=False
    )
    muted = models.ManyToManyField("portfolio.Alliance", blank=True, related_name="+")

    def __str__(self) -> str:
        return f"Preferences of {self.user}"

    def wants(self, kind: str) -> bool:
        return bool(getattr(self, f"alert_{kind}", False))


class AlertState(models.Model):
    """The last thing said about one condition of one alliance (deduplication).

    `fingerprint` names the change (e.g. which response is recommended); an alert
    goes out when a condition becomes true or its fingerprint changes, a
    reminder when it is still true `RADAR_ALERT_REMINDER_DAYS` after the last one.
    """

    alliance = models.ForeignKey("portfolio.Alliance", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=AlertKind.choices)
    active = models.BooleanField(default=False)
    fingerprint = models.CharField(max_length=100, blank=True)
    opened_on = models.DateField(null=True, blank=True)
    notified_on = models.DateField(null=True, blank=True)
    cleared_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["alliance", "kind"], name="alert_state_once")
        ]

    def __str__(self) -> str:
        return f"{self.alliance_id} {self.kind} ({'on' if self.active else 'off'})"


class Notification(models.Model):
    """One message in a user's in-app inbox."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="radar_notifications"
    )
    alliance = models.ForeignKey(
        "portfolio.Alliance", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=20)
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    link = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread")]

    def __str__(self) -> str:
        return self.title


class DigestSent(models.Model):
    """A weekly digest sent to a user, so a rerun of the day sends nothing twice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    week = models.DateField(help_text="Monday of the week the digest covers.")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "week"], name="digest_once_a_week")]

    def __str__(self) -> str:
        return f"Digest for {self.user} ({self.week})"
