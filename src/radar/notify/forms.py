"""The notification preferences form."""

from __future__ import annotations

from typing import Any

from django import forms

from radar.notify.models import Preference
from radar.portfolio.models import Alliance


class PreferenceForm(forms.ModelForm):  # type: ignore[type-arg]
    muted = forms.ModelMultipleChoiceField(
        queryset=Alliance.objects.filter(active=True).order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Mute these alliances (no alerts, left out of the digest)",
    )

    class Meta:
        model = Preference
        fields = [
            "alert_systemic",
            "alert_drop",
            "alert_response",
            "alert_watch",
            "in_app",
            "by_email",
            "by_chat",
            "chat_url",
            "digest_day",
            "all_alliances",
            "muted",
        ]

    def __init__(self, *args: Any, admin: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if not admin:
            del self.fields["all_alliances"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        url = str(data.get("chat_url", "")).strip()
        if data.get("by_chat") and not url:
            self.add_error("chat_url", "Give the webhook address to post to, or untick chat.")
        if url:
            import apprise  # ~0.2 s to import: only when a chat address is given

            if apprise.Apprise.instantiate(url) is None:
                self.add_error(
                    "chat_url",
                    "This is not a webhook address Alliance Radar can post to "
                    "(for example https://hooks.slack.com/services/…).",
                )
        return data
