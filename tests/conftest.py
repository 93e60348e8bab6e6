"""Shared fixtures. Named, small factories keep tests readable."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

# Tests never touch a developer's own database folder.
os.environ.setdefault("RADAR_DATA_DIR", tempfile.mkdtemp(prefix="radar-tests-"))


import pytest

# Users per role, a small alliance and a stand-in engine for the web and API tests.
pytest_plugins = ["tests.web.support"]

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = REPO_ROOT.parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    """../shared beside the repository (real-world test data)."""
    if not SHARED_DIR.is_dir():
        pytest.fail(f"{SHARED_DIR} is missing: CI checks out shared/ beside the repository")
    return SHARED_DIR


@pytest.fixture(autouse=True)
def _private_cache(settings: Any) -> None:
    """Rate-limit counters live in the cache: each test gets an empty one of its own
    (the file cache of RADAR_DATA_DIR is shared by the parallel test processes)."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _jobs_inline(settings: object) -> None:
    """Background jobs run in the test's own process and transaction; the tests of a
    real worker process (tests/worker/test_worker_process.py) start one themselves."""
    settings.RADAR_JOBS_INLINE = True  # type: ignore[attr-defined]
