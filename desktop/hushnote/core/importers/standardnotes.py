"""Reading a Standard Notes backup: its JSON file, or a zip holding it, plain or encrypted.

A backup is ``{"version": "004", "items": [...], "keyParams": {...}}``. Notes come in with
their title, text (a "Super" note's Lexical JSON as Markdown), times, pinned and archived
flags; tags from the ``Tag`` items that reference them, a nested tag as "parent/child".
Standard Notes has no notebooks, so every note goes to the default one. Trashed notes are
left out (``Dropped("trashed")``); files are not in a backup (``missing-attachment``).
Encrypted items are opened with ``standardnotes_crypto``, in memory.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from hushnote.core.importers.archive import ExportFiles, iter_entries, open_export, parse_json
from hushnote.core.importers.lexical import LexicalError, to_markdown
from hushnote.core.importers.model import Dropped, ImportedNote, ImportSource, Limits
from hushnote.core.importers.standardnotes_crypto import Keyring, is_encrypted
from hushnote.core.importers.ticker import SpanTicker
from hushnote.core.store.database import Progress
from hushnote.errors import AppImportError

__all__ = ["read"]

APP = "standardnotes"
_APP_DATA = "org.standardnotes.sn"
_CHUNK = 1 << 20
_WANTED = ("Note", "Tag", "SN|File")


def read(
    paths: list[Path],
    *,
    limits: Limits = Limits(),  # noqa: B008 - frozen dataclass, never mutated
    progress: Progress | None = None,
    keep_locations: bool = False,
    passphrase: str | None = None,
) -> ImportSource:
    """Every note of the Standard Notes backups at ``paths``; ``AppImportError`` for a
    broken one. ``keep_locations`` is unused: notes carry no location."""
    del keep_locations
    source = ImportSource(app=APP, chosen=list(paths))
    tick = SpanTicker(progress)
    items: dict[str, dict[str, Any]] = {}
    try:
        for index, path in enumerate(paths):
            tick.span(index / len(paths), (index + 0.5) / len(paths))
            for name, backup in _backups(path, limits, tick):
                tick.span((index + 0.5) / len(paths), (index + 1) / len(paths))
                _decrypt(name, backup, items, limits, passphrase, tick)
        tick.span(0.95, 1.0)
        _build(items, source, limits, tick)
    except BaseException:
        source.close()
        raise
    return source


def _error(reason: str, file: str | None = None, item: str | None = None) -> AppImportError:
    context = {"source": APP, "reason": reason}
    if file:
        context["file"] = file
    if item:
        context["item"] = item[:200]
    return AppImportError(**context)


def _backups(path: Path, limits: Limits, tick: SpanTicker) -> list[tuple[str, dict[str, Any]]]:
    """The backup objects in ``path``: the file itself, or each JSON with ``items`` in
    a zip or folder."""
    handle = _open_file(path) if not path.is_dir() else None
    if handle is not None:
        with handle:
            head = handle.read(4)
            if not head.startswith(b"PK"):
                handle.seek(0)
                data = _read_capped(handle, limits.max_file_bytes, path.name, tick)
                backup = _parse(data, path.name, limits, tick)
                if backup is None:
                    raise _error("not-this-format", path.name)
                return [(path.name, backup)]
    files = open_export(path, source=APP, limits=limits)
    try:
        found = []
        for entry in iter_entries(files):
            if not entry.name.lower().endswith((".txt", ".json")):
                continue
            with files.open(entry) as stream:
                start = stream.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
            if not start.startswith(b"{"):
                continue  # a note's own text file, not the backup
            with files.open(entry) as stream:
                data = _read_capped(stream, limits.max_file_bytes, entry.name, tick)
            backup = _parse(data, entry.name, limits, tick, files)
            if backup is not None:
                found.append((entry.name, backup))
        if not found:
            raise _error("not-this-format", path.name)
        return found
    finally:
        files.close()


def _open_file(path: Path) -> IO[bytes]:
    """A regular file opened without following a link at its name."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise _error("not-found", path.name) from None
    except OSError:
        raise _error("unreadable", path.name) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise _error("unreadable", path.name)
    return os.fdopen(fd, "rb")


