"""``kill -9`` at random moments while files are attached and removed: no orphan file,
no half-written file, no row without its file, and ``check`` clean afterwards.

A child process attaches files of random sizes (0 to 2 MiB) to a note and removes some
of them, printing each operation once it has returned. The parent kills it at a random
moment, unlocks the vault as its owner would next (which sweeps what the crash left),
and checks:

- every attachment the child reported stored and not removed is there, byte for byte;
- every attachment it reported removed is gone;
- the attachments folder holds exactly one file per row, and no ``.partial``;
- ``Vault.check()`` finds nothing.

``HUSHNOTE_KILL_RUNS`` sets the number of kills (default 20).
"""

from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hushnote.core import Vault
from support.fault_injection import random_runs

CHILD = r"""
import hashlib, os, random, sys
from pathlib import Path
from hushnote.core import Vault

root, passphrase, seed, scratch = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
rng = random.Random(seed)
with Vault.unlock(Path(root), passphrase) as vault:
    notes = vault.notes.summaries(limit=1)
    note = notes[0].uuid
    print("UNLOCKED", flush=True)
    index = 0
    while True:
        index += 1
        size = rng.choice([0, 1, 5000, 70_000, 300_000, 1 << 20, 2 << 20])
        data = rng.randbytes(size)
        source = scratch / f"f{index}"
        source.write_bytes(data)
        attachment = vault.attachments.add(note, source).attachment
        print("ADDED", attachment.uuid, hashlib.sha256(data).hexdigest(), flush=True)
        source.unlink()
        existing = vault.attachments.of_note(note)
        if existing and rng.random() < 0.5:
            victim = rng.choice(existing).uuid
            print("REMOVING", victim, flush=True)
            vault.attachments.remove(victim)
            print("REMOVED", victim, flush=True)
"""


@pytest.mark.slow
def test_kill_minus_nine_during_attach_and_remove(fast_kdf_vault, tmp_path: Path) -> None:
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        vault.notes.create(title="case", body="")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    stored: dict[str, str] = {}
    removed: set[str] = set()
    maybe_removed: set[str] = set()
    killed = 0
    for trial in range(random_runs(20)):
        process = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(fast_kdf_vault.root), fast_kdf_vault.passphrase,
             str(rng.getrandbits(32)), str(scratch)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "UNLOCKED", process.stderr
        time.sleep(rng.random() * 1.0)
        process.kill()
        out, err = process.communicate()
        killed += process.returncode == -9
        assert process.returncode == -9, err
        for line in out.splitlines():
            word, uuid, *rest = line.split()
            if word == "ADDED":
                stored[uuid] = rest[0]
            elif word == "REMOVING":
                maybe_removed.add(uuid)
            elif word == "REMOVED":
                removed.add(uuid)
        for leftover in scratch.iterdir():
            leftover.unlink()
        with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
            note = vault.notes.summaries(limit=1)[0].uuid
            present = {a.uuid for a in vault.attachments.of_note(note)}
            for uuid, digest in stored.items():
                if uuid in removed:
                    assert uuid not in present, f"trial {trial}: removed {uuid} came back"
                elif uuid not in maybe_removed:
                    assert uuid in present, f"trial {trial}: stored {uuid} lost"
                    data = b"".join(vault.attachments.chunks(uuid))
                    assert hashlib.sha256(data).hexdigest() == digest
            blobs = {row[0] for row in vault.db.rows("SELECT blob FROM attachments")}
            on_disk = {p.name for p in vault.paths.attachments.iterdir()}
            assert on_disk == blobs, f"trial {trial}: files {on_disk ^ blobs} out of step"
            assert vault.check() == [], f"trial {trial}"
        for uuid in maybe_removed - removed:
            # Killed between its start and its report: either outcome is whole.
            maybe_removed.discard(uuid)
            if uuid not in present:
                removed.add(uuid)
    assert killed == random_runs(20)
    assert stored, "no attach finished in any run: the kills came too early to test"
