"""Reading Day One JSON exports (a zip, or the folder it unzips to) into journal notes.

Each ``<Journal name>.json`` (``{"metadata": ..., "entries": [...]}``) is one notebook; each
entry becomes a note on the journal day its ``creationDate`` falls on in its own
``timeZone`` (UTC when the name is not a known zone). Media live beside the JSON as
``photos/<md5>.<type>`` (also ``videos/``, ``audios/``, ``pdfs/``), and the text points at
them with ``dayone-moment://<identifier>`` (``dayone-moment:/video/<identifier>`` and the
like): each becomes an attachment streamed from the archive and a Markdown reference to
it. Location and weather (which tells where too) are dropped unless ``keep_locations``.
See docs/importers.md#day-one.
"""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, date, datetime, tzinfo
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Any, TypeGuard
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hushnote.core.importers.archive import Entry, ExportFiles, iter_entries, open_export
from hushnote.core.importers.archive import parse_json as _parse_json
from hushnote.core.importers.file_names import UniqueNames
from hushnote.core.importers.model import (
    Dropped,
    ImportedAttachment,
    ImportedNote,
    ImportSource,
    Limits,
)
from hushnote.core.store.database import Progress
from hushnote.errors import AppImportError, CancelledError

__all__ = ["read"]

APP = "dayone"
# The entry's lists of media, and the folder each one's files are in.
_MEDIA = (("photos", "photos"), ("videos", "videos"), ("audios", "audios"),
          ("pdfAttachments", "pdfs"))  # fmt: skip
_MOMENT = re.compile(
    r"!?\[([^\[\]\n]{0,500})\]\(dayone-moment:/{1,2}"
    r"(?:(?:photo|video|audio|pdfAttachment)/)?([A-Za-z0-9-]{1,64})\)"
)
_TITLE_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")
_UNSAFE_NAME = re.compile(r"[\x00-\x1f/\\]")
_TYPE = re.compile(r"^[A-Za-z0-9]{1,10}$")
_MIME = {
    "jpeg": "image/jpeg", "jpg": "image/jpeg", "png": "image/png", "gif": "image/gif",
    "heic": "image/heic", "webp": "image/webp", "mov": "video/quicktime",
    "mp4": "video/mp4", "m4a": "audio/mp4", "aac": "audio/aac", "mp3": "audio/mpeg",
    "wav": "audio/wav", "pdf": "application/pdf",
}  # fmt: skip


def read(
    paths: list[Path],
    *,
    limits: Limits = Limits(),  # noqa: B008 - frozen dataclass, never mutated
    progress: Progress | None = None,
    keep_locations: bool = False,
    passphrase: str | None = None,
) -> ImportSource:
    """Every entry of every journal in the chosen exports; ``passphrase`` is not used
    (Day One's JSON export is not encrypted)."""
    del passphrase
    source = ImportSource(app=APP, chosen=list(paths))
    try:
        for path in paths:
            files = open_export(path, source=APP, limits=limits)
            source.on_close(files.close)
            _Export(files, limits, keep_locations, source, progress).read()
    except BaseException:
        source.close()
        raise
    if not source.notes and not source.dropped:
        source.close()
        raise AppImportError(source=APP, file=paths[0].name if paths else "", reason="empty")
    return source


