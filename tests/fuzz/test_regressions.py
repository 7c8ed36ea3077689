"""Every input the fuzzers ever broke a parser with, replayed on every run.

A file in regressions/<target>/ must now be accepted or refused with a ``HushnoteError``,
quickly. Files of findings not fixed yet are listed in known.py and expected to fail
(strictly, and only with the reported exception), so the fix is noticed. Those that
would be slow or huge again if the bug came back replay in a child process under a time
and address-space limit, so that a relapse fails instead of stalling the test run.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fuzz import fuzz_age
from fuzz.harness import (
    FUZZ_DIR,
    REGRESSIONS_DIR,
    TIME_CEILING,
    Finding,
    check,
    load,
    target_names,
)
from fuzz.known import BOUNDED_REPLAY, KNOWN, OWN_TEST, Known, known_file

_STARTUP_ALLOWANCE = 2.0  # seconds for the child to import the target
_CHILD_ADDRESS_SPACE = 3 << 29  # 1.5 GiB


def _cases() -> list[Any]:
    cases = []
    for target in target_names():
        folder = REGRESSIONS_DIR / target
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            known = known_file(target, path.name)
            if f"{target}/{path.name}" in OWN_TEST:
                continue
            marks = []
            if known is not None:
                marks.append(pytest.mark.xfail(strict=True, raises=Finding, reason=known.reason))
            cases.append(pytest.param(target, path, known, marks=marks, id=f"{target}/{path.name}"))
    return cases


@pytest.mark.parametrize(("target", "path", "known"), _cases())
def test_regression(target: str, path: Path, known: Known | None) -> None:
    bounded = f"{target}/{path.name}" in BOUNDED_REPLAY
    if bounded or (known is not None and known.exception in ("slow", "memory")):
        problem = _replay_bounded(target, path)
        if problem is not None:
            kind = known.exception if known is not None else "slow"
            raise Finding(kind, f"{kind} input in {target}", target, problem)
        return
    try:
        check(load(target), path.read_bytes())
    except Finding as finding:
        if known is not None and finding.exception != known.exception:
            pytest.fail(f"{path.name} now fails differently: {finding}")
        raise


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (_CHILD_ADDRESS_SPACE, _CHILD_ADDRESS_SPACE))


def _replay_bounded(target: str, path: Path) -> str | None:
    """Replay in a child with a deadline and 1.5 GiB of address space. Return what went
    wrong if it ran out of either; fail the test if it crashed some other way."""
    code = (
        "import sys; from fuzz.harness import check, load; "
        "check(load(sys.argv[1]), open(sys.argv[2], 'rb').read())"
    )
    environment = {**os.environ, "PYTHONPATH": str(FUZZ_DIR.parent)}
    environment.pop("HUSHNOTE_FUZZ_SCRYPT_LOG_N_CAP", None)  # replay at full cost
    try:
        child = subprocess.run(
            [sys.executable, "-c", code, target, str(path)], capture_output=True, text=True,
            env=environment, preexec_fn=_limit_memory,
            timeout=TIME_CEILING + _STARTUP_ALLOWANCE, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return f"not done after {TIME_CEILING + _STARTUP_ALLOWANCE} s"
    last = (child.stderr.strip().splitlines() or [""])[-1]
    if child.returncode < 0:  # an allocation failure aborts a Rust library
        return f"killed by signal {-child.returncode}: {last}"
    if child.returncode == 0:
        return None
    if "Finding: slow" in last or "MemoryError" in last:
        return last
    pytest.fail(f"{path.name} crashed in replay: {last}")


_SCRYPT_FILE = REGRESSIONS_DIR / "age" / "scrypt-log-n-23.hnb"
_AGE_MAX_WORK_FACTOR = 22  # the reference age implementation's default ceiling


def _guard_scrypt(monkeypatch: pytest.MonkeyPatch, ceiling: int) -> Callable[[bytes, str], bytes]:
    """Make pyrage's scrypt refuse to start above ``ceiling`` (raising Finding), so that a
    test sees whether open_bundle asked it to, without paying for it."""
    from pyrage import passphrase

    real = passphrase.decrypt

    def guarded(data: bytes, secret: str) -> bytes:
        claimed = fuzz_age.work_factor(data) or 0
        if claimed > ceiling:
            raise Finding("memory", "scrypt", "age", f"scrypt asked to run at log N {claimed}")
        result: bytes = real(data, secret)
        return result

    monkeypatch.setattr(passphrase, "decrypt", guarded)
    return guarded


def test_excessive_scrypt_work_is_refused_unspent(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bundle claiming more scrypt work than age itself allows is refused before any.

    The file is a valid passphrase bundle with its work factor changed to 23: open_bundle
    once spent 38 s and 8 GiB on it before refusing it. Running it for real would cost that
    again if the bug came back, or be refused by pyrage when the machine is busy (its
    ceiling is measured), so scrypt is guarded instead.
    """
    from hushnote.core.formats.bundle import open_bundle
    from hushnote.errors import HushnoteError

    guarded = _guard_scrypt(monkeypatch, _AGE_MAX_WORK_FACTOR)
    with pytest.raises(Finding):  # the guard sees this file
        guarded(_SCRYPT_FILE.read_bytes(), fuzz_age.PASSPHRASE)
    with pytest.raises(HushnoteError):
        open_bundle(_SCRYPT_FILE, passphrase=fuzz_age.PASSPHRASE)


def test_a_small_passphrase_bundle_needs_little_memory() -> None:
    """Opening a 1.7 KB passphrase bundle allocates megabytes, not the size limit."""
    import tracemalloc

    from hushnote.core.formats.bundle import open_bundle

    path = REGRESSIONS_DIR / "age" / "passphrase-1-7kb.hnb"
    tracemalloc.start()
    try:
        open_bundle(path, passphrase=fuzz_age.PASSPHRASE)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 << 20, f"{peak >> 20} MiB allocated for a {path.stat().st_size} B file"


def test_every_file_named_in_known_exists() -> None:
    for file in [*(known.file for known in KNOWN), *BOUNDED_REPLAY, *OWN_TEST]:
        target, _, name = file.partition("/")
        assert target in target_names(), file
        assert (REGRESSIONS_DIR / target / name).is_file(), file


def test_the_detector_sees_a_crash_and_a_slow_input() -> None:
    """The contract check itself: an untyped exception and a slow parse are findings."""
    from fuzz.harness import Target

    def broken(data: bytes) -> object:
        empty: dict[bytes, object] = {}
        return empty[data]

    with pytest.raises(Finding, match="KeyError"):
        check(Target("broken", broken, dict, 1), b"x")
    slow = Target("slow", lambda data: sum(range(2_000_000)), dict, 1, time_ceiling=0.0)
    with pytest.raises(Finding, match="slow"):
        check(slow, b"x")
