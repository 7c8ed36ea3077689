"""Merging a checked bundle into the vault, in one transaction. See docs/bundle-format.md.

Records match by uuid: a record newer than the vault's copy replaces it, an older or
equally new one is skipped, a new one is added. Importing the same bundle twice therefore
changes nothing the second time. A contact the bundle renames loses its saved age key
(``ContactStore.merge``): the plan and the report say which. Attachments are added by
uuid, never replaced (``bundle_attachments.Incoming``): their files are written inside the
transaction, and removed again if it does not commit. A bundle's note history is added
to the notes the import added or updated (``bundle_history``).
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hushnote.core.attachments.blob_folder import BlobFolder
from hushnote.core.formats.bundle import BundleContents
from hushnote.core.formats.bundle_attachments import Incoming
from hushnote.core.formats.bundle_history import merge_history
from hushnote.core.formats.bundle_records import HISTORY
from hushnote.core.store.contacts import ContactStore
from hushnote.core.store.database import Database, Progress
from hushnote.core.store.lists import LinkStore, ListStore
from hushnote.core.store.notes import NoteStore
from hushnote.core.store.text_index import forget
from hushnote.errors import BundlePlanChangedError, CancelledError

__all__ = ["MergePlan", "MergeReport", "Observer", "import_bundle", "preview_bundle"]

# Titles and names the preview lists; past this only counts grow, so a bundle of a
# million notes costs no more memory to preview than one of a thousand.
PREVIEW_NAMES = 500


@dataclass
class MergeReport:
    """Outcome counts by kind: {"notes": Counter(added=…, updated=…, skipped=…), …};
    ``keys_removed``: how many contacts the bundle renamed lost their saved age key."""

    outcomes: dict[str, Counter[str]] = field(default_factory=dict)
    keys_removed: int = 0

    def count(self, kind: str, outcome: str) -> int:
        return self.outcomes.get(kind, Counter())[outcome]


@dataclass
class MergePlan:
    """What importing a checked bundle would do, found by doing it and rolling it back.

    ``report`` holds the counts; ``names`` the first ``PREVIEW_NAMES`` notes and contacts
    that would be added or updated, as (kind, outcome, title or name), for the user's eyes
    only; ``keys_removed`` the first ``PREVIEW_NAMES`` contacts holding an age key that the
    bundle would rename, as (name now, name after), whose key the import removes;
    ``new_tags`` and ``new_notebooks`` how many the vault would gain; ``fingerprint``
    every record's outcome in merge order, with the state (record MAC and time) of every
    row it would change as it was before the merge, which the import must reproduce to
    commit (``import_bundle(plan=…)``): a note edited while the preview was on screen
    refuses the import rather than being overwritten.
    """

    report: MergeReport
    names: list[tuple[str, str, str]]
    fingerprint: bytes
    new_tags: int = 0
    new_notebooks: int = 0
    keys_removed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def changes_nothing(self) -> bool:
        return not any(
            outcomes["added"] or outcomes["updated"] for outcomes in self.report.outcomes.values()
        )


class _Rollback(Exception):
    """Ends a dry run's transaction, so that ``Database.transaction`` rolls it back,
    carrying out the plan found inside it."""

    def __init__(self, plan: MergePlan) -> None:
        super().__init__()
        self.plan = plan


def _folder(db: Database, attachments: BlobFolder | None) -> BlobFolder:
    return attachments or BlobFolder(db.path.parent / "attachments")


# Hears each record's outcome as the merge decides it: (kind, outcome, record, the name
# before the merge of a contact that lost its saved key).
Observer = Callable[[str, str, dict[str, Any], str | None], None]


def preview_bundle(
    db: Database,
    contents: BundleContents,
    progress: Progress | None = None,
    *,
    incoming: Incoming | None = None,
    observe: Observer | None = None,
) -> MergePlan:
    """Run the real merge in a transaction and roll it back: the plan is what the import
    would do to the vault as it is now, by the same code. Writes nothing that stays;
    cancels through ``progress`` like the import. ``incoming`` (with ``write`` False)
    merges the attachments in place of the bundle's own; ``observe`` hears every record's
    outcome (an app import counts them by notebook)."""
    names: list[tuple[str, str, str]] = []
    keys_removed: list[tuple[str, str]] = []

    def note(kind: str, outcome: str, record: dict[str, Any], renamed: str | None) -> None:
        if renamed is not None and len(keys_removed) < PREVIEW_NAMES:
            keys_removed.append((renamed, " ".join(record["display_name"].split())))
        if outcome != "skipped" and len(names) < PREVIEW_NAMES:
            if kind == "notes":
                names.append((kind, outcome, record["title"]))
            elif kind == "contacts":
                names.append((kind, outcome, record["display_name"]))
        if observe is not None:
            observe(kind, outcome, record, renamed)

    try:
        with db.transaction() as connection:
            before = _named_things(connection)
            # A preview writes no file: it only counts the attachments it would add.
            incoming = incoming or Incoming(_folder(db, None), write=False)
            report, fingerprint = _merge(db, connection, contents, progress, incoming, note)
            tags, notebooks = (
                after - was for after, was in zip(_named_things(connection), before, strict=True)
            )
            raise _Rollback(
                MergePlan(
                    report,
                    names,
                    fingerprint,
                    new_tags=tags,
                    new_notebooks=notebooks,
                    keys_removed=keys_removed,
                )
            )
    except _Rollback as rolled_back:
        plan = rolled_back.plan
    # Pages the merge spilled into the WAL before the rollback are the bundle's records,
    # encrypted: overwrite them, as a commit that removed text would.
    db.checkpoint_after_commit()
    if progress is not None:
        progress(1.0)
    return plan


def _named_things(connection: Any) -> tuple[int, int]:
    """How many tags and notebooks the vault holds (a merge only ever adds them)."""
    row = connection.execute(
        "SELECT (SELECT count(*) FROM tags), (SELECT count(*) FROM notebooks)"
    ).fetchone()
    return int(row[0]), int(row[1])


def import_bundle(
    db: Database,
    contents: BundleContents,
    progress: Progress | None = None,
    *,
    plan: MergePlan | None = None,
    attachments: BlobFolder | None = None,
    finish: Callable[[Any], None] | None = None,
    incoming: Incoming | None = None,
    observe: Observer | None = None,
) -> MergeReport:
    """Write a bundle ``open_bundle`` already checked; all of it, or (on any error or a
    cancel through ``progress``) none of it. Given the ``plan`` a preview showed, commit
    only if every record comes out as planned (``BundlePlanChangedError`` otherwise).
    ``finish`` runs with the connection after the records, in the same transaction
    (travel mode restores what the records cannot say). New attachments' files go into
    ``attachments`` (by default the folder beside the database); if the transaction does
    not commit, every one written is removed. ``incoming`` and ``observe`` as for
    ``preview_bundle`` (``incoming`` with ``write`` True)."""
    incoming = incoming or Incoming(_folder(db, attachments), write=True)
    try:
        with db.transaction() as connection:
            report, fingerprint = _merge(db, connection, contents, progress, incoming, observe)
            if finish is not None:
                finish(connection)
            if plan is not None and fingerprint != plan.fingerprint:
                raise BundlePlanChangedError()
            # A record that replaced an older copy may have removed words; which ones the
            # merge does not say, so every split key is checked.
            replaced = any(outcomes["updated"] for outcomes in report.outcomes.values())
            if replaced:
                forget(connection, None)
    except BaseException:
        incoming.discard()  # rolled back: no row holds their keys
        raise
    if replaced:  # the WAL still holds the old text's pages
        db.checkpoint_after_commit()
    if progress is not None:
        progress(1.0)
    return report


# The rows a record of each kind may overwrite, and their kind in ``record_macs``.
_PINNED = {"contacts": ("contacts", "contact"), "notes": ("notes", "note"),
           "lists": ("lists", "list")}  # fmt: skip


def _row_state(connection: Any, kind: str, uuid: str) -> tuple[bytes, str | None]:
    """The state of the vault's row a record of ``kind`` matches, as committed before
    this transaction: its record MAC (resealed only at COMMIT, so earlier writes of this
    merge do not show) and its time; for a contact, also its name if it holds an age
    key. (b"", None) when there is no such row."""
    table, mac_kind = _PINNED[kind]
    name = "CASE WHEN t.age_recipient IS NULL THEN NULL ELSE t.display_name END"
    row = connection.execute(
        f"SELECT t.id, t.updated_at, m.mac, {name if kind == 'contacts' else 'NULL'} "  # noqa: S608 - fixed names
        f"FROM {table} t LEFT JOIN record_macs m ON m.kind = ? AND m.key = CAST(t.id AS TEXT) "
        "WHERE t.uuid = ?",
        (mac_kind, uuid),
    ).fetchone()
    if row is None:
        return b"", None
    return f"{row[0]} {row[1]} ".encode() + bytes(row[2] or b""), row[3]


def _merge(
    db: Database,
    connection: Any,
    contents: BundleContents,
    progress: Progress | None,
    incoming: Incoming,
    observe: Callable[[str, str, dict[str, Any], str | None], None] | None = None,
) -> tuple[MergeReport, bytes]:
    """Merge every record inside the caller's transaction; the report, and a digest of
    each record's outcome in order, with the prior state of each row it changed.
    ``observe`` also hears, for a contact whose saved key the merge removed, its name
    before the merge."""
    report = MergeReport()
    digest = hashlib.sha256()
    mergers: list[tuple[str, Any]] = [
        ("contacts", ContactStore(db)),  # before notes and lists, which refer to them
        ("notes", NoteStore(db)),
        ("lists", ListStore(db)),
        ("links", LinkStore(db)),
    ]
    counts = contents.manifest["counts"]
    # An attachment's bytes count as one record per KiB, so that the bar moves while a
    # large file is written.
    size = sum(int(record["size"]) for record in contents.attachments) // 1024
    total = max(1, sum(int(counts.get(kind, 0)) for kind, _ in mergers) + size)
    done = 0
    changed_notes: set[str] = set()  # the notes a bundle's history may add to
    for kind, store in mergers:
        outcomes: Counter[str] = Counter()
        for record in contents.records(f"{kind}.jsonl"):
            state, keyed_name = b"", None
            if kind in _PINNED:
                state, keyed_name = _row_state(connection, kind, record["uuid"])
            outcome = store.merge(connection, record)
            outcomes[outcome] += 1
            if kind == "notes" and outcome != "skipped":
                changed_notes.add(record["uuid"])
            key = record.get("uuid") or f"{record.get('note')}/{record.get('contact')}"
            digest.update(f"{kind} {key} {outcome}\n".encode())
            if outcome != "skipped":  # what it overwrote must be what the preview saw
                digest.update(hashlib.sha256(state).digest())
            renamed = None
            if keyed_name is not None and outcome == "updated":
                still = connection.execute(
                    "SELECT age_recipient IS NOT NULL FROM contacts WHERE uuid = ?",
                    (record["uuid"],),
                ).fetchone()
                if not still[0]:
                    renamed = keyed_name
                    report.keys_removed += 1
            if observe is not None:
                observe(kind, outcome, record, renamed)
            done += 1
            if progress is not None and done % 500 == 0 and not progress(done / total):
                raise CancelledError()
        report.outcomes[kind] = outcomes
    if contents.has_history:
        report.outcomes["history"] = merge_history(
            connection, contents.records(HISTORY), changed_notes, digest
        )
    if contents.attachments:
        report.outcomes["attachments"] = _merge_attachments(
            connection, contents, incoming, digest, _Bar(progress, done, total)
        )
    return report, digest.digest()


class _Bar:
    """Progress through the attachments' bytes, reported (and a Cancel seen) at most
    every 50 ms, however large the file being written."""

    def __init__(self, progress: Progress | None, done: int, total: int) -> None:
        self._progress, self._total = progress, total
        self._bytes, self._start, self._next = 0, done, 0.0

    def __call__(self, size: int) -> None:
        self._bytes += size
        if self._progress is None or time.monotonic() < self._next:
            return
        self._next = time.monotonic() + 0.05
        if not self._progress(min(1.0, (self._start + self._bytes // 1024) / self._total)):
            raise CancelledError()


def _merge_attachments(
    connection: Any,
    contents: BundleContents,
    incoming: Incoming,
    digest: Any,
    bar: _Bar,
) -> Counter[str]:
    outcomes: Counter[str] = Counter()
    incoming.check = bar
    for record in contents.attachments:
        outcome = incoming.merge(connection, record, contents.open_member)
        outcomes[outcome] += 1
        digest.update(f"attachments {record['uuid']} {outcome}\n".encode())
        if outcome == "skipped":
            bar(int(record["size"]))
    return outcomes
