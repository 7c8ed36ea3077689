"""One item of a Joplin RAW export (a ``<id>.md`` file), read into its title, body and
properties.

Joplin writes an item as its title, a blank line, its body, a blank line and one
``key: value`` line per property. It reads the properties back from the end of the file
up to the first blank line, so a body may hold ``key: value`` lines of its own: this reads
the same way. Property values escape their line breaks (``\\n``); bodies do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

__all__ = ["Item", "ItemError", "parse_item", "parse_millis", "parse_number", "parse_time"]

# Joplin's item types (BaseModel.TYPE_*) this import reads.
NOTE, FOLDER, RESOURCE, TAG, NOTE_TAG = 1, 2, 4, 5, 6
# User content Hushnote has no place for: note revisions, saved searches.
REVISION, SMART_FILTER = 13, 16

_KEY = re.compile(r"[a-z0-9_]{1,64}")
_ESCAPE = re.compile(r"\\\\([nr])|\\([nr])")
_HEX_ID = re.compile(r"[0-9a-fA-F]{32}")


class ItemError(Exception):
    """An item that cannot be read; ``reason`` is a key of ``reasons.py``."""

    def __init__(self, reason: str, item: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.item = item


@dataclass(frozen=True)
class Item:
    """An item's title, body and properties, as Joplin serialized them."""

    id: str
    type: int
    title: str
    body: str
    props: dict[str, str]

    def flag(self, key: str) -> bool:
        """A 0/1 property (or a time, where non-zero means set)."""
        value = self.props.get(key, "").strip()
        return value not in ("", "0")

    @property
    def name(self) -> str:
        """What a report calls the item: its title, else its id."""
        return self.title or self.id


def _unescape(value: str) -> str:
    if "\\" not in value:
        return value
    return _ESCAPE.sub(lambda m: f"\\{m[1]}" if m[1] else ("\n" if m[2] == "n" else "\r"), value)


def parse_item(text: str, stem: str) -> Item:
    """The item in ``text`` (a file named ``<stem>.md``), or ``ItemError``."""
    lines = text.split("\n")
    props: dict[str, str] = {}
    # Properties: from the last line up to the first blank one, as Joplin reads them.
    end = len(lines)
    while end > 0 and not lines[end - 1].strip():
        end -= 1  # a trailing line break added by hand or by another tool
    while end > 0:
        line = lines[end - 1].strip()
        if line == "":
            break
        key, colon, value = line.partition(":")
        key = key.strip()
        if not colon or not _KEY.fullmatch(key):
            raise ItemError("damaged", stem)
        props.setdefault(key, _unescape(value.strip()))
        end -= 1
    if "type_" not in props:
        raise ItemError("not-this-format", stem)
    try:
        kind = int(props["type_"])
    except ValueError:
        raise ItemError("bad-field", stem) from None
    item_id = props.get("id", "") or stem
    if not _HEX_ID.fullmatch(item_id):
        raise ItemError("bad-field", stem)
    title = ""
    body = ""
    if end > 0:
        # Lines before the blank one: the title, a blank line, the body.
        title = lines[0].strip()
        if end > 2:
            body = "\n".join(lines[2 : end - 1])
    return Item(item_id.lower(), kind, title, body, props)


def parse_time(item: Item, *keys: str) -> datetime | None:
    """The first of ``keys`` that is set, as an aware UTC time; ``ItemError`` if unreadable."""
    for key in keys:
        value = item.props.get(key, "").strip()
        if not value or value == "0":
            continue
        try:
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=UTC)
            return moment.astimezone(UTC)
        except (ValueError, OverflowError):
            raise ItemError("bad-date", item.name) from None
    return None


def parse_millis(item: Item, key: str) -> datetime | None:
    """A time Joplin writes as milliseconds since 1970 (``todo_due``), None when 0."""
    value = item.props.get(key, "").strip()
    if value in ("", "0"):
        return None
    try:
        return datetime.fromtimestamp(int(value) / 1000, UTC)
    except (ValueError, OverflowError, OSError):
        raise ItemError("bad-date", item.name) from None


def parse_number(item: Item, key: str) -> float:
    """A numeric property (a coordinate), 0 when absent; ``ItemError`` if not a number."""
    value = item.props.get(key, "").strip()
    if not value:
        return 0.0
    try:
        number = float(value)
    except ValueError:
        raise ItemError("bad-field", item.name) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ItemError("bad-field", item.name)
    return number
