"""An unexpected error shows a calm dialog, writes nothing, and keeps the vault sound.

The message names only the exception's type: its text could quote a note. Nothing is
logged or dumped (core dumps are off for the whole process), and every store write is a
transaction, so an error in the middle of one leaves the vault as it was before it.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from hushnote.gui.app_identity import app_name, wording

__all__ = ["install_crash_handler"]


def install_crash_handler(parent: Callable[[], QWidget | None]) -> None:
    def show(kind: type[BaseException]) -> None:
        box = QMessageBox(parent())
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(app_name())
        box.setText(
            wording(
                QCoreApplication.translate(
                    "crash",
                    "{app} ran into an unexpected problem. Everything saved before it is "
                    "safe. If it happens again, lock the vault and restart {app}.",
                ),
                QCoreApplication.translate(
                    "crash",
                    "{app} ran into an unexpected problem. Everything saved before it is "
                    "safe. If it happens again, restart {app}.",
                ),
            ).format(app=app_name())
        )
        box.setInformativeText(f"({kind.__name__})")
        box.exec()

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        show(kind)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        # Dialogs belong to the GUI thread.
        QTimer.singleShot(0, lambda: show(args.exc_type))

    sys.excepthook = hook
    threading.excepthook = thread_hook
