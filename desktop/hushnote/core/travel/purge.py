"""Purging what stays home, once it is sealed in a verified bundle.

One transaction, with the same secure deletion as purging a note (``secure_delete``
zeroes freed space, split keys are repaired, then the WAL is checkpointed and zeroed),
so a crash leaves either all of it or none of it in the vault. A shared notebook's
space leaves with its keys and sync state and nothing is published: its rows go before
its notes, so no pass ever sees the notes leave (a purge must not reach the members).
"""

from __future__ import annotations

import contextlib
import os
from typing import Any

from hushnote.core.attachments.blob_folder import BlobFolder
from hushnote.core.attachments.store import release_unreferenced
from hushnote.core.formats.bundle_records import LEAVING_CONTACTS
from hushnote.core.store.database import Database
from hushnote.core.store.notes import delete_notes
from hushnote.core.store.tags import prune_tags, tag_ids_of
from hushnote.core.store.text_index import forget, removed_words, unindex_contact
from hushnote.core.travel.marks import MARKED_NOTES

__all__ = ["purge_marked"]

# Each full-text index, and the table whose rows it indexes.
_INDEXES = (
    ("notes_index", "notes"),
    ("contacts_index", "contacts"),
    ("attachments_index", "attachments"),
)


def purge_marked(db: Database, folder: BlobFolder, *, before_commit: Any = None) -> None:
    """Delete every marked notebook with its notes (the trash too), their history,
    attachments and links; every marked list, and the contacts only on marked lists;
    a marked shared notebook's space; the settings that name any of it.

    ``before_commit`` (tests: a kill -9 point) runs last inside the transaction."""
    with db.transaction() as connection:
        named = _what_leaves(connection)
        connection.execute(
            "DELETE FROM spaces WHERE notebook_id IN "
            "(SELECT id FROM notebooks WHERE stays_home = 1)"
        )
        contacts = [int(row[0]) for row in connection.execute(LEAVING_CONTACTS).fetchall()]
        notes = [int(row[0]) for row in connection.execute(MARKED_NOTES).fetchall()]
        removed = delete_notes(connection, notes)
        removed |= _delete_contacts(connection, contacts)
        connection.execute("DELETE FROM lists WHERE stays_home = 1")
        connection.execute("DELETE FROM notebooks WHERE stays_home = 1")
        _forget_settings(connection, named)
        forget(connection, removed)
        for index, records in _INDEXES:
            # One segment each, from what remains, or none when nothing remains: the
            # emptied segments the deletions left would otherwise show how much indexed
            # text left (their pages are zeroed on the way out, as every freed page is).
            left = connection.execute(f"SELECT 1 FROM {records} LIMIT 1").fetchone()  # noqa: S608
            command = "optimize" if left else "delete-all"
            connection.execute(f"INSERT INTO {index} ({index}) VALUES ('{command}')")  # noqa: S608
        if before_commit is not None:
            before_commit()
    db.checkpoint_after_commit()
    release_unreferenced(db, folder)
    # An attachments folder left empty would tell that the vault once held a file; a
    # vault that never did has none. rmdir removes only an empty folder, never a link.
    with contextlib.suppress(OSError):
        os.rmdir(folder.path)


def _delete_contacts(connection: Any, contact_ids: list[int]) -> set[str]:
    """As ``ContactStore.delete``, inside the caller's transaction."""
    removed: set[str] = set()
    for contact_id in contact_ids:
        tag_ids = tag_ids_of(connection, "contact", contact_id)
        removed |= removed_words(unindex_contact(connection, contact_id), None)
        connection.execute("DELETE FROM contacts WHERE id = ?", (contact_id,))
        prune_tags(connection, tag_ids)
    return removed


def _what_leaves(connection: Any) -> set[str]:
    """The ids of everything that leaves (random uuids and space ids): a setting holding
    one goes too."""
    rows = connection.execute(
        f"SELECT uuid FROM notes WHERE id IN ({MARKED_NOTES}) "  # noqa: S608 - fixed SQL
        "UNION ALL SELECT a.uuid FROM attachments a WHERE a.note_id IN "
        f"({MARKED_NOTES}) "
        f"UNION ALL SELECT uuid FROM contacts WHERE id IN ({LEAVING_CONTACTS}) "
        "UNION ALL SELECT uuid FROM lists WHERE stays_home = 1 "
        "UNION ALL SELECT s.id FROM spaces s JOIN notebooks nb ON nb.id = s.notebook_id "
        "WHERE nb.stays_home = 1"
    ).fetchall()
    return {str(row[0]) for row in rows}


def _forget_settings(connection: Any, ids: set[str]) -> None:
    """Settings that hold the id of something that left (the last note opened, say).
    Only ids are looked for: they are random, so one found in a value is a reference to
    it. Names are not: a notebook called "Off" must not take the history setting "off"
    with it."""
    for key, value in connection.execute("SELECT key, value FROM settings").fetchall():
        text = str(value)
        if any(found in text for found in ids):
            connection.execute("DELETE FROM settings WHERE key = ?", (key,))
