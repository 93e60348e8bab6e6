"""`radar demo`: a realistic, deterministic demo portfolio (docs/demo.md)."""

from radar.demo.writer import (
    DEMO_PASSWORD,
    DEMO_USERNAME,
    SeedResult,
    portfolio_is_empty,
    seed_demo,
    wipe_portfolio,
)

__all__ = [
    "DEMO_PASSWORD",
    "DEMO_USERNAME",
    "SeedResult",
    "portfolio_is_empty",
    "seed_demo",
    "wipe_portfolio",
]
