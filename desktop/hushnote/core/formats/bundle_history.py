"""Note history in a bundle: ``history.jsonl``, written only when asked (version 3).

One line per revision, in plain text inside the encrypted archive (docs/bundle-format.md
#history): the note's uuid, the revision's number in the exporting vault, its time, why
it was made, its title and body. A note's revisions are contiguous, oldest first.

Importing adds them, oldest first, to the notes this import added or updated (a note the
vault holds as new or newer keeps its own history; importing a bundle twice adds nothing
the second time). They are numbered after the vault's own revisions of the note and
keep their times. Reading is linear: each revision is compressed once against the one
before it was added, and a record out of order (a note's revisions not contiguous or not
in rising order) refuses the whole import.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Generator, Iterator
from typing import Any

from hushnote.core.formats.bundle_records import HISTORY
from hushnote.core.store.database import Database
from hushnote.core.store.revision_codec import decompress
from hushnote.core.store.revisions import (
    FUTURE_SLACK,
    append_revision,
    read_text,
    retention_of,
)
from hushnote.core.store.sqlcipher import database_errors
from hushnote.errors import BundleFormatError, BundleTooLargeError

__all__ = ["MAX_REVISIONS", "MAX_REVISIONS_PER_NOTE", "history_lines", "merge_history"]

# A bundle's history is bounded like its other members: each line costs a compression
# and a row. 5,000 revisions of one note is over 400 hours of editing at one per five
# minutes; an export writes at most that many of a note's newest (``history_lines``).
MAX_REVISIONS_PER_NOTE = 5_000
MAX_REVISIONS = 100_000

_CHUNK_CHARACTERS = 1 << 20
# A run of revisions decoded at once when their bodies add up to at most this.
_SEGMENT_CHARACTERS = 8 << 20


def history_lines(
    db: Database, notes_where: str, parameters: dict[str, Any]
) -> Generator[tuple[str, int], None, None]:
    """(JSON lines, how many) of the revisions of the notes ``notes_where`` selects
    (a condition on ``n``), about 1 MB at a time, each note's oldest first; at most a
    note's newest ``MAX_REVISIONS_PER_NOTE``.

    Memory is bounded: the chain decodes newest first, so a run of revisions down from
    a keyframe is decoded at once only while its bodies add up to at most
    ``_SEGMENT_CHARACTERS``; a larger run is decoded again from its keyframe for each
    revision (at most ``KEYFRAME_EVERY`` streams), holding one body at a time."""
    sql = (
        "SELECT n.id, n.uuid FROM notes n "  # noqa: S608 - our own condition
        f"WHERE {notes_where} AND EXISTS (SELECT 1 FROM note_revisions r "
        "WHERE r.note_id = n.id) ORDER BY n.id"
    )
    lines: list[str] = []
    size = 0
    with database_errors(db.path):
        notes = [(int(i), str(u)) for i, u in db.connection.execute(sql, parameters)]
        for note_id, uuid in notes:
            for record in _note_history(db.connection, note_id, uuid):
                line = json.dumps(record, ensure_ascii=False) + "\n"
                lines.append(line)
                size += len(line)
                if size >= _CHUNK_CHARACTERS:
                    yield "".join(lines), len(lines)
                    lines, size = [], 0
    if lines:
        yield "".join(lines), len(lines)


def _note_history(connection: Any, note_id: int, uuid: str) -> Iterator[dict[str, Any]]:
    """The bundle records of one note's newest revisions, oldest first."""
    rows = connection.execute(
        "SELECT number, made_at, reason, title, size, delta FROM note_revisions "
        "WHERE note_id = ? ORDER BY number DESC LIMIT ?",
        (note_id, MAX_REVISIONS_PER_NOTE),
    ).fetchall()
    rows.reverse()
    start = 0
    while start < len(rows):
        end = start  # the run ends at its keyframe (delta 0), the newest in it
        while end < len(rows) - 1 and rows[end][5]:
            end += 1
        run = rows[start : end + 1]
        texts: dict[int, str] = {}
        if sum(row[4] for row in run) <= _SEGMENT_CHARACTERS:
            texts = _decode_run(connection, note_id, run[0][0], run[-1][0])
        for number, made_at, reason, title, _, _ in run:
            body = texts.pop(number) if texts else read_text(connection, note_id, number)[1]
            yield {"note": uuid, "number": number, "made_at": made_at, "reason": reason,
                   "title": title, "body": body}  # fmt: skip
        start = end + 1


