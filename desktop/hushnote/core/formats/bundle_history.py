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

import json
from collections import Counter
from collections.abc import Generator
from typing import Any

from hushnote.core.formats.bundle_records import HISTORY
from hushnote.core.store.database import Database
from hushnote.core.store.revision_codec import decompress
from hushnote.core.store.revisions import append_revision, retention_of
from hushnote.core.store.sqlcipher import database_errors
from hushnote.errors import BundleFormatError

__all__ = ["history_lines", "merge_history"]

_CHUNK_CHARACTERS = 1 << 20


def history_lines(
    db: Database, notes_where: str, parameters: dict[str, Any]
) -> Generator[tuple[str, int], None, None]:
    """(JSON lines, how many) of the revisions of the notes ``notes_where`` selects
    (a condition on ``n``), about 1 MB at a time. Each note's chain is decoded once,
    newest first, and written oldest first."""
    sql = (
        "SELECT n.uuid, r.number, r.made_at, r.reason, r.title, r.delta, r.content "  # noqa: S608 - our own condition
        "FROM notes n JOIN note_revisions r ON r.note_id = n.id "
        f"WHERE {notes_where} ORDER BY n.id, r.number DESC"
    )
    lines: list[str] = []
    size = 0
    note: list[Any] = []

    def flush_note() -> None:
        nonlocal size
        text: str | None = None
        decoded = []
        for uuid, number, made_at, reason, title, delta, content in note:
            text = decompress(bytes(content), text if delta else None)
            decoded.append((uuid, number, made_at, reason, title, text))
        for uuid, number, made_at, reason, title, body in reversed(decoded):
            record = {"note": uuid, "number": number, "made_at": made_at, "reason": reason,
                      "title": title, "body": body}  # fmt: skip
            line = json.dumps(record, ensure_ascii=False) + "\n"
            lines.append(line)
            size += len(line)
        note.clear()

    with database_errors(db.path):
        cursor = db.connection.execute(sql, parameters)
        try:
            for row in cursor:
                if note and note[0][0] != row[0]:
                    flush_note()
                    if size >= _CHUNK_CHARACTERS:
                        yield "".join(lines), len(lines)
                        lines, size = [], 0
                note.append(row)
            if note:
                flush_note()
        finally:
            cursor.close()
    if lines:
        yield "".join(lines), len(lines)


def merge_history(connection: Any, records: Any, changed: set[str], digest: Any) -> Counter[str]:
    """Add each revision of a note in ``changed`` (uuids this import added or updated)
    to it, inside the caller's transaction; "added" or "skipped" each."""
    outcomes: Counter[str] = Counter()
    keep = retention_of(connection) != "off"
    done: set[str] = set()
    current: tuple[str, int] | None = None
    note_id: int | None = None
    for line, record in enumerate(records, start=1):
        uuid, number = record["note"], record["number"]
        if current is not None and uuid == current[0]:
            if number <= current[1]:
                raise BundleFormatError(member=HISTORY, line=line, reason="out of order")
        else:
            if uuid in done:
                raise BundleFormatError(member=HISTORY, line=line, reason="out of order")
            if current is not None:
                done.add(current[0])
            row = connection.execute("SELECT id FROM notes WHERE uuid = ?", (uuid,)).fetchone()
            note_id = int(row[0]) if row is not None and uuid in changed and keep else None
        current = (uuid, number)
        outcome = "skipped"
        if note_id is not None:
            append_revision(connection, note_id, (record["title"], record["body"]),
                            record["reason"], record["made_at"])  # fmt: skip
            outcome = "added"
        outcomes[outcome] += 1
        digest.update(f"history {uuid} {number} {outcome}\n".encode())
    return outcomes
