"""Rate limits on the token API, counted in the shared cache (fixed windows).

Two limits, both configurable (docs/security.md):
- bad tokens: a client address that sent RADAR_API_BAD_TOKEN_LIMIT unknown
  bearer tokens within RADAR_API_BAD_TOKEN_WINDOW seconds gets 429 until the
  window ends, even with a good token, so guessing tokens is hopeless;
- heavy use: one caller (token owner or signed-in user) gets at most
  RADAR_API_RATE_LIMIT requests per RADAR_API_RATE_WINDOW seconds.
A 429 answer carries Retry-After: the seconds until the window ends.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


class RateLimited(Exception):
    """Too many requests; `retry_after` seconds until the caller may try again."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after


@dataclass(frozen=True)
class Limit:
    scope: str
    count: int
    window: int  # seconds

    def _key(self, who: str, now: float) -> tuple[str, int]:
        start = int(now // self.window) * self.window
        return f"radar:rate:{self.scope}:{who}:{start}", start + self.window

    def used(self, who: str) -> tuple[int, int]:
        """(requests counted in the current window, seconds until it ends)."""
        now = time.time()
        key, ends = self._key(who, now)
        return int(cache.get(key, 0)), max(1, int(ends - now + 0.999))

    def hit(self, who: str) -> tuple[int, int]:
        """Count one more request; returns the new count and seconds left."""
        now = time.time()
        key, ends = self._key(who, now)
        # add() only sets a missing key; the cache entry outlives its window slightly.
        cache.add(key, 0, timeout=self.window + 5)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=self.window + 5)
            count = 1
        return count, max(1, int(ends - now + 0.999))


def bad_token_limit() -> Limit:
    return Limit(
        "bad-token",
        int(getattr(settings, "RADAR_API_BAD_TOKEN_LIMIT", 20)),
        int(getattr(settings, "RADAR_API_BAD_TOKEN_WINDOW", 600)),
    )


def usage_limit() -> Limit:
    return Limit(
        "use",
        int(getattr(settings, "RADAR_API_RATE_LIMIT", 600)),
        int(getattr(settings, "RADAR_API_RATE_WINDOW", 60)),
    )


def refuse_blocked_address(address: str) -> None:
    """Raise RateLimited when this address already sent too many bad tokens."""
    limit = bad_token_limit()
    used, retry_after = limit.used(address)
    if used >= limit.count:
        raise RateLimited(
            "Too many requests with an unknown token from your address; "
            f"try again in {retry_after} seconds.",
            retry_after,
        )


def count_bad_token(address: str) -> None:
    bad_token_limit().hit(address)


def count_use(caller_id: int) -> None:
    """Count a request of an authenticated caller; RateLimited past the limit."""
    limit = usage_limit()
    count, retry_after = limit.hit(str(caller_id))
    if count > limit.count:
        raise RateLimited(
            f"More than {limit.count} API requests in {limit.window} seconds; "
            f"try again in {retry_after} seconds.",
            retry_after,
        )
