from __future__ import annotations

import pytest

from radar.engine.config import EngineConfig
from radar.engine.vocab import Category


def test_it_overrides_only_the_named_settings():
    config = EngineConfig.from_mapping({"confirm_after_periods": 2, "weights": {"metrics": 2}})
    assert config.confirm_after_periods == 2
    assert config.weights[Category.METRICS] == 2.0
    assert config.weights[Category.CULTURE] == 1.0
    assert config.no_contact_days == EngineConfig().no_contact_days


def test_it_refuses_unknown_settings_instead_of_ignoring_typos():
    with pytest.raises(ValueError, match="confirm_after_period"):
        EngineConfig.from_mapping({"confirm_after_period": 2})


def test_it_refuses_unknown_categories_in_weights():
    with pytest.raises(ValueError):
        EngineConfig.from_mapping({"weights": {"vibes": 1}})
