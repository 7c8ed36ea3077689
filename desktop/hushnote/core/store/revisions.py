"""A note's revisions inside the caller's transaction: when one is kept, how it is
written into the reverse delta chain (``revision_codec``), read back and expired.

``NoteStore`` calls ``keep_before`` in the same transaction as the change it is about to
make, so a crash never leaves a change without the revision made for it, nor the other
way round. ``HistoryStore`` (core/store/history.py) is the public face.

When a revision is kept (docs/history.md#when):

- an edit (``"edit"``) keeps the text it replaces when the note's newest revision, or
  the note itself if it has none, is at least ``REVISION_INTERVAL`` old: the editor
  autosaves every few seconds, and a long session then leaves one revision per interval;
- a revert, a bundle import and a shared-notebook merge keep it whatever the age, except
  that a merge right after a merge (within the interval, with no local change between:
  ``note_history.merged_at`` is the modification time the last merge gave the note)
  adds none: one pass applying many files leaves one revision per note;
- never when the text did not change, when it is empty, when it is the same as the
  newest revision's, or while the vault's retention is "off".
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal, cast

from hushnote.core.clock import from_ms
from hushnote.core.store.database import Database
from hushnote.core.store.revision_codec import KEYFRAME_EVERY, compress, decompress
from hushnote.errors import RecordNotFoundError, VaultCorruptedError

__all__ = [
    "DEFAULT_RETENTION",
    "RETENTION_CHOICES",
    "RETENTION_KEY",
    "REVISION_INTERVAL",
    "Reason",
    "Revision",
    "append_revision",
    "clamp_future",
    "expire",
    "expire_before",
    "expire_if_due",
    "forget_counts",
    "keep_before",
    "list_revisions",
    "read_text",
    "retention_days",
    "retention_of",
]

Reason = Literal["edit", "revert", "merge", "import"]
REASONS: tuple[Reason, ...] = ("edit", "revert", "merge", "import")
# One revision per this much editing: the editor autosaves every few seconds.
REVISION_INTERVAL = timedelta(minutes=5)
# The vault setting (in the encrypted settings table) and its choices, in days.
RETENTION_KEY = "history_keep"
RETENTION_CHOICES = ("off", "7", "30", "365", "forever")
# A revision dated further ahead than this (a clock that ran ahead, a bundle's time) is
# brought back at the next expiry (``clamp_future``); a day covers clocks merely off by
# a time zone.
FUTURE_SLACK = timedelta(days=1)
DEFAULT_RETENTION = "30"


@dataclass(frozen=True)
class Revision:
    """One kept state of a note: ``number`` stays its name while newer ones are added
    and older ones expire; ``size`` is the body's length in characters."""

    number: int
    made_at: datetime
    reason: Reason
    title: str
    size: int


def retention_of(connection: Any) -> str:
    """The vault's retention setting, one of ``RETENTION_CHOICES``."""
    row = connection.execute(
        "SELECT value FROM settings WHERE key = ?", (RETENTION_KEY,)
    ).fetchone()
    value = str(row[0]) if row is not None else DEFAULT_RETENTION
    return value if value in RETENTION_CHOICES else DEFAULT_RETENTION


def keep_before(
    connection: Any,
    note_id: int,
    before: tuple[str, str],
    after: tuple[str, str],
    reason: Reason,
    now_ms: int,
    note_ms: tuple[int, int],
) -> bool:
    """Keep ``before`` (title, body) as a revision of the note if the rules above say so;
    ``note_ms`` is the note's (created_at, updated_at) before the change, and a merge
    writes ``now_ms`` as the note's new modification time. True if kept."""
    coalesce = False
    if reason == "merge":
        coalesce = _after_merge(connection, note_id, note_ms[1], now_ms)
    if before == after or before == ("", "") or retention_of(connection) == "off":
        return False
    newest = connection.execute(
        "SELECT number, made_at, reason FROM note_revisions WHERE note_id = ? "
        "ORDER BY number DESC LIMIT 1",
        (note_id,),
    ).fetchone()
    interval = int(REVISION_INTERVAL.total_seconds() * 1000)
    if reason == "edit":
        # A newest revision "in the future" (a clock set back, an imported time) keeps
        # one at once, stamped now: from then on the interval runs from that one, so a
        # future time cannot make every later save keep a revision.
        since = newest[1] if newest is not None else note_ms[0]
        if 0 <= now_ms - since < interval:
            return False
    elif coalesce and newest is not None and newest[2] == "merge":
        if 0 <= now_ms - newest[1] < interval:
            return False
    if newest is not None and read_text(connection, note_id, newest[0]) == before:
        return False
    # Stamped now, never after: a future time carried forward would never expire.
    _append(connection, note_id, before, reason, now_ms)
    return True


