"""Reading Evernote exports (``.enex``) into notes, one streamed ``<note>`` at a time.

An ENEX file is one notebook: its file name without ``.enex`` names the notebook, and
several files give several notebooks. The file is parsed with defusedxml's ``iterparse``
(no entity is expanded, no DTD or external entity read), each ``<note>`` is converted and
cleared as soon as it ends, and no run of the file between two XML events may exceed what
one note may hold, so a multi-gigabyte export is never whole in memory. Each note's ENML
becomes Markdown (``enml.py``); its ``<resource>``s are decoded from base64 in memory
(never to the disk) and referenced where an ``en-media`` names their MD5. ``source_id`` is
the note's position in its file and a digest of its title and creation time, so reading
the same file again gives the same ids. Which files, and the capped stream they are read
through: ``enex_input.py``. See docs/importers.md#evernote-enex.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import io
import math
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path, PurePosixPath
from typing import IO
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from hushnote.core.importers.enex_input import Counted, enex_files
from hushnote.core.importers.enml import EnmlError, enml_to_markdown
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

APP = "enex"
_SLACK = 64 << 10
_B64_CHUNK = 1 << 20  # characters decoded at a time (a multiple of 4)
_WHITESPACE = re.compile(rb"\s+")
_UNSAFE_NAME = re.compile(r"[\x00-\x1f/\\]")
_EXTENSIONS = {
    "image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp",
    "application/pdf": ".pdf", "audio/mpeg": ".mp3", "audio/wav": ".wav",
    "text/plain": ".txt",
}  # fmt: skip


def read(
    paths: list[Path],
    *,
    limits: Limits = Limits(),  # noqa: B008 - frozen dataclass, never mutated
    progress: Progress | None = None,
    keep_locations: bool = False,
    passphrase: str | None = None,
) -> ImportSource:
    """Every note of the chosen ``.enex`` files; ``passphrase`` is not used (ENEX is
    never encrypted as a whole)."""
    del passphrase
    source = ImportSource(app=APP, chosen=list(paths))
    with contextlib.ExitStack() as archives:
        found: list[tuple[str, int, Callable[[], IO[bytes]]]] = []
        for path in paths:
            found.extend(enex_files(path, limits, archives))
        total = max(1, sum(size for _, size, _ in found))
        done = 0
        seen: dict[str, int] = {}
        for name, size, opener in found:
            reader = _File(name, opener, limits, keep_locations, source, progress, done, total)
            # Two files of one name (in two folders of a zip): ids stay apart.
            seen[reader.notebook] = seen.get(reader.notebook, 0) + 1
            if seen[reader.notebook] > 1:
                reader.id_prefix = f"{reader.notebook}~{seen[reader.notebook]}"
            reader.read()
            done += size
    if not source.notes and not source.dropped:
        raise AppImportError(source=APP, file=paths[0].name if paths else "", reason="empty")
    return source


class _File:
    """One ``.enex`` file, read note by note."""

    def __init__(
        self,
        name: str,
        opener: Callable[[], IO[bytes]],
        limits: Limits,
        keep_locations: bool,
        source: ImportSource,
        progress: Progress | None,
        done: int,
        total: int,
    ) -> None:
        self.name, self.opener = name, opener
        self.limits, self.keep_locations = limits, keep_locations
        self.source, self.progress = source, progress
        self.done, self.total = done, total
        base = PurePosixPath(name).name
        self.notebook = base[:-5] if base.lower().endswith(".enex") else base
        self.id_prefix = self.notebook
        self.last_tick = 0.0

    def error(self, reason: str, item: str | None = None) -> AppImportError:
        context = {"source": APP, "file": self.name, "reason": reason}
        if item:
            context["item"] = item[:200]
        return AppImportError(**context)

    def read(self) -> None:
        fd = self.opener()
        cap = max(self.limits.max_text_bytes, self.limits.max_file_bytes * 4 // 3) + _SLACK
        stream = Counted(fd, cap, self.error("too-large"), self._tick)
        try:
            self._events(io.BufferedReader(stream), stream)
        finally:
            fd.close()

    def _events(self, reader: IO[bytes], stream: Counted) -> None:
        depth = 0
        root: Element | None = None
        index = 0
        count = 0  # elements inside the current note
        try:
            events = SafeET.iterparse(reader, events=("start", "end"))
            for event, element in events:
                stream.since_event = 0
                if event == "start":
                    depth += 1
                    if depth > self.limits.max_depth:
                        raise self.error("too-deep")
                    count += 1
                    if count > self.limits.max_entries:  # elements held until the note ends
                        raise self.error("too-many-entries")
                    if root is None:
                        root = element
                        if element.tag != "en-export":
                            raise self.error("not-this-format")
                    continue
                depth -= 1
                if depth == 1 and root is not None:
                    if element.tag == "note":
                        self._note(element, index)
                        index += 1
                    root.clear()  # the note is read: keep nothing of it
                    count = 0
        except DefusedXmlException:
            raise self.error("xml-entity") from None
        except (ParseError, ValueError, UnicodeError, LookupError):
            raise self.error("bad-xml") from None
        except RecursionError:
            raise self.error("too-deep") from None
        if root is None:
            raise self.error("bad-xml")

    def _tick(self, position: int) -> None:
        if self.progress is None:
            return
        now = time.monotonic()
        if now - self.last_tick < 0.02:
            return
        self.last_tick = now
        if not self.progress(min(1.0, (self.done + position) / self.total)):
            raise CancelledError()

    def _note(self, note: Element, index: int) -> None:
        title = (note.findtext("title") or "").strip()[:500] or "Untitled"
        created_raw = (note.findtext("created") or "").strip()
        created = self._date(created_raw, title)
        updated = self._date((note.findtext("updated") or "").strip(), title)
        digest = hashlib.sha256(f"{title}\x00{created_raw}".encode()).hexdigest()[:16]
        attachments, by_hash = self._resources(note, title)
        used: set[str] = set()
        dropped: list[Dropped] = []

        def media(md5: str) -> str:
            attachment = by_hash.get(md5)
            if attachment is None:
                dropped.append(Dropped("missing-attachment", title))
                return ""
            used.add(md5)
            target = (
                f"<{attachment.name}>"
                if re.search(r"[\s()<>]", attachment.name)
                else (attachment.name)
            )
            image = (attachment.mime or "").startswith("image/")
            return f"{'!' if image else ''}[{attachment.name}]({target})"

        def encrypted() -> None:
            dropped.append(Dropped("encrypted-section", title))

        content = (note.findtext("content") or "").encode("utf-8")
        if len(content) > self.limits.max_text_bytes:
            raise self.error("too-large", title)
        try:
            body = (
                enml_to_markdown(
                    content, max_depth=self.limits.max_depth, media=media, encrypted=encrypted
                )
                if content.strip()
                else ""
            )
        except EnmlError as error:
            raise self.error(error.reason, title) from None
        # Resources no en-media shows (Evernote lists some only as attachments): kept too.
        extra = [a for md5, a in by_hash.items() if md5 not in used]
        if extra:
            body = (body + "\n\n" if body else "") + "\n".join(media(a.source_id) for a in extra)
        body = self._location(note, title, body, dropped)
        texts = (tag.text.strip()[:200] for tag in note.findall("tag") if tag.text)
        tags = tuple(dict.fromkeys(text for text in texts if text))
        self.source.notes.append(
            ImportedNote(
                source_id=f"{self.id_prefix}#{index}:{digest}",
                title=title,
                body=body,
                notebook=self.notebook,
                tags=tags,
                created_at=created,
                updated_at=updated,
                attachments=attachments,
            )
        )
        self.source.dropped.extend(dropped)

    def _date(self, raw: str, title: str) -> datetime | None:
        if not raw:
            return None
        try:
            return datetime.strptime(raw, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        except ValueError:
            raise self.error("bad-date", title) from None

    def _resources(
        self, note: Element, title: str
    ) -> tuple[list[ImportedAttachment], dict[str, ImportedAttachment]]:
        attachments: list[ImportedAttachment] = []
        by_hash: dict[str, ImportedAttachment] = {}
        names = UniqueNames()
        for resource in note.findall("resource"):
            holder = resource.find("data")
            data = self._decode(holder.text or "" if holder is not None else "", title)
            if holder is not None:
                holder.text = None  # the base64 text is not needed twice
            md5 = hashlib.md5(data, usedforsecurity=False).hexdigest()
            if md5 in by_hash:
                continue
            mime = (resource.findtext("mime") or "").strip().lower()[:100] or None
            raw_name = (resource.findtext("resource-attributes/file-name") or "").strip()
            name = _UNSAFE_NAME.sub("_", raw_name)[:200] or "attachment" + _EXTENSIONS.get(
                mime or "", ""
            )
            name = names.claim(name)
            attachment = ImportedAttachment(
                source_id=md5,
                name=name,
                size=len(data),
                open=partial(io.BytesIO, data),
                mime=mime,
            )
            attachments.append(attachment)
            by_hash[md5] = attachment
        return attachments, by_hash

    def _decode(self, text: str, title: str) -> bytes:
        """The resource's bytes, decoded a chunk at a time (base64 lines are wrapped:
        white space is dropped, and a chunk's last partial quantum carried over)."""
        out = bytearray()
        carry = b""
        try:
            for start in range(0, len(text), _B64_CHUNK):
                piece = text[start : start + _B64_CHUNK].encode("ascii", "replace")
                piece = carry + _WHITESPACE.sub(b"", piece)
                cut = len(piece) - len(piece) % 4
                out += base64.b64decode(piece[:cut], validate=True)
                carry = piece[cut:]
                if len(out) > self.limits.max_file_bytes:
                    raise self.error("too-large", title)
            if carry:
                raise self.error("bad-base64", title)  # cut short
        except (binascii.Error, ValueError):
            raise self.error("bad-base64", title) from None
        return bytes(out)

    def _location(self, note: Element, title: str, body: str, dropped: list[Dropped]) -> str:
        attributes = note.find("note-attributes")
        if attributes is None:
            return body
        lat = (attributes.findtext("latitude") or "").strip()
        lon = (attributes.findtext("longitude") or "").strip()
        if not (lat and lon) and not (attributes.findtext("altitude") or "").strip():
            return body
        if not self.keep_locations:
            dropped.append(Dropped("location", title))
            return body
        if not (lat and lon):
            return body
        try:
            where = float(lat), float(lon)
        except ValueError:
            raise self.error("bad-field", title) from None
        if not all(math.isfinite(value) for value in where):  # "nan", "inf", "1e999"
            raise self.error("bad-field", title)
        line = f"Location: {where[0]:.6f}, {where[1]:.6f}"
        return (body + "\n\n" if body else "") + line