def _decode_run(connection: Any, note_id: int, low: int, high: int) -> dict[int, str]:
    """The bodies of revisions ``low`` to ``high`` (a keyframe), decoded newest first."""
    texts: dict[int, str] = {}
    text: str | None = None
    for number, delta, content in connection.execute(
        "SELECT number, delta, content FROM note_revisions WHERE note_id = ? "
        "AND number BETWEEN ? AND ? ORDER BY number DESC",
        (note_id, low, high),
    ):
        text = decompress(bytes(content), text if delta else None)
        texts[int(number)] = text
    return texts


def _known(connection: Any, note_id: int) -> tuple[set[tuple[int, bytes]], tuple[str, str] | None]:
    """The (time, digest of title and body) of each revision the note has, and the
    newest one's text: a bundle revision already among them is not added again."""
    rows = connection.execute(
        "SELECT made_at, title, delta, content FROM note_revisions WHERE note_id = ? "
        "ORDER BY number DESC",
        (note_id,),
    )
    known: set[tuple[int, bytes]] = set()
    newest: tuple[str, str] | None = None
    text: str | None = None
    for made_at, title, delta, content in rows:
        text = decompress(bytes(content), text if delta else None)
        known.add((int(made_at), _digest(str(title), text)))
        if newest is None:
            newest = (str(title), text)
    return known, newest


def _digest(title: str, body: str) -> bytes:
    return hashlib.sha256(f"{len(title)}:{title}{body}".encode()).digest()


def merge_history(connection: Any, records: Any, changed: set[str], digest: Any) -> Counter[str]:
    """Add each revision of a note in ``changed`` (uuids this import added or updated)
    to it, inside the caller's transaction; "added" or "skipped" each.

    A revision the note already has (same time and text: the same colleague's earlier
    bundle), or the same text as the note's newest revision, is skipped. A time more
    than ``FUTURE_SLACK`` after this vault's clock is brought back to that bound: a far
    future time would outlive any retention. More
    than ``MAX_REVISIONS_PER_NOTE`` lines for one note, or ``MAX_REVISIONS`` in all,
    refuse the import (``BundleTooLargeError``, what "history"): nothing is written."""
    outcomes: Counter[str] = Counter()
    keep = retention_of(connection) != "off"
    latest = int((time.time() + FUTURE_SLACK.total_seconds()) * 1000)
    done: set[str] = set()
    current: tuple[str, int] | None = None
    note_id: int | None = None
    known: set[tuple[int, bytes]] = set()
    newest: tuple[str, str] | None = None
    per_note = 0
    for line, record in enumerate(records, start=1):
        if line > MAX_REVISIONS:
            raise BundleTooLargeError(what="history", count=line, maximum=MAX_REVISIONS)
        uuid, number = record["note"], record["number"]
        if current is not None and uuid == current[0]:
            if number <= current[1]:
                raise BundleFormatError(member=HISTORY, line=line, reason="out of order")
            per_note += 1
            if per_note > MAX_REVISIONS_PER_NOTE:
                raise BundleTooLargeError(
                    what="history", count=per_note, maximum=MAX_REVISIONS_PER_NOTE
                )
        else:
            if uuid in done:
                raise BundleFormatError(member=HISTORY, line=line, reason="out of order")
            if current is not None:
                done.add(current[0])
            per_note = 1
            row = connection.execute("SELECT id FROM notes WHERE uuid = ?", (uuid,)).fetchone()
            note_id = int(row[0]) if row is not None and uuid in changed and keep else None
            if note_id is not None:
                known, newest = _known(connection, note_id)
        current = (uuid, number)
        outcome = "skipped"
        if note_id is not None:
            text = (record["title"], record["body"])
            made_at = min(int(record["made_at"]), latest)
            key = (made_at, _digest(*text))
            if key not in known and text != newest:
                append_revision(connection, note_id, text, record["reason"], made_at)
                known.add(key)
                newest = text
                outcome = "added"
        outcomes[outcome] += 1
        digest.update(f"history {uuid} {number} {outcome}\n".encode())
    return outcomes
