"""Start the desktop app."""

from __future__ import annotations

import sys
from pathlib import Path

from hushnote.gui.platform_check import require_display

__all__ = ["run_gui"]


def run_gui(
    root: Path,
    *,
    geometry: str | None = None,
    state: str | None = None,
    unlock_error: str | None = None,
    passphrase_fd: int | None = None,
) -> int:
    """Show the main window for the vault at ``root`` and run until it closes.

    The keywords come from the hidden options with which a locked app restarts itself
    (``hushnote.gui.relaunch``): where the window was, why the last unlock failed, and
    the pipe holding the passphrase that failed, read first, whatever happens next.
    """
    from hushnote.gui.relaunch import read_handover

    retry = read_handover(passphrase_fd)
    require_display()
    from PySide6.QtCore import QByteArray
    from PySide6.QtWidgets import QApplication

    from hushnote.app.app_config import load_config
    from hushnote.app.private_copies import PrivateCopies
    from hushnote.gui.app_identity import apply_identity
    from hushnote.gui.crash_handler import install_crash_handler
    from hushnote.gui.file_dialogs import keep_qt_settings_off_disk
    from hushnote.gui.i18n import install_translators, pick_language
    from hushnote.gui.main_window import MainWindow
    from hushnote.gui.relaunch import exec_relaunch, parse_geometry
    from hushnote.gui.theme import follow_system_theme

    keep_qt_settings_off_disk()
    PrivateCopies().sweep()  # what a crash left of copies opened in other programs
    config = load_config()
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Hushnote")
    install_translators(pick_language(config.language), app)
    apply_identity(app, config.camouflage)
    follow_system_theme(app)
    window = MainWindow(
        root, relaunch=exec_relaunch, unlock_error=unlock_error, retry_passphrase=retry
    )
    retry = None  # the field holds it now
    install_crash_handler(lambda: window)
    placement = parse_geometry(geometry)
    if placement:
        window.restoreGeometry(QByteArray(placement))  # ignores what it cannot read
    if state == "minimized":
        window.showMinimized()
    else:
        window.show()
    if state == "active":
        window.activateWindow()  # the old window had the keyboard; this one takes it back
    return app.exec()
