"""A Markdown note's YAML front matter: the few keys an import reads, nothing else.

The front matter is the text between a first line ``---`` and the next ``---`` (or
``...``) line. It is parsed with PyYAML's safe loader only (plain data, never Python
objects), refused past ``MAX_FRONT_MATTER`` bytes, and only the keys below are read, each
checked for its type: YAML aliases let a small document name the same list a million
times over, which costs nothing to load but everything to walk, so nothing here walks
what it does not need (a tag list is read only to ``MAX_TAGS`` plain strings).
Front matter that is not valid YAML, or not a mapping, stays in the note's body as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

import yaml

__all__ = ["MAX_FRONT_MATTER", "FrontMatter", "TooLarge", "split_front_matter"]

MAX_FRONT_MATTER = 64 << 10
MAX_TAGS = 1000
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPEN = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
# Keys that say where a note was written: dropped unless locations are kept.
LOCATION_KEYS = ("location", "coordinates", "coords", "lat", "lon", "lng", "latitude",
                 "longitude", "place", "address", "altitude")  # fmt: skip


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_LAST = datetime(9999, 1, 1, tzinfo=UTC)


class TooLarge(Exception):
    """Front matter past ``MAX_FRONT_MATTER``."""


@dataclass
class FrontMatter:
    """What an import keeps of a note's front matter."""

    title: str | None = None
    tags: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    created: datetime | None = None
    updated: datetime | None = None
    location: str | None = None  # as "lat, lon" or a place's name, when one was given


def split_front_matter(text: str) -> tuple[FrontMatter | None, str]:
    """(the front matter read, the body after it); (None, text) when there is none or
    it is not YAML. Raises ``TooLarge`` past the cap."""
    opening = _OPEN.match(text)
    if opening is None:
        return None, text
    closing = _CLOSE.search(text, opening.end())
    if closing is None:
        return None, text
    raw = text[opening.end() : closing.start()]
    if len(raw.encode("utf-8", "surrogatepass")) > MAX_FRONT_MATTER:
        raise TooLarge()
    body = text[closing.end() :].lstrip("\r\n")
    try:
        data = yaml.load(raw, Loader=_LOADER)  # noqa: S506 - the safe loader, C or Python
    # PyYAML lets out more than its own errors for a malformed document: a constructor's
    # for a value it cannot build (a date out of range, an unhashable key, and an
    # AttributeError for "!!timestamp" on text that is not one). Any of them means the
    # front matter is not YAML this import reads: it stays in the body as text.
    except Exception:
        return None, text
    if data is None:
        return FrontMatter(), body
    if not isinstance(data, dict):
        return None, text
    return _read(data), body


def _read(data: dict[Any, Any]) -> FrontMatter:
    found = FrontMatter()
    found.title = _text(data.get("title")) or None
    found.tags = _strings(data.get("tags", data.get("tag")))
    found.aliases = _strings(data.get("aliases", data.get("alias")))
    found.created = _when(data.get("created", data.get("date")))
    found.updated = _when(data.get("updated", data.get("modified")))
    found.location = _location(data)
    return found


def _strings(value: Any) -> list[str]:
    """A list of plain strings (or a comma or space separated string), at most
    ``MAX_TAGS``; anything nested is left out, never walked."""
    if isinstance(value, str):
        return [part for part in re.split(r"[,\s]+", value) if part][:MAX_TAGS]
    if not isinstance(value, list):
        return []
    out: list[str] = []
    for item in value[:MAX_TAGS]:
        if not isinstance(item, float) and (text := _text(item)):
            out.append(text)
    return out


def _text(value: Any) -> str:
    """A string, or a number as written, stripped; "" for anything else. YAML reads
    ``0x`` and ``0b`` numbers of any length, and Python will not write an integer of more
    than 4,300 digits in decimal (``ValueError``): such a number is no title or tag."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return ""
    try:
        return str(value).strip()
    except ValueError:
        return ""


def _when(value: Any) -> datetime | None:
    """A time the vault can keep (1970 to 9999), or None: a date mistyped by hand falls
    back to the file's time rather than refusing the whole export."""
    found = _parse_when(value)
    if found is None or not _EPOCH <= found <= _LAST:
        return None
    return found


def _parse_when(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=UTC)
    if isinstance(value, str) and len(value) <= 64:
        try:
            parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


def _location(data: dict[Any, Any]) -> str | None:
    lat = _number(data.get("lat", data.get("latitude")))
    lon = _number(data.get("lon", data.get("lng", data.get("longitude"))))
    if lat is not None and lon is not None:
        return f"{lat}, {lon}"
    for key in ("location", "coordinates", "coords"):
        value = data.get(key)
        if isinstance(value, list) and len(value) == 2:
            pair = [_number(item) for item in value]
            if pair[0] is not None and pair[1] is not None:
                return f"{pair[0]}, {pair[1]}"
        if text := _text(value):
            return text[:200]
    for key in ("place", "address"):
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()[:200]
    if any(key in data for key in LOCATION_KEYS):
        return ""  # present, but in a shape not read: still dropped
    return None


def _number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return float(value)
        except OverflowError:  # an integer past 1.8e308
            return None
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None
