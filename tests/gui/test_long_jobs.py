"""Long jobs (imports, exports, a key rotation) own the database while they run.

With the real window and a real vault: an edit typed meanwhile is saved when the job
ends, however it ends; Cancel stops every job within half a second; a panic during a
job destroys the keys within the usual budget and stops the job.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from conftest import PASSPHRASE, VaultSetup
from hushnote.core import (
    KdfParams,
    NewContact,
    NewNote,
    PdfScope,
    Progress,
    Vault,
    pdf_workers_running,
    read_contact_file,
    write_contact_file,
)
from hushnote.core.pdf.workers import SWITCH_INTERVAL as PDF_SWITCH_INTERVAL
from hushnote.errors import CancelledError, HushnoteError, StorageError
from hushnote.gui.main_window import MainWindow
from support.bundles import archive, many_links, many_notes, seal
from support.gui import finish_overwrites, panic_window, unlock_window

# Cancel and panic must take effect within this; measured from the click to the moment
# the job's call returns on the GUI thread.
CANCEL_SECONDS = 0.5


@pytest.fixture
def wiped() -> list[bool]:
    return []


@pytest.fixture
def window(qtbot: QtBot, fast_kdf_params: KdfParams, fast_kdf_vault: VaultSetup,
           wiped: list[bool]) -> MainWindow:  # fmt: skip
    made = panic_window(qtbot, fast_kdf_vault.root, fast_kdf_params, wiped)
    unlock_window(qtbot, made, PASSPHRASE)
    return made


def open_vault(window: MainWindow) -> Vault:
    assert window.vault is not None
    return window.vault


def click_cancel(window: MainWindow) -> None:
    """Click the progress dialog's Cancel button, as a person does."""
    dialogs = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    assert len(dialogs) == 1
    button = dialogs[0].findChild(QPushButton)
    assert button is not None
    button.click()


def when(condition: Callable[[], bool], then: Callable[[], None]) -> None:
    """Run ``then`` on the GUI thread (inside the job's event loop) once ``condition``."""

    def poll() -> None:
        if condition():
            then()
        else:
            QTimer.singleShot(5, poll)

    QTimer.singleShot(0, poll)


# -- an edit during a job ---------------------------------------------------------------


@pytest.mark.parametrize("ending", ["fails", "cancelled", "succeeds"])
def test_an_edit_typed_during_an_import_is_kept_however_the_import_ends(
    qtbot: QtBot, window: MainWindow, fast_kdf_vault: VaultSetup, tmp_path: Path, ending: str
) -> None:
    vault = open_vault(window)
    note = vault.notes.create(title="Case", body="before")
    window.session.notify("notes")
    window.workspace.open_note(note.uuid)
    editor = window.workspace.note_editor
    bundle = seal(tmp_path / "in.hnb", archive(many_notes(1200)), vault.age_identity().to_public())
    merging, typed = threading.Event(), threading.Event()

    def work(progress: Progress) -> Any:
        def gate(fraction: float) -> bool:
            # Hold the import inside its transaction until the edit has been attempted.
            if fraction > 0.5 and not merging.is_set():
                merging.set()
                assert typed.wait(10)
                if ending == "fails":
                    raise StorageError(path=str(tmp_path), errno="ENOSPC")
            return progress(fraction)

        return vault.import_bundle(bundle, progress=gate)

    save_took: list[float] = []

    def type_and_save() -> None:
        editor.body.setPlainText("typed during the import")
        start = time.monotonic()
        editor.save()  # what the autosave timer calls
        save_took.append(time.monotonic() - start)
        if ending == "cancelled":
            click_cancel(window)
        typed.set()

    when(merging.is_set, type_and_save)
    try:
        window.session.run_job(window, "Importing…", work)
    except (CancelledError, StorageError) as error:
        assert ending != "succeeds", error
    else:
        assert ending == "succeeds"
    assert save_took and save_took[0] < 0.1  # the window did not wait for the import
    qtbot.waitUntil(lambda: editor.status.text() == "Saved", timeout=3000)
    window.lock()
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as reopened:
        assert reopened.notes.get(note.uuid).body == "typed during the import"
        assert reopened.notes.count() == (1201 if ending == "succeeds" else 1)


