"""The travel member: what a travel bundle carries besides the records.

The records (notes, contacts, lists, links, attachments) say what a bundle always says;
this member adds what only travel needs to put back exactly: the marks (so that the
next trip takes the same things), which notes were in the trash and since when, and a
shared notebook's space (keys, members, how far each device was read, each note's merge
state), so that syncing resumes where it stopped instead of starting over or publishing
stale content over the members' edits. One JSON object a line; binary values are
``{"b64": ...}``. Each line is checked here before anything is written.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

from hushnote.core.formats.bundle_records import TRAVEL_MEMBER
from hushnote.core.store.text_index import index_note, note_entry
from hushnote.core.travel.marks import MARKED_NOTES
from hushnote.errors import BundleFormatError

__all__ = ["SPACE_TABLES", "capture", "restore", "seal", "sealed_by"]

# A space's tables, parents first. Each row is keyed by the space's id.
SPACE_TABLES = (
    "spaces",
    "space_keys",
    "space_members",
    "space_seen",
    "space_notes",
    "space_refused",
    "space_lists",
    "space_contacts",
)
_MAX_TIME = 1 << 53


def _encode(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return {"b64": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) != {"b64"} or not isinstance(value["b64"], str):
            raise ValueError("not a value")
        return base64.b64decode(value["b64"], validate=True)
    if value is None or (isinstance(value, str | int) and not isinstance(value, bool)):
        return value
    raise ValueError("not a value")


def _seal_key(identity_secret: str) -> bytes:
    """The key that seals a travel member: only the vault holding this age identity
    (kept in its encrypted settings, unchanged by a key rotation) can make it."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"hushnote travel seal v1"
    ).derive(identity_secret.encode("ascii"))


def _seal_mac(key: bytes, records: list[dict[str, Any]]) -> str:
    mac = hmac.new(key, digestmod=hashlib.sha256)
    for record in records:
        canonical = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        mac.update(canonical.encode() + b"\n")
    return mac.hexdigest()


def seal(member: bytes, identity_secret: str) -> bytes:
    """``member`` with a last line that proves this vault wrote it: an HMAC-SHA256 over
    its records, in a canonical form, under a key derived from the vault's identity."""
    records = [json.loads(line) for line in member.decode().splitlines() if line]
    line = {"kind": "seal", "mac": _seal_mac(_seal_key(identity_secret), records)}
    return member + (json.dumps(line) + "\n").encode()


def sealed_by(records: list[dict[str, Any]], identity_secret: str | None) -> bool:
    """Whether ``records`` (a travel member read back, seal last) were written by the
    vault holding ``identity_secret``. Anyone can encrypt a bundle to a vault's public
    key, so what a travel bundle restores beyond ordinary records (a shared notebook's
    keys and membership) is taken only from one this vault sealed."""
    if identity_secret is None or not records or records[-1].get("kind") != "seal":
        return False
    claimed = records[-1].get("mac")
    if not isinstance(claimed, str):
        return False
    expected = _seal_mac(_seal_key(identity_secret), records[:-1])
    return hmac.compare_digest(expected, claimed)


def _columns(connection: Any, table: str) -> list[str]:
    return [str(row[1]) for row in connection.execute(f"PRAGMA table_info({table})")]


def capture(connection: Any) -> bytes:
    """The travel member's bytes, read inside the caller's transaction or turn."""
    lines: list[dict[str, Any]] = []
    for (name,) in connection.execute(
        "SELECT name FROM notebooks WHERE stays_home = 1 ORDER BY name"
    ).fetchall():
        lines.append({"kind": "notebook", "name": name})
    for uuid, name in connection.execute(
        "SELECT uuid, name FROM lists WHERE stays_home = 1 ORDER BY name"
    ).fetchall():
        lines.append({"kind": "list", "uuid": uuid, "name": name})
    for uuid, at in connection.execute(
        f"SELECT uuid, trashed_at FROM notes WHERE id IN ({MARKED_NOTES}) "  # noqa: S608
        "AND trashed_at IS NOT NULL"
    ).fetchall():
        lines.append({"kind": "trashed", "uuid": uuid, "at": at})
    spaces = [
        (str(row[0]), str(row[1]))
        for row in connection.execute(
            "SELECT s.id, nb.name FROM spaces s JOIN notebooks nb ON nb.id = s.notebook_id "
            "WHERE nb.stays_home = 1"
        ).fetchall()
    ]
    for space_id, notebook in spaces:
        for table in SPACE_TABLES:
            columns = _columns(connection, table)
            key = "id" if table == "spaces" else "space_id"
            for row in connection.execute(
                f"SELECT * FROM {table} WHERE {key} = ?",  # noqa: S608 - fixed names
                (space_id,),
            ).fetchall():
                record = {
                    column: _encode(value) for column, value in zip(columns, row, strict=True)
                }
                if table == "spaces":
                    record["notebook_id"] = notebook  # ids differ from vault to vault
                lines.append({"kind": "space", "table": table, "row": record})
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode()


