"""The quiet-signal engine: a pure, typed function of (history, as_of).

Nothing in this package imports Django or reads the clock; time is always a
parameter, which makes backtesting ("what would we have seen in March?") free.

The modules below this one may run compiled (radar.compiled_engine says when);
this file itself is never compiled, since it makes that choice.
"""

from radar import compiled_engine

# Before any engine module is imported: from here on they come from the compiled
# build when it is chosen and matches these sources.
COMPILED: bool = compiled_engine.activate(__path__)

from radar.engine.assessment import Assessment  # noqa: E402  (after activate)
from radar.engine.config import EngineConfig  # noqa: E402
from radar.engine.records import History  # noqa: E402

__all__ = ["COMPILED", "Assessment", "EngineConfig", "History"]