def _after_merge(connection: Any, note_id: int, updated_ms: int, now_ms: int) -> bool:
    """Whether the note's last change was a merge (its modification time is the one the
    last merge gave it, so no local edit came between); records this merge's time."""
    row = connection.execute(
        "SELECT merged_at FROM note_history WHERE note_id = ?", (note_id,)
    ).fetchone()
    connection.execute(
        "INSERT INTO note_history (note_id, last_number, merged_at) VALUES (?, 0, ?) "
        "ON CONFLICT (note_id) DO UPDATE SET merged_at = excluded.merged_at",
        (note_id, now_ms),
    )
    return row is not None and row[0] == updated_ms


def _append(
    connection: Any, note_id: int, text: tuple[str, str], reason: Reason, made_at: int
) -> int:
    """Add ``text`` as the note's newest revision (a keyframe) and re-encode the one
    before it against it, unless that one must stay a keyframe to bound the chain."""
    title, body = text
    row = connection.execute(
        "SELECT id, number, delta, content FROM note_revisions WHERE note_id = ? "
        "ORDER BY number DESC LIMIT 1",
        (note_id,),
    ).fetchone()
    if row is not None and not row[2]:
        previous_id, previous_number, _, content = row
        run = connection.execute(
            "SELECT delta FROM note_revisions WHERE note_id = ? AND number < ? "
            "ORDER BY number DESC LIMIT ?",
            (note_id, previous_number, KEYFRAME_EVERY - 1),
        ).fetchall()
        deltas = 0
        for (delta,) in run:
            if not delta:
                break
            deltas += 1
        if deltas < KEYFRAME_EVERY - 1:
            previous = decompress(bytes(content), None)
            connection.execute(
                "UPDATE note_revisions SET delta = 1, content = ? WHERE id = ?",
                (compress(previous, body), previous_id),
            )
    number = _next_number(connection, note_id)
    connection.execute(
        "INSERT INTO note_revisions (note_id, number, made_at, reason, title, size, delta, "
        "content) VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
        (note_id, number, made_at, reason, title, len(body), compress(body, None)),
    )
    return number


def append_revision(
    connection: Any, note_id: int, text: tuple[str, str], reason: Reason, made_at: int
) -> int:
    """Add a revision whatever the rules (a bundle's history); return its number."""
    return _append(connection, note_id, text, reason, made_at)


def _next_number(connection: Any, note_id: int) -> int:
    """The note's next revision number: never one a revision it still has, or had
    since its history was last emptied, used (``note_history`` remembers the last; a
    purge or an expiry that leaves the note none forgets it, and numbering restarts)."""
    connection.execute(
        "INSERT INTO note_history (note_id, last_number) VALUES (?, 1) "
        "ON CONFLICT (note_id) DO UPDATE SET last_number = last_number + 1",
        (note_id,),
    )
    return int(
        connection.execute(
            "SELECT last_number FROM note_history WHERE note_id = ?", (note_id,)
        ).fetchone()[0]
    )


def list_revisions(connection: Any, note_id: int) -> list[Revision]:
    rows = connection.execute(
        "SELECT number, made_at, reason, title, size FROM note_revisions WHERE note_id = ? "
        "ORDER BY number DESC",
        (note_id,),
    ).fetchall()
    return [
        Revision(int(number), from_ms(made), cast(Reason, reason), str(title), int(size))
        for number, made, reason, title, size in rows
    ]


def read_text(connection: Any, note_id: int, number: int) -> tuple[str, str]:
    """(title, body) of revision ``number``: decoded from the first keyframe at or above
    it, down the chain (at most ``KEYFRAME_EVERY`` streams)."""
    rows = connection.execute(
        "SELECT number, title, delta, content FROM note_revisions WHERE note_id = ? "
        "AND number >= ? ORDER BY number LIMIT ?",
        (note_id, number, KEYFRAME_EVERY + 1),
    ).fetchall()
    if not rows or rows[0][0] != number:
        raise RecordNotFoundError(kind="revision", reference=str(number))
    end = next((i for i, row in enumerate(rows) if not row[2]), None)
    if end is None:
        raise VaultCorruptedError(reason="revision")
    text: str | None = None
    for _, _, _, content in reversed(rows[: end + 1]):
        text = decompress(bytes(content), text)
    return str(rows[0][1]), str(text)


