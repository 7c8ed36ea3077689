"""Start the desktop app."""

from __future__ import annotations

import sys
from pathlib import Path

from hushnote.gui.platform_check import require_display

__all__ = ["run_gui"]


def run_gui(root: Path) -> int:
    """Show the main window for the vault at ``root`` and run until it closes."""
    require_display()
    from PySide6.QtWidgets import QApplication

    from hushnote.gui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Hushnote")
    app.setDesktopFileName("hushnote")
    window = MainWindow(root)
    window.show()
    return app.exec()
