"""What goes into the full-text indexes, how it comes out again, and how a user's word
becomes an FTS5 phrase.

FTS5's ``unicode61`` tokenizer splits on spaces and punctuation, which Chinese and
Japanese do not use between words: a whole sentence would be one token, and a
two-character word inside it unfindable. A trigram tokenizer finds it, but triples the
database. Instead, runs of CJK characters are indexed as overlapping character bigrams
(``中华人民`` → ``中华 华人 人民 民``), and a CJK search term becomes the phrase of its
bigrams. Every character starts at least one token, so a single character is found as a
prefix. Other scripts are indexed as written.

The indexes are contentless (they keep no copy of the text), so FTS5 cannot know which
terms a record put in: taking a record out means handing FTS5 the values it was indexed
with (the ``'delete'`` command), and with the ``secure-delete`` option FTS5 then removes
every one of its entries from the index pages. Both directions therefore compute a
record's values from its rows as stored (``note_entry``, ``contact_entry``,
``attachment_entry``): read before the rows change, compared with the same after.
Anything that changes what this module writes for a record needs a migration that
rebuilds the index concerned (``rebuild_indexes``), or records indexed before the change
could no longer be taken out.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from hushnote.core.store.split_keys import repair_split_keys

__all__ = [
    "IndexEntry",
    "attachment_entry",
    "cjk_bigrams",
    "contact_entry",
    "contains_cjk",
    "forget",
    "fts_phrase",
    "index_attachment",
    "index_contact",
    "index_note",
    "index_text",
    "note_entry",
    "rebuild_indexes",
    "removed_words",
    "unindex_attachments",
    "unindex_contact",
    "unindex_note",
]

_CJK_RANGES = (
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u31f0-\u31ff"  # Katakana phonetic extensions
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\uf900-\ufaff"  # CJK compatibility ideographs
    "\U00020000-\U0003134f"  # CJK extensions B to G
)
_CJK_RUN = re.compile(f"[{_CJK_RANGES}]+")
# Letters and digits, as unicode61 counts token characters (near enough for deciding
# whether an edit removed a word: a miss only delays a WAL truncation to the next one).
_WORD = re.compile(r"[^\W_]+")

_NOTES = ("notes_index", ("title", "body", "tags"))
_CONTACTS = ("contacts_index", ("name", "handles", "organization", "notes"))
_ATTACHMENTS = ("attachments_index", ("name", "text"))


def contains_cjk(text: str) -> bool:
    return _CJK_RUN.search(text) is not None


def cjk_bigrams(run: str) -> list[str]:
    """Overlapping bigrams of ``run``; a single character stands alone."""
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def index_text(text: str) -> str:
    """``text`` as the index sees it: CJK runs spelled out as bigrams plus their last
    character, so that every character position starts a token."""

    def expand(match: re.Match[str]) -> str:
        run = match.group(0)
        tokens = cjk_bigrams(run)
        if len(run) > 1:
            tokens.append(run[-1])
        return " " + " ".join(tokens) + " "

    return _CJK_RUN.sub(expand, text)


def _query_text(text: str) -> tuple[str, bool]:
    """Spell ``text`` as index tokens for a query; the flag says the last CJK token is a
    single character, which only matches as a prefix."""
    single_at_end = False

    def expand(match: re.Match[str]) -> str:
        nonlocal single_at_end
        run = match.group(0)
        single_at_end = len(run) == 1 and match.end() == len(text)
        return " " + " ".join(cjk_bigrams(run)) + " "

    return " ".join(_CJK_RUN.sub(expand, text).split()), single_at_end


def fts_phrase(text: str, *, prefix: bool = False) -> str:
    """One FTS5 phrase matching ``text`` literally: no operator inside can take effect.

    Everything sits inside double quotes (with quotes doubled), which FTS5 hands to the
    tokenizer as plain text, so no user input can cause an FTS5 syntax error.
    """
    spelled, single_cjk = _query_text(text)
    quoted = '"' + spelled.replace('"', '""') + '"'
    return quoted + " *" if prefix or single_cjk else quoted


@dataclass(frozen=True)
class IndexEntry:
    """A record as its index holds it: one value per index column, and whether it is in
    the index at all (a note in the trash is not)."""

    values: tuple[str, ...]
    searchable: bool = True


def note_entry(connection: Any, note_id: int) -> IndexEntry | None:
    """What the index holds for a note, computed from its rows; None if it has none."""
    row = connection.execute(
        "SELECT n.title, b.body, n.trashed_at IS NULL FROM notes n "
        "JOIN note_bodies b ON b.note_id = n.id WHERE n.id = ?",
        (note_id,),
    ).fetchone()
    if row is None:
        return None
    title, body, searchable = row
    tags = _names(connection, "note_tags", "note_id", note_id)
    values = (index_text(title), index_text(body), index_text(" ".join(tags)))
    return IndexEntry(values, bool(searchable))


def contact_entry(connection: Any, contact_id: int) -> IndexEntry | None:
    """What the index holds for a contact, computed from its rows; None if it has none."""
    row = connection.execute(
        "SELECT display_name, organization, role, notes FROM contacts WHERE id = ?",
        (contact_id,),
    ).fetchone()
    if row is None:
        return None
    name, organization, role, notes = row
    methods = connection.execute(
        "SELECT kind, value FROM contact_methods WHERE contact_id = ? ORDER BY position",
        (contact_id,),
    ).fetchall()
    tags = _names(connection, "contact_tags", "contact_id", contact_id)
    values = (
        index_text(name),
        index_text(" ".join(_handle_terms(methods))),
        index_text(organization),
        index_text(" ".join((role, notes, " ".join(tags)))),
    )
    return IndexEntry(values)


def attachment_entry(connection: Any, attachment_id: int) -> IndexEntry | None:
    """What the index holds for an attachment: its name and the text extracted from it
    when it was attached (``attachment_text``), kept so that it can be taken out again.
    A note in the trash keeps its attachments' entries: search leaves them out (so
    that trashing a note does not rewrite a PDF's worth of index pages)."""
    row = connection.execute(
        "SELECT a.name, t.text FROM attachments a "
        "LEFT JOIN attachment_text t ON t.attachment_id = a.id WHERE a.id = ?",
        (attachment_id,),
    ).fetchone()
    if row is None:
        return None
    name, text = row
    return IndexEntry((index_text(name), index_text(text or "")))


