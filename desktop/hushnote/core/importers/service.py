"""Importing another app's export into the vault: read, preview, one transaction.

``AppImporter`` (``vault.importers``) reads an export with the app's parser
(``registry``), turns it into the records a bundle carries (``records``), seals its
attachments cleaned of metadata (``staging``), and hands the lot to the bundle merge
(``formats/bundle_import``): the preview is that merge rolled back, the import that merge
committed in one transaction, and with the plan the preview showed it commits only if
every record comes out as planned. Ids are derived from the app's own, so importing the
same export twice changes nothing the second time. See docs/importers.md.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from hushnote.core.attachments.blob_folder import BlobFolder
from hushnote.core.clock import system_clock, to_ms
from hushnote.core.formats import bundle_import
from hushnote.core.formats.bundle import BundleContents
from hushnote.core.formats.bundle_attachments import check_attachment
from hushnote.core.formats.bundle_import import PREVIEW_NAMES, MergePlan
from hushnote.core.importers.model import Dropped, ImportSource, Limits
from hushnote.core.importers.records import IdMaker, id_key, note_record, store_id_key
from hushnote.core.importers.registry import read_export
from hushnote.core.importers.scrub import scrub_paths
from hushnote.core.importers.staging import Staged, StagedIncoming, Stager, attachment_record
from hushnote.core.store.database import Database, Progress, progress_share
from hushnote.errors import AppImportError, CancelledError

__all__ = ["AppImportPlan", "AppImportReport", "AppImporter", "NotebookCounts"]

_TICK = 0.05


@dataclass
class NotebookCounts:
    """One notebook's share of an import; ``name`` None is the default notebook."""

    name: str | None
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    attachments: int = 0  # attachments added


@dataclass
class AppImportReport:
    """What an import did (or, as ``AppImportPlan``, would do): notes by notebook, how
    many tags and notebooks are new, and what was left out, by kind (``dropped``), with
    the first ``PREVIEW_NAMES`` names of each kind (``dropped_names``, for the eyes only)."""

    app: str
    notebooks: list[NotebookCounts] = field(default_factory=list)
    new_tags: int = 0
    new_notebooks: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    dropped_names: dict[str, list[str]] = field(default_factory=dict)

    def _sum(self, what: str) -> int:
        return sum(int(getattr(counts, what)) for counts in self.notebooks)

    @property
    def added(self) -> int:
        return self._sum("added")

    @property
    def updated(self) -> int:
        return self._sum("updated")

    @property
    def unchanged(self) -> int:
        return self._sum("unchanged")

    @property
    def attachments(self) -> int:
        return self._sum("attachments")

    @property
    def changes_nothing(self) -> bool:
        return not (self.added or self.updated or self.attachments)


@dataclass
class AppImportPlan(AppImportReport):
    """What ``AppImporter.run`` would do, found by the merge itself and rolled back;
    ``fingerprint`` is the bundle merge's (``MergePlan``), which the run must reproduce."""

    fingerprint: bytes = b""
    merge_plan: MergePlan | None = field(default=None, repr=False)
    _prepared: _Prepared | None = field(default=None, repr=False, compare=False)


class _Prepared:
    """An export as bundle contents (``BundleContents``' reading side): note records,
    attachment records, and the attachments' staged files."""

    def __init__(self, source: ImportSource, stager: Stager) -> None:
        self.source = source
        self.stager = stager
        self.notes: list[dict[str, Any]] = []
        self.attachments: list[dict[str, Any]] = []
        self.dropped: list[Dropped] = []  # found while staging
        self.has_history = False
        self.used = False
        # The vault's first import: the id key it made, stored by the run that uses it.
        self.new_key = False
        self.key = b""

    @property
    def manifest(self) -> dict[str, Any]:
        return {"counts": {"notes": len(self.notes)}}

    def records(self, member: str) -> Iterator[dict[str, Any]]:
        return iter(self.notes if member == "notes.jsonl" else [])

    def open_member(self, name: str) -> Any:
        raise AssertionError("staged attachments are never read back")  # pragma: no cover

    def close(self) -> None:
        self.stager.discard()


