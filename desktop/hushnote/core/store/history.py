"""Note history: the revisions a vault keeps of its notes, listed, shown, compared with
the current text, reverted to, expired and purged (docs/history.md).

Revisions live only in ``note_revisions`` inside the encrypted database: no search
index holds their words, the sync publisher never reads them, and a bundle carries them
only when asked (``include_history``). Every purge deletes the rows (secure_delete zeroes
their pages) and then scrubs the WAL, like a purged note.
"""

from __future__ import annotations

from hushnote.core.clock import Clock, system_clock, to_ms
from hushnote.core.store.database import Database
from hushnote.core.store.ids import resolve_uuid
from hushnote.core.store.note_records import Note
from hushnote.core.store.notes import NoteStore
from hushnote.core.store.revisions import (
    RETENTION_CHOICES,
    RETENTION_KEY,
    Revision,
    count_before,
    expire,
    expire_before,
    forget_counts,
    list_revisions,
    read_text,
    retention_days,
    retention_of,
)
from hushnote.core.store.text_diff import DiffLine, diff_lines
from hushnote.errors import InvalidRecordError

__all__ = ["HistoryStore"]


class HistoryStore:
    """The revisions of the notes in one unlocked vault."""

    def __init__(self, db: Database, *, clock: Clock = system_clock) -> None:
        self._db = db
        self._clock = clock
        self._notes = NoteStore(db, clock=clock)

    # -- reading ---------------------------------------------------------------------

    def revisions(self, note_ref: str) -> list[Revision]:
        """The note's revisions, newest first (the current text is not one of them)."""
        note_id, _ = resolve_uuid(self._db, "note", note_ref)
        with self._db.transaction() as connection:
            return list_revisions(connection, note_id)

    def text(self, note_ref: str, number: int) -> tuple[str, str]:
        """(title, body) of revision ``number``; ``RecordNotFoundError`` (kind
        "revision") if the note has no such revision (never had, expired, purged)."""
        note_id, _ = resolve_uuid(self._db, "note", note_ref)
        with self._db.transaction() as connection:
            return read_text(connection, note_id, number)

    def diff(self, note_ref: str, number: int) -> list[DiffLine]:
        """The body of revision ``number`` (old) against the note's current body (new),
        line by line, in time and memory bounded whatever the texts
        (core/store/text_diff.py)."""
        _, body = self.text(note_ref, number)
        return diff_lines(body, self._notes.get(note_ref).body)

    # -- changing --------------------------------------------------------------------

    def revert(self, note_ref: str, number: int) -> Note:
        """Give the note the title and body of revision ``number``; its current text is
        kept first as a "revert" revision, so a revert is itself undone by another."""
        title, body = self.text(note_ref, number)
        return self._notes.update(note_ref, title=title, body=body, reason="revert")

    def purge(self, note_ref: str) -> int:
        """Delete every revision of one note for good; return how many there were."""
        note_id, _ = resolve_uuid(self._db, "note", note_ref)
        with self._db.transaction() as connection:
            removed = int(
                connection.execute(
                    "DELETE FROM note_revisions WHERE note_id = ?", (note_id,)
                ).rowcount
            )
            forget_counts(connection, note_id)
        self._db.checkpoint_after_commit()
        return removed

    def purge_all(self) -> int:
        """Delete every revision of every note for good; return how many there were."""
        with self._db.transaction() as connection:
            removed = expire_before(connection, None)
        self._db.checkpoint_after_commit()
        return removed

    # -- retention -------------------------------------------------------------------

    @property
    def retention(self) -> str:
        """How long revisions are kept: "off", "7", "30", "365" (days) or "forever"."""
        with self._db.transaction() as connection:
            return retention_of(connection)

    @retention.setter
    def retention(self, value: str) -> None:
        self.set_retention(value)

    def set_retention(self, value: str) -> int:
        """Keep revisions for ``value`` (one of ``RETENTION_CHOICES``) from now on, and
        expire at once what it no longer keeps ("off": every revision); return how many
        revisions went."""
        if value not in RETENTION_CHOICES:
            raise InvalidRecordError(field="retention", reason="unknown")
        with self._db.transaction() as connection:
            connection.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (RETENTION_KEY, value),
            )
        return self.expire()

    def expiring(self, value: str) -> int:
        """How many revisions ``set_retention(value)`` would delete now."""
        if value not in RETENTION_CHOICES:
            raise InvalidRecordError(field="retention", reason="unknown")
        days = retention_days(value)
        if days is None:
            return 0
        now = to_ms(self._clock())
        with self._db.transaction() as connection:
            return count_before(connection, now - days * 86_400_000 if days else None)

    def expire(self, now: int | None = None) -> int:
        """Delete the revisions older than the retention allows at ``now`` (UTC ms;
        default: the store's clock), then scrub the WAL; return how many went."""
        return expire(self._db, to_ms(self._clock()) if now is None else now)
