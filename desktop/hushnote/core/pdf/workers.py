"""How many of the PDF export's worker threads are still running.

A cancelled export returns at once and leaves its current library call (reading a font,
parsing a long note, writing the file) to finish on a worker thread. Whoever pauses
Python's cycle collector while core work runs (the GUI does, so that no Qt object is
destroyed outside its thread) keeps it paused until this count is back to zero.
"""

from __future__ import annotations

import threading

__all__ = ["pdf_workers_running"]

_lock = threading.Lock()
_running = 0


def pdf_workers_running() -> int:
    """The number of worker threads still running, abandoned ones included."""
    return _running


def started() -> None:
    global _running
    with _lock:
        _running += 1


def ended() -> None:
    global _running
    with _lock:
        _running -= 1
