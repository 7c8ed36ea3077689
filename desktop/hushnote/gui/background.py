"""Run slow core calls (Argon2id, re-keying) off the GUI thread."""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from hushnote.core import pdf_workers_running

__all__ = ["BackgroundCall"]


class BackgroundCall(QThread):
    """Call ``function`` in a worker thread; report through ``succeeded`` or ``failed``.

    Argon2id releases the GIL, so the event loop keeps painting while it runs.
    """

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, function: Callable[[], Any], parent: Any = None) -> None:
        super().__init__(parent)
        self._function = function

    def start(self, *args: Any) -> None:
        """Pause the cycle collector until the worker ends, then start it.

        Python's cycle collector runs in whichever thread allocates when it is due. Run
        in the worker, it would destroy the Qt objects of finished dialogs there, and a
        QObject must die in its own thread (Qt warns; a timer or a paint in flight can
        crash). Paused, it leaves cycles for later, on the GUI thread; reference counting
        still frees everything else meanwhile.
        """
        _Collector.pause()
        # Queued to an object that outlives this one: a finished worker whose object is
        # deleted before the event loop runs again still resumes the collector.
        self.finished.connect(_Collector.instance().resume)
        super().start(*args)

    def run(self) -> None:
        try:
            result = self._function()
        except Exception as error:
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)


_RECHECK_MS = 100  # while a cancelled export's worker finishes its last call


class _Collector(QObject):
    """Pauses Python's cycle collector while workers run, and resumes it on the GUI
    thread (where this object lives) when the last one has ended, and with it any worker
    thread a cancelled PDF export left to finish its current call."""

    _instance: _Collector | None = None
    _paused = 0

    @classmethod
    def instance(cls) -> _Collector:
        if cls._instance is None:
            cls._instance = cls()  # created by ``start``, on the GUI thread
        return cls._instance

    @classmethod
    def pause(cls) -> None:
        if cls._paused == 0:
            gc.disable()
        cls._paused += 1

    @Slot()
    def resume(self) -> None:
        cls = type(self)
        cls._paused = max(0, cls._paused - 1)
        self._enable_when_idle()

    @Slot()
    def _enable_when_idle(self) -> None:
        if type(self)._paused:
            return  # a worker started meanwhile: its end resumes
        if pdf_workers_running():
            QTimer.singleShot(_RECHECK_MS, self._enable_when_idle)
            return
        # No collection now: the worker has ended, so the next one, whenever it is
        # due, runs here; forcing one would delay what the window shows next.
        gc.enable()
