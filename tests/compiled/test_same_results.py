"""The compiled engine and the pure-Python one give the same assessments, to the byte.

This process runs whichever build its RADAR_ENGINE chooses (the compiled one in
the test command's SQLite run); a child process with RADAR_ENGINE=python reads
the same pickled histories with the pure-Python modules. Both print every
assessment's JSON; the two outputs must be identical. The histories are the demo
portfolio's at several dates (backtests included) and the seeds' scenarios.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from radar.demo import seed_demo, wipe_portfolio
from radar.demo.people import OWNERS
from radar.engine.config import EngineConfig
from radar.engine.evaluate import evaluate
from radar.engine.records import History
from tests.engine import test_scenarios

pytestmark = pytest.mark.django_db

DEMO_DAYS = (date(2026, 11, 23), date(2026, 1, 12), date(2025, 6, 30))
SCENARIO_DAY = date(2025, 10, 31)
STRICT = EngineConfig.from_mapping({"confirm_after_periods": 2, "deviation_z": 1.5})

CHILD = """
import json, pickle, sys
import radar.engine
from radar.engine.evaluate import evaluate
assert radar.engine.COMPILED is False
cases = pickle.load(open(sys.argv[1], "rb"))
print(json.dumps([evaluate(h, day, config).to_dict() for h, day, config in cases], default=str))
"""

Case = tuple[History, date, EngineConfig]


@pytest.fixture(scope="module")
def cases(django_db_setup, django_db_blocker) -> list[Case]:
    from radar.portfolio.loader import load_histories

    with django_db_blocker.unblock():
        try:
            seed_demo(42, DEMO_DAYS[0])
            found: list[Case] = []
            for day in DEMO_DAYS:
                for h in load_histories(day).values():
                    found += [(h, day, EngineConfig()), (h, day, STRICT)]
        finally:
            wipe_portfolio()
            get_user_model().objects.filter(username__in=OWNERS).delete()
    scenarios = (
        test_scenarios.reassigned_lead_engineer(),
        test_scenarios.co_selling_incentive_change(),
        test_scenarios.holiday_dip(),
        test_scenarios.stable_mature_alliance(),
    )
    return found + [(h, SCENARIO_DAY, EngineConfig()) for h in scenarios]


def test_the_pure_python_engine_gives_this_process_s_results_byte_for_byte(cases, tmp_path):
    assert len(cases) > 60
    here = json.dumps([evaluate(h, day, config).to_dict() for h, day, config in cases], default=str)
    pickled = tmp_path / "cases.pickle"
    pickled.write_bytes(pickle.dumps(cases))
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(pickled)],
        env={**os.environ, "RADAR_ENGINE": "python"},
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=True,
    )
    assert child.stdout.strip() == here
