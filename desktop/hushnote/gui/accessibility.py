"""What screen readers and keyboard users need from every control.

Each control gets a name (what it is) and a description (what it does or holds), both
translated. Text areas and tables give Tab back to focus navigation, so the keyboard can
always leave them: a text area that swallows Tab is a keyboard trap.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox, QPlainTextEdit, QWidget

__all__ = ["USER_DATA", "describe", "describe_buttons", "plain_label", "release_tab"]

#: Object name of labels that show what the user wrote, never a translatable string.
USER_DATA = "user-data"


def describe(widget: QWidget, name: str, description: str) -> None:
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)


def plain_label(text: str) -> str:
    """A control's text without its mnemonic: "&Joplin" and Chinese "Joplin(&J)" both
    become "Joplin", which a screen reader reads without a stray letter."""
    return (
        re.sub(r"\s*[(\uff08]&\w[)\uff09]", "", text)
        .replace("&&", "\0")
        .replace("&", "")
        .replace("\0", "&")
    )


def release_tab(widget: QAbstractItemView | QPlainTextEdit) -> None:
    """Let Tab and Shift+Tab move focus out of ``widget`` instead of acting inside it."""
    if isinstance(widget, QPlainTextEdit):
        widget.setTabChangesFocus(True)
    else:
        widget.setTabKeyNavigation(False)


def describe_buttons(box: QDialogButtonBox) -> None:
    """Give a dialog's standard buttons descriptions of what they do here."""
    role = QDialogButtonBox.ButtonRole
    texts = {
        role.AcceptRole: QCoreApplication.translate("buttons", "Apply and close."),
        role.RejectRole: QCoreApplication.translate("buttons", "Close without changing anything."),
    }
    for button in box.buttons():
        description = texts.get(box.buttonRole(button))
        if description and not button.accessibleDescription():
            button.setAccessibleDescription(description)
