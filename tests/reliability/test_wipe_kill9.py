"""``kill -9`` in the middle of a wipe never leaves a vault the passphrase opens with its
data damaged, and the next wipe always finishes the job.

After every kill the vault is either untouched (the kill came before the first write:
the passphrase opens it and ``check`` passes) or its keys are gone (the passphrase
fails); never "opens, but damaged". Then a second wipe runs to completion, the folder is
gone and no plaintext canary is left under it. Kills land at random moments and at
every file-system call, through Python's ``os`` and through libc (docs/reliability.md).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from hushnote.core import KdfParams
from support.crash_scenes import WipeScene
from support.fault_injection import KILL, MECHANISMS, Injector, long_proof, random_runs
from support.sweeps import random_kills, sweep_calls
from support.trial_tally import Tally


@pytest.mark.slow
def test_random_kill_minus_nine_during_a_wipe(
    tmp_path: Path, fast_kdf_params: KdfParams, rng: tuple[int, random.Random]
) -> None:
    scene = WipeScene(tmp_path / "scene", fast_kdf_params)
    tally = Tally("wipe", "kill -9 at random moments", seed=rng[0])
    runs = random_runs(1)
    random_kills(scene, runs, tally, rng[1], chained=False)
    tally.finish()
    if runs >= 20:
        # The erase takes about a millisecond of the run: enough kills must land after it.
        assert any("keyless" in outcome for outcome in tally.outcomes), tally.outcomes


@pytest.mark.slow
@pytest.mark.parametrize("mechanism", MECHANISMS)
def test_kill_at_every_file_system_call_of_a_wipe(
    injector: Injector,
    tmp_path: Path,
    fast_kdf_params: KdfParams,
    mechanism: str,
    rng: tuple[int, random.Random],
) -> None:
    scene = WipeScene(tmp_path / "scene", fast_kdf_params, small=True)
    tally = Tally("wipe", f"kill -9 at the N-th {mechanism} call", seed=rng[0])
    sweep_calls(injector, scene, mechanism, KILL, tally, rng[1])
    tally.finish()
    if long_proof():
        assert any("keyless" in outcome for outcome in tally.outcomes), tally.outcomes