def index_attachment(connection: Any, attachment_id: int) -> None:
    """Index a new attachment from its rows, inside the transaction that inserted them."""
    entry = attachment_entry(connection, attachment_id)
    _replace(connection, _ATTACHMENTS, attachment_id, None, entry)


def unindex_attachments(connection: Any, attachment_ids: Iterable[int]) -> set[str]:
    """Take attachments out of the index; call it before their rows are deleted. Returns
    the words they held, for ``forget``."""
    removed: set[str] = set()
    for attachment_id in attachment_ids:
        before = attachment_entry(connection, attachment_id)
        _replace(connection, _ATTACHMENTS, attachment_id, before, None)
        removed |= removed_words(before, None)
    return removed


def index_note(
    connection: Any, note_id: int, before: IndexEntry | None = None
) -> IndexEntry | None:
    """Bring a note's index entry in line with its rows, inside the caller's transaction.

    ``before`` is ``note_entry`` read before the rows changed (None for a new note); the
    entry now is returned, for ``removed_words``.
    """
    after = note_entry(connection, note_id)
    _replace(connection, _NOTES, note_id, before, after)
    return after


def unindex_note(connection: Any, note_id: int) -> IndexEntry | None:
    """Take a note out of the index; call it before its rows are deleted. Returns the
    entry it had, for ``removed_words``."""
    before = note_entry(connection, note_id)
    _replace(connection, _NOTES, note_id, before, None)
    return before


def index_contact(
    connection: Any, contact_id: int, before: IndexEntry | None = None
) -> IndexEntry | None:
    """Bring a contact's index entry in line with its rows; see ``index_note``."""
    after = contact_entry(connection, contact_id)
    _replace(connection, _CONTACTS, contact_id, before, after)
    return after


def unindex_contact(connection: Any, contact_id: int) -> IndexEntry | None:
    """Take a contact out of the index; call it before its rows are deleted. Returns the
    entry it had, for ``removed_words``."""
    before = contact_entry(connection, contact_id)
    _replace(connection, _CONTACTS, contact_id, before, None)
    return before


