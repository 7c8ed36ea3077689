"""Every value of a JSON input swapped for every other kind of JSON value, in turn.

Random mutation rarely keeps JSON valid (a million Standard Notes inputs: 96% refused as
malformed) and so rarely puts a list where a parser expects a name; three such bugs
escaped it (a list tested against a set of names: unhashable). This sweep is exhaustive
instead: for each value in a seed document, and in each string that holds JSON itself (a
Super note's Lexical text), each of ``HOSTILE`` in its place, and each object member
left out. The inputs go through the fuzz targets' own ``parse`` and ``check``.
"""

from __future__ import annotations

import copy
import json
import zlib
from collections.abc import Callable, Iterator
from typing import Any

# Raw JSON texts: every kind of value, the extremes Python's json reads differently
# (1e400 is infinity; over 4,300 digits is a ValueError), a lone surrogate and nesting
# deeper than the recursion limit.
HOSTILE: tuple[str, ...] = (
    "null", "true", "0", "-1", "1.5", "1e400", "1" + "0" * 400, "9" * 5000,
    '""', '"\\ud800"', '"x"', "[]", "{}", '[["x"]]', '{"": {}}',
    "[" * 100_000 + "]" * 100_000,
)  # fmt: skip
_MARK = "\x00hostile\x00"
_LEAVE_OUT = object()

Path = tuple[Any, ...]  # keys and indices; ("json",) steps into a string holding JSON


def _nested(value: Any) -> Any | None:
    if isinstance(value, str) and value[:1] in "[{":
        try:
            inner = json.loads(value)
        except ValueError:
            return None
        return inner if isinstance(inner, dict | list) else None
    return None


def _paths(value: Any, path: Path = ()) -> Iterator[tuple[Path, bool]]:
    """Every value's path, and whether it is an object's member (which can be left out)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key), True
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield (*path, index), False
            yield from _paths(item, (*path, index))
    elif (inner := _nested(value)) is not None:
        yield from _paths(inner, (*path, "json"))


def _render(document: Any, path: Path, raw: str | object) -> str:
    """``document`` as JSON text with the value at ``path`` replaced by ``raw`` (JSON
    text), or left out."""
    if "json" in path:
        cut = path.index("json")
        outer = copy.deepcopy(document)
        holder = outer
        for step in path[: cut - 1]:
            holder = holder[step]
        holder[path[cut - 1]] = _render(json.loads(holder[path[cut - 1]]), path[cut + 1 :], raw)
        return json.dumps(outer, ensure_ascii=False)
    changed = copy.deepcopy(document)
    holder = changed
    for step in path[:-1]:
        holder = holder[step]
    if raw is _LEAVE_OUT:
        del holder[path[-1]]
        return json.dumps(changed, ensure_ascii=False)
    holder[path[-1]] = _MARK
    assert isinstance(raw, str)
    return json.dumps(changed, ensure_ascii=False).replace(json.dumps(_MARK), raw, 1)


def variants(text: str) -> Iterator[tuple[str, str]]:
    """(where and what, the changed document) for every value and hostile kind."""
    document = json.loads(text)
    for path, member in _paths(document):
        where = "/".join(map(str, path))
        for raw in HOSTILE:
            yield f"{where} = {raw[:12]}", _render(document, path, raw)
        if member:
            yield f"{where} left out", _render(document, path, _LEAVE_OUT)


# How each JSON target's input holds its document: (take it out, put a changed one back).
Codec = tuple[Callable[[bytes], str | None], Callable[[bytes, str], bytes]]


def plain() -> Codec:
    return (lambda data: data.decode("utf-8"), lambda _data, text: text.encode())


def zlib_json() -> Codec:
    def take(data: bytes) -> str | None:
        return zlib.decompress(data).decode("utf-8") if data else None

    return take, lambda _data, text: zlib.compress(text.encode())


def member(mark: bytes, name: str) -> Codec:
    """One member of an input made of ``<name>\\n<content>`` chunks joined by ``mark``."""

    def take(data: bytes) -> str | None:
        for chunk in data.split(mark):
            head, _, content = chunk.partition(b"\n")
            if head.decode() == name:
                return content.decode("utf-8")
        return None

    def put(data: bytes, text: str) -> bytes:
        chunks = data.split(mark)
        for index, chunk in enumerate(chunks):
            head, _, _content = chunk.partition(b"\n")
            if head.decode() == name:
                chunks[index] = head + b"\n" + text.encode()
        return mark.join(chunks)

    return take, put
