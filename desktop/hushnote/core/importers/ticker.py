"""Progress over one export's share of an import, reported at most every 50 ms."""

from __future__ import annotations

import time

from hushnote.core.store.database import Progress
from hushnote.errors import CancelledError

__all__ = ["ShareTicker", "SpanTicker"]


class ShareTicker:
    """Calls ``progress`` at most every 50 ms, over a share of the whole; a Cancel
    (``progress`` returning False) raises ``CancelledError``."""

    def __init__(self, progress: Progress | None, start: float, end: float) -> None:
        self._progress, self._start, self._span = progress, start, end - start
        self._next = 0.0

    def __call__(self, fraction: float) -> None:
        if self._progress is None or time.monotonic() < self._next:
            return
        self._next = time.monotonic() + 0.05
        if not self._progress(self._start + self._span * min(1.0, fraction)):
            raise CancelledError()


class SpanTicker:
    """Calls ``progress`` at most every 50 ms, over the current share of the whole (set by
    ``span``, with ``fraction`` the progress within it); a Cancel raises ``CancelledError``."""

    def __init__(self, progress: Progress | None) -> None:
        self._progress = progress
        self._next = 0.0
        self._start, self._end = 0.0, 1.0
        self.fraction = 0.0

    def span(self, start: float, end: float) -> None:
        self._start, self._end, self.fraction = start, end, 0.0

    def __call__(self, *, now: bool = False) -> None:
        """Report, unless the last report is under 50 ms old (``now``: report anyway)."""
        if self._progress is None or (not now and time.monotonic() < self._next):
            return
        self._next = time.monotonic() + 0.05
        share = self._start + (self._end - self._start) * min(1.0, self.fraction)
        if not self._progress(share):
            raise CancelledError()
