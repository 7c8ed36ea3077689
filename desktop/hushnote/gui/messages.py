"""User-facing, translatable text for errors raised by the core."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hushnote.errors import HushnoteError
from hushnote.gui.app_identity import app_name

__all__ = ["error_text"]


def error_text(error: BaseException) -> str:
    """A calm sentence for ``error``; never its arguments' content, never a traceback."""
    return _sentence(error).format(app=app_name())


def _literal(value: object) -> str:
    """A name from outside (a path, a file in an export) put into a sentence that is
    formatted afterwards: its braces stay braces."""
    return str(value).replace("{", "{{").replace("}", "}}")


def _sentence(error: BaseException) -> str:
    if not isinstance(error, HushnoteError):
        return QCoreApplication.translate(
            "errors", "Something went wrong inside {app}. Your saved data was not changed."
        )
    reason = str(error.context.get("reason", ""))
    if error.code == "import-format":
        line = error.context.get("line", 0)
        if not line:
            return QCoreApplication.translate(
                "errors", "The file cannot be imported; nothing was imported."
            )
        return QCoreApplication.translate(
            "errors",
            "The file cannot be imported; nothing was imported. The problem is on line {line}.",
        ).replace("{line}", str(line))
    if error.code == "bundle-decryption" and reason == "key-file-missing":
        return QCoreApplication.translate(
            "errors",
            "This bundle opens with the key file %1, which is not beside it. Put that file "
            "back in the same folder as the bundle; nothing was imported.",
        ).replace("%1", _literal(error.context.get("path", "")))
    if error.code == "storage" and error.context.get("path"):
        # Name the place: a pulled-out stick or a write-protected one is not the vault.
        return QCoreApplication.translate(
            "errors", "{app} cannot read or write %1 (no permission, or a disk that was removed?)."
        ).replace("%1", _literal(error.context["path"]))
    if error.code == "app-import":
        from hushnote.gui.import_reasons import import_reason_sentence

        where = [str(error.context[key]) for key in ("file", "item") if error.context.get(key)]
        text = QCoreApplication.translate(
            "errors", "This export cannot be imported: %1. Nothing was imported."
        ).replace("%1", import_reason_sentence(reason))
        if where:
            text += " " + QCoreApplication.translate("errors", "The problem is in %1.").replace(
                "%1", _literal(", ".join(where))
            )
        return text
    if error.code == "bundle-too-large" and error.context.get("what") == "work-factor":
        return QCoreApplication.translate(
            "errors",
            "This passphrase bundle asks for more memory and time to open than {app} allows. "
            "Nothing was imported.",
        )
    if error.code == "bundle-write":
        if reason == "is-a-folder":
            return QCoreApplication.translate(
                "errors",
                "That is a folder. Choose a file name for the bundle; nothing was written.",
            )
        if reason == "exists":
            return QCoreApplication.translate(
                "errors",
                "A file of that name already exists, perhaps an earlier trip's bundle. "
                "Choose a new name; nothing was written.",
            )
        if reason == "inside-vault":
            return QCoreApplication.translate(
                "errors",
                "That place is inside the vault's own folder. Save the bundle somewhere else; "
                "nothing was written.",
            )
        return QCoreApplication.translate(
            "errors", "The bundle could not be encrypted and written. Nothing was changed."
        )
    if error.code == "pdf-font":
        if reason == "no-font":
            return QCoreApplication.translate(
                "errors", "No usable font is installed, so no PDF was made. Nothing was written."
            )
        return QCoreApplication.translate(
            "errors",
            "No installed font can draw some characters of this text (emoji, say), so no PDF "
            "was made. Nothing was written.",
        )
    if error.code == "pdf-write":
        if reason == "exists":
            return QCoreApplication.translate(
                "errors", "A file of that name already exists. Nothing was written."
            )
        if reason == "inside-vault":
            return QCoreApplication.translate(
                "errors",
                "That place is inside the vault's own folder. Save the PDF somewhere else; "
                "nothing was written.",
            )
        if reason == "is-a-folder":
            return QCoreApplication.translate(
                "errors", "That is a folder. Choose a file name for the PDF; nothing was written."
            )
        return QCoreApplication.translate(
            "errors",
            "That name cannot hold a PDF (it is not a regular file, or the name itself cannot "
            "be used). Choose another file name; nothing was written.",
        )
    if error.code == "private-copy" and reason == "unsafe-folder":
        return QCoreApplication.translate(
            "errors",
            "The private folder for copies is a link or belongs to another user, so no copy "
            "was made.",
        )
    if error.code == "invalid-record" and error.context.get("field") == "decoy":
        return QCoreApplication.translate(
            "errors", "The decoy notes are too long to fit; shorten them."
        )
    if error.code == "invalid-record" and error.context.get("field") == "age_recipient":
        if reason == "secret-key":
            return QCoreApplication.translate(
                "errors",
                "That is a secret key: never share it, and ask for a new one if it was sent "
                "to you. Paste the public key, which starts with age1.",
            )
        if reason == "no-key":
            return QCoreApplication.translate(
                "errors", "That contact has no age key saved. Add one to the contact first."
            )
        if reason == "ambiguous":
            return QCoreApplication.translate(
                "errors", "More than one contact has that name. Choose the contact from the list."
            )
        if reason == "own-key":
            return QCoreApplication.translate(
                "errors",
                "That is this vault's own key: whoever makes you unlock this vault could open "
                "the bundle. Choose a colleague's key, or a one-time travel key.",
            )
        return QCoreApplication.translate(
            "errors", "That is not an age public key: it starts with age1 and has 62 characters."
        )
    if error.code == "invalid-record" and reason == "shared-elsewhere":
        return QCoreApplication.translate(
            "errors",
            "A list marked to stay home is shared in a notebook that travels: removing it "
            "would remove it for every member. Unmark the list, or mark that notebook too. "
            "Nothing was written.",
        )
    if error.code == "invalid-record" and reason == "in-trash":
        return QCoreApplication.translate(
            "errors",
            "The selected notes are all in the trash, and the trash is never exported. "
            "Restore them first. Nothing was exported.",
        )
    if error.code == "invalid-record" and reason == "control-character":
        return QCoreApplication.translate(
            "errors", "That cannot be saved: a name or value holds control characters."
        )
    if error.code == "passphrase":
        if reason == "empty":
            return QCoreApplication.translate("errors", "Enter a passphrase.")
        if reason == "mismatch":
            return QCoreApplication.translate("errors", "The two passphrases do not match.")
        if reason == "same-as-real":
            return QCoreApplication.translate(
                "errors",
                "That is this vault's real passphrase. A duress passphrase must be a different "
                "one: typed at the unlock screen, it destroys the vault.",
            )
        if reason == "same-as-duress":
            return QCoreApplication.translate(
                "errors",
                "That is this vault's duress passphrase. The real passphrase must be a "
                "different one: otherwise typing it under pressure would open your notes.",
            )
        return QCoreApplication.translate("errors", "That passphrase cannot be used.")
    if error.code == "metadata":
        if reason == "encrypted":
            return QCoreApplication.translate(
                "errors",
                "This PDF is locked with a password, so {app} cannot remove its hidden "
                "details (author, dates, software). Nothing was attached.",
            )
        if reason == "signed":
            return QCoreApplication.translate(
                "errors",
                "This PDF is digitally signed: removing its hidden details (author, dates, "
                "software) would break the signature. Nothing was attached.",
            )
        return QCoreApplication.translate(
            "errors",
            "{app} cannot remove the hidden details (location, camera, author) from this "
            "file: it is damaged, cut short, or not the kind of file it claims to be. "
            "Nothing was attached.",
        )
    texts = {
        "authentication-failed": QCoreApplication.translate(
            "errors", "That passphrase does not open this vault."
        ),
        "vault-busy": QCoreApplication.translate(
            "errors", "This vault is open in another {app} window or command."
        ),
        "vault-corrupted": QCoreApplication.translate(
            "errors", "The vault database is damaged. Run “hushnote check” for details."
        ),
        "header-corrupted": QCoreApplication.translate(
            "errors", "The vault header is damaged or missing, so the vault cannot be opened."
        ),
        "vault-mismatch": QCoreApplication.translate(
            "errors",
            "The vault's header and database do not belong together: one of them is another "
            "vault's, or the database is empty. Nothing was changed.",
        ),
        "vault-rolled-back": QCoreApplication.translate(
            "errors",
            "The vault's database is older than its header: an older copy of it, or of part "
            "of it, was put back. Nothing was changed. If you restored it yourself, run "
            "“hushnote check --accept-rollback”.",
        ),
        "unsafe-vault-file": QCoreApplication.translate(
            "errors",
            "A file in the vault folder is a link or not a regular file, so {app} did not "
            "open it. Put the real file back in its place.",
        ),
        "header-changed": QCoreApplication.translate(
            "errors",
            "The vault's header changed on disk while {app} had the vault open: it was "
            "wiped, or another program replaced it. Nothing more was written.",
        ),
        "wipe-incomplete": QCoreApplication.translate(
            "errors",
            "The vault could not be destroyed completely (read-only disk?). Its files are "
            "still there.",
        ),
        "unsupported-version": QCoreApplication.translate(
            "errors", "This vault was made by a newer {app}. Please upgrade."
        ),
        "kdf-limit": QCoreApplication.translate(
            "errors", "This vault asks for more memory or time than this computer allows."
        ),
        "disk-full": QCoreApplication.translate(
            "errors", "The disk is full. Nothing was changed; free some space and retry."
        ),
        "private-copy": QCoreApplication.translate(
            "errors",
            "This computer has no private folder in memory for the copy, so it was not made: "
            "a copy on the disk would outlive the vault.",
        ),
        "storage": QCoreApplication.translate(
            "errors", "{app} cannot read or write the vault folder (permissions?)."
        ),
        "vault-exists": QCoreApplication.translate(
            "errors", "A vault already exists in that folder."
        ),
        "vault-location": QCoreApplication.translate(
            "errors", "That folder is not empty; choose a new or empty folder."
        ),
        "vault-not-found": QCoreApplication.translate(
            "errors", "There is no vault in that folder any more. Nothing was changed."
        ),
        "vault-locked": QCoreApplication.translate(
            "errors", "The vault was locked before that could finish. Unlock it and try again."
        ),
        "ambiguous": QCoreApplication.translate(
            "errors", "More than one item matches. Choose the one you mean from the list."
        ),
        "confirmation-required": QCoreApplication.translate(
            "errors", "That needs your confirmation first. Nothing was changed."
        ),
        "cipher-unavailable": QCoreApplication.translate(
            "errors",
            "This copy of {app} cannot encrypt (its SQLite library is not SQLCipher), so it "
            "refuses to open the vault. Reinstall {app}.",
        ),
        "display-unavailable": QCoreApplication.translate(
            "errors", "The desktop app cannot start on this display."
        ),
        "not-found": QCoreApplication.translate("errors", "That item no longer exists."),
        "invalid-record": QCoreApplication.translate(
            "errors", "That cannot be saved: a required field is empty or too long."
        ),
        "cancelled": QCoreApplication.translate("errors", "Cancelled. Nothing was changed."),
        "bundle-decryption": QCoreApplication.translate(
            "errors",
            "This bundle cannot be opened: wrong key or passphrase, or the file was changed "
            "or cut short. Nothing was imported.",
        ),
        "bundle-format": QCoreApplication.translate(
            "errors", "This bundle is damaged. Nothing was imported."
        ),
        "bundle-version": QCoreApplication.translate(
            "errors", "This bundle was made by a newer {app}. Please upgrade."
        ),
        "bundle-too-large": QCoreApplication.translate(
            "errors", "This bundle is over the size limits. Nothing was imported."
        ),
        "image-format": QCoreApplication.translate(
            "errors",
            "This is not a picture {app} can read, or it is damaged. Nothing was stored.",
        ),
        "image-too-large": QCoreApplication.translate(
            "errors",
            "This picture is too large for {app} to process. Nothing was stored.",
        ),
        "face-detector-unavailable": QCoreApplication.translate(
            "errors",
            "Faces cannot be found automatically: the face detector is not installed. "
            "You can still mark faces by hand, and they will be blurred.",
        ),
        "bundle-plan-changed": QCoreApplication.translate(
            "errors",
            "The vault changed after the preview, so the import would not do what it showed. "
            "Nothing was imported: import the bundle again to see a new preview.",
        ),
        "attachment-too-large": QCoreApplication.translate(
            "errors", "This file is too large. Files of up to 4 GiB can be attached."
        ),
        "attachment-damaged": QCoreApplication.translate(
            "errors",
            "This attachment's encrypted file is missing or damaged, so it cannot be read. "
            "Nothing else was changed.",
        ),
        "attachment-source": QCoreApplication.translate(
            "errors", "That is not a file that can be attached (a folder or a device, say)."
        ),
        "invite": QCoreApplication.translate(
            "errors",
            "This invitation cannot be used here: it was made for another key, or it is "
            "damaged, or this vault already has that shared notebook. Nothing was changed.",
        ),
        "sync-folder": QCoreApplication.translate(
            "errors",
            "That folder cannot hold a shared notebook: choose an existing folder outside "
            "the vault's own folder. Nothing was changed.",
        ),
        "space-role": QCoreApplication.translate(
            "errors",
            "Only the shared notebook's admin can invite or remove members, and the admin "
            "cannot remove itself. Nothing was changed.",
        ),
        "travel-nothing-marked": QCoreApplication.translate(
            "errors",
            "Nothing is marked to stay home. Mark a notebook or a contact list first; "
            "nothing was written.",
        ),
        "travel-verify": QCoreApplication.translate(
            "errors",
            "The travel bundle read back from the disk is not what was written, so it was "
            "removed and nothing was taken out of the vault. Try another place to save it.",
        ),
        "unsaved-changes": QCoreApplication.translate(
            "errors",
            "The open note or contact could not be saved (is the disk full?), so this did "
            "not start. Its text is still in the editor: make room, then try again.",
        ),
        "travel-bundle": QCoreApplication.translate(
            "errors",
            "This bundle is not a travel bundle. Import it as an ordinary bundle instead; "
            "nothing was changed.",
        ),
    }
    fallback = QCoreApplication.translate(
        "errors", "{app} could not complete that. Nothing was changed."
    )
    return texts.get(error.code, fallback)
