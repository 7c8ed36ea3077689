"""User-facing, translatable text for errors raised by the core."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hushnote.errors import HushnoteError

__all__ = ["error_text"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def error_text(error: BaseException) -> str:
    """A calm sentence for ``error``; never its arguments' content, never a traceback."""
    if not isinstance(error, HushnoteError):
        return _tr("Something went wrong inside Hushnote. Your saved data was not changed.")
    reason = str(error.context.get("reason", ""))
    texts = {
        "authentication-failed": _tr("That passphrase does not open this vault."),
        "vault-busy": _tr("This vault is open in another Hushnote window or command."),
        "vault-corrupted": _tr("The vault database is damaged. Run “hushnote check” for details."),
        "header-corrupted": _tr(
            "The vault header is damaged or missing, so the vault cannot be opened."
        ),
        "unsupported-version": _tr("This vault was made by a newer Hushnote. Please upgrade."),
        "kdf-limit": _tr("This vault asks for more memory or time than this computer allows."),
        "disk-full": _tr("The disk is full. Nothing was changed; free some space and retry."),
        "storage": _tr("Hushnote cannot read or write the vault folder (permissions?)."),
        "vault-exists": _tr("A vault already exists in that folder."),
        "vault-location": _tr("That folder is not empty; choose a new or empty folder."),
        "not-found": _tr("That item no longer exists."),
        "invalid-record": _tr("That cannot be saved: a required field is empty or too long."),
        "cancelled": _tr("Cancelled. Nothing was changed."),
        "bundle-decryption": _tr(
            "This bundle cannot be opened: wrong key or passphrase, or the file was changed "
            "or cut short. Nothing was imported."
        ),
        "bundle-format": _tr("This bundle is damaged. Nothing was imported."),
        "bundle-version": _tr("This bundle was made by a newer Hushnote. Please upgrade."),
        "bundle-too-large": _tr("This bundle is over the size limits. Nothing was imported."),
    }
    if error.code == "import-format":
        line = error.context.get("line", 0)
        text = _tr("The file cannot be imported; nothing was imported.")
        return text + (
            " " + _tr("The problem is on line %1.").replace("%1", str(line)) if line else ""
        )
    if error.code == "passphrase":
        return {
            "empty": _tr("Enter a passphrase."),
            "mismatch": _tr("The two passphrases do not match."),
        }.get(reason, _tr("That passphrase cannot be used."))
    return texts.get(error.code, _tr("Hushnote could not complete that. Nothing was changed."))