class AppImporter:
    """Imports other apps' exports into the vault whose database is ``db``."""

    def __init__(self, db: Database, attachments: Path, *, limits: Limits | None = None) -> None:
        self._db = db
        self._folder = BlobFolder(attachments)
        self._vault_folder = attachments.parent
        self._limits = limits or Limits()

    def read(
        self,
        app: str,
        paths: list[Path],
        *,
        keep_locations: bool = False,
        passphrase: str | None = None,
        progress: Progress | None = None,
    ) -> ImportSource:
        """Parse the chosen files with ``app``'s importer; nothing is written."""
        return read_export(app, paths, limits=self._limits, progress=progress,
                           keep_locations=keep_locations, passphrase=passphrase)  # fmt: skip

    def preview(self, source: ImportSource, progress: Progress | None = None) -> AppImportPlan:
        """What ``run`` would do, by the merge itself in a transaction rolled back. The
        attachments are cleaned and sealed now (the first half of the bar); the run
        given this plan uses them."""
        prepared = self._prepare(source, progress_share(progress, 0.0, 0.5))
        counter = _Counter(prepared)
        incoming = StagedIncoming(self._folder, write=False, staged=prepared.stager.staged)
        merge_plan = bundle_import.preview_bundle(
            self._db, cast(BundleContents, prepared), progress_share(progress, 0.5, 1.0),
            incoming=incoming, observe=counter.observe,
        )  # fmt: skip
        plan = AppImportPlan(source.app, fingerprint=merge_plan.fingerprint,
                             merge_plan=merge_plan, _prepared=prepared)  # fmt: skip
        counter.fill(plan, incoming.outcomes)
        plan.new_tags, plan.new_notebooks = merge_plan.new_tags, merge_plan.new_notebooks
        return plan

    def run(
        self,
        source: ImportSource,
        *,
        plan: AppImportPlan | None = None,
        progress: Progress | None = None,
    ) -> AppImportReport:
        """Import everything in one transaction, or nothing (an error, a Cancel, or
        ``BundlePlanChangedError`` when the vault changed since ``plan`` was shown)."""
        prepared = plan._prepared if plan is not None else None
        if prepared is None or prepared.used or prepared.source is not source:
            prepared = self._prepare(source, progress_share(progress, 0.0, 0.5))
            progress = progress_share(progress, 0.5, 1.0)
        prepared.used = True
        counter = _Counter(prepared)
        incoming = StagedIncoming(self._folder, write=True, staged=prepared.stager.staged)
        tags_before, notebooks_before = _named_things(self._db)
        try:
            bundle_import.import_bundle(
                self._db, cast(BundleContents, prepared), progress,
                plan=plan.merge_plan if plan is not None else None,
                attachments=self._folder, incoming=incoming, observe=counter.observe,
                finish=_keep_key(prepared),
            )  # fmt: skip
        finally:
            # Published files now belong to rows (only their partial names are gone);
            # the rest are removed, and every key in memory zeroed.
            prepared.close()
        report = AppImportReport(source.app)
        counter.fill(report, incoming.outcomes)
        tags_after, notebooks_after = _named_things(self._db)
        report.new_tags = max(0, tags_after - tags_before)
        report.new_notebooks = max(0, notebooks_after - notebooks_before)
        return report

    def delete_sources(
        self, paths: list[Path], progress: Progress | None = None
    ) -> list[tuple[Path, str]]:
        """Overwrite and unlink the chosen files (a folder: every regular file inside,
        never following a link); what could not be deleted, and why."""
        return scrub_paths(paths, progress, vault=self._vault_folder)

    # -- preparing -------------------------------------------------------------------

    def _prepare(self, source: ImportSource, progress: Progress | None) -> _Prepared:
        ticker = _Ticker(progress, _attachment_bytes(source))
        stager = Stager(self._folder, ticker.bytes)
        prepared = _Prepared(source, stager)
        source.on_close(prepared.close)
        try:
            self._fill(source, prepared, ticker)
        except BaseException:
            prepared.close()
            raise
        ticker.done()
        return prepared

    def _fill(self, source: ImportSource, prepared: _Prepared, ticker: _Ticker) -> None:
        key, prepared.new_key = id_key(self._db)
        if prepared.new_key:
            prepared.key = key
        make = IdMaker(key, source.app)
        now = to_ms(system_clock())
        seen: set[str] = set()
        for line, note in enumerate(source.notes, start=1):
            uuid = make("note", note.source_id)
            if uuid in seen:  # the export lists one item twice: the first one counts
                continue
            seen.add(uuid)
            record = note_record(note, uuid, now, source.app, line)
            prepared.notes.append(record)
            ticker.item()
            for attachment in note.attachments:
                ticker.item()
                blob_uuid = make("attachment", note.source_id, attachment.source_id)
                if blob_uuid in prepared.stager.staged:
                    continue
                staged = self._existing(blob_uuid) or prepared.stager.stage(blob_uuid, attachment)
                if staged is None:
                    prepared.dropped.append(Dropped("attachment-not-cleaned", attachment.name))
                    continue
                entry = attachment_record(
                    blob_uuid, uuid, attachment.name, staged, record["created_at"]
                )
                try:
                    check_attachment(entry)
                except ValueError:
                    raise AppImportError(
                        source=source.app, item=record["title"][:80], reason="bad-field"
                    ) from None
                prepared.attachments.append(entry)

    def _existing(self, uuid: str) -> Staged | None:
        """An attachment this vault already has (the merge skips it): its record's
        fields from the vault's row, nothing read from the export."""
        row = self._db.row(
            "SELECT kind, size, sha256, removed FROM attachments WHERE uuid = ?", (uuid,)
        )
        if row is None:
            return None
        return Staged("", bytearray(32), str(row[0]), int(row[1]), bytes(row[2]), ())