class _Export:
    """One export: its journals, and the media files by folder and MD5."""

    def __init__(
        self,
        files: ExportFiles,
        limits: Limits,
        keep_locations: bool,
        source: ImportSource,
        progress: Progress | None,
    ) -> None:
        self.files, self.limits, self.keep_locations = files, limits, keep_locations
        self.source, self.progress = source, progress
        self.last_tick = 0.0
        # (folder, md5) -> the file, whatever its extension: the "type" may not match it.
        self.media: dict[tuple[str, str], Entry] = {}
        for name, entry in files.entries.items():
            path = PurePosixPath(name)
            if len(path.parts) >= 2:
                self.media.setdefault((str(path.parent), path.stem.lower()), entry)

    def read(self) -> None:
        self.source.dropped.extend(Dropped("link", name) for name in self.files.skipped)
        journals = 0
        for entry in iter_entries(self.files, ".json"):
            self.tick(0.0)
            data = self.files.read(entry, cap=self.limits.max_file_bytes)
            # One document, parsed in one call: reported just before and after, so a
            # Cancel pressed meanwhile is honoured as soon as the parse returns.
            self.tick(0.0, now=True)
            document = _parse_json(data, self.files, entry.name)
            del data
            self.tick(0.0, now=True)
            if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
                continue  # another JSON file inside the export
            journals += 1
            self.journal(entry, document["entries"])
        if not journals:
            raise self.files.error("not-this-format", self.files.root.name)

    def journal(self, entry: Entry, entries: list[Any]) -> None:
        if len(entries) > self.limits.max_entries:
            raise self.files.error("too-many-entries", entry.name)
        folder = str(entry.path.parent)
        notebook = entry.path.stem
        for index, item in enumerate(entries):
            if not isinstance(item, dict):
                raise self.files.error("bad-field", entry.name)
            self.source.notes.append(_Entry(self, entry.name, folder, notebook, item).note())
            self.tick((index + 1) / len(entries))

    def tick(self, fraction: float, *, now: bool = False) -> None:
        """Report, unless the last report is under 20 ms old (``now``: report anyway)."""
        if self.progress is None:
            return
        moment = time.monotonic()
        if not now and moment - self.last_tick < 0.02:
            return
        self.last_tick = moment
        if not self.progress(min(1.0, fraction)):
            raise CancelledError()


