"""Show the real window on a real X display, one screen at a time, for screenshots.

Usage: python window_tour.py VAULT_DIR PASSPHRASE

With TOUR_LANGUAGE=zh_CN (say) set, the app speaks that language. Prints "ready unlock"
with the unlock screen up, then waits for a line on stdin; unlocks
and prints "ready main" with sample data shown; waits again, then quits.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

from hushnote.gui.app_identity import apply_identity
from hushnote.gui.file_dialogs import keep_qt_settings_off_disk
from hushnote.gui.i18n import install_translators
from hushnote.gui.main_window import MainWindow
from hushnote.gui.theme import follow_system_theme


def main() -> int:
    root, passphrase = Path(sys.argv[1]), sys.argv[2]
    keep_qt_settings_off_disk()
    app = QApplication(sys.argv[:1])
    install_translators(os.environ.get("TOUR_LANGUAGE", "en"), app)
    apply_identity(app, camouflage=False)
    follow_system_theme(app)
    window = MainWindow(root, relaunch=lambda request: None)  # the tour ends at its lock
    window.resize(1100, 680)
    window.move(0, 0)
    window.show()
    steps = iter(["unlock", "main", "search", "quit"])

    def announce() -> None:
        step = next(steps)
        if step == "quit":
            window.lock()
            app.quit()
            return
        print(f"ready {step}", flush=True)

    def advance() -> None:
        sys.stdin.readline()
        if window.vault is None:
            window.unlock_page.opened.connect(lambda _: QTimer.singleShot(600, show_main))
            window.unlock_page.passphrase.setText(passphrase)
            window.unlock_page.begin_unlock()
        elif not window.search_dialog.isVisible():
            window.search_dialog.start("eviction")
            window.search_dialog.move(240, 120)
            QTimer.singleShot(600, announce)
        else:
            announce()

    def show_main() -> None:
        workspace = window.workspace
        workspace.choose_section("notes")
        workspace.list_view.setCurrentIndex(workspace.note_model.index(0))
        QTimer.singleShot(400, announce)

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(advance)
    QTimer.singleShot(800, announce)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
