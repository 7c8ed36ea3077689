"""Long work (an import, a key rotation) in a worker, with a progress bar and Cancel."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from hushnote.gui.background import BackgroundCall

__all__ = ["run_with_progress"]

T = TypeVar("T")


class _Bridge(QObject):
    fraction = Signal(float)


def run_with_progress(
    parent: QWidget | None, label: str, work: Callable[[Callable[[float], bool]], T]
) -> T:
    """Run ``work(progress)`` off the GUI thread behind a modal progress dialog.

    ``progress(fraction)`` moves the bar and returns False once Cancel is pressed; the
    work is expected to stop then (raising ``CancelledError``). Whatever ``work`` returns
    or raises is returned or raised here, on the GUI thread.
    """
    cancelled = threading.Event()
    bridge = _Bridge()
    dialog = QProgressDialog(label, QCoreApplication.translate("task", "Cancel"), 0, 1000, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setAccessibleName(label)
    dialog.canceled.connect(cancelled.set)
    bridge.fraction.connect(lambda f: dialog.setValue(int(f * 1000)))

    def progress(fraction: float) -> bool:
        bridge.fraction.emit(fraction)
        return not cancelled.is_set()

    outcome: dict[str, Any] = {}
    loop = QEventLoop()
    call = BackgroundCall(lambda: work(progress))

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
