"""A hybrid logical clock: last-writer-wins stamps that respect cause and effect.

A stamp is ``(wall_ms, counter, device)``. ``tick`` never goes below a stamp already
seen, so an edit made after reading another's is always later, whatever the two
machines' clocks say; only edits made without seeing each other are ordered by the
writers' clocks, and then the same way on every device (the device id breaks ties).
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["MAX_AHEAD_MS", "MAX_WALL_MS", "ZERO", "HybridClock", "Stamp", "wins"]

_COUNTER_LIMIT = 1 << 31
# Stamps a reader accepts: up to about the year 10,000, and not more than 30 days ahead
# of its own clock (a file from further ahead waits), so that no member can push every
# clock to the end of its range and leave no later stamp to edit with.
MAX_WALL_MS = 1 << 48
MAX_AHEAD_MS = 30 * 24 * 3600 * 1000


class Stamp(NamedTuple):
    wall_ms: int
    counter: int
    device: str

    def encode(self) -> list[object]:
        return [self.wall_ms, self.counter, self.device]


ZERO = Stamp(0, 0, "")


class HybridClock:
    """One device's clock in one space; ``last`` is kept in the vault between passes."""

    def __init__(self, device: str, last: Stamp = ZERO) -> None:
        self.device = device
        self.last = last

    def tick(self, now_ms: int) -> Stamp:
        """A stamp for a change made now, later than every stamp seen so far."""
        if now_ms > self.last.wall_ms:
            stamp = Stamp(now_ms, 0, self.device)
        else:
            stamp = Stamp(self.last.wall_ms, self.last.counter + 1, self.device)
        if stamp.counter >= _COUNTER_LIMIT:
            stamp = Stamp(stamp.wall_ms + 1, 0, self.device)
        self.last = stamp
        return stamp

    def observe(self, stamp: Stamp) -> None:
        """Take in a stamp read from another device, so that later ticks come after it."""
        if (stamp.wall_ms, stamp.counter) > (self.last.wall_ms, self.last.counter):
            self.last = Stamp(stamp.wall_ms, stamp.counter, self.device)


def wins(stamp: Stamp, value: object, held: tuple[Stamp, object] | None) -> bool:
    """Whether a write stamped ``stamp`` replaces the one ``held``. Equal stamps (which
    only a member copying another's stamp can make) are ordered by their values, so that
    every device still chooses the same one."""
    if held is None:
        return True
    if stamp != held[0]:
        return stamp > held[0]
    return _rank(value) > _rank(held[1])


def _rank(value: object) -> str:
    import json

    return json.dumps(value, sort_keys=True, ensure_ascii=False)
