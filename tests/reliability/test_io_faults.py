"""A full disk, an I/O error or a read-only file system at any write or fsync loses
nothing and ends in a clear, typed error.

For every operation (an unlock, a note added, a note edited, ``passwd``,
``rotate-key``, ``wipe``) and every errno (ENOSPC, EIO, EROFS), the N-th file-system
call on a vault file fails, for every N until the operation finishes without reaching
it (docs/reliability.md). Two mechanisms: Python's ``os`` functions wrapped in the child
(``support.os_faults``: header writes, scrubs, renames, opens for writing), and libc
calls failed by an ``LD_PRELOAD`` shim (``faultfs/faultfs.c``: SQLite's own writes,
fsyncs and truncations too).

After each fault: the command line ended with a Hushnote error (``storage`` or
``disk-full``; a wipe with ``wipe-incomplete``, exit 31), never an internal error or a
traceback; then, faults off, the vault opens with the right passphrase (exactly one of
old and new after ``passwd``), every earlier save is there, ``check`` is clean and no
leftover file outlives the next unlock; after a wipe, a second wipe finishes.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from hushnote.core import KdfParams
from support.crash_scenes import (
    AppImportScene,
    NoteAddScene,
    NoteEditScene,
    PasswdScene,
    RotateScene,
    Scene,
    UnlockScene,
    WipeScene,
)
from support.fault_injection import ERRNOS, MECHANISMS, Injector, long_proof
from support.sweeps import sweep_calls
from support.trial_tally import Tally

SCENES: dict[str, type[Scene]] = {
    "unlock": UnlockScene,
    "note add": NoteAddScene,
    "note edit": NoteEditScene,
    "passwd": PasswdScene,
    "rotate-key": RotateScene,
    "wipe": WipeScene,
    "import-from": AppImportScene,
}


@pytest.mark.slow
@pytest.mark.parametrize("mechanism", MECHANISMS)
@pytest.mark.parametrize("operation", list(SCENES))
def test_io_error_at_every_call(
    injector: Injector,
    tmp_path: Path,
    fast_kdf_params: KdfParams,
    operation: str,
    mechanism: str,
    rng: tuple[int, random.Random],
) -> None:
    scene = SCENES[operation](tmp_path / "scene", fast_kdf_params, small=True)
    # The smoke run tries one errno per operation, drawn at random; the long proof all.
    names = sorted(ERRNOS) if long_proof() else [rng[1].choice(sorted(ERRNOS))]
    tallies = []
    for name in names:
        tally = Tally(operation, f"{name} at the N-th {mechanism} call", seed=rng[0])
        sweep_calls(injector, scene, mechanism, ERRNOS[name], tally, rng[1])
        tally.stop()
        tallies.append(tally)
    failures = []
    for tally in tallies:
        try:
            tally.finish()
        except pytest.fail.Exception as failure:
            failures.append(str(failure))
    if failures:
        pytest.fail("\n\n".join(failures), pytrace=False)
