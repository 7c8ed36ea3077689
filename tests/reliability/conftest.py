"""Fixtures of the reliability tests: the fault injector and a seeded random source."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from support.fault_injection import Injector, build_shim, seed


@pytest.fixture(scope="session")
def faultfs_shim(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/reliability/faultfs/faultfs.c, compiled once per run."""
    return build_shim(tmp_path_factory.mktemp("faultfs"))


@pytest.fixture
def injector(request: pytest.FixtureRequest, tmp_path: Path) -> Injector:
    """Starts children under the mechanism the test is parametrized with."""
    callspec = getattr(request.node, "callspec", None)
    mechanism = callspec.params.get("mechanism", "os") if callspec else "os"
    shim = request.getfixturevalue("faultfs_shim") if mechanism == "libc" else None
    return Injector(shim=shim, scratch=tmp_path)


@pytest.fixture
def rng() -> tuple[int, random.Random]:
    """A random source and its seed (HUSHNOTE_FAULT_SEED replays one)."""
    chosen = seed()
    return chosen, random.Random(chosen)
