"""The error sentences shown before unlock, which under camouflage name nothing secret.

The unlock and first-run screens (and the message after a failed panic wipe) can be seen
by anyone at the computer. Under camouflage they say what a plain notes app would say:
no vault, header or wipe, and a "password". The person who knows still learns what to
do (retry, free space, put a file back, upgrade); ``hushnote check`` from a terminal tells
the whole story. docs/user-guide.md pairs each neutral sentence with its meaning.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hushnote.errors import HushnoteError
from hushnote.gui.app_identity import app_name, camouflaged
from hushnote.gui.messages import error_text

__all__ = ["locked_error_text"]


def locked_error_text(error: BaseException) -> str:
    """``error_text(error)``, or under camouflage its neutral sentence."""
    if not camouflaged():
        return error_text(error)
    return _neutral_sentence(error).format(app=app_name())


def _neutral_sentence(error: BaseException) -> str:
    if not isinstance(error, HushnoteError):
        return QCoreApplication.translate(
            "locked-errors", "Something went wrong inside {app}. Your saved data was not changed."
        )
    if error.code == "passphrase":
        reason = error.context.get("reason")
        if reason == "empty":
            return QCoreApplication.translate("locked-errors", "Enter a password.")
        if reason == "mismatch":
            return QCoreApplication.translate("locked-errors", "The two passwords do not match.")
        return QCoreApplication.translate("locked-errors", "That password cannot be used.")
    damaged = QCoreApplication.translate(
        "locked-errors", "Your notes cannot be opened: one of their files is damaged or missing."
    )
    texts = {
        "authentication-failed": QCoreApplication.translate(
            "locked-errors", "That password is not right."
        ),
        "vault-busy": QCoreApplication.translate(
            "locked-errors", "{app} is already open in another window."
        ),
        "vault-corrupted": damaged,
        "header-corrupted": damaged,
        "vault-mismatch": QCoreApplication.translate(
            "locked-errors",
            "Your notes cannot be opened: their files do not belong together. Nothing was changed.",
        ),
        "vault-rolled-back": QCoreApplication.translate(
            "locked-errors",
            "Your notes cannot be opened: one of their files is older than the others, "
            "as if an old copy was put back. Nothing was changed.",
        ),
        "unsafe-vault-file": QCoreApplication.translate(
            "locked-errors",
            "Your notes cannot be opened: one of their files is a link or not a regular "
            "file. Put the real file back in its place.",
        ),
        "unsupported-version": QCoreApplication.translate(
            "locked-errors", "These notes were saved by a newer {app}. Please upgrade."
        ),
        "kdf-limit": QCoreApplication.translate(
            "locked-errors", "Opening these notes needs more memory or time than this computer has."
        ),
        "disk-full": QCoreApplication.translate(
            "locked-errors", "The disk is full. Nothing was changed; free some space and retry."
        ),
        "storage": QCoreApplication.translate(
            "locked-errors", "{app} cannot read or write its folder (permissions?)."
        ),
        "vault-exists": QCoreApplication.translate(
            "locked-errors", "That folder is already in use."
        ),
        "vault-location": QCoreApplication.translate(
            "locked-errors", "That folder is not empty; choose a new or empty folder."
        ),
        "vault-not-found": QCoreApplication.translate(
            "locked-errors", "Your notes are no longer in their folder. Nothing was changed."
        ),
        "wipe-incomplete": QCoreApplication.translate(
            "locked-errors",
            "{app} could not remove its files (read-only disk?). They are still there.",
        ),
        "cipher-unavailable": QCoreApplication.translate(
            "locked-errors",
            "This copy of {app} is incomplete, so it does not open your notes. Reinstall {app}.",
        ),
    }
    return texts.get(
        error.code,
        QCoreApplication.translate(
            "locked-errors", "{app} could not complete that. Nothing was changed."
        ),
    )