def _keep_key(prepared: _Prepared) -> Callable[[Any], None] | None:
    if not prepared.new_key:
        return None
    return lambda connection: store_id_key(connection, prepared.key)


def _attachment_bytes(source: ImportSource) -> int:
    return sum(max(0, a.size) for note in source.notes for a in note.attachments)


def _named_things(db: Database) -> tuple[int, int]:
    row = db.row("SELECT (SELECT count(*) FROM tags), (SELECT count(*) FROM notebooks)")
    return int(row[0]), int(row[1])


class _Ticker:
    """Progress through the attachments' bytes while staging, at most every 50 ms."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self._progress, self._total = progress, max(1, total)
        self._done, self._next = 0, 0.0

    def bytes(self, count: int) -> None:
        self._done += count
        self.item()

    def item(self) -> None:
        if self._progress is None or time.monotonic() < self._next:
            return
        self._next = time.monotonic() + _TICK
        if not self._progress(min(1.0, self._done / self._total)):
            raise CancelledError()

    def done(self) -> None:
        if self._progress is not None and not self._progress(1.0):
            raise CancelledError()


class _Counter:
    """Counts the merge's outcomes by notebook, and gathers what was left out."""

    def __init__(self, prepared: _Prepared) -> None:
        self._prepared = prepared
        self._books: dict[str | None, NotebookCounts] = {}
        self._note_books: dict[str, str | None] = {}

    def observe(self, kind: str, outcome: str, record: dict[str, Any], _renamed: Any) -> None:
        if kind != "notes":
            return
        book = record["notebook"]
        self._note_books[record["uuid"]] = book
        counts = self._books.setdefault(book, NotebookCounts(book))
        if outcome == "added":
            counts.added += 1
        elif outcome == "updated":
            counts.updated += 1
        else:
            counts.unchanged += 1

    def fill(self, report: AppImportReport, outcomes: dict[str, str]) -> None:
        for record in self._prepared.attachments:
            if outcomes.get(record["uuid"]) == "added":
                book = self._note_books.get(record["note"])
                self._books.setdefault(book, NotebookCounts(book)).attachments += 1
        # The default notebook first, then by name.
        report.notebooks = sorted(
            self._books.values(), key=lambda c: (c.name is not None, (c.name or "").casefold())
        )
        for dropped in [*self._prepared.source.dropped, *self._prepared.dropped]:
            report.dropped[dropped.kind] += 1
            names = report.dropped_names.setdefault(dropped.kind, [])
            if len(names) < PREVIEW_NAMES:
                names.append(dropped.item)
