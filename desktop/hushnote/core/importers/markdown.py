"""Reading a folder of Markdown files, or an Obsidian vault, into notes.

A folder (or a zip of one, read through ``archive.open_export``: nothing is extracted)
becomes one note per ``.md`` file: its folders the notebook ("Parent / Child"; a file at
the root goes to the default notebook), its title the front matter's ``title``, else its
first ``# heading``, else its file name. Tags come from the front matter and from inline
``#tags`` (not in code, links or headings). A picture or file the note embeds
(``![[photo.png]]``, ``![alt](img/photo.png)``) that resolves to a file inside the
export becomes an attachment; a target that climbs out (``..``, an absolute path, a URL)
is kept as text. Dot folders (``.obsidian``, ``.trash``) are ignored; other files no note
embeds are left out and counted (``unsupported-item``). See docs/importers.md#markdown.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path, PurePosixPath
from typing import IO
from urllib.parse import unquote

from hushnote.core.importers.archive import Entry, ExportFiles, open_export
from hushnote.core.importers.front_matter import FrontMatter, TooLarge, split_front_matter
from hushnote.core.importers.model import (
    Dropped,
    ImportedAttachment,
    ImportedNote,
    ImportSource,
    Limits,
)
from hushnote.core.importers.ticker import ShareTicker
from hushnote.core.store.database import Progress
from hushnote.errors import CancelledError

__all__ = ["read"]

APP = "markdown"
_NOTE_SUFFIXES = (".md", ".markdown")
_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)")
_INLINE_CODE = re.compile(r"`[^`\n]*`")
# An inline tag: after a space or at a line's start, letters/digits/_-/ with at least one
# that is not a digit (Obsidian's rule); "#" followed by a space is a heading.
_TAG = re.compile(r"(?:(?<=\s)|^)#([\w/-]{1,100})", re.MULTILINE)
_WIKI_EMBED = re.compile(r"!\[\[([^\[\]\n|#]{1,500})(?:[#|][^\[\]\n]{0,500})?\]\]")
_MD_EMBED = re.compile(
    r"!\[([^\[\]\n]{0,500})\]\((<[^<>\n]{1,500}>|[^()\s]{1,500})(?:\s+\"[^\"\n]{0,200}\")?\)"
)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def read(
    paths: list[Path],
    *,
    limits: Limits = Limits(),  # noqa: B008 - frozen dataclass, never mutated
    progress: Progress | None = None,
    keep_locations: bool = False,
    passphrase: str | None = None,
) -> ImportSource:
    """Every note of the Markdown folders (or zips of one) at ``paths``."""
    del passphrase  # Markdown folders are not encrypted
    source = ImportSource(app=APP, chosen=list(paths))
    taken: set[str] = set()  # source ids so far, across the chosen paths
    try:
        for index, path in enumerate(paths):
            if path.name.lower().endswith(_NOTE_SUFFIXES) and not path.is_dir():
                files: ExportFiles = _OneFile(path, limits)
            else:
                files = open_export(path, source=APP, limits=limits)
            source.on_close(files.close)
            tick = ShareTicker(progress, index / len(paths), (index + 1) / len(paths))
            _Folder(files, source, keep_locations, tick, prefix=f"{index}:", taken=taken).read()
        if progress is not None and not progress(1.0):
            raise CancelledError()
    except BaseException:
        source.close()
        raise
    return source


class _OneFile(ExportFiles):
    """One Markdown file chosen on its own: a note in the default notebook, whose embeds
    stay text (nothing beside it is read)."""

    def __init__(self, path: Path, limits: Limits) -> None:
        super().__init__(path, APP, limits)
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            raise self.error("not-found", path.name) from None
        except OSError:
            raise self.error("unreadable", path.name) from None
        if not stat.S_ISREG(info.st_mode):
            raise self.error("link" if stat.S_ISLNK(info.st_mode) else "unreadable", path.name)
        self._add(Entry(path.name, info.st_size, mtime=info.st_mtime))

    def _raw(self, entry: Entry) -> IO[bytes]:
        try:
            fd = os.open(self.root, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError:
            raise self.error("unreadable", entry.name) from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise self.error("link", entry.name)
        return os.fdopen(fd, "rb")


def _file_time(entry: Entry) -> datetime | None:
    """The file's time, if it is one the vault can keep (1970 to 9999)."""
    if not entry.mtime or not 0 < entry.mtime < 253_370_764_800:
        return None
    try:
        return datetime.fromtimestamp(entry.mtime, UTC)
    except (ValueError, OverflowError, OSError):
        return None


def _hidden(name: str) -> bool:
    return any(part.startswith(".") for part in name.split("/"))


