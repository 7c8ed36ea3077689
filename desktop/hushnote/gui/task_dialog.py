"""Long work (an import, a key rotation) in a worker, with a progress bar and Cancel."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from hushnote.gui.background import BackgroundCall

__all__ = ["TaskControl", "run_with_progress"]

T = TypeVar("T")


class _Bridge(QObject):
    fraction = Signal(float)


class TaskControl:
    """Cancel a running task from the GUI thread, and wait for its worker to end.

    ``on_cancel`` runs at once on a cancel (``VaultSession`` interrupts the database
    statement running), so a job stuck inside one long statement stops too.
    """

    def __init__(self, on_cancel: Callable[[], None] | None = None) -> None:
        self.cancelled = threading.Event()
        self._on_cancel = on_cancel
        self._call: BackgroundCall | None = None

    def cancel(self) -> None:
        if self.cancelled.is_set():
            return
        self.cancelled.set()
        if self._on_cancel is not None:
            self._on_cancel()

    def wait(self, seconds: float) -> bool:
        """Wait up to ``seconds`` for the worker; True if it has ended (or never ran)."""
        call = self._call
        return call is None or call.wait(int(seconds * 1000))


def run_with_progress(
    parent: QWidget | None,
    label: str,
    work: Callable[[Callable[[float], bool]], T],
    control: TaskControl | None = None,
) -> T:
    """Run ``work(progress)`` off the GUI thread behind a modal progress dialog.

    ``progress(fraction)`` moves the bar and returns False once Cancel is pressed; the
    work is expected to stop then (raising ``CancelledError``). Whatever ``work`` returns
    or raises is returned or raised here, on the GUI thread.
    """
    control = control or TaskControl()
    bridge = _Bridge()
    dialog = QProgressDialog(label, QCoreApplication.translate("task", "Cancel"), 0, 1000, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setAccessibleName(label)
    dialog.canceled.connect(control.cancel)
    bridge.fraction.connect(lambda f: dialog.setValue(int(f * 1000)))

    def progress(fraction: float) -> bool:
        bridge.fraction.emit(fraction)
        return not control.cancelled.is_set()

    outcome: dict[str, Any] = {}
    loop = QEventLoop()
    call = BackgroundCall(lambda: work(progress))
    control._call = call

    def finish(key: str, value: Any) -> None:
        outcome[key] = value
        loop.quit()

    call.succeeded.connect(lambda result: finish("result", result))
    call.failed.connect(lambda error: finish("error", error))
    dialog.show()
    call.start()
    loop.exec()
    call.wait()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    result: T = outcome["result"]
    return result
