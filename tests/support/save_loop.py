"""A child process that saves notes in a loop and says so after every commit.

``python -m support.save_loop ROOT PASSPHRASE_FILE SEED COUNT RELOCK``: unlocks the
vault, then creates or updates notes (COUNT saves, or forever for 0), locking and
unlocking again every RELOCK saves so that kills also land in the header writes of
unlock and lock. Each
body starts with its save number ("v7|…"), one more than the note had; after a save has
committed the child prints ``saved UUID VERSION`` and flushes, so the parent knows which
saves it must find after it kills the child. Choices come from SEED, so a run with the
same seed on a copy of the same vault makes the same calls.
"""

from __future__ import annotations

import random
import sys
import uuid
from pathlib import Path

from hushnote.core import Vault

# Keeps the vault small however long the loop runs: past this, saves update.
MAX_NOTES = 120


def version_of(body: str) -> int:
    head, _, _ = body.partition("|")
    return int(head[1:]) if head.startswith("v") and head[1:].isdigit() else 0


def main(argv: list[str]) -> None:
    root, passphrase_file = Path(argv[0]), Path(argv[1])
    seed, count, relock = (int(word) for word in argv[2:5])
    passphrase = passphrase_file.read_text(encoding="utf-8").splitlines()[0]
    rng = random.Random(seed)
    vault = Vault.unlock(root, passphrase)
    rows = vault.db.rows(
        "SELECT n.uuid, b.body FROM notes n JOIN note_bodies b ON b.note_id = n.id"
    )
    versions = {str(key): version_of(str(body)) for key, body in sorted(rows)}
    print("unlocked", flush=True)
    done = 0
    while count == 0 or done < count:
        filler = "".join(rng.choice("abcdefghij ") for _ in range(rng.randrange(100, 6000)))
        if len(versions) < MAX_NOTES and (not versions or rng.random() < 0.4):
            key = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            vault.notes.create(title=f"note {len(versions)}", body=f"v1|{filler}", uuid=key)
            versions[key] = 1
        else:
            key = rng.choice(sorted(versions))
            versions[key] += 1
            vault.notes.update(key, body=f"v{versions[key]}|{filler}")
        print(f"saved {key} {versions[key]}", flush=True)
        done += 1
        if done % relock == 0:
            vault.lock()
            vault = Vault.unlock(root, passphrase)
            print("unlocked", flush=True)
    vault.lock()


if __name__ == "__main__":
    main(sys.argv[1:])
