"""How many of the PDF export's worker threads are still running.

A cancelled export returns at once and leaves its current library call (reading a font,
parsing a long note, writing the file) to finish on a worker thread. Whoever pauses
Python's cycle collector while core work runs (the GUI does, so that no Qt object is
destroyed outside its thread) keeps it paused until this count is back to zero.

Those calls are pure Python for seconds at a time and hold the interpreter lock. Every
other thread (the one reporting progress, the GUI thread answering Cancel) waits for the
lock after each call into C, up to the switch interval each time: at the default 5 ms,
a Cancel that needs the lock a few dozen times could take half a second on a loaded
machine. While a worker runs, the interval is 0.5 ms, and it is put back when the last
one ends.
"""

from __future__ import annotations

import sys
import threading

__all__ = ["pdf_workers_running"]

SWITCH_INTERVAL = 0.0005  # seconds, while a worker runs

_lock = threading.Lock()
_running = 0
_saved_interval = 0.0  # what to put back
_set_interval = 0.0  # what was set, as the interpreter keeps it


def pdf_workers_running() -> int:
    """The number of worker threads still running, abandoned ones included."""
    return _running


def started() -> None:
    global _running, _saved_interval, _set_interval
    with _lock:
        if _running == 0:
            _saved_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(_saved_interval, SWITCH_INTERVAL))
            _set_interval = sys.getswitchinterval()
        _running += 1


def ended() -> None:
    global _running
    with _lock:
        _running -= 1
        # Put back, unless someone else set another interval meanwhile: theirs stays.
        if _running == 0 and sys.getswitchinterval() == _set_interval:
            sys.setswitchinterval(_saved_interval)
