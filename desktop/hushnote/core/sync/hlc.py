"""A hybrid logical clock: last-writer-wins stamps that respect cause and effect.

A stamp is ``(wall_ms, counter, device)``. ``tick`` never goes below a stamp already
seen, so an edit made after reading another's is always later, whatever the two
machines' clocks say; only edits made without seeing each other are ordered by the
writers' clocks, and then the same way on every device (the device id breaks ties).
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["ZERO", "HybridClock", "Stamp"]

# A stamp more than this far ahead of the wall clock still orders edits, but is not
# allowed to drag this device's clock with it for ever: see ``HybridClock.observe``.
_COUNTER_LIMIT = 1 << 31


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
