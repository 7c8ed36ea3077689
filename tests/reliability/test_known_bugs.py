"""The failures the kill and fault sweeps once found in the core, each pinned at one call.

Each was a bug (docs/reliability.md describes them) and is fixed; these tests keep it
fixed. A new bug the sweeps find gets a test here, marked ``xfail(strict=True)`` until it
is fixed, and an entry in ``support.trial_tally.KNOWN_BUGS`` meanwhile.
"""

from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import pytest

from hushnote.core import KdfParams
from support.crash_scenes import RotateScene, Scene, WipeScene
from support.fault_injection import ChildRun, Injector


@pytest.fixture
def wipe_scene(tmp_path: Path, fast_kdf_params: KdfParams) -> WipeScene:
    """A small vault for a wipe test, copied afresh for each run."""
    return WipeScene(tmp_path / "scene", fast_kdf_params, small=True)


def fault_at_first(
    injector: Injector,
    mechanism: str,
    scene: Scene,
    kind: str,
    code: int,
    *,
    after: str | None = None,
) -> tuple[Path, ChildRun]:
    """Run ``scene`` on a fresh copy with ``code`` at its first call of ``kind``
    ("pwrite vault.db"), after the first of ``after`` if given, as an unfaulted run on
    another copy counted them."""
    census_root = scene.fresh()
    census = injector.run(mechanism, census_root, scene.module, scene.args(census_root), code=code)
    assert census.returncode == 0, census.describe()
    scene.discard(census_root)
    calls = [(int(line.split(" ", 1)[0]), line.split(" ", 1)[1]) for line in census.calls]
    start = next(n for n, seen in calls if seen == after) if after else 0
    at = next(n for n, seen in calls if n > start and seen == kind)
    root = scene.fresh()
    run = injector.run(mechanism, root, scene.module, scene.args(root), at=at, code=code)
    assert run.fault == f"{at} {kind}", run.fault
    return root, run


@pytest.mark.slow
@pytest.mark.parametrize("mechanism", ["libc"])
def test_rotation_reports_an_io_error_while_exporting(
    injector: Injector, tmp_path: Path, fast_kdf_params: KdfParams, mechanism: str
) -> None:
    scene = RotateScene(tmp_path / "scene", fast_kdf_params, small=True)
    _, run = fault_at_first(injector, mechanism, scene, "pwrite64 vault.db.rekey", errno.EIO)
    assert "internal error" not in run.stderr
    assert run.returncode == 14, run.describe()  # storage


@pytest.mark.slow
@pytest.mark.parametrize(
    ("mechanism", "kind", "after"),
    [
        # swap_in fails after its rename: rotate_key's clean-up takes it for a failure
        # before the commit point and reopens the new database with the old key.
        ("os", "fsync ", "replace vault.db"),
        # The new database cannot be reopened after the swap.
        ("libc", "pwrite64 vault.db-shm", "rename vault.db"),
    ],
    ids=["fsync-after-swap", "reopen-after-swap"],
)
def test_rotation_survives_a_fault_after_its_commit_point(
    injector: Injector,
    tmp_path: Path,
    fast_kdf_params: KdfParams,
    mechanism: str,
    kind: str,
    after: str,
) -> None:
    scene = RotateScene(tmp_path / "scene", fast_kdf_params, small=True)
    root, run = fault_at_first(injector, mechanism, scene, kind, errno.EIO, after=after)
    assert "internal error" not in run.stderr, run.describe()
    # After the rename the rotation is done: a failure to sync the folder or to scrub the
    # old copy is left to the next unlock, and only a failure to reopen is an error.
    assert run.returncode == (0 if kind.startswith("fsync") else 14), run.describe()
    assert not scene.verify(root, run)[1]


@pytest.mark.slow
@pytest.mark.parametrize("mechanism", ["os"])
def test_wipe_reports_a_failed_overwrite(
    injector: Injector, wipe_scene: WipeScene, mechanism: str
) -> None:
    _, run = fault_at_first(injector, mechanism, wipe_scene, "pwrite vault.db", errno.EIO)
    assert run.returncode == 31, run.describe()  # wipe-incomplete


@pytest.mark.slow
@pytest.mark.parametrize("mechanism", ["os"])
def test_wipe_reports_a_folder_it_could_not_remove(
    injector: Injector, wipe_scene: WipeScene, mechanism: str
) -> None:
    root, run = fault_at_first(injector, mechanism, wipe_scene, "rmdir ", errno.EIO)
    assert root.exists(), "the fault did not keep the folder"
    assert run.returncode == 31, run.describe()  # wipe-incomplete


@pytest.mark.slow
@pytest.mark.parametrize("mechanism", ["os"])
def test_a_second_wipe_erases_keys_the_first_could_not(
    injector: Injector, wipe_scene: WipeScene, mechanism: str
) -> None:
    root, run = fault_at_first(injector, mechanism, wipe_scene, "pwrite vault.key", errno.EIO)
    assert run.returncode == 31 and "key slots are intact" in run.stderr, run.describe()
    again = subprocess.run(
        [sys.executable, "-m", "hushnote", "--vault", str(root), "wipe", "--yes"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert "keys were destroyed" in again.stdout, again.stdout
