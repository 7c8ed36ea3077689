"""Sync the shared notebooks while the vault is open, without freezing the window.

A pass (``vault.spaces.sync()``) runs as the session's *quiet* job
(``VaultSession.start_quiet``): on a worker, with no progress dialog, never two at once,
and it gives way to a long job asked for meanwhile. It starts

* when a shared folder changes (``QFileSystemWatcher`` on each folder, its space
  folders and their device folders),
* a second after the last note save (``schedule``),
* every 30 seconds anyway (watchers miss changes on some network and FUSE folders),
* at unlock.

A request while the database is busy is remembered and served when the job ends. The
note being edited is saved first, so that the pass merges it; text typed during the
pass stays in the editor, with the pass's change to the same body merged into it
(``NoteEditor.reload_if_clean``).
At lock and at a panic the pass is cancelled (``VaultSession.stop_quiet``/``stop_job``).

The status bar item (``SyncStatus``) names the last successful pass and any problem,
never a note's title or text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from hushnote.core import SpaceInfo, SpaceReport
from hushnote.errors import HushnoteError
from hushnote.gui.session import VaultSession

__all__ = ["PASS_SECONDS", "SAVE_DELAY_MS", "SyncRunner", "SyncStatus", "status_lines"]

PASS_SECONDS = 30
SAVE_DELAY_MS = 1000


def _refused_text(reason: str, count: int) -> str:
    texts = {
        "forged": QCoreApplication.translate(
            "SyncStatus", "%n file(s) refused: forged signature", None, count
        ),
        "damaged": QCoreApplication.translate(
            "SyncStatus", "%n file(s) refused: damaged or not meant for this notebook", None, count
        ),
        "malformed": QCoreApplication.translate(
            "SyncStatus", "%n file(s) refused: not a change file", None, count
        ),
        "fork": QCoreApplication.translate(
            "SyncStatus", "%n file(s) refused: a device's history was rewritten", None, count
        ),
        "not-admin": QCoreApplication.translate(
            "SyncStatus", "%n file(s) refused: a change only the admin may make", None, count
        ),
        "removed": QCoreApplication.translate(
            "SyncStatus", "%n file(s) refused: written by a removed member", None, count
        ),
    }
    return texts.get(
        reason, QCoreApplication.translate("SyncStatus", "%n file(s) refused", None, count)
    )


def status_lines(spaces: list[SpaceInfo], reports: list[SpaceReport]) -> list[str]:
    """The problems to show, most serious first: none when all is well."""
    lines: list[str] = []
    problems = {report.problem for report in reports} | {space.problem for space in spaces}
    if "removed" in problems:
        lines.append(QCoreApplication.translate("SyncStatus", "Removed from this shared notebook"))
    if "rolled-back" in problems:
        lines.append(
            QCoreApplication.translate(
                "SyncStatus", "This vault is older than its shared folder: not publishing"
            )
        )
    if "folder-unsafe" in problems:
        lines.append(
            QCoreApplication.translate(
                "SyncStatus", "Shared folder replaced by a link or a file: not syncing"
            )
        )
    if problems & {"disk-full", "storage"}:
        lines.append(
            QCoreApplication.translate(
                "SyncStatus", "The shared folder cannot be written: the disk is full or read-only"
            )
        )
    if "folder-missing" in problems:
        lines.append(QCoreApplication.translate("SyncStatus", "Shared folder missing"))
    refused: dict[str, int] = {}
    for report in reports:
        for verdict in report.refused:
            refused[verdict.reason] = refused.get(verdict.reason, 0) + 1
    lines.extend(_refused_text(reason, count) for reason, count in sorted(refused.items()))
    return lines


class SyncStatus(QLabel):
    """The status bar item: "Synced at 14:05", or the problem."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Shared notebooks"))
        self.hide()

    def show_state(
        self, spaces: list[SpaceInfo], reports: list[SpaceReport], error: str | None = None
    ) -> None:
        if not spaces:
            self.forget()
            return
        lines = status_lines(spaces, reports)
        if error is not None:
            lines.insert(0, error)
        times = [space.last_ok for space in spaces if space.last_ok is not None]
        last = (
            self.tr("Synced at %1").replace("%1", _clock(max(times)))
            if times
            else self.tr("Not synced yet")
        )
        self.setText(" · ".join([*lines[:1], last]) if lines else last)
        self.setStyleSheet("QLabel { color: #b00020; }" if lines else "")
        self.setToolTip("\n".join([*lines, last]))
        self.setAccessibleDescription(self.toolTip())
        self.show()

    def forget(self) -> None:
        self.clear()
        self.setToolTip("")
        self.hide()


