"""Opening an attachment: in the viewer if it can show it, else, after a warning, in
another program from a private copy in RAM.

The viewer keeps everything in memory. Another program needs a file: the copy is made
by ``hushnote.app.private_copies`` (RAM only, random name, erased at lock, panic and
quit), and handed over with ``QDesktopServices.openUrl``. What the other program does
with it is out of the vault's reach, so the user is told that first, in those words, and
the safe choice (Cancel) is the default.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from hushnote.errors import HushnoteError
from hushnote.gui.attachment_content import view_kind
from hushnote.gui.attachment_viewer import AttachmentViewer
from hushnote.gui.messages import error_text
from hushnote.gui.session import VaultSession

__all__ = [
    "RUNNABLE_EXTENSIONS",
    "confirm_other_program",
    "is_runnable",
    "open_attachment",
    "open_in_other_program",
]


def open_attachment(
    parent: QWidget | None,
    session: VaultSession,
    data: bytes | bytearray,
    name: str,
    kind: str,
) -> AttachmentViewer | None:
    """Show the attachment in the viewer, or offer another program. Returns the viewer
    shown, if any; it closes itself when the vault locks."""
    if view_kind(kind, name, data) is None:
        open_in_other_program(parent, session, data, name)
        return None
    viewer = AttachmentViewer(data, name, kind, parent)
    viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    session.locked.connect(viewer.reject)
    session.content_left.connect(viewer.reject)
    viewer.show()
    return viewer


# Files that run code, install software, or make the program that opens them fetch
# things from the network (a web page), whatever their content claims: never handed to
# the desktop's opener, which could run them (Wine, Java, a browser).
RUNNABLE_EXTENSIONS = frozenset(
    """exe msi msix com scr bat cmd pif cpl vbs vbe js jse wsf wsh ps1 psm1 hta lnk reg
    jar jnlp appimage run bin sh bash zsh csh ksh fish command desktop py pyw pyz pl rb
    php deb rpm apk snap flatpakref flatpak dmg pkg app html htm xhtml shtml mht mhtml
    svg xml url webloc iso img""".split()
)
# What a program starts with, whatever it is called: ELF, Windows PE, a script's #!.
_RUNNABLE_MAGIC = (b"\x7fELF", b"MZ", b"#!")


def is_runnable(name: str, data: bytes | bytearray) -> bool:
    """Whether opening this file elsewhere could run code or reach the network."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return extension in RUNNABLE_EXTENSIONS or bytes(data[:4]).startswith(_RUNNABLE_MAGIC)


def confirm_other_program(parent: QWidget | None) -> bool:
    """Warn what another program may keep; True only if the user chooses to go on."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("AttachmentOpening", "Open in another program"))
    box.setText(
        QCoreApplication.translate(
            "AttachmentOpening", "This file cannot be shown here. Open it in another program?"
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "AttachmentOpening",
            "A decrypted copy is placed in a private folder in memory, and erased when the "
            "vault locks. But the other program may keep its own copies, recent-file lists, "
            "thumbnails or autosaves on the disk, outside the vault, where locking or wiping "
            "the vault cannot erase them.",
        )
    )
    go = box.addButton(
        QCoreApplication.translate("AttachmentOpening", "Open in another program"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is go


def open_in_other_program(
    parent: QWidget | None, session: VaultSession, data: bytes | bytearray, name: str
) -> bool:
    """After the warning, write a private copy and ask the desktop to open it. True if
    the desktop took it; every failure is said in a sentence."""
    if session.vault is None:
        return False
    if is_runnable(name, data):
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("AttachmentOpening", "Open in another program"),
            QCoreApplication.translate(
                "AttachmentOpening",
                "This file could run a program or load things from the internet when "
                "opened, so it is not opened from here. Export a copy only if you know "
                "what it is.",
            ),
        )
        return False
    if not confirm_other_program(parent):
        return False
    try:
        path = session.copies.write(data, name)
    except HushnoteError as error:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("AttachmentOpening", "Open in another program"),
            error_text(error),
        )
        return False
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("AttachmentOpening", "Open in another program"),
            QCoreApplication.translate(
                "AttachmentOpening", "No program on this computer opens this kind of file."
            ),
        )
        return False
    return True
