"""What can be done with one stored attachment: open it, export a copy, remove it.

Each is one function the strip, a menu or a later view can call. Reading and writing are
jobs (``VaultSession.run_job``): progress, and Cancel within half a second.

* **Open** reads the plaintext into memory (at most ``VIEW_LIMIT``) and hands it to the
  attachment viewer, imported only when needed: nothing is written anywhere.
* **Export a copy…** first says plainly that the copy is not encrypted and stays where it
  is saved, then asks where (Qt's own dialog), then writes it (``AttachmentStore.export``).
* **Remove** asks first, saying the file is destroyed for good (there is no trash for
  attachments), with No as the default.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from hushnote.core import Attachment
from hushnote.errors import CancelledError, HushnoteError
from hushnote.gui.file_dialogs import choose_save_path
from hushnote.gui.messages import error_text
from hushnote.gui.session import VaultSession

__all__ = [
    "VIEW_LIMIT",
    "confirm_remove",
    "export_attachment",
    "open_attachment",
    "remove_attachment",
]

# The largest attachment read into memory to be shown; larger ones can be exported.
VIEW_LIMIT = 512 * 1024 * 1024


def open_attachment(parent: QWidget | None, session: VaultSession, attachment: Attachment) -> Any:
    """Read ``attachment`` into memory (a job) and show it; returns what shows it, or None."""
    vault = session.vault
    if vault is None:
        return None
    if attachment.size > VIEW_LIMIT:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("attachments", "Too large to show"),
            QCoreApplication.translate(
                "attachments",
                "Files over 512 MiB are not shown here. Export a copy to open it elsewhere.",
            ),
        )
        return None
    store = vault.attachments
    try:
        data = session.run_job(
            parent,
            QCoreApplication.translate("attachments", "Decrypting the attachment…"),
            lambda progress: store.read(attachment.uuid, limit=VIEW_LIMIT, progress=progress),
        )
    except CancelledError:
        return None
    except HushnoteError as error:
        QMessageBox.warning(
            parent, QCoreApplication.translate("attachments", "Cannot open it"), error_text(error)
        )
        return None
    # Imported here: the viewer pulls in PDF and image code only when first used.
    from hushnote.gui.attachment_opening import open_attachment as show

    return show(parent, session, data, attachment.name, attachment.kind)


def export_attachment(
    parent: QWidget | None,
    session: VaultSession,
    attachment: Attachment,
    *,
    choose: Any = None,
) -> Path | None:
    """Write an unencrypted copy where the person says, after warning them; the path
    written, or None. ``choose(parent, caption, filters, suggested=)`` picks the place
    (the save dialog by default)."""
    if session.vault is None:
        return None
    warning = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("attachments", "Export an unencrypted copy"),
        QCoreApplication.translate(
            "attachments",
            "The copy will NOT be encrypted. Anyone who can open this computer's disk, or the "
            "drive you save it on, can read it, and it stays there until you delete it "
            "(deleting may not erase it from the disk).\n\nExport a copy anyway?",
        ),
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    go = warning.addButton(
        QCoreApplication.translate("attachments", "Export a copy…"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    warning.setDefaultButton(QMessageBox.StandardButton.Cancel)
    warning.setEscapeButton(QMessageBox.StandardButton.Cancel)
    warning.exec()
    if warning.clickedButton() is not go:
        return None
    pick = choose or choose_save_path
    target = pick(
        parent,
        QCoreApplication.translate("attachments", "Export a copy"),
        QCoreApplication.translate("attachments", "All files (*)"),
        suggested=Path.home() / attachment.name,
    )
    if target is None or session.vault is None:
        return None
    store = session.vault.attachments
    try:
        session.run_job(
            parent,
            QCoreApplication.translate("attachments", "Decrypting and writing the copy…"),
            lambda progress: store.export(attachment.uuid, target, progress=progress),
        )
    except CancelledError:
        return None
    except HushnoteError as error:
        QMessageBox.warning(
            parent, QCoreApplication.translate("attachments", "Not exported"), error_text(error)
        )
        return None
    return Path(target)


def confirm_remove(parent: QWidget | None, attachment: Attachment) -> bool:
    """Ask before destroying an attachment; No is the default."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("attachments", "Remove attachment"),
        QCoreApplication.translate(
            "attachments",
            "Remove “%1” for good?\n\nIts encrypted file is destroyed: it does not go to the "
            "trash and cannot be brought back.",
        ).replace("%1", attachment.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.button(QMessageBox.StandardButton.Yes).setText(
        QCoreApplication.translate("attachments", "Remove for good")
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def remove_attachment(
    parent: QWidget | None, session: VaultSession, attachment: Attachment
) -> bool:
    """Remove after the confirm; True if it is gone."""
    if session.vault is None or session.busy or not confirm_remove(parent, attachment):
        return False
    vault = session.vault  # again: the vault may have locked while the question was open
    if vault is None:
        return False
    try:
        vault.attachments.remove(attachment.uuid)
    except HushnoteError as error:
        QMessageBox.warning(
            parent, QCoreApplication.translate("attachments", "Not removed"), error_text(error)
        )
        return False
    session.notify("attachments")
    return True
