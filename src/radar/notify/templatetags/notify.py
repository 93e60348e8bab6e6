"""{% unread_count %}: the signed-in user's unread notifications (one COUNT query)."""

from __future__ import annotations

from typing import Any

from django import template

from radar.notify.models import Notification

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_count(context: dict[str, Any]) -> int:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