def _read_capped(stream: IO[bytes], cap: int, name: str, tick: SpanTicker) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(_CHUNK):
        size += len(chunk)
        if size > cap:
            raise _error("too-large", name)
        chunks.append(chunk)
        tick()
    return b"".join(chunks)


def _parse(
    data: bytes, name: str, limits: Limits, tick: SpanTicker, files: ExportFiles | None = None
) -> dict[str, Any] | None:
    """The backup object, parsed in one call (the JSON is one document, at most
    ``Limits.max_file_bytes``): progress is reported just before and just after it, so a
    Cancel pressed meanwhile is honoured as soon as it returns."""
    if files is None:
        files = ExportFiles(Path(name), APP, limits)
    tick(now=True)
    value = parse_json(data, files, name)
    tick(now=True)
    if not isinstance(value, dict) or not isinstance(value.get("items"), list):
        return None
    return value


def _decrypt(
    name: str,
    backup: dict[str, Any],
    items: dict[str, dict[str, Any]],
    limits: Limits,
    passphrase: str | None,
    tick: SpanTicker,
) -> None:
    """Add each wanted item of ``backup`` to ``items`` by uuid, its content opened."""
    raw_items: list[Any] = backup["items"]
    if len(items) + len(raw_items) > limits.max_entries:
        raise _error("too-many-entries", name)
    keyring: Keyring | None = None
    checked = []
    for raw in raw_items:
        if not isinstance(raw, dict):
            raise _error("bad-field", name)
        uuid, kind = raw.get("uuid"), raw.get("content_type")
        if not isinstance(uuid, str) or not uuid or not isinstance(kind, str):
            raise _error("bad-field", name)
        if raw.get("deleted") is True:
            continue
        content = raw.get("content")
        if isinstance(content, str) and is_encrypted(content):
            if passphrase is None:
                raise _error("passphrase-needed", name)
            if len(content) > 2 * limits.max_text_bytes + (1 << 20):
                raise _error("too-large", name, uuid)
            if keyring is None:
                keyring = Keyring(passphrase, backup.get("keyParams"), tick)
        checked.append(raw)
    try:
        for raw in checked:  # the items keys first: every other item needs one
            if (
                raw["content_type"] == "SN|ItemsKey"
                and keyring
                and is_encrypted(raw.get("content"))
            ):
                keyring.open_items_key(raw)
                tick()
        if keyring is not None:
            keyring.check_items_keys()
        for position, raw in enumerate(checked):
            tick.fraction = position / max(1, len(checked))
            tick()
            if raw["content_type"] not in _WANTED:
                continue
            content = raw.get("content")
            if keyring is not None and is_encrypted(content):
                content = keyring.open(raw)
            if not isinstance(content, dict):
                raise _error("bad-field", name, raw["uuid"])
            items[raw["uuid"]] = {**raw, "content": content, "_file": name}
    finally:
        if keyring is not None:
            keyring.close()


