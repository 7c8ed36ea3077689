"""Merging a checked bundle into the vault, in one transaction. See docs/bundle-format.md.

Records match by uuid: a record newer than the vault's copy replaces it, an older or
equally new one is skipped, a new one is added. Importing the same bundle twice therefore
changes nothing the second time.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from hushnote.core.formats.bundle import BundleContents
from hushnote.core.store.contacts import ContactStore
from hushnote.core.store.database import Database, Progress
from hushnote.core.store.lists import LinkStore, ListStore
from hushnote.core.store.notes import NoteStore
from hushnote.core.store.text_index import forget
from hushnote.errors import CancelledError

__all__ = ["MergeReport", "import_bundle"]


@dataclass
class MergeReport:
    """Outcome counts by kind: {"notes": Counter(added=…, updated=…, skipped=…), …}."""

    outcomes: dict[str, Counter[str]] = field(default_factory=dict)

    def count(self, kind: str, outcome: str) -> int:
        return self.outcomes.get(kind, Counter())[outcome]


def import_bundle(
    db: Database, contents: BundleContents, progress: Progress | None = None
) -> MergeReport:
    """Write a bundle ``open_bundle`` already checked; all of it, or (on any error or a
    cancel through ``progress``) none of it."""
    report = MergeReport()
    mergers: list[tuple[str, Any]] = [
        ("contacts", ContactStore(db)),  # before notes and lists, which refer to them
        ("notes", NoteStore(db)),
        ("lists", ListStore(db)),
        ("links", LinkStore(db)),
    ]
    counts = contents.manifest["counts"]
    total = max(1, sum(int(counts.get(kind, 0)) for kind, _ in mergers))
    done = 0
    with db.transaction() as connection:
        for kind, store in mergers:
            outcomes: Counter[str] = Counter()
            for record in contents.records(f"{kind}.jsonl"):
                outcomes[store.merge(connection, record)] += 1
                done += 1
                if progress is not None and done % 500 == 0 and not progress(done / total):
                    raise CancelledError()
            report.outcomes[kind] = outcomes
        # A record that replaced an older copy may have removed words; which ones the
        # merge does not say, so every split key is checked.
        replaced = any(outcomes["updated"] for outcomes in report.outcomes.values())
        if replaced:
            forget(connection, None)
    if replaced:  # the WAL still holds the old text's pages
        db.checkpoint_after_commit()
    if progress is not None:
        progress(1.0)
    return report
