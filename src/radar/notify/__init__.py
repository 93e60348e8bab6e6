"""Alerts, weekly digests and notifications: what the radar tells people, and how.

Alerts (radar.notify.alerts) fire once per change of an alliance's state, with a
"still true" reminder after RADAR_ALERT_REMINDER_DAYS; digests (radar.notify.digest)
sum up a user's alliances once a week. Both go through the user's channels
(radar.notify.channels): the in-app inbox, e-mail, and chat webhooks via apprise.
"""
