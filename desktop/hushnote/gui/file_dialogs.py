"""File choosers that leave no history behind.

Qt's own file dialog records visited folders and recent files in
``~/.config/QtProject.conf``; GTK's native one adds them to ``recently-used.xbel``. Both
would tell an examiner which files the user exported. Hushnote uses Qt's dialog (never
the native one) and points Qt's user settings at a location that cannot be created, so
the history is never written.

Inside a Flatpak sandbox the app sees no user files, so there it uses the native dialog,
which Qt routes through the desktop's file-chooser portal: the only way to reach them.
The portal runs outside the sandbox and may add the chosen file to the desktop's recent
files; packaging/README.md says so.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

__all__ = [
    "choose_folder",
    "choose_open_path",
    "choose_open_paths",
    "choose_save_path",
    "keep_qt_settings_off_disk",
]

# A path under /proc can be created by nobody, root included.
_NOWHERE = "/proc/hushnote-keeps-no-qt-settings"


def keep_qt_settings_off_disk() -> None:
    """Call before any QSettings is made: Qt's own settings files are never written."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, _NOWHERE)
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, _NOWHERE)


def in_flatpak() -> bool:
    return bool(os.environ.get("FLATPAK_ID"))


def _dialog(parent: QWidget | None, caption: str, filters: str) -> QFileDialog:
    dialog = QFileDialog(parent, caption, str(Path.home()), filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, not in_flatpak())
    dialog.setHistory([])
    return dialog


def choose_open_path(parent: QWidget | None, caption: str, filters: str) -> Path | None:
    dialog = _dialog(parent, caption, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if dialog.exec() and dialog.selectedFiles():
        return Path(dialog.selectedFiles()[0])
    return None


def choose_open_paths(parent: QWidget | None, caption: str, filters: str) -> list[Path]:
    """One or more existing files (attachments), in the same history-free dialog."""
    dialog = _dialog(parent, caption, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    if dialog.exec():
        return [Path(name) for name in dialog.selectedFiles()]
    return []


def choose_save_path(
    parent: QWidget | None, caption: str, filters: str, *, suggested: Path | None = None
) -> Path | None:
    dialog = _dialog(parent, caption, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if suggested is not None:
        if suggested.parent.is_dir():
            dialog.setDirectory(str(suggested.parent))
        dialog.selectFile(suggested.name)
    if dialog.exec() and dialog.selectedFiles():
        return Path(dialog.selectedFiles()[0])
    return None


def choose_folder(parent: QWidget | None, caption: str) -> Path | None:
    """An existing folder (a shared notebook's sync folder), in the history-free dialog."""
    dialog = _dialog(parent, caption, "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    if dialog.exec() and dialog.selectedFiles():
        return Path(dialog.selectedFiles()[0])
    return None
