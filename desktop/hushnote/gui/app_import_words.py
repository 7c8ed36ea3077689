"""The import from another app in words: each app's name and how to export from it,
the file kinds to choose, what was left out, and what an import did.

The core names apps and left-out kinds with stable codes (``IMPORTERS``,
``AppImportReport.dropped``); these turn them into translated words. A kind this module
does not know (a newer core) still reads as something true.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hushnote.core import AppImportReport

__all__ = ["apps", "dropped_sentence", "filters", "left_reason", "summary_text"]


def apps() -> dict[str, tuple[str, str]]:
    """Each importer's name as shown, and one line on what to export from it and how."""
    return {
        "joplin": (
            QCoreApplication.translate("app_import", "&Joplin"),
            QCoreApplication.translate(
                "app_import",
                "In Joplin, File ▸ Export all ▸ JEX, then choose the .jex file; or choose "
                "a folder exported as RAW.",
            ),
        ),
        "standardnotes": (
            QCoreApplication.translate("app_import", "&Standard Notes"),
            QCoreApplication.translate(
                "app_import",
                "In Standard Notes, Preferences ▸ Backups ▸ Download backup, then choose "
                "the .txt, .json or .zip file (an encrypted one asks for its passphrase).",
            ),
        ),
        "enex": (
            QCoreApplication.translate("app_import", "&Evernote"),
            QCoreApplication.translate(
                "app_import",
                "In Evernote, export each notebook as an .enex file, then choose one or "
                "several of them.",
            ),
        ),
        "markdown": (
            QCoreApplication.translate("app_import", "&Markdown folder or Obsidian vault"),
            QCoreApplication.translate(
                "app_import",
                "Choose the folder of .md files (an Obsidian vault is one), or a .zip of it.",
            ),
        ),
        "dayone": (
            QCoreApplication.translate("app_import", "&Day One"),
            QCoreApplication.translate(
                "app_import",
                "In Day One, Settings ▸ Import/Export ▸ Export ▸ JSON, then choose the .zip "
                "file or the folder unpacked from it.",
            ),
        ),
    }


def filters(app: str) -> str:
    """The file chooser's filters for ``app``'s exports, then all files."""
    everything = QCoreApplication.translate("app_import", "All files (*)")
    patterns = {
        "joplin": QCoreApplication.translate("app_import", "Joplin exports (*.jex)"),
        "standardnotes": QCoreApplication.translate(
            "app_import", "Standard Notes backups (*.txt *.json *.zip)"
        ),
        "enex": QCoreApplication.translate("app_import", "Evernote exports (*.enex)"),
        "markdown": QCoreApplication.translate("app_import", "Zip archives (*.zip)"),
        "dayone": QCoreApplication.translate("app_import", "Day One exports (*.zip)"),
    }
    return f"{patterns[app]};;{everything}"


def _dropped_sentences() -> dict[str, str]:
    return {
        "location": QCoreApplication.translate(
            "app_import", "Location data dropped from %n note(s)."
        ),
        "trashed": QCoreApplication.translate(
            "app_import", "%n item(s) in the other app's trash, not imported."
        ),
        "encrypted-section": QCoreApplication.translate(
            "app_import", "%n encrypted section(s), which cannot be read, left out."
        ),
        "unsupported-item": QCoreApplication.translate(
            "app_import", "%n item(s) of a kind this app does not keep, left out."
        ),
        "missing-attachment": QCoreApplication.translate(
            "app_import", "%n attachment(s) missing from the export."
        ),
        "link": QCoreApplication.translate(
            "app_import", "%n link(s) or special file(s) in the export, not followed or read."
        ),
        "attachment-not-cleaned": QCoreApplication.translate(
            "app_import", "%n attachment(s) whose hidden metadata could not be removed, left out."
        ),
    }


def dropped_sentence(kind: str, count: int) -> str:
    """One plain line on what was left out, for one kind."""
    sentence = _dropped_sentences().get(
        kind, QCoreApplication.translate("app_import", "%n other item(s) left out.")
    )
    return sentence.replace("%n", str(count))


def left_reason(reason: str) -> str:
    """Why a file of the export was not deleted, in words (the core's stable code)."""
    reasons = {
        "link": QCoreApplication.translate(
            "app_import", "a link: it was left, and what it points to too"
        ),
        "not-a-file": QCoreApplication.translate("app_import", "not a regular file"),
        "vault": QCoreApplication.translate(
            "app_import", "this is, or holds, the vault's own folder: nothing in it was touched"
        ),
    }
    return reasons.get(
        reason, QCoreApplication.translate("app_import", "it could not be overwritten or deleted")
    )


def summary_text(report: AppImportReport) -> str:
    """What an import did, in the lines of the message shown once it is done."""
    lines = [
        QCoreApplication.translate("app_import", "Notes: %1 new, %2 updated, %3 unchanged.")
        .replace("%1", str(report.added))
        .replace("%2", str(report.updated))
        .replace("%3", str(report.unchanged)),
        QCoreApplication.translate(
            "app_import", "Attachments added: %1. New tags: %2. New notebooks: %3."
        )
        .replace("%1", str(report.attachments))
        .replace("%2", str(report.new_tags))
        .replace("%3", str(report.new_notebooks)),
    ]
    lines += [dropped_sentence(kind, count) for kind, count in sorted(report.dropped.items())]
    return "\n".join([QCoreApplication.translate("app_import", "Import finished."), *lines])
