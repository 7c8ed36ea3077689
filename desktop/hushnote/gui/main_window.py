"""The one main window: create, unlock, or the open vault, and locking."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from hushnote.core import KdfParams, Vault, VaultPaths
from hushnote.gui.create_page import CreatePage
from hushnote.gui.unlock_page import UnlockPage
from hushnote.gui.vault_page import VaultPage

__all__ = ["WINDOW_TITLE", "MainWindow"]

# Never anything from the vault: titles end up in task bars, screenshots and window lists.
WINDOW_TITLE = "Hushnote"


class MainWindow(QMainWindow):
    """Holds at most one unlocked ``Vault`` and locks it on Ctrl+L or when closed."""

    def __init__(
        self, root: Path, *, kdf: KdfParams | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(WINDOW_TITLE)
        self.vault: Vault | None = None
        self.pages = QStackedWidget()
        self.create_page = CreatePage(root, kdf)
        self.unlock_page = UnlockPage(root)
        self.vault_page = VaultPage()
        for page in (self.create_page, self.unlock_page, self.vault_page):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self.create_page.opened.connect(self._open)
        self.unlock_page.opened.connect(self._open)
        self.vault_page.lock_requested.connect(self.lock)
        lock_shortcut = QShortcut(QKeySequence("Ctrl+L"), self)
        lock_shortcut.activated.connect(self.lock)
        self.resize(560, 420)
        first_run = not VaultPaths(root).exists()
        self._show_page(self.create_page if first_run else self.unlock_page)

    def _show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        page.setFocus()

    def lock(self) -> None:
        """Close the vault, forget everything shown from it, and ask for the passphrase."""
        if self.vault is not None:
            self.vault.lock()
            self.vault = None
        self.vault_page.clear()
        self.unlock_page.reset()
        self._show_page(self.unlock_page)

    def _open(self, vault: Vault) -> None:
        self.vault = vault
        self.vault_page.show_vault(vault)
        self._show_page(self.vault_page)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.lock()
        super().closeEvent(event)