class _Folder:
    """One exported folder: its notes, their embeds, what was left out."""

    def __init__(
        self,
        files: ExportFiles,
        source: ImportSource,
        keep_locations: bool,
        tick: Callable[[float], None],
        prefix: str,
        taken: set[str],
    ) -> None:
        self.files, self.source, self.tick = files, source, tick
        self.keep_locations = keep_locations
        # A note's id is its path in the export, so that the same folder, zipped or
        # renamed or chosen with others, finds the same notes; only a path an earlier
        # chosen export already has is told apart by its position.
        self.prefix, self.taken = prefix, taken
        visible = [name for name in files.names() if not _hidden(name)]
        self.notes = [name for name in visible if name.lower().endswith(_NOTE_SUFFIXES)]
        self.others = {name for name in visible if not name.lower().endswith(_NOTE_SUFFIXES)}
        # Obsidian finds ![[name]] by file name anywhere in the vault: the first in
        # name order wins, as a shortest-path match would for distinct folders.
        self.by_basename: dict[str, str] = {}
        for name in sorted(self.others, key=lambda n: (n.count("/"), n)):
            self.by_basename.setdefault(posixpath.basename(name).casefold(), name)
        self.embedded: set[str] = set()

    def read(self) -> None:
        for name in self.files.skipped:
            if not _hidden(name):
                self.source.dropped.append(Dropped("link", name))
        total = max(1, len(self.notes))
        for number, name in enumerate(self.notes):
            self.tick(number / total)
            self.source.notes.append(self._note(self.files.entries[name]))
        for name in sorted(self.others - self.embedded):
            self.source.dropped.append(Dropped("unsupported-item", name))

    def _note(self, entry: Entry) -> ImportedNote:
        data = self.files.read(entry)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise self.files.error("not-utf8", entry.name) from None
        text = text.replace("\r\n", "\n")
        try:
            front, body = split_front_matter(text)
        except TooLarge:
            raise self.files.error("front-matter", entry.name) from None
        front = front or FrontMatter()
        stem = posixpath.basename(entry.name).rsplit(".", 1)[0]
        title = front.title or _first_heading(body) or stem
        folder = posixpath.dirname(entry.name)
        notebook = " / ".join(folder.split("/")) if folder else None
        attachments: dict[str, ImportedAttachment] = {}
        body = self._embeds(body, folder, attachments)
        tags = [*front.tags, *_inline_tags(body)]
        if front.location is not None:
            if self.keep_locations and front.location:
                body = f"{body.rstrip()}\n\nLocation: {front.location}\n"
            elif not self.keep_locations:
                self.source.dropped.append(Dropped("location", title))
        when = _file_time(entry)
        return ImportedNote(
            source_id=self._source_id(entry.name),
            title=title,
            body=body,
            notebook=notebook,
            tags=tuple(tag.lstrip("#") for tag in tags if tag.lstrip("#")),
            created_at=front.created or front.updated or when,
            updated_at=front.updated or when or front.created,
            attachments=list(attachments.values()),
        )

    def _source_id(self, name: str) -> str:
        found = name if name not in self.taken else self.prefix + name
        self.taken.add(found)
        return found

    def _embeds(self, body: str, folder: str, found: dict[str, ImportedAttachment]) -> str:
        def wiki(match: re.Match[str]) -> str:
            target = self._resolve(match.group(1).strip(), folder, wiki=True)
            if target is None:
                return match.group(0)
            return f"![]({self._attach(target, found)})"

        def markdown(match: re.Match[str]) -> str:
            raw = match.group(2)
            raw = raw[1:-1] if raw.startswith("<") else raw
            target = self._resolve(unquote(raw), folder, wiki=False)
            if target is None:
                return match.group(0)
            return f"![{match.group(1)}]({self._attach(target, found)})"

        def both(text: str) -> str:
            return _MD_EMBED.sub(markdown, _WIKI_EMBED.sub(wiki, text))

        if "![" not in body:  # most notes embed nothing: no need to look for code
            return body
        return _outside_code(body, both)

    def _resolve(self, target: str, folder: str, *, wiki: bool) -> str | None:
        """The export's file ``target`` names, or None (kept as text): never a path that
        climbs out, an absolute one, a URL, or a note."""
        target = target.replace("\\", "/")
        if not target or _SCHEME.match(target) or target.startswith("/"):
            return None
        parts = PurePosixPath(target).parts
        if ".." in parts:
            return None
        for candidate in (posixpath.join(folder, target), target):
            candidate = posixpath.normpath(candidate)
            if candidate in self.others:
                return candidate
        if wiki and "/" not in target:
            return self.by_basename.get(target.casefold())
        return None

    def _attach(self, name: str, found: dict[str, ImportedAttachment]) -> str:
        self.embedded.add(name)
        shown = posixpath.basename(name)
        if name not in found:
            entry = self.files.entries[name]
            found[name] = ImportedAttachment(
                source_id=name,
                name=shown,
                size=entry.size,
                open=partial(self.files.open, entry),
            )
        return f"<{shown}>" if re.search(r"[\s()<>]", shown) else shown


def _outside_code(body: str, change: Callable[[str], str]) -> str:
    """``change`` applied to the body's text outside fenced code blocks."""
    out: list[str] = []
    prose: list[str] = []
    fence: str | None = None
    for line in body.split("\n"):
        if fence is None:
            opened = _FENCE.match(line)
            if opened is None:
                prose.append(line)
                continue
            if prose:
                out.append(change("\n".join(prose)))
                prose = []
            fence = opened.group(1)
        elif line.strip().startswith(fence):
            fence = None
        out.append(line)
    if prose:
        out.append(change("\n".join(prose)))
    return "\n".join(out)


def _prose(body: str) -> str:
    """The body without fenced or inline code."""
    kept: list[str] = []
    fence: str | None = None
    for line in body.split("\n"):
        opened = _FENCE.match(line)
        if fence is None and opened:
            fence = opened.group(1)
            continue
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        kept.append(_INLINE_CODE.sub(" ", line))
    return "\n".join(kept)


def _first_heading(body: str) -> str | None:
    """The first ``# heading``'s words without its closing hashes, read by string
    methods: a pattern for it backtracks quadratically on a long run of blanks."""
    if "#" not in body:
        return None
    for line in _prose(body).split("\n"):
        if len(line) >= 3 and line[0] == "#" and line[1] in " \t":
            words = line[1:].lstrip(" \t")
            # A heading of only hashes keeps one, as Markdown shows it.
            return (words.rstrip(" \t#") or words[:1]).strip()[:1000]
    return None


def _inline_tags(body: str) -> list[str]:
    if "#" not in body:
        return []
    tags = []
    for match in _TAG.finditer(_prose(body)):
        tag = match.group(1).strip("/")
        if tag and not tag.replace("/", "").replace("-", "").replace("_", "").isdigit():
            tags.append(tag)
    return tags
