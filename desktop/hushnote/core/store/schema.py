"""Versioned schema migrations, tracked in SQLite's ``user_version``.

Each migration runs in its own transaction together with the version bump, so a crash
mid-migration leaves the previous version intact. Migrations are append-only: a released
step is never edited, because vaults in the field were built by it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hushnote.core.store.database import Database
from hushnote.core.store.text_index import index_attachment, rebuild_indexes
from hushnote.errors import UnsupportedVersionError

__all__ = ["COUNTED_TABLES", "LATEST_VERSION", "MIGRATIONS", "migrate", "schema_version"]

# A statement, or code run with the connection inside the migration's transaction (for
# what SQL cannot compute). Code runs as it is today, so it must keep working on the
# schema of its own step.
Step = str | Callable[[Any], None]

_SETTINGS = (
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT""",
)

# Times are UTC milliseconds since the epoch; a journal day is the user's local date.
_STORES = (
    """CREATE TABLE notebooks (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE
    ) STRICT""",
    """CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        notebook_id INTEGER REFERENCES notebooks (id) ON DELETE SET NULL,
        journal_day TEXT,
        pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        trashed_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
    ) STRICT""",
    "CREATE INDEX notes_listing ON notes (trashed_at, pinned DESC, updated_at DESC)",
    "CREATE INDEX notes_notebook ON notes (notebook_id)",
    "CREATE INDEX notes_journal ON notes (journal_day) WHERE journal_day IS NOT NULL",
    """CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE
    ) STRICT""",
    """CREATE TABLE note_tags (
        note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
        PRIMARY KEY (note_id, tag_id)
    ) STRICT, WITHOUT ROWID""",
    "CREATE INDEX note_tags_tag ON note_tags (tag_id)",
    """CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        organization TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
    ) STRICT""",
    "CREATE INDEX contacts_name ON contacts (display_name COLLATE NOCASE)",
    """CREATE TABLE contact_methods (
        contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL
            CHECK (kind IN ('phone', 'email', 'signal', 'telegram', 'matrix', 'wire', 'other')),
        label TEXT NOT NULL DEFAULT '',
        value TEXT NOT NULL,
        PRIMARY KEY (contact_id, position)
    ) STRICT, WITHOUT ROWID""",
    """CREATE TABLE contact_tags (
        contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
        PRIMARY KEY (contact_id, tag_id)
    ) STRICT, WITHOUT ROWID""",
    "CREATE INDEX contact_tags_tag ON contact_tags (tag_id)",
    """CREATE TABLE lists (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
    ) STRICT""",
    """CREATE TABLE list_members (
        list_id INTEGER NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
        contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        added_at INTEGER NOT NULL,
        PRIMARY KEY (list_id, contact_id)
    ) STRICT, WITHOUT ROWID""",
    "CREATE INDEX list_members_contact ON list_members (contact_id)",
    """CREATE TABLE note_contacts (
        note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
        contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        PRIMARY KEY (note_id, contact_id)
    ) STRICT, WITHOUT ROWID""",
    "CREATE INDEX note_contacts_contact ON note_contacts (contact_id)",
    # Contentless: the index holds no copy of the text (snippets are built from the
    # tables), and secure-delete removes every trace of deleted rows from the index.
    """CREATE VIRTUAL TABLE notes_index USING fts5 (
        title, body, tags,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
    "INSERT INTO notes_index (notes_index, rank) VALUES ('secure-delete', 1)",
    """CREATE VIRTUAL TABLE contacts_index USING fts5 (
        name, handles, organization, notes,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
    "INSERT INTO contacts_index (contacts_index, rank) VALUES ('secure-delete', 1)",
)

_BODIES_APART = (
    """CREATE TABLE note_bodies (
        note_id INTEGER PRIMARY KEY REFERENCES notes (id) ON DELETE CASCADE,
        body TEXT NOT NULL
    ) STRICT""",
    "INSERT INTO note_bodies (note_id, body) SELECT id, body FROM notes",
    "ALTER TABLE notes DROP COLUMN body",
    "DROP INDEX notes_listing",
    "CREATE INDEX notes_listing ON notes (trashed_at, archived, pinned DESC, updated_at DESC)",
    "DROP INDEX notes_notebook",
    "CREATE INDEX notes_notebook ON notes (notebook_id, trashed_at, archived)",
    "DROP INDEX notes_journal",
    """CREATE INDEX notes_journal ON notes (journal_day, trashed_at, archived)
        WHERE journal_day IS NOT NULL""",
)

_VAULT_STATE = (
    """CREATE TABLE vault_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        counter INTEGER NOT NULL,
        digest BLOB NOT NULL
    ) STRICT""",
    "INSERT INTO vault_state (id, counter, digest) VALUES (1, 0, zeroblob(32))",
    """CREATE TABLE record_macs (
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        mac BLOB NOT NULL,
        PRIMARY KEY (kind, key)
    ) STRICT, WITHOUT ROWID""",
)

# Contentless indexes that are told each record's old values when it leaves (FTS5's
# 'delete' command), so that secure-delete removes its terms from the index pages. With
# contentless_delete, FTS5 knew only the row id and recorded a tombstone beside terms it
# could not find. The old tables go (secure_delete zeroes their pages) with whatever they
# kept, and every note and contact is indexed afresh by today's code (core/store/text_index.py).
_INDEX_FORGETS: tuple[Step, ...] = (
    "DROP TABLE notes_index",
    """CREATE VIRTUAL TABLE notes_index USING fts5 (
        title, body, tags,
        content = '',
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
    "INSERT INTO notes_index (notes_index, rank) VALUES ('secure-delete', 1)",
    "DROP TABLE contacts_index",
    """CREATE VIRTUAL TABLE contacts_index USING fts5 (
        name, handles, organization, notes,
        content = '',
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
    "INSERT INTO contacts_index (contacts_index, rank) VALUES ('secure-delete', 1)",
    rebuild_indexes,
    # One segment each: a deletion looks each term up in every segment, and at 100,000
    # notes that took five times longer in the dozen segments a rebuild leaves.
    "INSERT INTO notes_index (notes_index) VALUES ('optimize')",
    "INSERT INTO contacts_index (contacts_index) VALUES ('optimize')",
)

# A colleague's age public key on the contact (one at most: docs/bundle-format.md), so
# that a bundle can be sent to a person rather than to a pasted string. NULL: none.
_CONTACT_KEYS = (
    "ALTER TABLE contacts ADD COLUMN age_recipient TEXT "
    "CHECK (age_recipient IS NULL OR age_recipient GLOB 'age1*')",
)

# Files attached to notes (core/attachments/): each row holds the only copy of the key of
# one encrypted file in the vault's attachments folder, so deleting the row (secure_delete,
# then the WAL scrubbed) is what destroys the file's content; the file is unlinked after.
_ATTACHMENTS = (
    """CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        sha256 BLOB NOT NULL CHECK (length(sha256) = 32),
        blob TEXT NOT NULL UNIQUE CHECK (length(blob) = 32),
        blob_key BLOB NOT NULL CHECK (length(blob_key) = 32),
        removed TEXT NOT NULL DEFAULT '[]',
        created_at INTEGER NOT NULL
    ) STRICT""",
    "CREATE INDEX attachments_note ON attachments (note_id, created_at)",
)


def _index_attachment_names(connection: Any) -> None:
    """Attachments made before step 8 are indexed by their names (their text was never
    extracted, and a migration cannot reach their files)."""
    for (attachment_id,) in connection.execute("SELECT id FROM attachments").fetchall():
        index_attachment(connection, attachment_id)


# Search finds notes by their attachments (docs/search.md#attachments). The text extracted
# from a file is kept, because taking its words out of the contentless index needs the
# exact values it was indexed with, and extraction bounded by time cannot promise to give
# the same text twice. A separate index, so that saving a note never reindexes a PDF.
_ATTACHMENT_SEARCH: tuple[Step, ...] = (
    """CREATE TABLE attachment_text (
        attachment_id INTEGER PRIMARY KEY REFERENCES attachments (id) ON DELETE CASCADE,
        text TEXT NOT NULL
    ) STRICT""",
    """CREATE VIRTUAL TABLE attachments_index USING fts5 (
        name, text,
        content = '',
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
    "INSERT INTO attachments_index (attachments_index, rank) VALUES ('secure-delete', 1)",
    _index_attachment_names,
)

# Shared notebooks (docs/sync-format.md): a space is tied to one notebook; what this vault
# knows of it (keys, members, how far each device's files were applied) and each shared
# note's merge state live here, encrypted with everything else.
_SPACES: tuple[Step, ...] = (
    """CREATE TABLE spaces (
        id TEXT PRIMARY KEY CHECK (length(id) = 32),
        notebook_id INTEGER NOT NULL UNIQUE REFERENCES notebooks (id) ON DELETE RESTRICT,
        folder TEXT NOT NULL,
        device TEXT NOT NULL CHECK (length(device) = 32),
        member TEXT NOT NULL CHECK (length(member) = 32),
        signing_key BLOB NOT NULL CHECK (length(signing_key) = 32),
        admin INTEGER NOT NULL CHECK (admin IN (0, 1)),
        next_seq INTEGER NOT NULL,
        last_hash BLOB NOT NULL,
        clock TEXT NOT NULL,
        outbox TEXT NOT NULL DEFAULT '[]',
        hello TEXT,
        base_size INTEGER NOT NULL DEFAULT 0,
        last_pass INTEGER,
        last_ok INTEGER,
        problem TEXT
    ) STRICT""",
    """CREATE TABLE space_keys (
        space_id TEXT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
        epoch INTEGER NOT NULL,
        key BLOB NOT NULL CHECK (length(key) = 32),
        PRIMARY KEY (space_id, epoch)
    ) STRICT""",
    """CREATE TABLE space_members (
        space_id TEXT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
        member TEXT NOT NULL,
        recipient TEXT NOT NULL,
        device TEXT NOT NULL,
        signing_key BLOB,
        invite_key BLOB,
        label TEXT NOT NULL DEFAULT '',
        admin INTEGER NOT NULL DEFAULT 0,
        removed_after INTEGER,
        PRIMARY KEY (space_id, member),
        UNIQUE (space_id, device)
    ) STRICT""",
    """CREATE TABLE space_seen (
        space_id TEXT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
        device TEXT NOT NULL,
        seq INTEGER NOT NULL,
        hash BLOB NOT NULL,
        PRIMARY KEY (space_id, device)
    ) STRICT""",
    """CREATE TABLE space_notes (
        space_id TEXT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
        uuid TEXT NOT NULL,
        state BLOB,
        fields TEXT NOT NULL DEFAULT '{}',
        created_ms INTEGER NOT NULL DEFAULT 0,
        mark TEXT NOT NULL DEFAULT '',
        pending BLOB,
        dirty TEXT NOT NULL DEFAULT '[]',
        purged TEXT,
        base TEXT,
        PRIMARY KEY (space_id, uuid)
    ) STRICT""",
    # A pass with nothing new reads only these: the notes of the shared notebook and
    # their change marks, never the pages holding merge states.
    "CREATE INDEX space_notes_marks ON space_notes (space_id, uuid, mark, purged)",
    "CREATE INDEX space_notes_waiting ON space_notes (space_id, uuid) "
    "WHERE pending IS NOT NULL OR dirty != '[]'",
    "CREATE INDEX notes_sync ON notes (notebook_id, uuid, updated_at, trashed_at)",
    # Files refused for good, by content: not decrypted and checked again every pass.
    """CREATE TABLE space_refused (
        space_id TEXT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
        device TEXT NOT NULL,
        seq INTEGER NOT NULL,
        hash BLOB NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (space_id, device, seq)
    ) STRICT""",
    # Contact lists shared in a space: the name and each membership by last writer wins.
    """CREATE TABLE space_lists (
        space_id TEXT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
        uuid TEXT NOT NULL UNIQUE,
        name TEXT,
        members TEXT NOT NULL DEFAULT '{}',
        dirty TEXT NOT NULL DEFAULT '[]',
        purged TEXT,
        PRIMARY KEY (space_id, uuid)
    ) STRICT""",
    """CREATE TABLE space_contacts (
        space_id TEXT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
        uuid TEXT NOT NULL,
        fields TEXT NOT NULL DEFAULT '{}',
        mark TEXT NOT NULL DEFAULT '',
        dirty TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (space_id, uuid)
    ) STRICT""",
)

# Note history (docs/history.md): each revision's body is a zlib stream against the next
# newer revision's text (``delta`` 1) or alone (``delta`` 0, a keyframe), so the oldest
# can expire without breaking any chain. Never in a search index, never synced.
# ``note_history`` remembers each note's last revision number while it has revisions (a
# purge or an expiry that leaves none deletes it: it would tell how many were erased),
# and the modification time the last shared-notebook merge gave it (a burst of merges
# keeps one revision).
_HISTORY = (
    """CREATE TABLE note_revisions (
        id INTEGER PRIMARY KEY,
        note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
        number INTEGER NOT NULL CHECK (number >= 1),
        made_at INTEGER NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('edit', 'revert', 'merge', 'import')),
        title TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        delta INTEGER NOT NULL CHECK (delta IN (0, 1)),
        content BLOB NOT NULL,
        UNIQUE (note_id, number)
    ) STRICT""",
    # Expiry deletes by age across every note.
    "CREATE INDEX note_revisions_age ON note_revisions (made_at)",
    """CREATE TABLE note_history (
        note_id INTEGER PRIMARY KEY REFERENCES notes (id) ON DELETE CASCADE,
        last_number INTEGER NOT NULL,
        merged_at INTEGER
    ) STRICT""",
)

# Travel mode (docs/travel.md): what the owner marks to stay home when the laptop travels.
# A column on the rows themselves, not a table or a setting of its own, so that a vault
# during travel, where no marked row remains, is the same shape as one that never
# travelled: every vault has these columns, all 0.
_STAYS_HOME = (
    "ALTER TABLE notebooks ADD COLUMN stays_home INTEGER NOT NULL DEFAULT 0 "
    "CHECK (stays_home IN (0, 1))",
    "ALTER TABLE lists ADD COLUMN stays_home INTEGER NOT NULL DEFAULT 0 "
    "CHECK (stays_home IN (0, 1))",
)

MIGRATIONS: tuple[tuple[Step, ...], ...] = (
    # 1: preferences that describe the user's data (auto-lock time, last note) stay
    #    encrypted here instead of in Qt settings.
    _SETTINGS,
    # 2: notes, journal, contacts, lists, links, and their full-text indexes.
    _STORES,
    # 3: bodies in their own table, so that lists, counts and the sidebar never read
    #    them (a 100,000-note listing scanned 150 MB before), and covering indexes for
    #    the counts by state and notebook.
    _BODIES_APART,
    # 4: a write counter and per-record MACs, so that a database (or some of its pages)
    #    put back from an older copy is detected (core/store/record_integrity.py).
    _VAULT_STATE,
    # 5: deleted words leave the full-text indexes at once (docs/search.md).
    _INDEX_FORGETS,
    # 6: a contact may hold a colleague's age public key (core/formats/age_keys.py).
    _CONTACT_KEYS,
    # 7: files attached to notes.
    _ATTACHMENTS,
    # 8: attachments found by search: their names and the text of PDFs and text files.
    _ATTACHMENT_SEARCH,
    # 9: shared notebooks.
    _SPACES,
    # 10: the search indexes built again from the records, with the old ones' pages
    #     zeroed: an edit that kept a word while making it fill much more of the note
    #     left the word's old entry behind (an FTS5 flush bug, docs/search.md), where it
    #     came back once the word was edited out.
    _INDEX_FORGETS,
    # 11: note history: revisions kept as notes are edited, reverted, merged, imported.
    _HISTORY,
    # 12: notebooks and contact lists marked to stay home during travel.
    _STAYS_HOME,
)

LATEST_VERSION = len(MIGRATIONS)

# What `hushnote info --unlock` counts: a label and the table holding those records.
COUNTED_TABLES: dict[str, str] = {
    "notes": "notes",
    "contacts": "contacts",
    "lists": "lists",
    "settings": "settings",
    "attachments": "attachments",
    "revisions": "note_revisions",
}


def schema_version(db: Database) -> int:
    version: int = db.pragma_value("user_version")
    return version


def migrate(db: Database, *, target: int | None = None) -> int:
    """Bring ``db`` up to ``target``; return the version it started at.

    A database newer than this code is refused untouched rather than half-understood.
    """
    start = schema_version(db)
    if start > LATEST_VERSION:
        raise UnsupportedVersionError(what="schema", version=start)
    final = LATEST_VERSION if target is None else target
    for version in range(start + 1, final + 1):
        with db.transaction() as connection:
            for step in MIGRATIONS[version - 1]:
                if callable(step):
                    step(connection)
                else:
                    connection.execute(step)
            connection.execute(f"PRAGMA user_version = {version:d}")
    if final > start:
        # A migration may free pages that held deleted text (5): their zeroed versions
        # are in the WAL, and only a checkpoint writes them over the old ones.
        db.checkpoint()
    return start
