"""Notes and the journal: titles, Markdown bodies, notebooks, tags, pins, archive, trash.

A change to a note's text keeps the text it replaces as a revision when the rules of
core/store/revisions.py say so, in the change's own transaction; purging a note takes
its revisions with it (ON DELETE CASCADE, in the purge's transaction).

Every write is one transaction that also updates the full-text index, so the index never
disagrees with the notes. A note in the trash is taken out of the index; purging it
deletes the row, its index entries (FTS5 secure-delete) and its links, then truncates the
WAL, so the text leaves the database files and not just the listing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from datetime import date
from typing import Any

from hushnote.core.clock import Clock, from_ms, local_day, system_clock, to_ms
from hushnote.core.store.database import Database
from hushnote.core.store.ids import new_uuid, resolve_uuid
from hushnote.core.store.note_records import (
    MAX_BODY,
    MAX_NOTEBOOK,
    MAX_TITLE,
    Keep,
    NewNote,
    Note,
    NoteSummary,
)
from hushnote.core.store.revisions import Reason, expire_if_due, keep_before
from hushnote.core.store.tags import clean_tags, prune_tags, set_tags, tag_ids_of, tags_of
from hushnote.core.store.text_index import (
    IndexEntry,
    forget,
    index_note,
    note_entry,
    removed_words,
    unindex_attachments,
    unindex_note,
)
from hushnote.errors import HushnoteError, InvalidRecordError, RecordNotFoundError

__all__ = ["NoteStore", "delete_notes", "sync_mark"]


_SUMMARY_COLUMNS = (
    "n.uuid, n.title, nb.name, n.pinned, n.archived, n.journal_day, n.updated_at, n.trashed_at"
)
_FROM = "FROM notes n LEFT JOIN notebooks nb ON nb.id = n.notebook_id"


class NoteStore:
    """Notes in one unlocked vault."""

    def __init__(self, db: Database, *, clock: Clock = system_clock) -> None:
        self._db = db
        self._clock = clock

    # -- reading ---------------------------------------------------------------------

    def get(self, reference: str) -> Note:
        """The note whose uuid is, or starts with, ``reference``."""
        note_id, _ = resolve_uuid(self._db, "note", reference)
        with self._db.transaction() as connection:
            # A page put back from an older copy shows here at the latest.
            self._db.verify_record("note", note_id)
            return self._load(connection, note_id)

    def summaries(
        self,
        *,
        notebook: str | None = None,
        tag: str | None = None,
        archived: bool = False,
        trashed: bool = False,
        journal: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[NoteSummary]:
        """Notes newest first (pinned ones on top), without bodies. ``journal`` lists
        journal entries only, latest day first."""
        where, parameters = self._filters(notebook, tag, archived, trashed, journal)
        order = (
            "n.journal_day DESC, n.created_at DESC, n.id DESC"
            if journal
            else "n.pinned DESC, n.updated_at DESC, n.id DESC"
        )
        rows = self._db.rows(
            f"SELECT {_SUMMARY_COLUMNS} FROM notes n {_hint(journal)} "  # noqa: S608
            f"LEFT JOIN notebooks nb ON nb.id = n.notebook_id WHERE {where} "
            f"ORDER BY {order} LIMIT ? OFFSET ?",
            (*parameters, -1 if limit is None else limit, offset),
        )
        return [NoteSummary.from_row(row) for row in rows]

    def count(
        self,
        *,
        notebook: str | None = None,
        tag: str | None = None,
        archived: bool = False,
        trashed: bool = False,
        journal: bool = False,
    ) -> int:
        where, parameters = self._filters(notebook, tag, archived, trashed, journal)
        sql = f"SELECT count(*) FROM notes n {_hint(journal)} WHERE {where}"  # noqa: S608
        return int(self._db.row(sql, parameters)[0])

    def position(
        self,
        reference: str,
        *,
        notebook: str | None = None,
        tag: str | None = None,
        archived: bool = False,
        trashed: bool = False,
        journal: bool = False,
    ) -> int | None:
        """Where the note sits in ``summaries`` with the same filters (its offset), or
        None when those filters leave it out: a list can then show it without reading
        every page before it."""
        note_id, _ = resolve_uuid(self._db, "note", reference)
        where, parameters = self._filters(notebook, tag, archived, trashed, journal)
        row = self._db.row(
            f"SELECT n.pinned, n.updated_at, n.journal_day, n.created_at FROM notes n "  # noqa: S608
            f"WHERE {where} AND n.id = ?",
            (*parameters, note_id),
        )
        if row is None:
            return None
        pinned, updated_at, journal_day, created_at = row
        # "Comes before it" in the same order as ``summaries``, written out as a tuple
        # comparison so that SQLite walks the same index.
        if journal:
            before = "(n.journal_day, n.created_at, n.id) > (?, ?, ?)"
            keys: tuple[Any, ...] = (journal_day, created_at, note_id)
        else:
            before = "(n.pinned, n.updated_at, n.id) > (?, ?, ?)"
            keys = (pinned, updated_at, note_id)
        sql = f"SELECT count(*) FROM notes n {_hint(journal)} WHERE {where} AND {before}"  # noqa: S608
        return int(self._db.row(sql, (*parameters, *keys))[0])

    def notebooks(self) -> list[tuple[str, int]]:
        """Every notebook with the number of notes in it (not counting the trash)."""
        rows = self._db.rows(
            "SELECT nb.name, count(n.id) FROM notebooks nb LEFT JOIN notes n "
            "ON n.notebook_id = nb.id AND n.trashed_at IS NULL "
            "GROUP BY nb.id ORDER BY nb.name COLLATE NOCASE"
        )
        return [(str(name), int(count)) for name, count in rows]

    def tag_names(self) -> list[str]:
        """Every tag some note carries, without counting (cheap at any size)."""
        rows = self._db.rows(
            "SELECT name FROM tags WHERE id IN (SELECT tag_id FROM note_tags) "
            "ORDER BY name COLLATE NOCASE"
        )
        return [str(row[0]) for row in rows]

    def tags(self) -> list[tuple[str, int]]:
        """Every tag on a note, with the number of notes carrying it (not in the trash)."""
        rows = self._db.rows(
            "SELECT t.name, count(*) FROM note_tags nt JOIN tags t ON t.id = nt.tag_id "
            "WHERE nt.note_id IN (SELECT id FROM notes WHERE trashed_at IS NULL) "
            "GROUP BY t.id ORDER BY t.name COLLATE NOCASE"
        )
        return [(str(name), int(count)) for name, count in rows]

    # -- writing ---------------------------------------------------------------------

    def create(
        self,
        *,
        title: str = "",
        body: str = "",
        notebook: str | None = None,
        tags: tuple[str, ...] | list[str] = (),
        pinned: bool = False,
        journal_day: date | None = None,
        uuid: str | None = None,
    ) -> Note:
        """Add a note and return it."""
        draft = NewNote(title, body, notebook, tuple(tags), pinned, journal_day, uuid)
        with self._db.transaction() as connection:
            return self._load(connection, self._insert(connection, draft))

    def create_many(self, drafts: Iterable[NewNote]) -> int:
        """Add many notes in one transaction (all or none); return how many."""
        count = 0
        with self._db.transaction() as connection:
            for draft in drafts:
                self._insert(connection, draft)
                count += 1
        return count

    def _insert(self, connection: Any, draft: NewNote) -> int:
        _check_text(draft.title, draft.body)
        tags = clean_tags(draft.tags)
        now = to_ms(self._clock())
        created = to_ms(draft.created_at) if draft.created_at else now
        updated = to_ms(draft.updated_at) if draft.updated_at else created
        cursor = connection.execute(
            "INSERT INTO notes (uuid, title, notebook_id, journal_day, pinned, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                draft.uuid or new_uuid(),
                draft.title,
                _notebook_id(connection, draft.notebook),
                draft.journal_day.isoformat() if draft.journal_day else None,
                int(draft.pinned),
                created,
                updated,
            ),
        )
        note_id = int(cursor.lastrowid)
        connection.execute(
            "INSERT INTO note_bodies (note_id, body) VALUES (?, ?)", (note_id, draft.body)
        )
        set_tags(connection, "note", note_id, tags)
        index_note(connection, note_id)
        return note_id

    def update(
        self,
        reference: str,
        *,
        title: str | None = None,
        body: str | None = None,
        tags: tuple[str, ...] | list[str] | None = None,
        pinned: bool | None = None,
        archived: bool | None = None,
        notebook: str | Keep | None = Keep.KEEP,
        reason: Reason = "edit",
    ) -> Note:
        """Change the given fields of a note, in one transaction; the rest stays as it is.
        ``notebook`` moves it (``None``: into no notebook); by default it stays.

        A change of title or body keeps the text it replaces as a revision, in the same
        transaction, as ``reason`` asks (core/store/revisions.py): an edit at most once
        per few minutes, a revert always."""
        _check_text(title or "", body or "")
        note_id, _ = resolve_uuid(self._db, "note", reference)
        now = to_ms(self._clock())
        changes: dict[str, Any] = {}
        if title is not None:
            changes["title"] = title
        if pinned is not None:
            changes["pinned"] = int(pinned)
        if archived is not None:
            changes["archived"] = int(archived)
        with self._db.transaction() as connection:
            if not isinstance(notebook, Keep):
                changes["notebook_id"] = _notebook_id(connection, notebook)
            before = note_entry(connection, note_id)
            if title is not None or body is not None:
                self._keep_revision(connection, note_id, title, body, reason, now)
            self._write(connection, note_id, changes)
            if body is not None:
                connection.execute(
                    "UPDATE note_bodies SET body = ? WHERE note_id = ?", (body, note_id)
                )
            if tags is not None:
                set_tags(connection, "note", note_id, clean_tags(tags))
            removed = removed_words(before, index_note(connection, note_id, before))
            forget(connection, removed)
            note = self._load(connection, note_id)
        if removed:  # the WAL still holds the old text's pages
            self._db.checkpoint_after_commit()
        expire_if_due(self._db, now)
        return note

    def _keep_revision(
        self, connection: Any, note_id: int, title: str | None, body: str | None,
        reason: Reason, now: int,
    ) -> None:  # fmt: skip
        """Keep the note's text as a revision before ``title``/``body`` replace it, if
        the rules of ``keep_before`` say so (same transaction as the change)."""
        row = connection.execute(
            "SELECT n.title, b.body, n.created_at, n.updated_at FROM notes n "
            "JOIN note_bodies b ON b.note_id = n.id WHERE n.id = ?",
            (note_id,),
        ).fetchone()
        if row is None:
            return
        old_title, old_body, created, updated = row
        after = (old_title if title is None else title, old_body if body is None else body)
        keep_before(
            connection, note_id, (old_title, old_body), after, reason, now, (created, updated)
        )

    def move(self, reference: str, notebook: str | None) -> Note:
        """Put a note into ``notebook`` (created if new), or into none."""
        note_id, _ = resolve_uuid(self._db, "note", reference)
        with self._db.transaction() as connection:
            self._write(connection, note_id, {"notebook_id": _notebook_id(connection, notebook)})
            return self._load(connection, note_id)

    def trash(self, reference: str) -> Note:
        """Move a note to the trash: out of every list and of search, restorable."""
        note_id, _ = resolve_uuid(self._db, "note", reference)
        with self._db.transaction() as connection:
            before = note_entry(connection, note_id)
            self._write(connection, note_id, {"trashed_at": to_ms(self._clock())}, touch=False)
            return self._reindex(connection, note_id, before)

    def restore(self, reference: str) -> Note:
        note_id, _ = resolve_uuid(self._db, "note", reference)
        with self._db.transaction() as connection:
            before = note_entry(connection, note_id)
            # Its content did not change: a newer edit elsewhere must still win a merge.
            self._write(connection, note_id, {"trashed_at": None}, touch=False)
            return self._reindex(connection, note_id, before)

    def purge(self, reference: str) -> None:
        """Delete a note for good: its row, index entries, tags and links."""
        note_id, _ = resolve_uuid(self._db, "note", reference)
        with self._db.transaction() as connection:
            forget(connection, _delete(connection, [note_id]))
        self._db.checkpoint_after_commit()
        _release_files(self._db)

    def empty_trash(self) -> int:
        """Purge every note in the trash; return how many there were."""
        with self._db.transaction() as connection:
            ids = [
                row[0]
                for row in connection.execute(
                    "SELECT id FROM notes WHERE trashed_at IS NOT NULL"
                ).fetchall()
            ]
            forget(connection, _delete(connection, ids))
        self._db.checkpoint_after_commit()
        _release_files(self._db)
        return len(ids)

    def delete_notebook(self, name: str) -> None:
        """Remove a notebook; its notes stay, in no notebook. A shared notebook cannot be
        removed: its notes would leave it, and so go to every other member's trash."""
        with self._db.transaction() as connection:
            if connection.execute(
                "SELECT 1 FROM spaces s JOIN notebooks nb ON nb.id = s.notebook_id "
                "WHERE nb.name = ?",
                (name,),
            ).fetchone():
                raise InvalidRecordError(field="notebook", reason="shared")
            deleted = connection.execute("DELETE FROM notebooks WHERE name = ?", (name,)).rowcount
        if not deleted:
            raise RecordNotFoundError(kind="notebook")
        self._db.checkpoint_after_commit()

    def merge(self, connection: Any, record: dict[str, Any]) -> str:
        """Take a checked bundle record inside the caller's transaction: "added",
        "updated" (the record is newer) or "skipped" (the vault's copy is as new)."""
        row = connection.execute(
            "SELECT id, updated_at FROM notes WHERE uuid = ?", (record["uuid"],)
        ).fetchone()
        if row is not None and row[1] >= record["updated_at"]:
            return "skipped"
        draft = NewNote(
            title=record["title"],
            body=record["body"],
            notebook=record["notebook"],
            tags=tuple(record["tags"]),
            pinned=record["pinned"],
            journal_day=date.fromisoformat(record["journal_day"])
            if record["journal_day"]
            else None,
            uuid=record["uuid"],
            created_at=from_ms(record["created_at"]),
            updated_at=from_ms(record["updated_at"]),
        )
        if row is None:
            note_id = self._insert(connection, draft)
            connection.execute(
                "UPDATE notes SET archived = ? WHERE id = ?", (int(record["archived"]), note_id)
            )
            return "added"
        note_id = row[0]
        before = note_entry(connection, note_id)
        self._keep_revision(
            connection, note_id, draft.title, draft.body, "import", to_ms(self._clock())
        )
        connection.execute(
            "UPDATE notes SET title = ?, notebook_id = ?, journal_day = ?, pinned = ?, "
            "archived = ?, updated_at = ? WHERE id = ?",
            (draft.title, _notebook_id(connection, draft.notebook), record["journal_day"],
             int(draft.pinned), int(record["archived"]), record["updated_at"], note_id),
        )  # fmt: skip
        connection.execute(
            "UPDATE note_bodies SET body = ? WHERE note_id = ?", (draft.body, note_id)
        )
        set_tags(connection, "note", note_id, clean_tags(draft.tags))
        self._reindex(connection, note_id, before)
        return "updated"

    def put_synced(
        self, connection: Any, uuid: str, notebook_id: int, values: dict[str, Any], body: str,
        created_ms: int,
    ) -> tuple[str, set[str]]:  # fmt: skip
        """Write a shared note as a merge decided it, inside the caller's transaction;
        return its new change mark (``sync_mark``) and the words that left it. A note
        that has moved out of the shared notebook is left where it is."""
        _check_text(values["title"], body)
        tags = clean_tags(values["tags"])
        row = connection.execute(
            "SELECT id, notebook_id, trashed_at FROM notes WHERE uuid = ?", (uuid,)
        ).fetchone()
        now = to_ms(self._clock())
        trashed = values["trashed"]
        if row is None:
            cursor = connection.execute(
                "INSERT INTO notes (uuid, title, notebook_id, journal_day, pinned, archived, "
                "trashed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (uuid, values["title"], notebook_id, values["journal_day"], int(values["pinned"]),
                 int(values["archived"]), now if trashed else None, created_ms or now, now),
            )  # fmt: skip
            note_id = int(cursor.lastrowid)
            connection.execute(
                "INSERT INTO note_bodies (note_id, body) VALUES (?, ?)", (note_id, body)
            )
            set_tags(connection, "note", note_id, tags)
            index_note(connection, note_id)
            return sync_mark(connection, note_id), set()
        note_id, where, trashed_at = row
        if where != notebook_id:
            return "", set()
        before = note_entry(connection, note_id)
        self._keep_revision(connection, note_id, values["title"], body, "merge", now)
        if trashed and trashed_at is None:
            trashed_at = now
        elif not trashed:
            trashed_at = None
        connection.execute(
            "UPDATE notes SET title = ?, journal_day = ?, pinned = ?, archived = ?, "
            "trashed_at = ?, updated_at = ? WHERE id = ?",
            (values["title"], values["journal_day"], int(values["pinned"]),
             int(values["archived"]), trashed_at, now, note_id),
        )  # fmt: skip
        connection.execute("UPDATE note_bodies SET body = ? WHERE note_id = ?", (body, note_id))
        set_tags(connection, "note", note_id, tags)
        removed = removed_words(before, index_note(connection, note_id, before))
        forget(connection, removed)
        return sync_mark(connection, note_id), removed

    def purge_synced(self, connection: Any, uuid: str) -> bool:
        """Delete a shared note that another device purged, inside the caller's
        transaction; the caller checkpoints after the commit."""
        row = connection.execute("SELECT id FROM notes WHERE uuid = ?", (uuid,)).fetchone()
        if row is None:
            return False
        forget(connection, _delete(connection, [row[0]]))
        return True

    # -- the journal -----------------------------------------------------------------

    def today(self) -> Note:
        """Today's journal entry (the user's local date), created if there is none."""
        return self.journal_entry(local_day(self._clock()))

    def journal_entry(self, day: date) -> Note:
        """The first journal entry of ``day`` that is this vault's own, created empty if
        there is none. An entry in a shared notebook is never the one "Today" opens: a
        member could otherwise plant one for each coming day and have the user's diary
        written into a notebook that others read."""
        row = self._db.row(
            "SELECT uuid FROM notes WHERE journal_day = ? AND trashed_at IS NULL "
            "AND (notebook_id IS NULL OR notebook_id NOT IN (SELECT notebook_id FROM spaces)) "
            "ORDER BY created_at, id LIMIT 1",
            (day.isoformat(),),
        )
        if row is not None:
            return self.get(str(row[0]))
        return self.create(title=day.isoformat(), journal_day=day)

    def journal_entries(self, day: date) -> list[NoteSummary]:
        rows = self._db.rows(
            f"SELECT {_SUMMARY_COLUMNS} {_FROM} WHERE n.journal_day = ? "
            "AND n.trashed_at IS NULL ORDER BY n.created_at, n.id",
            (day.isoformat(),),
        )
        return [NoteSummary.from_row(row) for row in rows]

    def journal_month(self, year: int, month: int) -> list[tuple[date, int]]:
        """Days of a month that have entries, with how many."""
        first = date(year, month, 1)
        following = date(year + month // 12, month % 12 + 1, 1)
        rows = self._db.rows(
            "SELECT journal_day, count(*) FROM notes WHERE journal_day >= ? AND journal_day < ? "
            "AND trashed_at IS NULL GROUP BY journal_day ORDER BY journal_day",
            (first.isoformat(), following.isoformat()),
        )
        return [(date.fromisoformat(day), int(count)) for day, count in rows]

    # -- internals -------------------------------------------------------------------

    def _filters(
        self,
        notebook: str | None,
        tag: str | None,
        archived: bool,
        trashed: bool,
        journal: bool = False,
    ) -> tuple[str, tuple[Any, ...]]:
        clauses = ["n.trashed_at IS NOT NULL" if trashed else "n.trashed_at IS NULL"]
        if journal:
            clauses.append("n.journal_day IS NOT NULL")
        parameters: list[Any] = []
        if not trashed:
            clauses.append("n.archived = ?")
            parameters.append(int(archived))
        if notebook is not None:
            # Not a join: counting then stays on the covering notes_notebook index.
            clauses.append(
                "n.notebook_id = (SELECT id FROM notebooks WHERE name = ? COLLATE NOCASE)"
            )
            parameters.append(notebook)
        if tag is not None:
            clauses.append(
                "n.id IN (SELECT note_id FROM note_tags WHERE tag_id = "
                "(SELECT id FROM tags WHERE name = ?))"
            )
            parameters.append(tag)
        return " AND ".join(clauses), tuple(parameters)

    def _write(
        self, connection: Any, note_id: int, changes: dict[str, Any], *, touch: bool = True
    ) -> None:
        """Update the note's row; ``touch`` also moves its modification time (what a
        bundle merge compares), which moving it to the trash and back does not."""
        if touch:
            changes["updated_at"] = to_ms(self._clock())
        assignments = ", ".join(f"{column} = ?" for column in changes)
        connection.execute(
            f"UPDATE notes SET {assignments} WHERE id = ?",  # noqa: S608 - column names are ours
            (*changes.values(), note_id),
        )

    def _reindex(self, connection: Any, note_id: int, before: IndexEntry | None) -> Note:
        """Update the index from ``before`` (read before the rows changed) to the rows."""
        index_note(connection, note_id, before)
        return self._load(connection, note_id)

    def _load(self, connection: Any, note_id: int) -> Note:
        row = connection.execute(
            "SELECT n.uuid, n.title, b.body, nb.name, n.pinned, n.archived, n.journal_day, "
            f"n.created_at, n.updated_at, n.trashed_at {_FROM} "
            "JOIN note_bodies b ON b.note_id = n.id WHERE n.id = ?",
            (note_id,),
        ).fetchone()
        if row is None:
            raise RecordNotFoundError(kind="note")
        uuid, title, body, notebook, pinned, archived, day, created, updated, trashed = row
        return Note(
            uuid=uuid,
            title=title,
            body=body,
            notebook=notebook,
            tags=tags_of(connection, "note", note_id),
            pinned=bool(pinned),
            archived=bool(archived),
            journal_day=date.fromisoformat(day) if day else None,
            created_at=from_ms(created),
            updated_at=from_ms(updated),
            trashed_at=from_ms(trashed) if trashed is not None else None,
        )


def sync_mark(connection: Any, note_id: int) -> str:
    """What changes whenever a note does (an edit moves ``updated_at``, the trash sets
    ``trashed_at``), so a sync pass reads a note's text only when its mark moved."""
    row = connection.execute(
        "SELECT updated_at, trashed_at FROM notes WHERE id = ?", (note_id,)
    ).fetchone()
    return f"{row[0]}:{row[1]}"


def _hint(journal: bool) -> str:
    """The journal's few rows sit in a partial index. Without statistics (which Hushnote
    does not keep: stale ones once made a bulk import ten times slower) SQLite would
    rather walk the whole listing index, so it is told."""
    return "INDEXED BY notes_journal" if journal else ""


def _notebook_id(connection: Any, name: str | None) -> int | None:
    if name is None or not name.strip():
        return None
    name = " ".join(name.split())
    if len(name) > MAX_NOTEBOOK:
        raise InvalidRecordError(field="notebook", maximum=MAX_NOTEBOOK)
    connection.execute("INSERT INTO notebooks (name) VALUES (?) ON CONFLICT DO NOTHING", (name,))
    return int(connection.execute("SELECT id FROM notebooks WHERE name = ?", (name,)).fetchone()[0])


def _check_text(title: str, body: str) -> None:
    if len(title) > MAX_TITLE:
        raise InvalidRecordError(field="title", maximum=MAX_TITLE)
    if len(body) > MAX_BODY:
        raise InvalidRecordError(field="body", maximum=MAX_BODY)


def _delete(connection: Any, note_ids: list[int]) -> set[str]:
    """Delete notes with their index entries and their attachments'; return the words
    they held."""
    removed: set[str] = set()
    for note_id in note_ids:
        tag_ids = tag_ids_of(connection, "note", note_id)
        removed |= removed_words(unindex_note(connection, note_id), None)
        attachments = connection.execute(
            "SELECT id FROM attachments WHERE note_id = ?", (note_id,)
        ).fetchall()
        removed |= unindex_attachments(connection, [row[0] for row in attachments])
        connection.execute("DELETE FROM notes WHERE id = ?", (note_id,))
        prune_tags(connection, tag_ids)
    return removed


def delete_notes(connection: Any, note_ids: list[int]) -> set[str]:
    """Delete notes inside the caller's transaction as a purge does (index entries,
    attachments' rows, tags, links); return the words to ``forget`` before it commits.
    The attachments' files are the caller's to release after the commit."""
    return _delete(connection, note_ids)


def _release_files(db: Database) -> None:
    """Unlink the files of the attachments a purge deleted (their keys went with the
    rows); what a failure leaves is swept at the next unlock."""
    from hushnote.core.attachments.blob_folder import BlobFolder
    from hushnote.core.attachments.store import release_unreferenced

    with contextlib.suppress(HushnoteError, OSError):
        release_unreferenced(db, BlobFolder(db.path.parent / "attachments"))
