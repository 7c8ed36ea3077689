"""Progress over one export's share of an import, reported at most every 50 ms."""

from __future__ import annotations

import time

from hushnote.core.store.database import Progress
from hushnote.errors import CancelledError

__all__ = ["ShareTicker"]


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
