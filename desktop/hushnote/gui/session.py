"""The open vault as every view sees it: one object, with signals.

``MainWindow`` opens and closes the session; the workspace, the editors, the search
dialog and the lists read ``session.vault`` when they need it and keep no copy. They
learn of changes through signals instead of calling each other:

* ``opened``: a vault is open;
* ``locked``: it was closed (locked, or abandoned by a panic); nothing may stay shown;
  before it is emitted, every copy handed to another program is overwritten and removed
  (``copies``) and Qt's pixmap cache is emptied;
* ``changed(kind)``: records changed ("notes", "contacts", "lists" or "all");
* ``job_started`` and ``job_finished``: a long job (an import, an export, a key
  rotation) holds the database (``run_job``).

While a job runs, the job owns the connection (``Database.turn``): the views make no
call of their own, so the GUI thread never waits for it. An edit typed meanwhile is
saved when the job ends, whether the job succeeded, failed or was cancelled.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QWidget

from hushnote.app.private_copies import PrivateCopies
from hushnote.core import Progress, Vault
from hushnote.gui.task_dialog import TaskControl, run_with_progress

__all__ = ["JOB_STOP_SECONDS", "VaultSession"]

T = TypeVar("T")

# How long a panic waits for an interrupted job to end before it abandons the connection.
JOB_STOP_SECONDS = 2.0


class VaultSession(QObject):
    """The vault open in this window, if any, and the long job running on it."""

    opened = Signal()
    locked = Signal()
    changed = Signal(str)
    job_started = Signal()
    job_finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vault: Vault | None = None
        self._job: TaskControl | None = None
        # Attachments opened in other programs: plaintext in RAM until the vault closes.
        self.copies = PrivateCopies()

    @property
    def vault(self) -> Vault | None:
        return self._vault

    @property
    def busy(self) -> bool:
        """Whether a long job holds the database now."""
        return self._job is not None

    def open(self, vault: Vault) -> None:
        self._vault = vault
        self.opened.emit()

    def close(self) -> Vault | None:
        """Empty the session and hand back the vault for the caller to lock or abandon.

        The caller saves what is being edited first (``Workspace.forget``): a save that
        fails with a bug must reach the crash dialog before anything closes."""
        vault, self._vault = self._vault, None
        self.forget_copies()
        if vault is not None:
            self.locked.emit()
        return vault

    def forget_copies(self) -> None:
        """Erase what outlives the views: the copies other programs opened, and Qt's
        cache of drawn pixmaps (which may hold an attachment's pixels)."""
        self.copies.clear()
        QPixmapCache.clear()

    def notify(self, kind: str) -> None:
        """Tell every view that records of ``kind`` changed."""
        if self._vault is not None:
            self.changed.emit(kind)

    # -- long jobs -------------------------------------------------------------------

    def run_job(self, parent: QWidget | None, label: str, work: Callable[[Progress], T]) -> T:
        """Run ``work(progress)`` on a worker behind a progress dialog (``task_dialog``).

        Cancel stops it at its next progress report and interrupts the statement it is
        running, so it ends within half a second. Edits made meanwhile wait for
        ``job_finished``, which is emitted however the job ends.
        """
        if self._job is not None:
            raise RuntimeError("one long job at a time")
        vault = self._vault
        control = TaskControl(on_cancel=lambda: _interrupt(vault))
        self._job = control
        self.job_started.emit()
        try:
            return run_with_progress(parent, label, work, control)
        finally:
            self._job = None
            self.job_finished.emit()

    def stop_job(self, wait: float = JOB_STOP_SECONDS) -> bool:
        """Cancel the running job and wait up to ``wait`` seconds for its thread to end
        (a panic, before the files go). True if no job is left running."""
        control = self._job
        if control is None:
            return True
        control.cancel()
        return control.wait(wait)


def _interrupt(vault: Vault | None) -> None:
    if vault is not None and not vault.is_locked:
        vault.db.interrupt()
