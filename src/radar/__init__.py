"""Alliance Radar: early warning for strategic partnerships."""

__version__ = "0.1.0"
