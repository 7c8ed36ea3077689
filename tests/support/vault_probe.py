"""Open a vault after a crash or a fault, the way its owner would next, and say what is there.

Every probe is a real unlock (which settles leftovers and writes the header, as the next
unlock after a crash does), then ``check``, the record counts and the notes' bodies,
then a lock; the folder is listed before and after.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from hushnote.core import Vault
from hushnote.errors import HushnoteError

# The next unlock must refuse neither of these after a crash: a crash leaves the
# database ahead of the header, never behind it, and always the one that belongs.
FALSE_ROLLBACK = ("vault-rolled-back", "vault-mismatch")
LIVE_FILES = ["vault.db", "vault.key"]


@dataclass
class Probe:
    """What one unlock attempt found; ``error`` is None when the vault opened."""

    error: str | None
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    bodies: dict[str, str] = field(default_factory=dict)
    attachments: set[str] = field(default_factory=set)
    files_before: list[str] = field(default_factory=list)
    files_after: list[str] = field(default_factory=list)

    @property
    def opened(self) -> bool:
        return self.error is None

    def versions(self) -> dict[str, int]:
        """uuid -> the save number each body starts with ("v12|…"), for the save tests."""
        found = {}
        for uuid, body in self.bodies.items():
            head, _, _ = body.partition("|")
            if head.startswith("v") and head[1:].isdigit():
                found[uuid] = int(head[1:])
        return found


def listing(root: Path) -> list[str]:
    return sorted(os.listdir(root)) if root.is_dir() else []


def probe(root: Path, passphrase: str) -> Probe:
    """Unlock ``root`` with ``passphrase``, check it and read it; never raises for the
    vault's sake (a non-Hushnote exception is reported as ``internal:<type>``)."""
    before = listing(root)
    try:
        vault = Vault.unlock(root, passphrase)
    except HushnoteError as error:
        return Probe(error=error.code, files_before=before, files_after=listing(root))
    except Exception as error:  # a bug in the core: the caller counts it as a violation
        return Probe(error=f"internal:{type(error).__name__}", files_before=before)
    with vault:
        found = Probe(error=None, files_before=before)
        found.problems = vault.check()
        found.counts = vault.counts()
        rows = vault.db.rows(
            "SELECT n.uuid, b.body FROM notes n JOIN note_bodies b ON b.note_id = n.id"
        )
        found.bodies = {str(uuid): str(body) for uuid, body in rows}
        found.attachments = {str(row[0]) for row in vault.db.rows("SELECT uuid FROM attachments")}
    found.files_after = listing(root)
    return found


def soundness(found: Probe) -> list[str]:
    """What is wrong with a vault that opened: damage, or a file the unlock left."""
    wrong = [f"check: {problem}" for problem in found.problems]
    # The attachments' folder, once made, stays (check has looked inside it).
    if [name for name in found.files_after if name != "attachments"] != LIVE_FILES:
        wrong.append(f"files after the next unlock: {found.files_after}")
    return wrong
