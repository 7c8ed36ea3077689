"""Every lock of a process that held plaintext asks for a fresh process; quitting never does.

The relaunch is recorded here instead of run (a recorded relaunch returns, as a failed exec
would), so the window locks in place as before; the vault and its files stay real.
tests/security/test_memory_after_lock.py runs the real exec.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from conftest import PASSPHRASE, VaultSetup
from hushnote.core import KdfParams, Vault
from hushnote.gui import main_window
from hushnote.gui.auto_lock import AutoLock
from hushnote.gui.main_window import MainWindow
from hushnote.gui.relaunch import WINDOW_STATES, Relaunch
from support.gui import FakeClock, unlock_window


def test_ctrl_l_locks_first_then_asks_for_a_fresh_process(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,  # type: ignore[no-untyped-def]
) -> None:
    window = window_for(fast_kdf_vault.root)
    unlock_window(qtbot, window, PASSPHRASE)
    vault = window.vault
    assert vault is not None
    seen: list[tuple[Relaunch, bool, bool]] = []

    def relaunch(request: Relaunch) -> None:
        seen.append((request, vault.is_locked, window.pages.currentWidget() is window.unlock_page))

    window.relaunch = relaunch
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1
    request, vault_closed, unlock_shown = seen[0]
    assert vault_closed and unlock_shown  # the whole in-place lock ran before the exec
    assert request.vault == fast_kdf_vault.root
    assert request.unlock_error is None
    assert request.state in WINDOW_STATES
    assert request.geometry
    # The folder lock is released: the fresh process can open the vault.
    Vault.unlock(fast_kdf_vault.root, PASSPHRASE).lock()


def test_the_idle_timer_asks_for_a_fresh_process(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,
    fake_clock: FakeClock,
    relaunches: list[Relaunch],
) -> None:
    window = window_for(fast_kdf_vault.root)
    unlock_window(qtbot, window, PASSPHRASE)
    fake_clock.now += 6 * 60
    window.auto_lock.check()
    assert window.vault is None
    assert len(relaunches) == 1


@pytest.mark.parametrize("signal", ["screensaver", "sleep"])
def test_screen_lock_and_suspend_ask_for_a_fresh_process(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,
    relaunches: list[Relaunch],
    signal: str,
) -> None:
    window = window_for(fast_kdf_vault.root)
    unlock_window(qtbot, window, PASSPHRASE)
    if signal == "screensaver":
        window.session_watch.on_screensaver(True)
    else:
        window.session_watch.on_sleep(True)
    assert window.vault is None
    assert len(relaunches) == 1


def test_a_lock_before_any_unlock_needs_no_fresh_process(
    window_for,
    fast_kdf_vault: VaultSetup,
    relaunches: list[Relaunch],  # type: ignore[no-untyped-def]
) -> None:
    window = window_for(fast_kdf_vault.root)
    window.session_watch.on_screensaver(True)
    window.lock()
    assert relaunches == []


def test_closing_the_window_locks_and_quits_without_a_fresh_process(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,
    relaunches: list[Relaunch],  # type: ignore[no-untyped-def]
) -> None:
    window = window_for(fast_kdf_vault.root)
    unlock_window(qtbot, window, PASSPHRASE)
    vault = window.vault
    window.close()
    assert vault is not None and vault.is_locked
    window.session_watch.on_sleep(True)  # a late signal changes nothing
    assert relaunches == []


def test_the_panic_wipe_quits_without_a_fresh_process(
    qtbot: QtBot, fast_kdf_params: KdfParams, fast_kdf_vault: VaultSetup
) -> None:
    relaunches: list[Relaunch] = []
    wiped: list[bool] = []
    window = MainWindow(
        fast_kdf_vault.root,
        kdf=fast_kdf_params,
        on_wiped=lambda: wiped.append(True),
        auto_lock=AutoLock(clock=FakeClock(), check_every_ms=3_600_000),
        relaunch=relaunches.append,
    )
    qtbot.addWidget(window)
    window.show()
    unlock_window(qtbot, window, PASSPHRASE)
    window.panic()
    window.session_watch.on_screensaver(True)  # the screen locks while the app quits
    window.lock()
    for thread in threading.enumerate():
        if thread.name == "overwrite":
            thread.join()
    assert wiped == [True]
    assert relaunches == []
    assert not fast_kdf_vault.root.exists()


def test_a_wrong_passphrase_ends_the_process_too(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,
    relaunches: list[Relaunch],  # type: ignore[no-untyped-def]
) -> None:
    window = window_for(fast_kdf_vault.root)
    page = window.unlock_page
    page.passphrase.setText(PASSPHRASE[:-1] + "X")  # one typo: nearly the passphrase
    page.begin_unlock()
    qtbot.waitUntil(lambda: bool(relaunches), timeout=10_000)
    assert relaunches[0].unlock_error == "authentication-failed"
    assert page.status.text() == "That passphrase does not open this vault."
    # An empty field held no secret: no fresh process for it.
    page.begin_unlock()
    qtbot.waitUntil(lambda: page.status.text() == "Enter a passphrase.", timeout=10_000)
    assert len(relaunches) == 1


@pytest.mark.parametrize("vault_exists", [True, False])
def test_the_fresh_window_shows_why_the_last_unlock_failed(
    qtbot: QtBot, fast_kdf_vault: VaultSetup, tmp_path: Path, vault_exists: bool
) -> None:
    # Too many failures may have wiped the vault: the fresh window must look the same.
    root = fast_kdf_vault.root if vault_exists else tmp_path / "wiped"
    window = MainWindow(root, relaunch=lambda request: None, unlock_error="authentication-failed")
    qtbot.addWidget(window)
    assert window.pages.currentWidget() is window.unlock_page
    assert window.unlock_page.status.text() == "That passphrase does not open this vault."
    ignored = MainWindow(root, relaunch=lambda request: None, unlock_error="<b>made up</b>")
    qtbot.addWidget(ignored)
    assert ignored.unlock_page.status.text() == ""


def test_the_window_comes_back_where_it_was(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,
    relaunches: list[Relaunch],  # type: ignore[no-untyped-def]
) -> None:
    window = window_for(fast_kdf_vault.root)
    window.setGeometry(QRect(40, 30, 900, 640))
    unlock_window(qtbot, window, PASSPHRASE)
    window.lock()
    fresh = MainWindow(fast_kdf_vault.root, relaunch=lambda request: None)
    qtbot.addWidget(fresh)
    assert fresh.restoreGeometry(QByteArray(relaunches[0].geometry))
    assert fresh.geometry() == QRect(40, 30, 900, 640)


def test_our_secret_leaves_the_clipboard_before_the_exec(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,  # type: ignore[no-untyped-def]
) -> None:
    clipboard = QGuiApplication.clipboard()
    window = window_for(fast_kdf_vault.root)
    at_exec: list[str] = []
    window.relaunch = lambda request: at_exec.append(clipboard.text())
    unlock_window(qtbot, window, PASSPHRASE)
    window.clipboard.copy("+1 555 0100")
    window.lock()
    # The user's own copy, made in another program, stays where it is.
    unlock_window(qtbot, window, PASSPHRASE)
    window.clipboard.watch_copies(False)
    clipboard.setText("the user's own text")
    window.lock()
    assert at_exec == ["", "the user's own text"]


def test_a_lock_during_long_work_waits_for_it(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,
    relaunches: list[Relaunch],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = window_for(fast_kdf_vault.root)
    unlock_window(qtbot, window, PASSPHRASE)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    open_during_work: list[bool] = []

    def screen_locks() -> None:  # runs inside the progress dialog's event loop
        window.session_watch.on_screensaver(True)
        open_during_work.append(window.vault is not None and not window.vault.is_locked)

    QTimer.singleShot(0, screen_locks)
    window.rotate_key()
    assert open_during_work == [True]
    assert "new data key" in window.statusBar().currentMessage()  # the work finished
    qtbot.waitUntil(lambda: bool(relaunches), timeout=5_000)
    assert window.vault is None


def test_a_thread_still_writing_holds_the_exec_back(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,
    relaunches: list[Relaunch],  # type: ignore[no-untyped-def]
) -> None:
    window = window_for(fast_kdf_vault.root)
    unlock_window(qtbot, window, PASSPHRASE)
    release = threading.Event()
    # Like the duress unlock's overwrite of the destroyed files: exec would cut it short.
    overwrite = threading.Thread(target=release.wait, name="overwrite", daemon=False)
    overwrite.start()
    try:
        window.lock()
        qtbot.wait(300)
        assert relaunches == []
        assert not window.unlock_page.isEnabled()  # no unlock can start meanwhile
    finally:
        release.set()
        overwrite.join()
    qtbot.waitUntil(lambda: bool(relaunches), timeout=5_000)
    assert window.unlock_page.isEnabled()


def test_a_thread_that_never_ends_cannot_hold_the_exec_back_for_good(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,
    relaunches: list[Relaunch],
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(main_window, "RELAUNCH_WAIT_SECONDS", 0.5)
    window = window_for(fast_kdf_vault.root)
    unlock_window(qtbot, window, PASSPHRASE)
    release = threading.Event()
    stuck = threading.Thread(target=release.wait, name="stuck", daemon=False)
    stuck.start()
    try:
        window.lock()
        assert relaunches == []
        qtbot.waitUntil(lambda: bool(relaunches), timeout=5_000)
        assert stuck.is_alive()  # the exec goes ahead: plaintext must not stay in memory
    finally:
        release.set()
        stuck.join()