class _Entry:
    """One Day One entry, turned into a note."""

    def __init__(
        self, export: _Export, file: str, folder: str, notebook: str, item: dict[str, Any]
    ) -> None:
        self.export, self.file, self.folder = export, file, folder
        self.notebook, self.item = notebook, item
        try:  # JSON may spell a lone surrogate, which no UTF-8 text holds
            json.dumps(item, ensure_ascii=False).encode("utf-8")
        except (UnicodeError, ValueError, RecursionError):
            raise self.error("not-utf8", None) from None
        uuid = item.get("uuid")
        if not isinstance(uuid, str) or not uuid or len(uuid) > 200:
            raise self.error("bad-field", None)
        self.uuid = uuid
        self.title = uuid  # until the text is read: errors name the entry by its uuid
        self.missing: list[str] = []  # identifiers of media whose file is not there

    def error(self, reason: str, item: str | None) -> AppImportError:
        return self.export.files.error(reason, self.file, item)

    def field(self, key: str, kind: type, default: Any) -> Any:
        value = self.item.get(key, default)
        if value is None:
            return default
        if not isinstance(value, kind) or isinstance(value, bool) is not (kind is bool):
            raise self.error("bad-field", self.title)
        return value

    def note(self) -> ImportedNote:
        text: str = self.field("text", str, "")
        if len(text.encode("utf-8")) > self.export.limits.max_text_bytes:
            raise self.error("too-large", self.uuid)
        created = self.date("creationDate")
        zone = self.zone()
        try:
            day = created.astimezone(zone).date() if created else None
        except (OverflowError, ValueError):  # the first or last day there is
            day = created.date() if created else None
        self.title = _title(text, day)
        texts = (tag.strip()[:200] for tag in self.field("tags", list, []) if isinstance(tag, str))
        tags = tuple(dict.fromkeys(tag for tag in texts if tag))
        attachments = self.attachments()
        dropped: list[Dropped] = []
        body = self.references(text, attachments, dropped)
        body = self.location(body, dropped)
        self.export.source.dropped.extend(dropped)
        return ImportedNote(
            source_id=self.uuid,
            title=self.title,
            body=body,
            notebook=self.notebook,
            tags=tags,
            created_at=created,
            updated_at=self.date("modifiedDate"),
            journal_day=day,
            pinned=self.field("starred", bool, False),
            attachments=[attachment for attachment, _ in attachments.values()],
        )

    def date(self, key: str) -> datetime | None:
        raw = self.field(key, str, "")
        if not raw:
            return None
        try:
            value = datetime.fromisoformat(raw[:40])
            return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)
        except (ValueError, OverflowError):
            raise self.error("bad-date", self.title) from None

    def zone(self) -> tzinfo:
        name = self.item.get("timeZone")
        if not isinstance(name, str) or not name or len(name) > 100:
            return UTC
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError, TypeError):
            return UTC  # a zone this system does not know: the UTC day (documented)

    def attachments(self) -> dict[str, tuple[ImportedAttachment, bool]]:
        """By identifier: each media file found, and whether it is a picture."""
        found: dict[str, tuple[ImportedAttachment, bool]] = {}
        names = UniqueNames()
        for key, folder in _MEDIA:
            for media in self.field(key, list, []):
                if not isinstance(media, dict):
                    raise self.error("bad-field", self.title)
                identifier, md5 = media.get("identifier"), media.get("md5")
                kind = media.get("type")
                if not isinstance(identifier, str) or not isinstance(md5, str):
                    raise self.error("bad-field", self.title)
                kind = kind.lower() if isinstance(kind, str) and _TYPE.match(kind) else ""
                where = f"{self.folder}/{folder}" if self.folder != "." else folder
                entry = self.export.media.get((where, md5.lower()))
                if entry is None:
                    self.missing.append(identifier)
                    continue
                extension = PurePosixPath(entry.name).suffix.lstrip(".").lower() or kind
                raw_name = media.get("filename")
                name = _UNSAFE_NAME.sub("_", raw_name)[:200] if isinstance(raw_name, str) else ""
                name = names.claim(name or PurePosixPath(entry.name).name)
                attachment = ImportedAttachment(
                    source_id=f"{folder}/{md5.lower()}",
                    name=name,
                    size=entry.size,
                    open=partial(self.export.files.open, entry),
                    mime=_MIME.get(extension),
                )
                found[identifier] = (attachment, key == "photos")
        return found

    def references(
        self,
        text: str,
        attachments: dict[str, tuple[ImportedAttachment, bool]],
        dropped: list[Dropped],
    ) -> str:
        used: set[str] = set()

        def link(identifier: str) -> str:
            attachment, picture = attachments[identifier]
            used.add(identifier)
            name = attachment.name
            target = f"<{name}>" if re.search(r"[\s()<>]", name) else name
            return f"{'!' if picture else ''}[{name}]({target})"

        shown: set[str] = set()

        def replace(match: re.Match[str]) -> str:
            identifier = match.group(2)
            shown.add(identifier)
            if identifier not in attachments:
                dropped.append(Dropped("missing-attachment", self.title))
                return ""
            return link(identifier)

        body = _MOMENT.sub(replace, text) if "dayone-moment:" in text else text
        for identifier in self.missing:
            # A missing file the text never showed (a set: searching the text for each
            # of thousands of missing files took time with the square of the entry).
            if identifier not in shown:
                dropped.append(Dropped("missing-attachment", self.title))
        extra = [link(identifier) for identifier in attachments if identifier not in used]
        if extra:
            body = (body.rstrip() + "\n\n" if body.strip() else "") + "\n".join(extra)
        return body

    def location(self, body: str, dropped: list[Dropped]) -> str:
        place = self.item.get("location")
        weather = self.item.get("weather")
        if not place and not weather:
            return body
        if not self.export.keep_locations:
            dropped.append(Dropped("location", self.title))
            return body
        lines: list[str] = []
        if isinstance(place, dict):
            lat, lon = place.get("latitude"), place.get("longitude")
            if _number(lat) and _number(lon):
                line = f"Location: {float(lat):.6f}, {float(lon):.6f}"
                name = place.get("placeName")
                lines.append(f"{line} ({name[:200]})" if isinstance(name, str) and name else line)
        if isinstance(weather, dict):
            words = weather.get("conditionsDescription")
            degrees = weather.get("temperatureCelsius")
            parts = [words[:100]] if isinstance(words, str) and words else []
            if _number(degrees):
                parts.append(f"{float(degrees):.0f} °C")
            if parts:
                lines.append("Weather: " + ", ".join(parts))
        if not lines:
            return body
        return (body.rstrip() + "\n\n" if body.strip() else "") + "\n".join(lines)


def _number(value: object) -> TypeGuard[float]:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return abs(value) < 1e15  # a larger int would overflow float(); no place is that far


def _title(text: str, day: date | None) -> str:
    """The first line with words in it (not only a picture), without ``#``s and Day One's
    backslash escapes; else the journal day."""
    for line in text.split("\n", 50)[:50]:
        words = _MOMENT.sub("", line).strip().lstrip("#").strip()
        if words:
            return _TITLE_ESCAPE.sub(r"\1", words)[:200]
    return day.isoformat() if day else "Untitled"
