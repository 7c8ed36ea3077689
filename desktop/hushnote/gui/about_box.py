"""Help ▸ About: what the app is, in words camouflage can stand behind.

It is reachable before unlock, so under camouflage it shows the neutral name and icon, a
plain description and no version number (a version would tie "Notes" to Hushnote's
releases); ``hushnote --version`` in a terminal still tells.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from hushnote import __version__
from hushnote.gui.app_identity import app_icon, app_name, camouflaged, wording

__all__ = ["about_box"]

ICON_SIZE = 64


def about_box(parent: QWidget | None = None) -> QMessageBox:
    """The box, not yet shown: ``about_box(window).exec()``."""
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("AboutBox", "About %1").replace("%1", app_name()))
    box.setIconPixmap(app_icon(camouflaged()).pixmap(ICON_SIZE, ICON_SIZE))
    box.setText(wording(f"{app_name()} {__version__}", app_name()))
    box.setInformativeText(
        wording(
            QCoreApplication.translate(
                "AboutBox",
                "A journal for notes and contact lists that keeps everything in an encrypted "
                "vault on this computer and never connects to the network. Free software "
                "under the GNU GPL, version 3 or later.",
            ),
            QCoreApplication.translate(
                "AboutBox", "A notebook for your journal, notes and contacts."
            ),
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box
