"""``kill -9`` at random moments while travel starts: the content is always still in the
vault, or in a complete bundle that opens with the key and gives it all back; never
neither, never half of it.

A child process unlocks a copy of one vault (notes, some in the trash, attachments, a
list and its contacts, all marked to stay home) and starts travel with a travel key.
The parent kills it at a random moment of a run's length (measured first), then unlocks
the copy as its owner would next and checks:

- every stay-home note, attachment and contact is in the vault, byte for byte; or none
  is, and the bundle at the target opens with the key and ``end`` brings every one back;
- nothing but the bundle, or an export's encrypted ``.partial`` file killed before its
  rename, is beside the target;
- ``Vault.check()`` finds nothing either way.

``HUSHNOTE_KILL_RUNS`` sets the number of kills (default 20). The travel key seals the
bundle at scrypt work factor 2^14 (the ``fast_scrypt`` fixture), so the kills land in
the vault's own work rather than mostly in two seconds of scrypt.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hushnote.core import NewContact, Vault
from support.fault_injection import random_runs

pytestmark = pytest.mark.usefixtures("fast_scrypt")  # passphrase bundles: conftest.py

KEY = "alpha bravo charlie delta echo foxtrot golf hotel india juliet"
NOTES = 40

CHILD = r"""
import sys
from pathlib import Path
from hushnote.core import Vault

root, passphrase, out, key = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), sys.argv[4]
with Vault.unlock(root, passphrase) as vault:
    print("UNLOCKED", flush=True)
    vault.travel.start(out, passphrase=key, kill_point=lambda name: print(name, flush=True))
    print("DONE", flush=True)
"""


def _template(root: Path, passphrase: str) -> dict[str, str]:
    """Stay-home content, and the digest of each attachment by note title."""
    digests = {}
    rng = random.Random(7)
    with Vault.unlock(root, passphrase) as vault:
        vault.notes.create(title="Home note", body="stays", notebook="Daily")
        for n in range(NOTES):
            note = vault.notes.create(title=f"Case {n}", body=f"statement {n} " * 200,
                                      notebook="Cases")  # fmt: skip
            if n % 5 == 0:
                data = rng.randbytes(rng.choice([10, 70_000, 400_000, 1 << 20]))
                source = root.parent / "source"
                source.write_bytes(data)
                vault.attachments.add(note.uuid, source)
                digests[f"Case {n}"] = hashlib.sha256(data).hexdigest()
            if n % 7 == 0:
                vault.notes.trash(note.uuid)
        vault.lists.create("Medics")
        for n in range(5):
            person = vault.contacts.create(NewContact(display_name=f"Medic {n}"))
            vault.lists.add("Medics", person.uuid)
        vault.travel.mark_notebook("Cases")
        vault.travel.mark_list("Medics")
    return digests


def _held(vault: Vault, digests: dict[str, str]) -> bool | None:
    """True if every stay-home record is in the vault, False if none is; a failure
    (None) for anything in between."""
    notes = vault.db.rows(
        "SELECT n.uuid, n.title FROM notes n JOIN notebooks nb ON nb.id = n.notebook_id "
        "WHERE nb.name = 'Cases'"
    )
    medics = vault.db.row("SELECT count(*) FROM contacts WHERE display_name LIKE 'Medic %'")[0]
    if not notes and medics == 0 and not vault.lists.all():
        return False
    if len(notes) != NOTES or medics != 5:
        return None
    by_title = {title: uuid for uuid, title in notes}
    for title, digest in digests.items():
        [attachment] = vault.attachments.of_note(by_title[title])
        data = b"".join(vault.attachments.chunks(attachment.uuid))
        if hashlib.sha256(data).hexdigest() != digest:
            return None
    trashed = vault.db.row("SELECT count(*) FROM notes WHERE trashed_at IS NOT NULL")[0]
    return True if trashed == len(range(0, NOTES, 7)) else None


@pytest.mark.slow
def test_kill_minus_nine_while_travel_starts(fast_kdf_vault, tmp_path: Path) -> None:
    template = fast_kdf_vault.root
    passphrase = fast_kdf_vault.passphrase
    digests = _template(template, passphrase)
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    runs = random_runs(20)
    outcomes: dict[str, int] = {"in the vault": 0, "in the bundle": 0}
    phases: dict[str, int] = {}  # the last step each run reported before it died
    length = None
    for trial in range(runs + 1):
        copy, away = tmp_path / f"run{trial}", tmp_path / f"away{trial}"
        shutil.copytree(template, copy)
        away.mkdir()
        out = away / "trip.hnb"
        process = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(copy), passphrase, str(out), KEY],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "UNLOCKED", process.stderr
        if length is None:  # the first run measures how long a start takes, unkilled
            # From the unlock to the end of the start only: the interpreter's start-up
            # and exit are no part of it, and kills spread over the work itself.
            started, steps = time.monotonic(), []
            for line in process.stdout:
                steps.append(line)
                if line.strip() == "DONE":
                    length = time.monotonic() - started
                    break
            rest, stderr = process.communicate()
            assert process.returncode == 0, stderr
            stdout = "".join(steps) + rest
            assert length is not None and "purged" in stdout
        else:
            time.sleep(rng.random() * length * 1.1)
            process.kill()
            stdout, _ = process.communicate()
        reached = ([line for line in stdout.split() if line] or ["UNLOCKED"])[-1]
        phases[reached] = phases.get(reached, 0) + 1
        with Vault.unlock(copy, passphrase) as vault:
            held = _held(vault, digests)
            assert held is not None, f"trial {trial}: part of the content is gone"
            assert vault.check() == [], f"trial {trial}"
            beside = [p.name for p in away.iterdir() if p.name != "trip.hnb"]
            assert all(name.endswith(".partial") for name in beside), f"trial {trial}"
            if held:
                outcomes["in the vault"] += 1
            else:
                assert out.exists(), f"trial {trial}: neither in the vault nor in a bundle"
                vault.travel.end(out, passphrase=KEY)
                assert _held(vault, digests) is True, f"trial {trial}: the bundle lost some"
                assert vault.check() == []
                outcomes["in the bundle"] += 1
        shutil.rmtree(copy)
        shutil.rmtree(away)
    print("last step reached:", phases, "content:", outcomes)
    assert sum(outcomes.values()) == runs + 1
    assert outcomes["in the bundle"] >= 1  # the unkilled run, at least