def rebuild_indexes(connection: Any) -> None:
    """Index every note and contact from its rows, into indexes that start empty."""
    notes = connection.execute("SELECT id FROM notes WHERE trashed_at IS NULL").fetchall()
    for (note_id,) in notes:
        index_note(connection, note_id)
    for (contact_id,) in connection.execute("SELECT id FROM contacts").fetchall():
        index_contact(connection, contact_id)


def removed_words(before: IndexEntry | None, after: IndexEntry | None) -> set[str]:
    """The words of ``before`` that ``after`` has neither whole nor as the start of a
    longer word: what a change removed (everything, when ``after`` is None).

    A word being typed (``hel``, then ``hello``) removes nothing, so autosaves while
    typing need no ``forget``.
    """
    new = _words(after)
    kept = sorted(new)
    removed = set()
    for word in _words(before) - new:
        at = bisect.bisect_left(kept, word)
        if at == len(kept) or not kept[at].startswith(word):
            removed.add(word)
    return removed


def forget(connection: Any, words: Collection[str] | None) -> None:
    """Clear what the indexes keep of ``words`` (None: words not known), inside the
    transaction that removed them.

    Secure-delete takes a record's entries out of the leaf pages when FTS5 writes its
    pending changes, and ``secure_delete`` zeroes the space freed; what remains is split
    keys cut from the words, repaired here (``split_keys``). After the commit the caller
    truncates the WAL, which still holds the pages as they were.
    """
    if words is not None and not words:
        return
    for table, _ in (_NOTES, _CONTACTS, _ATTACHMENTS):
        # A merge of no pages only writes out FTS5's pending changes.
        connection.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('merge', 0)")  # noqa: S608
    repair_split_keys(connection, words)


def _words(entry: IndexEntry | None) -> set[str]:
    if entry is None:
        return set()
    # Lower case, as unicode61 folds (casefold would turn ß into ss, which it does not).
    return {word.lower() for value in entry.values for word in _WORD.findall(value)}


def _replace(
    connection: Any,
    index: tuple[str, tuple[str, ...]],
    rowid: int,
    before: IndexEntry | None,
    after: IndexEntry | None,
) -> None:
    """Delete ``before``'s values from the index and insert ``after``'s, unless equal."""
    table, columns = index
    old = before.values if before is not None and before.searchable else None
    new = after.values if after is not None and after.searchable else None
    if old == new:
        return
    names = ", ".join(columns)
    marks = ", ".join("?" * len(columns))
    # A 'delete' for a row the index does not hold would corrupt its totals.
    if old is not None and _holds(connection, table, rowid):
        connection.execute(
            f"INSERT INTO {table} ({table}, rowid, {names}) VALUES ('delete', ?, {marks})",  # noqa: S608
            (rowid, *old),
        )
        if new is not None:
            # Written out before the row goes back in: with secure-delete, a 'delete' and
            # an insert of one row pending together can leave the old entry of a word both
            # hold in its old segment, hidden under the new one until the row changes
            # again (FTS5 as of SQLite 3.53.4). FTS5 merges them only in this order.
            connection.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('merge', 0)")  # noqa: S608
    if new is not None:
        connection.execute(
            f"INSERT INTO {table} (rowid, {names}) VALUES (?, {marks})",  # noqa: S608
            (rowid, *new),
        )


def _holds(connection: Any, table: str, rowid: int) -> bool:
    row = connection.execute(f"SELECT 1 FROM {table} WHERE rowid = ?", (rowid,))  # noqa: S608
    return row.fetchone() is not None


def _names(connection: Any, links: str, owner: str, owner_id: int) -> list[str]:
    """Tag names of one note or contact, sorted so that the same tags give the same text."""
    rows = connection.execute(
        f"SELECT t.name FROM {links} l JOIN tags t ON t.id = l.tag_id "  # noqa: S608 - fixed names
        f"WHERE l.{owner} = ?",
        (owner_id,),
    ).fetchall()
    return sorted(str(row[0]) for row in rows)


def _handle_terms(methods: Iterable[tuple[str, str]]) -> list[str]:
    """Every value as written, plus each phone number's digits and their endings down to
    four digits, so that "5550100" and "0100" both find "+1 555-0100"."""
    methods = list(methods)
    terms = [value for _, value in methods]
    for kind, value in methods:
        digits = re.sub(r"\D", "", value) if kind == "phone" else ""
        terms += [digits[start:] for start in range(max(0, len(digits) - 3))]
    return terms
