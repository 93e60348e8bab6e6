"""The quiet-signal engine: a pure, typed function of (history, as_of).

Nothing in this package imports Django or reads the clock; time is always a
parameter, which makes backtesting ("what would we have seen in March?") free.
"""

from radar.engine.assessment import Assessment
from radar.engine.config import EngineConfig
from radar.engine.records import History

__all__ = ["Assessment", "EngineConfig", "History"]