def clamp_future(connection: Any, now_ms: int) -> None:
    """Bring back every revision dated more than ``FUTURE_SLACK`` after ``now_ms`` (made
    while the clock ran ahead) to the time of the next newer revision, or to now: a
    time in the future would otherwise outlive any retention, and hold back the expiry
    of every newer revision of its note (expiry removes only a note's oldest)."""
    connection.execute(
        "UPDATE note_revisions AS r SET made_at = min(:now, coalesce((SELECT min(e.made_at) "
        "FROM note_revisions e WHERE e.note_id = r.note_id AND e.number > r.number), :now)) "
        "WHERE r.made_at > :limit",
        {"now": now_ms, "limit": now_ms + int(FUTURE_SLACK.total_seconds() * 1000)},
    )


# The revisions ``expire_before`` deletes: made before the cutoff, with none of the same
# note numbered below them made at or after it.
_EXPIRED = (
    "FROM note_revisions AS r WHERE r.made_at < :cutoff AND NOT EXISTS "
    "(SELECT 1 FROM note_revisions e WHERE e.note_id = r.note_id "
    "AND e.number < r.number AND e.made_at >= :cutoff)"
)


def count_before(connection: Any, cutoff_ms: int | None) -> int:
    """How many revisions ``expire_before(connection, cutoff_ms)`` would delete."""
    if cutoff_ms is None:
        return int(connection.execute("SELECT count(*) FROM note_revisions").fetchone()[0])
    row = connection.execute(f"SELECT count(*) {_EXPIRED}", {"cutoff": cutoff_ms}).fetchone()
    return int(row[0])


def expire_before(connection: Any, cutoff_ms: int | None) -> int:
    """Delete every revision made before ``cutoff_ms`` (all of them when None); return
    how many. A note left with no revision loses its counter too (``forget_counts``).

    Only a note's oldest revisions may go (each older one is encoded against the next
    newer): one made before the cutoff stays while a revision numbered below it is
    younger. Times grow with numbers as revisions are made here; only a bundle's
    history, added after a note's own, and a clock set back can bring older times
    above newer ones; the order of a note's revisions is their number."""
    if cutoff_ms is None:
        cursor = connection.execute("DELETE FROM note_revisions")
    else:
        cursor = connection.execute(f"DELETE {_EXPIRED}", {"cutoff": cutoff_ms})
    removed = int(cursor.rowcount)
    forget_counts(connection)
    return removed


def forget_counts(connection: Any, note_id: int | None = None) -> None:
    """Drop the revision counter of ``note_id`` (of every note with no revision left
    when None): its last number would tell how many revisions a purge erased, so a
    note's numbering starts again at 1 once it has none."""
    if note_id is not None:
        connection.execute("DELETE FROM note_history WHERE note_id = ?", (note_id,))
    else:
        connection.execute(
            "DELETE FROM note_history WHERE note_id NOT IN (SELECT note_id FROM note_revisions)"
        )


# When each open database last expired its revisions (ms): a save expires at most every
# ``EXPIRE_EVERY``, so that a busy editing session does not scan the age index each time.
EXPIRE_EVERY = timedelta(hours=1)
_last_expiry: weakref.WeakKeyDictionary[Database, int] = weakref.WeakKeyDictionary()


def retention_days(value: str) -> int | None:
    """How many days ``value`` keeps revisions: 0 for "off", None for "forever"."""
    return {"off": 0, "forever": None}.get(value, int(value) if value.isdigit() else 0)


def expire(db: Database, now_ms: int) -> int:
    """Delete the revisions the vault's retention no longer keeps, then scrub the WAL;
    return how many went."""
    with db.transaction() as connection:
        clamp_future(connection, now_ms)
        days = retention_days(retention_of(connection))
        if days is None:
            removed = 0
        else:
            removed = expire_before(connection, now_ms - days * 86_400_000 if days else None)
    _last_expiry[db] = now_ms
    if removed:
        db.checkpoint_after_commit()
    return removed


def expire_if_due(db: Database, now_ms: int) -> None:
    """``expire`` if this database has not done so for ``EXPIRE_EVERY``."""
    last = _last_expiry.get(db)
    if last is None or not 0 <= now_ms - last < EXPIRE_EVERY.total_seconds() * 1000:
        expire(db, now_ms)