def restore(
    connection: Any,
    records: list[dict[str, Any]],
    *,
    spaces: bool,
    road: set[str],
    set_apart: list[tuple[str, str]] | None = None,
) -> list[str]:
    """Put the marks, the trash and (if ``spaces``: the bundle is sealed by this vault)
    the shared notebooks back, inside the merge's transaction; return the names of the
    shared notebooks left out because the bundle was not sealed here. ``set_apart``
    receives (shared notebook, the private notebook its road notes moved to).

    A space this vault already holds again (joined afresh on the road) is left as it
    is: its state is newer than the bundle's. ``road`` holds the uuids of notes that
    were on the laptop before the merge: one in a notebook whose shared state comes
    back is moved to a notebook of its own first, so that nothing written on the road
    is ever published to the notebook's members."""
    skipped_spaces: set[str] = set()
    left_out: list[str] = []
    for number, record in enumerate(records, start=1):
        try:
            if record["kind"] == "seal":
                continue
            if record["kind"] == "space" and not spaces:
                if record["table"] == "spaces":
                    left_out.append(_text(record["row"]["notebook_id"]))
                continue
            if record["kind"] == "space" and record["table"] == "spaces":
                notebook = _text(record["row"]["notebook_id"])
                apart = _keep_road_notes_apart(connection, notebook, road)
                if apart is not None and set_apart is not None:
                    set_apart.append((notebook, apart))
            _restore_one(connection, record, skipped_spaces)
        except (ValueError, KeyError, TypeError):
            raise BundleFormatError(
                member=TRAVEL_MEMBER, line=number, reason="bad record"
            ) from None
    return left_out


def _keep_road_notes_apart(connection: Any, notebook: str, road: set[str]) -> str | None:
    """Move the notes written on the road into ``notebook`` (a private notebook of the
    same name as the shared one that stayed home) to a notebook of their own; its name,
    or None when there were none."""
    row = connection.execute("SELECT id FROM notebooks WHERE name = ?", (notebook,)).fetchone()
    if row is None or not road:
        return None
    moving = [
        note_id
        for note_id, uuid in connection.execute(
            "SELECT id, uuid FROM notes WHERE notebook_id = ?", (row[0],)
        ).fetchall()
        if uuid in road
    ]
    if not moving:
        return None
    suffix = 1
    name = f"{notebook} (on the road)"
    while connection.execute("SELECT 1 FROM notebooks WHERE name = ?", (name,)).fetchone():
        suffix += 1
        name = f"{notebook} (on the road {suffix})"
    apart = connection.execute("INSERT INTO notebooks (name) VALUES (?)", (name,)).lastrowid
    connection.executemany(
        "UPDATE notes SET notebook_id = ? WHERE id = ?", [(apart, note_id) for note_id in moving]
    )
    return name


def _restore_one(connection: Any, record: dict[str, Any], skipped: set[str]) -> None:
    kind = record["kind"]
    if kind == "notebook":
        name = _text(record["name"])
        connection.execute(
            "INSERT INTO notebooks (name) VALUES (?) ON CONFLICT DO NOTHING", (name,)
        )
        connection.execute("UPDATE notebooks SET stays_home = 1 WHERE name = ?", (name,))
    elif kind == "list":
        connection.execute(
            "UPDATE lists SET stays_home = 1 WHERE uuid = ?", (_text(record["uuid"]),)
        )
    elif kind == "trashed":
        at = record["at"]
        if not isinstance(at, int) or isinstance(at, bool) or not 0 <= at < _MAX_TIME:
            raise ValueError("not a time")
        row = connection.execute(
            "SELECT id FROM notes WHERE uuid = ? AND trashed_at IS NULL", (_text(record["uuid"]),)
        ).fetchone()
        if row is not None:  # back in the trash, and so out of search, as it was
            before = note_entry(connection, row[0])
            connection.execute("UPDATE notes SET trashed_at = ? WHERE id = ?", (at, row[0]))
            index_note(connection, row[0], before)
    elif kind == "space":
        _restore_row(connection, record, skipped)
    else:
        raise ValueError("unknown kind")


def _restore_row(connection: Any, record: dict[str, Any], skipped: set[str]) -> None:
    table = record["table"]
    if table not in SPACE_TABLES:
        raise ValueError("unknown table")
    row = record["row"]
    if not isinstance(row, dict):
        raise ValueError("not a row")
    columns = set(_columns(connection, table))
    values = {str(column): _decode(value) for column, value in row.items()}
    if not set(values) <= columns:
        raise ValueError("unknown column")
    space_id = values["id" if table == "spaces" else "space_id"]
    if table == "spaces":
        if connection.execute("SELECT 1 FROM spaces WHERE id = ?", (space_id,)).fetchone():
            skipped.add(str(space_id))
            return
        notebook = _text(values["notebook_id"])
        connection.execute(
            "INSERT INTO notebooks (name) VALUES (?) ON CONFLICT DO NOTHING", (notebook,)
        )
        values["notebook_id"] = connection.execute(
            "SELECT id FROM notebooks WHERE name = ?", (notebook,)
        ).fetchone()[0]
    elif space_id in skipped:
        return
    names = list(values)
    connection.execute(
        f"INSERT INTO {table} ({', '.join(names)}) "  # noqa: S608 - checked names
        f"VALUES ({', '.join('?' for _ in names)})",
        [values[name] for name in names],
    )


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > 1000:
        raise ValueError("not a name")
    return value
