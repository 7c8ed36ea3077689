"""Run a Hushnote child process with a kill or an I/O error at its N-th file-system call.

Two mechanisms count the calls on paths inside the vault folder and act at the N-th:

- ``os``: ``support.os_faults`` wraps Python's ``os`` functions (header writes, scrubs,
  renames, the wipe); it cannot see SQLite's own I/O.
- ``libc``: ``tests/reliability/faultfs/faultfs.c``, built here with gcc and loaded with
  ``LD_PRELOAD``, sits under everything, SQLite's writes and fsyncs included.

Both write the same report ("N op name" per call, "fault N op name" where they acted,
"total N" at a clean exit), read back into ``ChildRun``.

How much runs is set by ``HUSHNOTE_KILL_RUNS``: unset, a test tries a few random
moments and a few sampled call points per operation (the suite's smoke run); set, it
tries that many random moments and *every* call point (the long proof,
docs/reliability.md; ``HUSHNOTE_FAULT_STRIDE=k`` tries every k-th instead).
``HUSHNOTE_FAULT_SEED`` replays a sampled run.
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

KILL = 0
ERRNOS = {"ENOSPC": errno.ENOSPC, "EIO": errno.EIO, "EROFS": errno.EROFS}
MECHANISMS = ("os", "libc")
SHIM_SOURCE = Path(__file__).parents[1] / "reliability" / "faultfs" / "faultfs.c"
TESTS = Path(__file__).parents[1]
# A sweep that has not finished after this many points is itself a failure.
MAX_POINTS = 4000


def long_proof() -> bool:
    """Whether this is the long proof (every call point) rather than the smoke run."""
    return bool(os.environ.get("HUSHNOTE_KILL_RUNS"))


def random_runs(smoke: int) -> int:
    """Random-moment kills per operation: ``HUSHNOTE_KILL_RUNS``, else ``smoke``."""
    return int(os.environ.get("HUSHNOTE_KILL_RUNS") or smoke)


def stride() -> int:
    """Try every call (1), or every k-th: ``HUSHNOTE_FAULT_STRIDE`` bounds a long proof's
    time where an operation makes thousands of calls of the same few kinds."""
    return int(os.environ.get("HUSHNOTE_FAULT_STRIDE") or 1)


def seed() -> int:
    return int(os.environ.get("HUSHNOTE_FAULT_SEED") or random.SystemRandom().randrange(1 << 30))


def build_shim(folder: Path) -> Path:
    """Compile faultfs.c into ``folder``; skip without gcc, except in CI, which has it."""
    compiler = shutil.which("gcc")
    if compiler is None:
        if os.environ.get("CI"):
            pytest.fail("gcc is missing: .ci/run installs it for the faultfs shim")
        pytest.skip("gcc is missing (Debian: gcc libc6-dev); the faultfs shim needs it")
    out = folder / "faultfs.so"
    subprocess.run(
        [
            compiler,
            "-shared",
            "-fPIC",
            "-O2",
            "-Wall",
            "-Werror",
            "-o",
            str(out),
            str(SHIM_SOURCE),
            "-ldl",
        ],
        check=True,
        capture_output=True,
    )
    return out


@dataclass
class ChildRun:
    """What one child did: its exit, its output, and the calls the injector counted."""

    returncode: int
    stdout: str
    stderr: str
    calls: list[str] = field(default_factory=list)
    fault: str | None = None
    total: int | None = None

    @property
    def killed(self) -> bool:
        return self.returncode == -9

    def describe(self) -> str:
        tail = self.stderr.strip()[-300:]
        return f"exit {self.returncode}, fault at {self.fault!r}, stderr {tail!r}"


@dataclass
class Injector:
    """Starts children under one mechanism; ``shim`` is the built faultfs.so."""

    shim: Path | None
    scratch: Path

    def argv(self, mechanism: str, module: str, args: list[str]) -> list[str]:
        if mechanism == "os":
            return [sys.executable, "-m", "support.os_faults", module, *args]
        return [sys.executable, "-m", module, *args]

    def env(
        self, mechanism: str, root: Path, at: int, code: int, report: Path, sticky: bool
    ) -> dict[str, str]:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(TESTS), env.get("PYTHONPATH")]))
        env.update(
            FAULTFS_DIR=os.path.realpath(root),
            FAULTFS_AT=str(at),
            FAULTFS_ERRNO=str(code),
            FAULTFS_STICKY="1" if sticky else "0",
            FAULTFS_REPORT=str(report),
        )
        if mechanism == "libc":
            assert self.shim is not None
            env["LD_PRELOAD"] = str(self.shim)
        return env

    def run(
        self,
        mechanism: str,
        root: Path,
        module: str,
        args: list[str],
        *,
        at: int = 0,
        code: int = KILL,
        sticky: bool = False,
        stdin: str = "",
        timeout: float = 120,
        path: Path | None = None,
    ) -> ChildRun:
        """Run ``python -m module args`` with the call ``at`` failed (0: only counted)."""
        report = self.scratch / "faultfs.report"
        report.unlink(missing_ok=True)
        env = self.env(mechanism, root, at, code, report, sticky)
        if path is not None:  # where ``module`` lives, if not in tests/
            env["PYTHONPATH"] = os.pathsep.join([str(path), env["PYTHONPATH"]])
        result = subprocess.run(
            self.argv(mechanism, module, args),
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        lines = report.read_text().splitlines() if report.exists() else []
        run = ChildRun(result.returncode, result.stdout, result.stderr)
        for line in lines:
            if line.startswith("fault "):
                run.fault = run.fault or line.removeprefix("fault ")
            elif line.startswith("total "):
                run.total = int(line.removeprefix("total "))
            else:
                run.calls.append(line)
        return run


def call_kind(line: str) -> str:
    """ "17 fsync vault.key.new" -> "fsync vault.key.new": a kill or fault point's kind."""
    _, _, kind = line.partition(" ")
    return kind.strip() or "?"
