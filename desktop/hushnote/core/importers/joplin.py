"""Reading Joplin's exports: a JEX file (a plain tar) or a RAW export folder.

Both hold one ``<id>.md`` item per note, notebook, tag, note-tag link and resource, and
the resources' files under ``resources/``. Notebooks nest by ``parent_id`` and become
"Parent / Child"; a note's links to its resources (``:/<id>``) become the attachment's
file name and the file is attached; a link to another note becomes ``[Its title]``.
Encrypted items (Joplin's end-to-end encryption, whose master key is not in the export),
notes in Joplin's trash and locations (unless kept) are left out and reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

from hushnote.core.importers.archive import Entry, ExportFiles, open_export
from hushnote.core.importers.joplin_items import (
    FOLDER,
    NOTE,
    NOTE_TAG,
    RESOURCE,
    REVISION,
    SMART_FILTER,
    TAG,
    Item,
    ItemError,
    parse_item,
    parse_millis,
    parse_number,
    parse_time,
)
from hushnote.core.importers.model import (
    Dropped,
    ImportedAttachment,
    ImportedNote,
    ImportSource,
    Limits,
)
from hushnote.core.importers.ticker import ShareTicker
from hushnote.errors import AppImportError

__all__ = ["read"]

APP = "joplin"
Progress = Callable[[float], bool]

# The most of a linked note's title a link becomes.
_LINK_TITLE = 120
# A resource or note link: ":/<id>", alone or as a Markdown link's target. The label is
# bounded and possessive, so a hostile run of brackets costs linear time.
_LINK = re.compile(
    r"(?P<open>\[(?P<label>[^\[\]\n]{0,1000}+)\]\([ \t]{0,20}+)?"
    r":/(?P<id>[0-9A-Fa-f]{32})(?![0-9A-Za-z])(?P<frag>#[\w-]{0,200}+)?(?P<close>[ \t]{0,20}+\))?"
)
_ITEM_NAME = re.compile(r"[0-9a-fA-F]{32}\.md")
_BACKTICKS = re.compile(r"`{3,}+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SLASH = "\u2215"  # DIVISION SLASH: looks like "/", never read as a level
_TRASHED = "\x00trashed"  # a notebook path marker: the folder or a parent is in the trash
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")  # a link target that names a scheme
_MARKUP = re.compile(r"([\\`*_\[\]()<>!~&#|])")  # what Markdown reads in text


def read(
    paths: list[Path],
    *,
    limits: Limits = Limits(),  # noqa: B008 - frozen dataclass, never mutated
    progress: Progress | None = None,
    keep_locations: bool = False,
    passphrase: str | None = None,
) -> ImportSource:
    """Every note of the Joplin exports at ``paths``; ``AppImportError`` for a broken one.

    ``passphrase`` is unused: Joplin exports are not encrypted as a whole."""
    del passphrase
    source = ImportSource(app=APP, chosen=list(paths))
    try:
        for index, path in enumerate(paths):
            files = open_export(path, source=APP, limits=limits)
            source.on_close(files.close)
            ticker = ShareTicker(progress, index / len(paths), (index + 1) / len(paths))
            _Export(files, source, keep_locations, ticker).read()
    except BaseException:
        source.close()
        raise
    return source


class _Export:
    """One export: its items read, then its notes built."""

    def __init__(
        self, files: ExportFiles, source: ImportSource, keep_locations: bool, tick: ShareTicker
    ) -> None:
        self.files, self.source, self.tick = files, source, tick
        self.keep_locations = keep_locations
        self.notes: list[Item] = []
        self.folders: dict[str, Item] = {}
        self.resources: dict[str, Item] = {}
        self.tags: dict[str, str] = {}
        self.note_tags: dict[str, list[str]] = {}
        self.titles: dict[str, str] = {}
        self.members: dict[str, str] = {}  # an item's file, for errors
        self.blobs: dict[str, Entry] = {}
        self.paths: dict[str, str | None] = {}
        self.depths: dict[str, int] = {}
        self.missing: set[str] = set()

    def error(self, reason: str, file: str | None, item: str | None = None) -> AppImportError:
        return self.files.error(reason, file, item)

    def read(self) -> None:
        items = [e for e in self.files.entries.values() if "/" not in e.name and _is_md(e)]
        if not items:
            raise self.error("not-this-format", self.files.root.name)
        for entry in self.files.entries.values():
            if entry.name.startswith("resources/") and entry.name.count("/") == 1:
                self.blobs.setdefault(entry.name[10:].split(".", 1)[0].lower(), entry)
        items.sort(key=lambda e: e.name)
        # Links in a RAW folder are never followed: said, so a linked resource is not a mystery.
        self.source.dropped.extend(Dropped("link", name) for name in self.files.skipped)
        for done, entry in enumerate(items):
            self.tick(0.7 * done / len(items))
            self._sort(self._item(entry), entry)
        for done, note in enumerate(self.notes):
            self.tick(0.7 + 0.3 * done / len(self.notes))
            try:
                self._note(note)
            except ItemError as error:
                raise self.error(error.reason, self.members[note.id], error.item) from None

    def _item(self, entry: Entry) -> Item:
        data = self.files.read(entry)
        stem = entry.name[:-3]
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise self.error("not-utf8", entry.name, stem) from None
        try:
            return parse_item(text, stem)
        except ItemError as error:
            raise self.error(error.reason, entry.name, error.item) from None

    def _sort(self, item: Item, entry: Entry) -> None:
        if item.type not in (NOTE, FOLDER, RESOURCE, TAG, NOTE_TAG):
            if item.type in (REVISION, SMART_FILTER):
                self.source.dropped.append(Dropped("unsupported-item", item.name))
            return
        if item.flag("encryption_applied") or (
            item.type == RESOURCE and item.flag("encryption_blob_encrypted")
        ):
            if item.type != NOTE_TAG:
                self.source.dropped.append(Dropped("encrypted-section", item.name))
            return
        if item.id in self.titles:
            raise self.error("damaged", entry.name, item.id)
        self.titles[item.id] = item.title
        self.members[item.id] = entry.name
        if item.type == NOTE:
            self.notes.append(item)
        elif item.type == FOLDER:
            self.folders[item.id] = item
        elif item.type == RESOURCE:
            self.resources[item.id] = item
        elif item.type == TAG:
            self.tags[item.id] = item.title
        else:
            note_id = item.props.get("note_id", "").lower()
            self.note_tags.setdefault(note_id, []).append(item.props.get("tag_id", "").lower())

    def _notebook(self, folder_id: str) -> str | None:
        """The notebook's "Parent / Child" name, None for none, ``_TRASHED`` if in the trash.

        Each folder's name and depth are kept once computed, so the depth limit counts
        from the top whichever note reaches a folder first, and each is computed once."""
        limits = self.files.limits
        chain: list[Item] = []
        seen: set[str] = set()
        current = folder_id
        while current in self.folders and current not in self.paths:
            if current in seen:
                raise self.error("cycle", self.members[current], self.folders[current].name)
            if len(chain) >= limits.max_depth:
                raise self.error("too-deep", self.members[current], self.folders[current].name)
            seen.add(current)
            chain.append(self.folders[current])
            current = self.folders[current].props.get("parent_id", "").lower()
        name, depth = self.paths.get(current), self.depths.get(current, 0)
        for folder in reversed(chain):
            depth += 1
            if depth > limits.max_depth:
                raise self.error("too-deep", self.members[folder.id], folder.name)
            if name == _TRASHED or folder.flag("deleted_time"):
                name = _TRASHED
            else:
                # A slash of the title's own is not a level: "A / B" at the top and "B"
                # inside "A" stay two notebooks.
                title = (folder.title or folder.id).replace("/", _SLASH)
                name = f"{name} / {title}" if name else title
                if len(name) > limits.max_name_chars:
                    raise self.error("name-too-long", self.members[folder.id], folder.name)
            self.paths[folder.id], self.depths[folder.id] = name, depth
        return name

    def _note(self, item: Item) -> None:
        title = item.title
        notebook = self._notebook(item.props.get("parent_id", "").lower())
        if item.flag("deleted_time") or notebook == _TRASHED:
            self.source.dropped.append(Dropped("trashed", item.name))
            return
        if item.flag("is_conflict"):
            title = f"{title} (conflict)"
        attachments: dict[str, ImportedAttachment] = {}
        html = item.props.get("markup_language", "1").strip() == "2"
        body = _LINK.sub(partial(self._link, attachments=attachments, html=html), item.body)
        if html:
            fence = "`" * max([3, *(len(run) + 1 for run in _BACKTICKS.findall(body))])
            body = f"{fence}html\n{body}\n{fence}"
        if item.flag("is_todo"):
            mark = "x" if item.flag("todo_completed") else " "
            due = parse_millis(item, "todo_due")
            when = f" (due {due:%Y-%m-%d %H:%M} UTC)" if due else ""
            line = f"- [{mark}] {item.title}{when}"
            body = f"{line}\n\n{body}" if body else line
        body = self._location(item, body)
        self.source.notes.append(
            ImportedNote(
                source_id=item.id,
                title=title,
                body=body,
                notebook=notebook,
                tags=self._tags(item.id),
                created_at=parse_time(item, "user_created_time", "created_time"),
                updated_at=parse_time(item, "user_updated_time", "updated_time"),
                attachments=list(attachments.values()),
            )
        )

    def _tags(self, note_id: str) -> tuple[str, ...]:
        names = (self.tags.get(tag_id) for tag_id in self.note_tags.get(note_id, ()))
        return tuple(dict.fromkeys(name for name in names if name))

    def _location(self, item: Item, body: str) -> str:
        lat, lon, alt = (parse_number(item, key) for key in ("latitude", "longitude", "altitude"))
        if not (lat or lon or alt):
            return body
        if not self.keep_locations:
            self.source.dropped.append(Dropped("location", item.name))
            return body
        line = f"Location: {_number(lat)}, {_number(lon)}"
        if alt:
            line += f", {_number(alt)} m"
        return f"{body}\n\n{line}" if body else line

    def _link(
        self, match: re.Match[str], *, attachments: dict[str, ImportedAttachment], html: bool
    ) -> str:
        """A link's replacement: a note's title, or an attached resource's file name."""
        target = match["id"].lower()
        opening, closing = match["open"] or "", match["close"] or ""
        resource = self.resources.get(target)
        if resource is None and target in self.blobs and target not in self.titles:
            resource = Item(target, RESOURCE, "", "", {})  # a file without its metadata
        if resource is not None:
            name = self._attach(resource, attachments)
            if html:
                return f"{opening}{name}{closing}"  # shown as code, never rendered
            return f"{opening}{_target(name) if opening else _as_text(name)}{closing}"
        note_title = self.titles.get(target)
        if note_title is None or target in self.folders or target in self.tags:
            return match[0]  # not in this export: left as Joplin wrote it
        if len(note_title) > _LINK_TITLE:
            # A 35-byte link must not bring a whole long title each time: many links to
            # a note with a huge title would multiply the body.
            note_title = note_title[:_LINK_TITLE] + "…"
        if opening and closing:
            label = match["label"]
            return f"{label} [{note_title}]" if label and label != note_title else f"[{note_title}]"
        if opening:
            return match[0]
        return f"[{note_title}]{closing}"

    def _attach(self, resource: Item, attachments: dict[str, ImportedAttachment]) -> str:
        blob = self.blobs.get(resource.id)
        name = _file_name(resource, blob)
        if resource.id in attachments:
            return attachments[resource.id].name
        if blob is None:
            if resource.id not in self.missing:
                self.missing.add(resource.id)
                self.source.dropped.append(Dropped("missing-attachment", name))
            return name
        attachments[resource.id] = ImportedAttachment(
            source_id=resource.id,
            name=name,
            size=blob.size,
            open=partial(self.files.open, blob),
            mime=resource.props.get("mime") or None,
        )
        return name