def test_a_search_typed_during_a_job_runs_when_it_ends(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    vault = open_vault(window)
    vault.notes.create(title="Eviction hearing", body="Friday")
    window.search_dialog.start()
    started, asked = threading.Event(), threading.Event()

    def work(progress: Progress) -> None:
        started.set()
        with vault.db.turn():  # a job holding the database, as an export does
            assert asked.wait(10)

    def search() -> None:
        start = time.monotonic()
        window.search_dialog.query.setText("eviction")
        window.search_dialog.run()
        assert time.monotonic() - start < 0.1
        assert window.search_dialog.results.count() == 0
        asked.set()

    when(started.is_set, search)
    window.session.run_job(window, "Exporting…", work)
    assert window.search_dialog.results.count() == 1


# -- Cancel within half a second ---------------------------------------------------------


def big_vault(vault: Vault) -> None:
    """About 60 MB of notes, quick to write: long bodies of few distinct words, so that
    an export or a rotation takes a second or more after its first report."""
    body = "hearing " * 10_000
    vault.notes.create_many(NewNote(title=f"Note {n}", body=body) for n in range(1400))


def job_for(kind: str, vault: Vault, tmp_path: Path) -> Callable[[Progress], Any]:
    recipient = vault.age_identity().to_public()
    if kind == "import-hostile-bundle":
        bundle = seal(tmp_path / "hostile.hnb", archive(many_links()), recipient)
        return lambda progress: vault.import_bundle(bundle, progress=progress)
    if kind == "import-long-merge":
        bundle = seal(tmp_path / "big.hnb", archive(many_notes(60_000, "x" * 500)), recipient)
        return lambda progress: vault.import_bundle(bundle, progress=progress)
    if kind == "export-bundle":
        big_vault(vault)
        out = tmp_path / "out.hnb"
        return lambda progress: vault.export_bundle(out, recipients=["self"], progress=progress)
    if kind == "rotate-key":
        big_vault(vault)
        return lambda progress: vault.rotate_key(progress)
    if kind == "export-contacts":
        vault.contacts.import_contacts(NewContact(display_name=f"P {n}") for n in range(30_000))
        out = tmp_path / "contacts.vcf"

        def export_contacts(progress: Progress) -> Any:
            # As the window does: an unencrypted file, so a cancel must leave none.
            contacts = vault.contacts.all_contacts(lambda fraction: progress(fraction / 2))
            write_contact_file(
                out, contacts, progress=lambda fraction: progress(0.5 + fraction / 2)
            )

        return export_contacts
    if kind == "uninterruptible":  # Argon2id: one run that nothing can stop

        def argon2_like(progress: Progress) -> None:
            progress(0.1)
            time.sleep(1.0)
            if not progress(0.9):
                raise CancelledError()

        return argon2_like
    if kind == "import-contacts":
        cards = tmp_path / "cards.vcf"
        card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {0}\r\nTEL:+1 555 {0}\r\nEND:VCARD\r\n"
        cards.write_text("".join(card.format(n) for n in range(50_000)), encoding="utf-8")

        def import_contacts(progress: Progress) -> Any:
            parsed = read_contact_file(cards, lambda fraction: progress(fraction / 2))
            return vault.contacts.import_contacts(
                parsed.contacts, lambda fraction: progress(0.5 + fraction / 2)
            )

        return import_contacts
    raise AssertionError(kind)


JOBS = ["import-hostile-bundle", "import-long-merge", "export-bundle", "rotate-key",
        "import-contacts", "export-contacts"]  # fmt: skip


@pytest.mark.parametrize("kind", JOBS)
def test_cancel_stops_every_long_job_within_half_a_second(
    qtbot: QtBot, window: MainWindow, fast_kdf_vault: VaultSetup, tmp_path: Path, kind: str
) -> None:
    vault = open_vault(window)
    work = job_for(kind, vault, tmp_path)
    before = vault.counts()
    running, cancelled = threading.Event(), threading.Event()

    def observed(progress: Progress) -> Any:
        def report(fraction: float) -> bool:
            if not running.is_set():
                # The first report holds the job until Cancel is clicked, and says go
                # on: the job itself must notice the Cancel, later, in time.
                running.set()
                assert cancelled.wait(10)
                return True
            return progress(fraction)

        return work(report)

    clicked: list[float] = []

    def cancel() -> None:
        clicked.append(time.monotonic())
        click_cancel(window)
        cancelled.set()

    when(running.is_set, cancel)
    with pytest.raises(CancelledError):
        window.session.run_job(window, "Working…", observed)
    assert time.monotonic() - clicked[0] < CANCEL_SECONDS
    assert vault.counts() == before  # nothing half-done stays
    if kind.startswith("import"):  # (a full check of the 100 MB vaults takes half a minute)
        assert vault.check() == []
    else:
        assert vault.check_structure() == []
    assert not (tmp_path / "out.hnb").exists()  # no export file, not even a partial one
    assert not (tmp_path / "contacts.vcf").exists()


# -- a panic during a job ------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind",
    ["import-hostile-bundle", "import-long-merge", "rotate-key", "export-contacts",
     "uninterruptible"],
)  # fmt: skip
def test_a_panic_during_a_long_job_destroys_the_keys_and_stops_the_job(
    qtbot: QtBot,
    window: MainWindow,
    fast_kdf_vault: VaultSetup,
    tmp_path: Path,
    wiped: list[bool],
    kind: str,
) -> None:
    vault = open_vault(window)
    work = job_for(kind, vault, tmp_path)
    running = threading.Event()

    def observed(progress: Progress) -> Any:
        def report(fraction: float) -> bool:
            running.set()
            return progress(fraction)

        return work(report)

    pressed: list[float] = []

    def panic() -> None:
        time.sleep(0.05)
        pressed.append(time.monotonic())
        window.panic()

    when(running.is_set, panic)
    # As the window runs every job: after a panic, it says and asks nothing more.
    assert window._long_work("Working…", observed, reraise=(HushnoteError,)) is None
    assert time.monotonic() - pressed[0] < (1.5 if kind == "uninterruptible" else CANCEL_SECONDS)
    assert window.wiped_in is not None and window.wiped_in < 0.3  # the usual budget
    assert wiped and window.vault is None
    finish_overwrites()
    # The stopped job wrote nothing after the wipe: no file came back, and no
    # unencrypted export was finished.
    assert not fast_kdf_vault.root.exists()
    assert not (tmp_path / "contacts.vcf").exists()


