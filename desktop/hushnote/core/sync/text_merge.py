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

import contextlib
import difflib
from collections.abc import Iterator
from typing import Any

__all__ = ["BodyDoc", "UpdateRefused", "merge_pending", "merge_texts"]

_ROOT = "body"


class UpdateRefused(Exception):
    """Bytes that are not a Yjs update this engine accepts."""


@contextlib.contextmanager
def _refusing() -> Iterator[None]:
    """Any failure inside Yrs is a refusal of the bytes that led to it. pycrdt turns a
    Rust panic (malformed input can cause one long after it was accepted, when the
    document is encoded again) into pyo3's PanicException, a BaseException: caught here,
    so that a hostile update can never end a pass, let alone the program."""
    try:
        yield
    except Exception as exc:
        raise UpdateRefused from exc
    except BaseException as exc:
        if type(exc).__name__ == "PanicException":
            raise UpdateRefused from None
        raise


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

    if first is None:
        return second
    with _refusing():
        return bytes(merge_updates(first, second))


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
        with _refusing():
            return str(self._text)

    def state(self) -> bytes:
        with _refusing():
            return bytes(self._doc.get_update())

    def apply(self, update: bytes) -> None:
        """Merge an update read from another device; the document is encoded once
        more at once, so that an update Yrs accepts but cannot write back is refused
        here, not at some later save."""
        with _refusing():
            self._doc.apply_update(update)
            self._doc.get_update()
            str(self._text)

    def edit_to(self, body: str) -> bytes | None:
        """Change the CRDT's text into ``body`` with the smallest edits; return the
        update that carries them, or None when nothing changed."""
        old = self.text
        if old == body:
            return None
        with _refusing():
            return self._edit(old, body)

    def _edit(self, old: str, body: str) -> bytes:
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
