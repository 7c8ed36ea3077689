"""``kill -9`` at random moments while a vault edits a shared notebook and syncs it
(publishing its files and applying the other member's): the next pass completes, no
file in the folder is ever refused, and every edit committed before the kill reaches
the other vault (docs/sync-format.md#a-pass).

A child process unlocks vault A, edits and creates notes in the shared notebook (bodies
up to ~40 KB, so files are written while it may be killed) and runs a pass every few
edits, printing each edit before and after it returns. Between kills, vault B edits its
own notes and syncs, so A's passes have files to apply too. After each kill the parent
unlocks A and runs a pass, then unlocks B and runs passes, and checks both.

``HUSHNOTE_KILL_RUNS`` sets the number of kills (default 20).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hushnote.core import KdfParams, Vault
from support.fault_injection import random_runs
from support.sync_vaults import BOOK, PASSPHRASE, shared_vaults

CHILD = r"""
import random, sys, uuid
from pathlib import Path
from hushnote.core import Vault

root, passphrase, seed, book = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
rng = random.Random(seed)
with Vault.unlock(Path(root), passphrase) as vault:
    mine = [row[0] for row in vault.db.rows("SELECT uuid FROM notes WHERE title LIKE 'a %'")]
    print("UNLOCKED", flush=True)
    index = 0
    while True:
        index += 1
        title = f"a {seed} {index}"
        body = f"line {seed} {index}\n" * rng.choice([1, 10, 300, 2000])
        if mine and rng.random() < 0.6:
            target = rng.choice(mine)
            print("WRITING", target, title, flush=True)
            vault.notes.update(target, title=title, body=body)
        else:
            target = str(uuid.uuid4())
            print("WRITING", target, title, flush=True)
            vault.notes.create(title=title, body=body, notebook=book, uuid=target)
            mine.append(target)
        print("DONE", target, title, flush=True)
        if index % 3 == 0:
            vault.spaces.sync()
            print("SYNCED", flush=True)
"""


def _titles(vault: Vault, prefix: str) -> dict[str, str]:
    return {
        str(uuid): str(title)
        for uuid, title in vault.db.rows(
            "SELECT uuid, title FROM notes WHERE title LIKE ?", (prefix + "%",)
        )
    }


def _clean(report: object) -> None:
    assert report.refused == [], report  # type: ignore[attr-defined]
    assert report.waiting == [], report  # type: ignore[attr-defined]
    assert report.problem is None, report  # type: ignore[attr-defined]


@pytest.mark.slow
def test_kill_minus_nine_during_sync(tmp_path: Path, fast_kdf_params: KdfParams) -> None:
    with shared_vaults(tmp_path, fast_kdf_params, 2) as ((a, b), _):
        for n in range(5):
            b.notes.create(title=f"b {n}", body="b's note\n", notebook=BOOK)
        a.spaces.sync()
        b.spaces.sync()
    root_a, root_b = tmp_path / "vault0", tmp_path / "vault1"
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    acceptable: dict[str, set[str]] = {}
    truth: dict[str, str] = {}
    synced_in_child = 0
    for trial in range(random_runs(20)):
        process = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(root_a), PASSPHRASE, str(rng.getrandbits(32)), BOOK],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "UNLOCKED", process.stderr
        time.sleep(rng.random() * 1.2)
        process.kill()
        out, err = process.communicate()
        assert process.returncode == -9, err
        for line in out.splitlines():
            word, *rest = line.split(maxsplit=2) or [""]
            if word in ("WRITING", "DONE") and len(rest) < 2:
                continue  # a line the kill cut short: it says nothing
            if word == "WRITING":
                # Killed between this line and DONE: either value is whole.
                acceptable.setdefault(rest[0], {truth.get(rest[0], "")}).add(rest[1])
            elif word == "DONE":
                truth[rest[0]] = rest[1]
                acceptable[rest[0]] = {rest[1]}
            elif word == "SYNCED":
                synced_in_child += 1
        with Vault.unlock(root_a, PASSPHRASE) as vault:
            (report,) = vault.spaces.sync()
            _clean(report)
            titles_a = _titles(vault, "a ")
        for uuid, allowed in acceptable.items():
            assert titles_a.get(uuid, "") in allowed, f"trial {trial}: {uuid} lost on A"
            if titles_a.get(uuid):
                truth[uuid] = titles_a[uuid]
            acceptable[uuid] = {truth.get(uuid, "")}
        with Vault.unlock(root_b, PASSPHRASE) as vault:
            vault.notes.update(_titles(vault, "b ").popitem()[0], body=f"b's edit {trial}\n")
            (report,) = vault.spaces.sync()
            _clean(report)
            assert _titles(vault, "a ") == titles_a, f"trial {trial}: B differs from A"
    with Vault.unlock(root_a, PASSPHRASE) as vault:
        (report,) = vault.spaces.sync()
        _clean(report)
        assert vault.check() == []
    assert truth, "no edit finished in any run: the kills came too early to test"
    assert synced_in_child, "no pass finished in any run"