# -- Qt objects die on the GUI thread ------------------------------------------------------


def test_qt_garbage_is_never_collected_on_a_worker(qtbot: QtBot, window: MainWindow) -> None:
    # Finished dialogs leave cycles holding Qt objects with running timers. Collected by a
    # worker (the cycle collector runs wherever allocation triggers it), Qt warns that
    # timers cannot be stopped from another thread, and may crash; pytest-qt fails on it.
    qtbot.waitUntil(gc.isenabled, timeout=2000)  # the unlock's own worker resumed it
    for _ in range(50):
        timer = QTimer()
        timer.start(60_000)
        timer.cycle = timer  # type: ignore[attr-defined]
    del timer
    collector_on: list[bool] = []

    def allocate(progress: Progress) -> None:
        collector_on.append(gc.isenabled())
        for _ in range(300_000):  # enough new cycles to trigger every generation
            cycle: list[Any] = []
            cycle.append(cycle)

    window.session.run_job(window, "Working…", allocate)
    assert collector_on == [False]
    qtbot.waitUntil(gc.isenabled, timeout=2000)  # back on, from the GUI thread


def test_a_pdf_export_cancelled_mid_call_keeps_the_collector_off_until_its_worker_ends(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    # 100,000 list items: parsing them is one call of about three seconds, left to finish
    # on its worker thread when Cancel is clicked. That thread allocates: the collector
    # stays off until it ends, then comes back on, from the GUI thread.
    # It also holds the interpreter lock, which the GUI thread needs back after every Qt
    # call while Cancel is answered: with a long switch interval (here 0.1 s; 5 ms is the
    # default, and a loaded machine stretches each wait) that alone took seconds.
    interval = sys.getswitchinterval()
    request.addfinalizer(lambda: sys.setswitchinterval(interval))
    sys.setswitchinterval(0.1)
    vault = open_vault(window)
    note = vault.notes.create(title="t", body="- item\n" * 100_000)
    out = tmp_path / "note.pdf"
    started: list[float] = []

    def export(progress: Progress) -> None:
        started.append(time.monotonic())
        vault.export_pdf(out, PdfScope("note", note.uuid), force=True, progress=progress)

    clicked: list[float] = []

    def cancel() -> None:
        clicked.append(time.monotonic())
        click_cancel(window)

    when(lambda: bool(started) and time.monotonic() - started[0] > 1.0, cancel)
    with pytest.raises(CancelledError):
        window.session.run_job(window, "Working…", export)
    assert time.monotonic() - clicked[0] < CANCEL_SECONDS
    assert pdf_workers_running() == 1
    collector_on: list[bool] = []
    intervals: set[float] = set()
    while pdf_workers_running():
        collector_on.append(gc.isenabled())
        intervals.add(sys.getswitchinterval())
        qtbot.wait(20)
    assert collector_on and not any(collector_on)
    assert intervals == {PDF_SWITCH_INTERVAL}
    assert sys.getswitchinterval() == pytest.approx(0.1, abs=1e-4)  # put back
    qtbot.waitUntil(gc.isenabled, timeout=2000)
    assert not out.exists()
