"""The name and icon the app shows: its own, or neutral ones when camouflage is on.

Camouflage changes what a glance reveals (window titles, the task bar, the launcher
entry, and every word shown before unlock) and nothing else; docs/user-guide.md lists what
it does not hide.

Text that can be seen without the passphrase (the lock and first-run screens, their
errors, the menus and dialogs reachable while locked) comes from ``wording``: the real
sentence, or under camouflage one that a plain notes app could show, with no word about
vaults, wiping, duress, bundles, encryption or passphrases (a "password" is neutral).
tests/gui/test_camouflage.py walks every such screen for those words.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QIcon

from hushnote.app.launcher import DESKTOP_FILE
from hushnote.app.resources import resource_path

__all__ = [
    "APP_ID",
    "NEUTRAL_ICON_NAME",
    "app_icon",
    "app_name",
    "apply_identity",
    "camouflaged",
    "neutral_name",
    "shipped_desktop_entry",
    "wording",
]

APP_ID = "org.hushnote.Hushnote"
#: A stock freedesktop icon every desktop theme draws: it looks like any text editor.
NEUTRAL_ICON_NAME = "accessories-text-editor"
REAL_NAME = "Hushnote"
# Kept on the application object, beside its name, for as long as the application lives.
_CAMOUFLAGE_PROPERTY = "hushnote-camouflage"


def _bundled_icon(file_name: str) -> QIcon:
    path = resource_path("icons", file_name)
    return QIcon(str(path)) if path.is_file() else QIcon()


def shipped_desktop_entry() -> str | None:
    """The launcher entry the app ships, to restore after camouflage; None if absent."""
    candidates = [
        resource_path(DESKTOP_FILE),
        # The packaged build keeps it where install-user.sh copies it from.
        Path(sys.executable).parent / "share" / "applications" / DESKTOP_FILE,
    ]
    for path in candidates:
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return None


def app_icon(camouflage: bool) -> QIcon:
    """The theme's icon when the desktop has one, else the SVG shipped with the app."""
    if camouflage:
        return QIcon.fromTheme(NEUTRAL_ICON_NAME, _bundled_icon("neutral-notes.svg"))
    return QIcon.fromTheme(APP_ID, _bundled_icon(APP_ID + ".svg"))


def camouflaged() -> bool:
    """Whether camouflage is on for this application."""
    app = QCoreApplication.instance()
    return app is not None and app.property(_CAMOUFLAGE_PROPERTY) is True


def app_name() -> str:
    """The name to put in titles and messages: never more revealing than the launcher."""
    return neutral_name() if camouflaged() else REAL_NAME


def wording(real: str, neutral: str) -> str:
    """``neutral`` under camouflage, else ``real``: for any text shown before unlock.

    Both arrive translated (``wording(self.tr("Passphrase"), self.tr("Password"))``), so
    that both reach the catalogues. A control with no neutral form is not built at all
    under camouflage: hiding it is not enough, as the check reads the lock screen's
    hidden controls too.
    """
    return neutral if camouflaged() else real


def neutral_name() -> str:
    return QCoreApplication.translate("identity", "Notes")


def apply_identity(app: QGuiApplication, camouflage: bool) -> None:
    """Set the name, icon and desktop entry id every window will show."""
    app.setProperty(_CAMOUFLAGE_PROPERTY, camouflage)
    app.setApplicationDisplayName(app_name())
    app.setWindowIcon(app_icon(camouflage))
    app.setDesktopFileName(APP_ID)
