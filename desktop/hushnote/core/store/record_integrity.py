"""Per-record MACs and a vault-wide digest, so that a page put back from an older copy shows.

SQLCipher's page HMAC binds a page to its number, not to its version: a 4 KiB page
copied from last week's ``vault.db`` authenticates perfectly. So every record (a note
with its body, tags and links; a contact with its numbers and tags; a list with its
members; a tag; a notebook; a setting; an attachment with the text search took from
it; a note's revision) also carries an HMAC-SHA256 of its content under the vault's
integrity key (kept in the header, ``vault_state``), in ``record_macs``. The
XOR of all of them, and a counter bumped by every write, sit in ``vault_state``.

- Reading a note or contact recomputes its MAC: a page rolled back under any one of
  its rows (the note, its body, its tags, its MAC) no longer matches.
- ``hushnote check`` recomputes every MAC and their XOR: any page rolled back, alone or
  with others, shows unless the whole database went back together.
- A whole database put back has a lower counter than the header recorded at the last
  unlock or lock (``Vault``); the header itself is the limit of what a folder can
  prove about itself (docs/vault-format.md#vault-state).

Which records a transaction changed is collected by TEMP triggers (they live in the
connection, not in the file, and use no application function, so
``trusted_schema = OFF`` stays on), and their MACs are recomputed just before COMMIT
in the same transaction. Cascading deletes fire the triggers too.

The XOR of keyed MACs of distinct (kind, key) records is a secure set MAC while the key
is secret; a duplicate cannot occur because (kind, key) is the primary key.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Iterable, Iterator
from typing import Any

from hushnote.core.store.database import Database
from hushnote.errors import VaultRollbackError

__all__ = ["RecordSeal", "install_triggers"]

_MAC_SIZE = 32
# What a record is made of, by kind: one query per kind yielding (key, canonical JSON).
# Relations are part of the record that owns them, so a rolled-back page of note_tags
# changes the note's MAC.
_RECORDS = {
    "note": (
        "SELECT n.id, json_array(n.uuid, n.title, b.body, n.notebook_id, n.journal_day, "
        "n.pinned, n.archived, n.trashed_at, n.created_at, n.updated_at, "
        "(SELECT json_group_array(tag_id) FROM (SELECT tag_id FROM note_tags "
        "WHERE note_id = n.id ORDER BY tag_id)), "
        "(SELECT json_group_array(contact_id) FROM (SELECT contact_id FROM note_contacts "
        "WHERE note_id = n.id ORDER BY contact_id))) "
        "FROM notes n LEFT JOIN note_bodies b ON b.note_id = n.id"
    ),
    "contact": (
        "SELECT c.id, json_array(c.uuid, c.display_name, c.organization, c.role, c.notes, "
        "c.created_at, c.updated_at, "
        "(SELECT json_group_array(json_array(position, kind, label, value)) FROM "
        "(SELECT * FROM contact_methods WHERE contact_id = c.id ORDER BY position)), "
        "(SELECT json_group_array(tag_id) FROM (SELECT tag_id FROM contact_tags "
        "WHERE contact_id = c.id ORDER BY tag_id)), c.age_recipient) FROM contacts c"
    ),
    "list": (
        "SELECT l.id, json_array(l.uuid, l.name, l.created_at, l.updated_at, "
        "(SELECT json_group_array(json_array(contact_id, added_at)) FROM "
        "(SELECT contact_id, added_at FROM list_members WHERE list_id = l.id "
        "ORDER BY contact_id))) FROM lists l"
    ),
    "tag": "SELECT t.id, json_array(t.name) FROM tags t",
    "notebook": "SELECT nb.id, json_array(nb.name) FROM notebooks nb",
    "setting": "SELECT s.key, json_array(s.value) FROM settings s",
    "attachment": (
        "SELECT a.id, json_array(a.uuid, a.note_id, a.name, a.kind, a.size, hex(a.sha256), "
        "a.blob, hex(a.blob_key), a.removed, a.created_at, "
        "(SELECT text FROM attachment_text WHERE attachment_id = a.id)) FROM attachments a"
    ),
    # A note's revision, its compressed text included: a page put back under it would
    # bring back a text its owner purged.
    "revision": (
        "SELECT r.id, json_array(r.note_id, r.number, r.made_at, r.reason, r.title, r.size, "
        "r.delta, hex(r.content)) FROM note_revisions r"
    ),
    # A shared notebook with its keys, members and how far each device was applied: a
    # page put back under it could un-remove a seized device or reuse sequence numbers.
    "space": (
        "SELECT sp.id, json_array(sp.notebook_id, sp.folder, sp.device, sp.member, "
        "hex(sp.signing_key), sp.admin, sp.next_seq, hex(sp.last_hash), sp.clock, sp.outbox, "
        "sp.hello, sp.base_size, sp.last_pass, sp.last_ok, sp.problem, "
        "(SELECT json_group_array(json_array(epoch, hex(key))) FROM (SELECT epoch, key "
        "FROM space_keys WHERE space_id = sp.id ORDER BY epoch)), "
        "(SELECT json_group_array(json_array(member, recipient, device, hex(signing_key), "
        "hex(invite_key), label, admin, removed_after)) FROM (SELECT * FROM space_members "
        "WHERE space_id = sp.id ORDER BY member)), "
        "(SELECT json_group_array(json_array(device, seq, hex(hash))) FROM (SELECT * "
        "FROM space_seen WHERE space_id = sp.id ORDER BY device))) FROM spaces sp"
    ),
}
# Kinds whose key is text, not a row number.
_TEXT_KEYS = {"setting", "space"}
# The primary-key column of each query's main table, to select one record.
_KEY_COLUMN = {
    "note": "n.id",
    "contact": "c.id",
    "list": "l.id",
    "tag": "t.id",
    "notebook": "nb.id",
    "setting": "s.key",
    "attachment": "a.id",
    "revision": "r.id",
    "space": "sp.id",
}
# Table -> (kind, the column naming the owning record).
_TRACKED = {
    "notes": ("note", "id"),
    "note_bodies": ("note", "note_id"),
    "note_tags": ("note", "note_id"),
    "note_contacts": ("note", "note_id"),
    "contacts": ("contact", "id"),
    "contact_methods": ("contact", "contact_id"),
    "contact_tags": ("contact", "contact_id"),
    "lists": ("list", "id"),
    "list_members": ("list", "list_id"),
    "tags": ("tag", "id"),
    "notebooks": ("notebook", "id"),
    "settings": ("setting", "key"),
    "attachments": ("attachment", "id"),
    "attachment_text": ("attachment", "attachment_id"),
    "note_revisions": ("revision", "id"),
    "spaces": ("space", "id"),
    "space_keys": ("space", "space_id"),
    "space_members": ("space", "space_id"),
    "space_seen": ("space", "space_id"),
}


def install_triggers(db: Database) -> None:
    """Collect the (kind, key) of every changed record into ``temp.hn_changed``."""
    statements = [
        "CREATE TEMP TABLE IF NOT EXISTS hn_changed "
        "(kind TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID"
    ]
    for table, (kind, column) in _TRACKED.items():
        for event, rows in (("INSERT", ("NEW",)), ("DELETE", ("OLD",)), ("UPDATE", ("OLD", "NEW"))):
            # Not INSERT OR IGNORE: a statement's own OR clause (an INSERT OR REPLACE
            # in a store) overrides the one in the trigger it fires.
            body = " ".join(
                f"INSERT INTO temp.hn_changed SELECT '{kind}', CAST({row}.{column} AS TEXT) "  # noqa: S608 - fixed names
                f"WHERE NOT EXISTS (SELECT 1 FROM temp.hn_changed WHERE kind = '{kind}' "
                f"AND key = CAST({row}.{column} AS TEXT));"
                for row in rows
            )
            statements.append(
                f"CREATE TEMP TRIGGER IF NOT EXISTS hn_{table}_{event.lower()} "
                f"AFTER {event} ON main.{table} BEGIN {body} END"
            )
    for statement in statements:
        db.execute(statement)


def _xor(left: bytes, right: bytes) -> bytes:
    return (int.from_bytes(left, "big") ^ int.from_bytes(right, "big")).to_bytes(_MAC_SIZE, "big")


class RecordSeal:
    """Keeps ``record_macs`` and ``vault_state`` in step with the records, and checks them."""

    def __init__(self, integrity_key: bytes) -> None:
        self._key = bytes(integrity_key)

    def mac(self, kind: str, key: object, canonical: str) -> bytes:
        message = f"{kind}\x00{key}\x00{canonical}".encode()
        return hmac.digest(self._key, message, "sha256")

    def _current(self, connection: Any, kind: str, keys: list[str]) -> Iterator[tuple[str, bytes]]:
        """(key, MAC) of the records of ``kind`` among ``keys`` that exist now."""
        # One statement text whatever the number of keys (a JSON array parameter): texts
        # that vary would push the stores' statements out of SQLite's statement cache.
        rows = connection.execute(
            f"{_RECORDS[kind]} WHERE {_KEY_COLUMN[kind]} IN "  # noqa: S608 - fixed text
            "(SELECT value FROM json_each(?))",
            (json.dumps(keys if kind in _TEXT_KEYS else [int(key) for key in keys]),),
        ).fetchall()
        for key, canonical in rows:
            yield str(key), self.mac(kind, key, canonical)

    # -- keeping step ------------------------------------------------------------------

    def before_commit(self, connection: Any) -> None:
        """Reseal what this transaction changed, and bump the counter (same transaction)."""
        changed = connection.execute("SELECT kind, key FROM temp.hn_changed").fetchall()
        if not changed:
            return
        by_kind: dict[str, list[str]] = {}
        for kind, key in changed:
            by_kind.setdefault(kind, []).append(key)
        digest = connection.execute("SELECT digest FROM vault_state WHERE id = 1").fetchone()[0]
        for kind, keys in by_kind.items():
            old = dict(self._stored(connection, kind, keys))
            new = dict(self._current(connection, kind, keys))
            for key in keys:
                if key in old:
                    digest = _xor(digest, old[key])
                if key in new:
                    digest = _xor(digest, new[key])
            connection.executemany(
                "DELETE FROM record_macs WHERE kind = ? AND key = ?",
                [(kind, key) for key in keys if key not in new],
            )
            connection.executemany(
                "INSERT OR REPLACE INTO record_macs (kind, key, mac) VALUES (?, ?, ?)",
                [(kind, key, mac) for key, mac in new.items()],
            )
        connection.execute(
            "UPDATE vault_state SET counter = counter + 1, digest = ? WHERE id = 1", (digest,)
        )
        connection.execute("DELETE FROM temp.hn_changed")

    @staticmethod
    def _stored(connection: Any, kind: str, keys: list[str]) -> Iterable[tuple[str, bytes]]:
        rows: Iterable[tuple[str, bytes]] = connection.execute(
            "SELECT key, mac FROM record_macs WHERE kind = ? AND key IN "
            "(SELECT value FROM json_each(?))",
            (kind, json.dumps(keys)),
        ).fetchall()
        return rows

    def reseal_all(self, db: Database) -> None:
        """Recompute every MAC and the digest (a new key, or after a migration)."""
        with db.transaction() as connection:
            connection.execute("DELETE FROM record_macs")
            digest = bytes(_MAC_SIZE)
            for kind, sql in _RECORDS.items():
                rows = [
                    (kind, str(key), self.mac(kind, key, canonical))
                    for key, canonical in connection.execute(sql).fetchall()
                ]
                for _, _, mac in rows:
                    digest = _xor(digest, mac)
                connection.executemany(
                    "INSERT INTO record_macs (kind, key, mac) VALUES (?, ?, ?)", rows
                )
            connection.execute("UPDATE vault_state SET digest = ? WHERE id = 1", (digest,))
            connection.execute("DELETE FROM temp.hn_changed")

    # -- checking ----------------------------------------------------------------------

    def verify(self, db: Database, kind: str, key: object) -> None:
        """Raise ``VaultRollbackError`` unless the record's content matches its MAC."""
        connection = db.connection
        stored = dict(self._stored(connection, kind, [str(key)]))
        current = dict(self._current(connection, kind, [str(key)]))
        if stored != current:
            raise VaultRollbackError(what=kind)

    def problems(self, db: Database) -> list[str]:
        """Every mismatch between the records, their MACs and the digest (counts only)."""
        connection = db.connection
        problems = []
        digest = bytes(_MAC_SIZE)
        for kind, sql in _RECORDS.items():
            current = {
                str(key): self.mac(kind, key, canonical)
                for key, canonical in connection.execute(sql).fetchall()
            }
            stored = dict(
                connection.execute(
                    "SELECT key, mac FROM record_macs WHERE kind = ?", (kind,)
                ).fetchall()
            )
            for mac in stored.values():
                digest = _xor(digest, mac)
            differing = sum(1 for key, mac in current.items() if stored.get(key) != mac)
            missing = sum(1 for key in stored if key not in current)
            if differing:
                problems.append(
                    f"{differing} {kind} record(s) do not match their MAC: an older copy of "
                    "part of the database was put back, or it was changed without the key"
                )
            if missing:
                problems.append(f"{missing} {kind} record(s) have a MAC but no longer exist")
        recorded = connection.execute("SELECT digest FROM vault_state WHERE id = 1").fetchone()
        if recorded is None or recorded[0] != digest:
            problems.append(
                "the record digest does not match the records' MACs: pages of the database "
                "are older than the rest"
            )
        return problems


def counter(db: Database) -> int:
    """The database's write counter (0 before the first tracked write)."""
    row = db.row("SELECT counter FROM vault_state WHERE id = 1")
    return int(row[0]) if row is not None else 0
