"""``kill -9`` in the middle of a save, a passphrase change, a key rotation, a duress
unlock or a bundle import loses nothing (the wipe has its own file).

Three attacks on each operation (docs/reliability.md):

- SIGKILL at random moments of the real command (SQLite's own writes do not go through
  Python's ``os``, so only timing reaches the middle of a commit);
- SIGKILL at the N-th file-system call made through Python's ``os`` (``support.os_faults``);
- SIGKILL at the N-th libc call on a vault file, SQLite's included (faultfs.c).

After every kill the vault is opened as its owner would next, and the operation's
invariants are checked (``support.crash_scenes``): no save reported done is missing,
exactly one of the old and new passphrases opens after ``passwd``, the duress unlock
leaves the real vault intact or its keys gone, an import is all in or not at all, no
unlock is refused as a rollback, and ``check`` is clean.

``HUSHNOTE_KILL_RUNS`` unset: a few random kills and sampled call points per operation.
Set: that many random kills per operation and every call point.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from hushnote.core import KdfParams
from support.crash_scenes import (
    AppImportScene,
    DuressScene,
    ImportScene,
    PasswdScene,
    RotateScene,
    SaveLoopScene,
    Scene,
)
from support.fault_injection import KILL, MECHANISMS, Injector, random_runs
from support.sweeps import random_kills, sweep_calls
from support.trial_tally import Tally

SCENES: dict[str, type[Scene]] = {
    "save": SaveLoopScene,
    "passwd": PasswdScene,
    "rotate-key": RotateScene,
    "duress unlock": DuressScene,
    "import": ImportScene,
    "import-from": AppImportScene,
}
# The commands that end by themselves are killed within one run of them; the save loop
# runs until killed, for up to this many seconds.
SAVE_WINDOW = 4.0


@pytest.mark.slow
@pytest.mark.parametrize("operation", list(SCENES))
def test_random_kill_minus_nine(
    tmp_path: Path, fast_kdf_params: KdfParams, operation: str, rng: tuple[int, random.Random]
) -> None:
    scene = SCENES[operation](tmp_path / "scene", fast_kdf_params)
    tally = Tally(operation, "kill -9 at random moments", seed=rng[0])
    # passwd, rotation and saves go on from the vault the last kill left: a crash in the
    # middle of settling the previous crash must be survived too.
    chained = operation in ("save", "passwd", "rotate-key")
    window = SAVE_WINDOW if operation == "save" else None
    random_kills(scene, random_runs(1), tally, rng[1], chained=chained, window=window)
    tally.finish()


@pytest.mark.slow
@pytest.mark.parametrize("mechanism", MECHANISMS)
@pytest.mark.parametrize("operation", list(SCENES))
def test_kill_at_every_file_system_call(
    injector: Injector,
    tmp_path: Path,
    fast_kdf_params: KdfParams,
    operation: str,
    mechanism: str,
    rng: tuple[int, random.Random],
) -> None:
    # A small vault: every call is a trial, and the save loop makes a fixed few saves.
    scene = SCENES[operation](tmp_path / "scene", fast_kdf_params, small=True)
    tally = Tally(operation, f"kill -9 at the N-th {mechanism} call", seed=rng[0])
    sweep_calls(injector, scene, mechanism, KILL, tally, rng[1])
    tally.finish()
