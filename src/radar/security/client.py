"""The client's address, for login lockouts and API rate limits.

Behind a reverse proxy every request comes from the proxy's address, so with
RADAR_PROXY_COUNT = N (the number of proxies in front of the app, each
appending the address it saw to X-Forwarded-For) the client is the N-th
address from the right of that header. Addresses further left were written
by the client itself and are never trusted.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    remote = str(request.META.get("REMOTE_ADDR", ""))
    proxies = int(getattr(settings, "RADAR_PROXY_COUNT", 0))
    if proxies <= 0:
        return remote
    chain = [
        part.strip()
        for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")
        if part.strip()
    ]
    if len(chain) < proxies:
        return remote
    return chain[-proxies]
