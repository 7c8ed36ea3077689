"""The kill and fault machinery sees what it claims to: each detector is shown the bad thing.

The sweeps report zero violations; these tests make sure that zero can mean something:
both injectors fail exactly the N-th call on a vault file and only there, and the
checks flag a lost save and a database put back from an older copy.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from hushnote.core import KdfParams, Vault
from support.crash_scenes import OLD, SaveLoopScene, refusal
from support.fault_injection import KILL, MECHANISMS, ChildRun, Injector
from support.vault_probe import probe

WRITER = r"""
import errno, os, sys
folder = sys.argv[1]
for name in ("a", "b", "c"):
    try:
        fd = os.open(os.path.join(folder, name), os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            os.write(fd, b"x")
        finally:
            os.close(fd)
        print("wrote", name, flush=True)  # stdout is no vault file: never counted
    except OSError as error:
        print("failed", name, errno.errorcode[error.errno], flush=True)
"""
# The errno sweep's call 3 is the open of "b" through os (open, write, open…), its write
# through libc (which leaves failing opens to os); the kill sweep's call 3 is closing "a".
SECOND_FILE = {"os": 3, "libc": 2}


@pytest.mark.parametrize("mechanism", MECHANISMS)
def test_the_nth_call_in_the_folder_fails_and_no_other(
    injector: Injector, tmp_path: Path, mechanism: str
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (tmp_path / "writer.py").write_text(WRITER)
    args = [str(folder)]
    at = SECOND_FILE[mechanism]
    run = injector.run(mechanism, folder, "writer", args, at=at, code=errno.ENOSPC, path=tmp_path)
    assert run.stdout.splitlines() == ["wrote a", "failed b ENOSPC", "wrote c"], run.stderr
    assert run.fault is not None and run.fault.endswith(" b"), run.fault
    kill = injector.run(mechanism, folder, "writer", args, at=3, code=KILL, path=tmp_path)
    assert kill.killed and kill.stdout == "", kill.describe()
    assert kill.fault == "3 close a", kill.fault


def test_a_lost_save_is_flagged(tmp_path: Path, fast_kdf_params: KdfParams) -> None:
    scene = SaveLoopScene(tmp_path / "scene", fast_kdf_params, small=True)
    root = scene.fresh()
    claimed = ChildRun(-9, "unlocked\nsaved 00000000-0000-4000-8000-000000000000 3\n", "")
    _, wrong = scene.verify(root, claimed)
    assert any("committed saves lost" in text for text in wrong), wrong


def test_a_database_put_back_is_flagged_as_a_rollback(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    scene = SaveLoopScene(tmp_path / "scene", fast_kdf_params, small=True)
    root = scene.fresh()
    older = (root / "vault.db").read_bytes()
    with Vault.unlock(root, OLD) as vault:
        vault.notes.create(title="later", body="v1|later")
    (root / "vault.db").write_bytes(older)
    found = probe(root, OLD)
    assert refusal(OLD, found), found.error