def _text(value: object, name: str, uuid: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _error("bad-field", name, uuid)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a JSON escape
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return value


def _time(value: object, micros: object, name: str, uuid: str) -> datetime | None:
    try:
        if isinstance(value, str) and value:
            when = datetime.fromisoformat(value)
            return (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(UTC)
        if isinstance(micros, int) and not isinstance(micros, bool):
            return datetime.fromtimestamp(micros / 1_000_000, UTC)
    except (ValueError, OverflowError, OSError):
        raise _error("bad-date", name, uuid) from None
    if value is not None and not isinstance(value, str):
        raise _error("bad-date", name, uuid)
    return None


def _flag(content: dict[str, Any], app_data: dict[str, Any], key: str) -> bool:
    return content.get(key) is True or app_data.get(key) is True


def _app_data(content: dict[str, Any]) -> dict[str, Any]:
    data = content.get("appData")
    mine = data.get(_APP_DATA) if isinstance(data, dict) else None
    return mine if isinstance(mine, dict) else {}


def _tag_paths(items: dict[str, dict[str, Any]], limits: Limits) -> dict[str, str]:
    """Each tag's name, a nested tag's as "parent/child", without recursion."""
    titles: dict[str, str] = {}
    parents: dict[str, str] = {}
    for uuid, item in items.items():
        if item["content_type"] != "Tag":
            continue
        content = item["content"]
        titles[uuid] = _text(content.get("title"), item["_file"], uuid).strip() or "untitled"
        for ref in _references(item):
            if ref.get("content_type") == "Tag" and ref.get("reference_type") in (
                None,
                "TagToParentTag",
            ):
                parents[uuid] = str(ref.get("uuid"))
                break
    paths: dict[str, tuple[str, int]] = {}
    for uuid in titles:
        chain: list[str] = []
        seen: set[str] = set()
        current: str | None = uuid
        while current is not None and current in titles and current not in paths:
            if current in seen:
                raise _error("bad-field", items[uuid]["_file"], titles[uuid])
            seen.add(current)
            chain.append(current)
            current = parents.get(current)
        base, depth = paths.get(current, ("", 0)) if current is not None else ("", 0)
        for tag in reversed(chain):
            depth += 1
            if depth > limits.max_depth:
                raise _error("too-deep", items[tag]["_file"], titles[tag])
            base = f"{base}/{titles[tag]}" if base else titles[tag]
            if len(base) > limits.max_name_chars:
                raise _error("name-too-long", items[tag]["_file"], titles[tag])
            paths[tag] = (base, depth)
    return {uuid: path for uuid, (path, _) in paths.items()}


def _references(item: dict[str, Any]) -> list[dict[str, Any]]:
    refs = item["content"].get("references")
    if refs is None:
        return []
    if not isinstance(refs, list) or not all(isinstance(ref, dict) for ref in refs):
        raise _error("bad-field", item["_file"], item["uuid"])
    return refs


def _build(
    items: dict[str, dict[str, Any]], source: ImportSource, limits: Limits, tick: SpanTicker
) -> None:
    tag_paths = _tag_paths(items, limits)
    note_tags: dict[str, dict[str, None]] = {}
    for uuid, path in tag_paths.items():
        for ref in _references(items[uuid]):
            target = ref.get("uuid")
            if ref.get("content_type") == "Note" and isinstance(target, str):
                note_tags.setdefault(target, {})[path] = None
        tick()
    for position, (uuid, item) in enumerate(items.items()):
        tick.fraction = position / max(1, len(items))
        tick()
        name, content = item["_file"], item["content"]
        if item["content_type"] == "SN|File":
            label = _text(content.get("name"), name, uuid) or uuid
            source.dropped.append(Dropped("missing-attachment", label))
            continue
        if item["content_type"] != "Note":
            continue
        note = _note(item, note_tags.get(uuid, {}), limits, tick)
        if content.get("trashed") is True:
            source.dropped.append(Dropped("trashed", note.title or uuid))
        else:
            source.notes.append(note)


def _note(
    item: dict[str, Any], tags: dict[str, None], limits: Limits, tick: Callable[[], None]
) -> ImportedNote:
    uuid, name, content = item["uuid"], item["_file"], item["content"]
    app_data = _app_data(content)
    title = _text(content.get("title"), name, uuid).strip()
    text = _text(content.get("text"), name, uuid)
    if len(text) > limits.max_text_bytes or (
        len(text) * 4 > limits.max_text_bytes and len(text.encode()) > limits.max_text_bytes
    ):
        raise _error("too-large", name, title or uuid)
    if content.get("noteType") == "super":
        try:
            text = to_markdown(text, max_depth=limits.max_depth, tick=tick)
        except LexicalError as error:
            raise _error(error.reason, name, title or uuid) from None
        text = _text(text, name, uuid)
    created = _time(item.get("created_at"), item.get("created_at_timestamp"), name, uuid)
    updated = _time(item.get("updated_at"), item.get("updated_at_timestamp"), name, uuid)
    try:
        updated = _time(app_data.get("client_updated_at"), None, name, uuid) or updated
    except AppImportError:
        pass  # the app's own modification date is a nicety: the server's one stands
    return ImportedNote(
        source_id=uuid,
        title=title,
        body=text,
        tags=tuple(tags),
        created_at=created,
        updated_at=updated,
        pinned=_flag(content, app_data, "pinned"),
        archived=_flag(content, app_data, "archived"),
    )
