"""Distinct names for one note's attachments, found in time linear in their number."""

from __future__ import annotations

__all__ = ["UniqueNames"]


class UniqueNames:
    """Hands out each name once, case-insensitively: a repeat becomes "photo (2).png",
    "photo (3).png"... A counter per base name picks up where the last repeat stopped, so
    twenty thousand files of one name cost twenty thousand steps, not their square."""

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._next: dict[str, int] = {}

    def claim(self, name: str) -> str:
        key = name.casefold()
        if key not in self._taken:
            self._taken.add(key)
            return name
        stem, dot, suffix = name.rpartition(".")
        number = self._next.get(key, 2)
        while True:
            candidate = f"{stem} ({number}).{suffix}" if dot and stem else f"{name} ({number})"
            number += 1
            if candidate.casefold() not in self._taken:
                break
        # A number skipped here belongs to a name given as is ("a (2).png"): never again.
        self._next[key] = number
        self._taken.add(candidate.casefold())
        return candidate
