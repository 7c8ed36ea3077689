"""Every fuzz target, run briefly on every test run, so that no harness can rot.

Two short runs per target: Hypothesis mutating the committed seeds (in this process, no
extra dependency), and atheris itself through the same runner as ``make fuzz``, for one
second. With ``$HUSHNOTE_FUZZ_RUNS`` set (the documented campaign sets 1,000,000) the
atheris run is that many inputs instead, however long they take.
Known findings (known.py) are tolerated: each is pinned by a strict xfail regression.
Anything else found is a new bug and fails the test; its input is in the message.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.harness import Finding, check, corpus, load, target_names
from fuzz.known import known_exceptions

TARGETS = target_names()
RUNS = int(os.environ.get("HUSHNOTE_FUZZ_RUNS", "0"))
SHORT_RUN_SECONDS = 1
HAS_ATHERIS = importlib.util.find_spec("atheris") is not None


def test_every_parser_the_brief_names_has_a_target() -> None:
    assert set(TARGETS) >= {"header", "archive", "age", "vcard", "csv", "query", "decoy", "sync"}


@pytest.mark.parametrize("target", TARGETS)
def test_target_has_committed_seeds(target: str) -> None:
    seeds = dict(corpus(target))
    assert seeds, f"tests/fuzz/corpus/{target}/ is empty: run python -m fuzz.run --write-seeds"
    assert sum(map(len, seeds.values())) < 512 * 1024  # small seeds only


def _edits(seed: bytes) -> st.SearchStrategy[bytes]:
    """``seed`` cut, patched or spliced: mostly-valid inputs that reach the deep code."""
    size = max(len(seed), 1)
    patch = st.tuples(st.integers(0, size), st.binary(min_size=1, max_size=8))
    return st.one_of(
        st.just(seed),
        st.integers(0, size).map(lambda end: seed[:end]),
        st.lists(patch, min_size=1, max_size=4).map(lambda patches: _apply(seed, patches)),
        st.tuples(st.integers(0, size), st.integers(1, 64)).map(
            lambda cut: seed[: cut[0]] + seed[cut[0] : cut[0] + cut[1]] * 50 + seed[cut[0] :]
        ),
    )


def _apply(seed: bytes, patches: list[tuple[int, bytes]]) -> bytes:
    data = bytearray(seed)
    for position, replacement in patches:
        data[position : position + len(replacement)] = replacement
    return bytes(data)


def _tolerate_known(target: str, data: bytes) -> None:
    try:
        check(load(target), data)
    except Finding as finding:
        if finding.exception not in known_exceptions(target):
            raise AssertionError(f"new finding in {target}, input {data!r}: {finding}") from finding


@pytest.mark.parametrize("target", TARGETS)
def test_mutated_seeds(target: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HUSHNOTE_FUZZ_SCRATCH", str(tmp_path))
    monkeypatch.setenv("HUSHNOTE_FUZZ_SCRYPT_LOG_N_CAP", "14")  # see fuzz_age.py
    seeds = [data for _, data in corpus(target)]
    inputs = st.one_of(st.sampled_from(seeds).flatmap(_edits), st.binary(max_size=512))

    @settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
    @given(inputs)
    def run(data: bytes) -> None:
        _tolerate_known(target, data)

    run()


def _require_atheris() -> None:
    if not HAS_ATHERIS:
        if os.environ.get("CI"):
            pytest.fail("atheris is not installed: CI must run the fuzzers (make test installs it)")
        pytest.skip("atheris is not installed (pip install -e '.[fuzz]')")


@pytest.mark.parametrize("target", TARGETS)
def test_atheris_run(target: str, tmp_path: Path) -> None:
    _require_atheris()
    from fuzz.run import run_target

    workdir = Path(os.environ.get("HUSHNOTE_FUZZ_WORKDIR", tmp_path))
    summary = run_target(
        target, runs=RUNS or None, seconds=None if RUNS else SHORT_RUN_SECONDS,
        workdir=workdir, keep_going=True, extra=[], echo=False,
    )  # fmt: skip
    assert summary["exit_code"] == 0, summary.get("stopped", summary)
    assert summary["executions"] >= (RUNS or 10), summary
    assert summary["cov"], "libFuzzer reported no coverage: is hushnote instrumented?"
    unknown = {
        signature: finding
        for signature, finding in summary["findings"].items()
        if finding["exception"] not in known_exceptions(target)
    }
    assert not unknown, f"new findings (inputs under {workdir / target}): {unknown}"