def _is_md(entry: Entry) -> bool:
    """An item's file: ``<32 hex>.md`` (other Markdown next to it is not Joplin's)."""
    return _ITEM_NAME.fullmatch(entry.name) is not None


def _file_name(resource: Item, blob: Entry | None) -> str:
    """The resource's file name as the user knew it, without a path or control characters."""
    for candidate in (resource.props.get("filename", ""), resource.title):
        name = _CONTROL.sub("", candidate.replace("\\", "/").rsplit("/", 1)[-1]).strip()[:200]
        if name and name not in (".", ".."):
            extension = resource.props.get("file_extension", "").strip()
            if "." not in name and extension and _CONTROL.search(extension) is None:
                name = f"{name}.{extension[:20]}"
            return name
    return blob.name.rsplit("/", 1)[-1] if blob else resource.id


def _target(name: str) -> str:
    """A file name as a Markdown link target that stays one relative file name: never a
    scheme ("javascript:" gets "./" before it), and in ``<...>`` with ``<``, ``>`` and
    backslashes escaped when it holds anything that would end or split a bare target."""
    if _SCHEME.match(name):
        name = "./" + name
    if re.search(r"[\s()<>\\\[\]`]", name):
        escaped = name.replace("\\", "\\\\").replace("<", "\\<").replace(">", "\\>")
        return f"<{escaped}>"
    return name


def _as_text(name: str) -> str:
    """A file name as text in the body (a bare ``:/<id>``): its markup escaped."""
    return _MARKUP.sub(r"\\\1", name)


def _number(value: float) -> str:
    return f"{value:.8f}".rstrip("0").rstrip(".")