def _clock(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M")


class SyncRunner(QObject):
    """Runs sync passes for the open vault; ``finished(spaces, reports, error)``."""

    finished = Signal(object, object, object)

    def __init__(
        self,
        session: VaultSession,
        before_pass: Callable[[], object],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._before_pass = before_pass
        self._pending = False
        self.passes = 0  # finished passes since unlock (tests wait on it)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _path: self.schedule())
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(SAVE_DELAY_MS)
        self.debounce.timeout.connect(self.request)
        self.periodic = QTimer(self)
        self.periodic.setInterval(PASS_SECONDS * 1000)
        self.periodic.timeout.connect(self.request)
        session.opened.connect(self._opened)
        session.locked.connect(self.stop)
        session.job_finished.connect(self._job_ended)

    def _opened(self) -> None:
        self.passes = 0
        if self._spaces():
            self.periodic.start()
            self.request()

    def _spaces(self) -> list[SpaceInfo]:
        vault = self.session.vault
        if vault is None or vault.is_locked or self.session.busy:
            return []
        try:
            return vault.spaces.all()
        except HushnoteError:
            return []

    def _with_removal(self, spaces: list[SpaceInfo]) -> list[SpaceInfo]:
        """The core marks this vault's own member removed without setting the space's
        problem: the status says it all the same."""
        vault = self.session.vault
        if vault is None:
            return spaces
        marked = []
        for space in spaces:
            try:
                members = vault.spaces.members(space.notebook)
            except HushnoteError:
                members = []
            if space.problem is None and any(m.you and m.removed for m in members):
                space = replace(space, problem="removed")
            marked.append(space)
        return marked

    def schedule(self) -> None:
        """A pass a second from now (after the last of several saves)."""
        if self.session.vault is not None:
            self.debounce.start()

    def request(self) -> None:
        """A pass now, or as soon as the database is free."""
        vault = self.session.vault
        if vault is None or vault.is_locked:
            return
        if self.session.busy:
            self._pending = True
            return
        self._pending = False
        if not self._spaces():
            return
        self.periodic.start()  # also restarts the 30 s count
        self._before_pass()  # the note being edited is saved, so the pass merges it
        spaces = vault.spaces
        self.session.start_quiet(lambda progress: spaces.sync(progress), self._done)

    def _job_ended(self) -> None:
        if self._pending and self.session.vault is not None:
            QTimer.singleShot(0, self.request)

    def _done(self, reports: object, error: BaseException | None) -> None:
        if self.session.vault is None:
            return
        self.passes += 1
        from hushnote.gui.messages import error_text

        spaces = self._with_removal(self._spaces())
        self._watch(spaces)
        listed = reports if isinstance(reports, list) else []
        message = None
        if error is not None and getattr(error, "code", "") != "cancelled":
            message = error_text(error)
        self.finished.emit(spaces, listed, message)
        if any(r.changed_notes or r.applied_files for r in listed):
            self.session.notify("notes")

    def _watch(self, spaces: list[SpaceInfo]) -> None:
        wanted: set[str] = set()
        for space in spaces:
            folder = Path(space.space_folder)
            if not folder.is_dir():
                continue
            wanted.add(str(folder))
            wanted.update(str(device) for device in _subfolders(folder))
        current = set(self.watcher.directories())
        if current - wanted:
            self.watcher.removePaths(sorted(current - wanted))
        if wanted - current:
            self.watcher.addPaths(sorted(wanted - current))

    def stop(self) -> None:
        """At lock: no pass runs or starts until the next unlock."""
        self.debounce.stop()
        self.periodic.stop()
        self._pending = False
        self.session.stop_quiet()
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())


def _subfolders(folder: Path) -> list[Path]:
    try:
        return [entry for entry in folder.iterdir() if entry.is_dir() and len(entry.name) == 32]
    except OSError:
        return []
