"""A note's body as a text CRDT (pycrdt, the Yjs engine), and turning a saved edit into
the smallest change to it.

Two devices that change different paragraphs of one body while apart both keep their
change when their updates meet, because each update names the characters it inserts
after and deletes, not positions. That holds only if an edit is described as what
really changed: a body is compared with the CRDT's text line by line, then character by
character inside each changed run of lines, so an edit to paragraph 1 and another to
paragraph 3 are two small changes, never one that rewrites paragraph 2 on the way.

Deleted text is not kept: Yjs garbage-collects the content of deleted items, so the
stored state holds the current text and the ids of what was removed, never its words.
"""

from __future__ import annotations

import difflib
from typing import Any

__all__ = ["BodyDoc", "UpdateRefused", "merge_pending", "merge_texts"]

_ROOT = "body"


class UpdateRefused(Exception):
    """Bytes that are not a Yjs update this engine accepts."""


def _is_panic(exc: BaseException) -> bool:
    # pycrdt turns a Rust panic on malformed input into pyo3's PanicException, which
    # derives from BaseException; it is a refusal of the input, never a reason to stop.
    return type(exc).__name__ == "PanicException"


def merge_texts(base: str, mine: str, theirs: str) -> str:
    """Two edits of ``base`` in one text, merged as a sync pass merges bodies: what the
    editor does with text typed while a pass changed the same note."""
    seed = BodyDoc(None, 1)
    seed.edit_to(base)
    state = seed.state()
    ours, other = BodyDoc(state, 2), BodyDoc(state, 3)
    update = ours.edit_to(mine)
    other.edit_to(theirs)
    if update is not None:
        other.apply(update)
    return other.text


def merge_pending(first: bytes | None, second: bytes) -> bytes:
    """Two updates as one, for what waits to be published."""
    from pycrdt import merge_updates

    return second if first is None else bytes(merge_updates(first, second))


class BodyDoc:
    """One note body's CRDT, loaded from its stored state."""

    def __init__(self, state: bytes | None, client_id: int) -> None:
        from pycrdt import Doc, Text

        self._doc: Any = Doc(client_id=client_id)
        self._text: Any = self._doc.get(_ROOT, type=Text)
        if state:
            self.apply(state)

    @property
    def text(self) -> str:
        return str(self._text)

    def state(self) -> bytes:
        return bytes(self._doc.get_update())

    def own_items(self, client_id: int) -> bytes | None:
        """Everything ``client_id`` inserted that is still in the text, with every
        deletion known: what a device restates when it compacts its files. None if it
        wrote nothing here."""
        clocks = _read_state_vector(bytes(self._doc.get_state()))
        if not clocks.get(client_id):
            return None
        clocks[client_id] = 0
        return bytes(self._doc.get_update(_write_state_vector(clocks)))

    def apply(self, update: bytes) -> None:
        """Merge an update read from another device."""
        try:
            self._doc.apply_update(update)
        except Exception as exc:
            raise UpdateRefused from exc
        except BaseException as exc:
            if _is_panic(exc):
                raise UpdateRefused from None
            raise

    def edit_to(self, body: str) -> bytes | None:
        """Change the CRDT's text into ``body`` with the smallest edits; return the
        update that carries them, or None when nothing changed."""
        old = self.text
        if old == body:
            return None
        before = self._doc.get_state()
        with self._doc.transaction():
            # From the end backwards, so that earlier offsets stay valid.
            for start, end, replacement in reversed(_edits(old, body)):
                at = _offset(old, start)
                if end > start:
                    del self._text[at : _offset(old, end)]
                if replacement:
                    self._text.insert(at, replacement)
        return bytes(self._doc.get_update(before))


# A Yjs state vector (lib0 encoding: a count, then client and clock pairs, each an
# unsigned LEB128 number). pycrdt encodes and decodes updates, but has no way to build
# a state vector from numbers, which restating one client's items needs; the format is
# six lines, and the vectors read here are the ones pycrdt itself made.
def _read_uint(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def _read_state_vector(data: bytes) -> dict[int, int]:
    count, at = _read_uint(data, 0)
    clocks = {}
    for _ in range(count):
        client, at = _read_uint(data, at)
        clocks[client], at = _read_uint(data, at)
    return clocks


def _write_uint(value: int) -> bytes:
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _write_state_vector(clocks: dict[int, int]) -> bytes:
    pairs = b"".join(_write_uint(c) + _write_uint(k) for c, k in clocks.items())
    return _write_uint(len(clocks)) + pairs


def _offset(text: str, index: int) -> int:
    # Yrs counts UTF-8 bytes; Python counts code points.
    return len(text[:index].encode("utf-8", "surrogatepass"))


def _edits(old: str, new: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) in ``old``'s code points, in order, none overlapping."""
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    old_starts = _starts(old_lines)
    new_starts = _starts(new_lines)
    edits: list[tuple[int, int, str]] = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        a = old[old_starts[i1] : old_starts[i2]]
        b = new[new_starts[j1] : new_starts[j2]]
        edits.extend(_trimmed(old_starts[i1], a, b))
    return edits


def _starts(lines: list[str]) -> list[int]:
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts


def _trimmed(base: int, a: str, b: str) -> list[tuple[int, int, str]]:
    """One replacement of ``a`` by ``b``, with their common start and end left alone."""
    prefix = 0
    limit = min(len(a), len(b))
    while prefix < limit and a[prefix] == b[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and a[len(a) - 1 - suffix] == b[len(b) - 1 - suffix]:
        suffix += 1
    return [(base + prefix, base + len(a) - suffix, b[prefix : len(b) - suffix])]
