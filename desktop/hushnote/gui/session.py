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
  rotation) holds the database (``run_job``), or a quiet one (a sync pass of the shared
  notebooks, ``start_quiet``): no progress dialog, and it yields to a long job asked for
  meanwhile (cancelled, then waited for: it stops within half a second).

While a job runs, the job owns the connection (``Database.turn``): the views make no
call of their own, so the GUI thread never waits for it. An edit typed meanwhile is
saved when the job ends, whether the job succeeded, failed or was cancelled.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QWidget

from hushnote.app.private_copies import PrivateCopies
from hushnote.core import Progress, Vault
from hushnote.gui.background import BackgroundCall
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
    # Content left the vault (travel started): every window showing some of it (a viewer,
    # search results, earlier versions) forgets it, as at a lock.
    content_left = Signal()
    job_started = Signal()
    job_finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vault: Vault | None = None
        self._job: TaskControl | None = None
        self._quiet: _QuietJob | None = None
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
        self.stop_quiet()
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
        self.stop_quiet()
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

    @property
    def quiet_running(self) -> bool:
        return self._quiet is not None

    def start_quiet(
        self,
        work: Callable[[Progress], T],
        done: Callable[[T | None, BaseException | None], None],
    ) -> bool:
        """Start ``work(progress)`` on a worker with no dialog; ``done(result, error)``
        runs on the GUI thread when it ends (not after ``stop_quiet``). False if a job
        holds the database already, or no vault is open: nothing started."""
        if self._job is not None or self._vault is None:
            return False
        vault = self._vault
        control = TaskControl(on_cancel=lambda: _interrupt(vault))
        quiet = _QuietJob(self, control, done)
        # Owned by ``quiet``, deleted with it once the thread has ended.
        call = BackgroundCall(lambda: work(lambda _f: not control.cancelled.is_set()), quiet)
        control._call = call
        call.succeeded.connect(quiet.succeeded)
        call.failed.connect(quiet.failed)
        self._job, self._quiet = control, quiet
        self.job_started.emit()
        call.start()
        return True

    def stop_quiet(self, wait: float = JOB_STOP_SECONDS, *, announce: bool = True) -> bool:
        """Cancel the quiet job, if any, and wait up to ``wait`` seconds for it to end
        (before a long job, a lock). True if none is left running."""
        quiet = self._quiet
        if quiet is None:
            return True
        quiet.control.cancel()
        ended = quiet.control.wait(wait)
        self._end_quiet(quiet, announce=announce)
        return ended

    def _end_quiet(self, quiet: _QuietJob, *, announce: bool = True) -> bool:
        if self._quiet is not quiet:
            return False  # stopped already
        self._job, self._quiet = None, None
        if announce:
            self.job_finished.emit()
        return True

    def stop_job(self, wait: float = JOB_STOP_SECONDS) -> bool:
        """Cancel the running job and wait up to ``wait`` seconds for its thread to end
        (a panic, before the files go). True if no job is left running."""
        if self._quiet is not None:
            # No job_finished: an edit waiting for it must not be saved into a vault
            # whose keys are gone (the session closes next).
            return self.stop_quiet(wait, announce=False)
        control = self._job
        if control is None:
            return True
        control.cancel()
        return control.wait(wait)


class _QuietJob(QObject):
    """Receives a quiet job's outcome on the GUI thread (where it lives)."""

    def __init__(
        self,
        session: VaultSession,
        control: TaskControl,
        done: Callable[[Any, BaseException | None], None],
    ) -> None:
        super().__init__(session)
        self.session = session
        self.control = control
        self._done = done

    @Slot(object)
    def succeeded(self, result: object) -> None:
        self._finish(result, None)

    @Slot(object)
    def failed(self, error: object) -> None:
        assert isinstance(error, BaseException)
        self._finish(None, error)

    def _finish(self, result: object, error: BaseException | None) -> None:
        self.control.wait(JOB_STOP_SECONDS)  # its thread is ending: the signal was its last act
        if self.session._end_quiet(self):
            self._done(result, error)
        self.deleteLater()


def _interrupt(vault: Vault | None) -> None:
    if vault is not None and not vault.is_locked:
        vault.db.interrupt()
