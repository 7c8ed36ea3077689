"""Typing a passphrase: show/hide, Caps Lock, a second yes for a weak one, a wrong one
offered again, the tries left before a wipe, and suggestions in the interface's script."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QLocale, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from conftest import PASSPHRASE, VaultSetup
from hushnote.app.passphrases import chinese_wordlist, estimate_strength
from hushnote.core import KdfParams, UnlockGuard, Vault
from hushnote.errors import AuthenticationError
from hushnote.gui import passphrase_field, settings_dialog
from hushnote.gui.create_page import CreatePage
from hushnote.gui.duress_dialog import DuressDialog
from hushnote.gui.main_window import MainWindow
from hushnote.gui.passphrase_dialog import ChangePassphraseDialog
from hushnote.gui.passphrase_field import PassphraseField, caps_lock_from_key
from hushnote.gui.relaunch import Relaunch, handover_pipe, read_handover
from hushnote.gui.weak_passphrase import WeakPassphraseDialog, human_duration
from support.gui import unlock_window


@pytest.fixture(autouse=True)
def _caps_lock_unknown() -> Iterator[None]:
    passphrase_field._CapsLock.known = None
    yield
    passphrase_field._CapsLock.known = None


_POLLING: list[bool] = []


@pytest.fixture(autouse=True)
def _stop_polling() -> Iterator[None]:
    yield
    for index in range(len(_POLLING)):
        _POLLING[index] = False


def answer_modal(qtbot: QtBot, answer: Callable[[QWidget], None]) -> list[QWidget]:
    """Run ``answer`` on the next modal dialog, from the event loop it runs; the polling
    ends with the test."""
    seen: list[QWidget] = []
    _POLLING.append(True)
    index = len(_POLLING) - 1

    def poll() -> None:
        if not _POLLING[index]:
            return
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        _POLLING[index] = False
        seen.append(dialog)
        answer(dialog)

    QTimer.singleShot(20, poll)
    return seen


# -- 1. a weak passphrase needs a second yes ---------------------------------------------


def test_a_weak_passphrase_needs_a_second_yes_priced_at_this_vaults_cost(
    qtbot: QtBot, window_for, tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    root = tmp_path / "new-vault"
    window = window_for(root)
    page = window.create_page
    for field in (page.passphrase, page.confirmation):
        field.setText("password")
    texts: list[str] = []

    def go_back(dialog: QWidget) -> None:
        assert isinstance(dialog, WeakPassphraseDialog)
        texts.append(dialog.informativeText())
        assert dialog.defaultButton() is dialog.back
        assert dialog.escapeButton() is dialog.back
        dialog.defaultButton().click()

    seen = answer_modal(qtbot, go_back)
    page.begin_create()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    qtbot.waitUntil(lambda: page.passphrase.isEnabled(), timeout=10_000)
    assert not root.exists()  # going back creates nothing
    assert page.passphrase.text() == "password"
    assert page.passphrase.selectedText() == "password"  # ready to be replaced
    text = texts[0]
    # The vault's own Argon2id cost, a rate, and a time in words.
    assert f"{fast_kdf_params.memory_mib} MiB" in text
    assert f"{fast_kdf_params.iterations} passes" in text
    assert f"{fast_kdf_params.parallelism} lanes" in text
    assert "passphrases a second" in text
    assert "less than a second" in text or "about" in text

    seen = answer_modal(qtbot, lambda dialog: dialog.anyway.click())  # type: ignore[attr-defined]
    page.begin_create()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace, timeout=20_000)
    window.lock()
    Vault.unlock(root, "password").lock()


def test_a_strong_passphrase_is_not_asked_about_again(
    qtbot: QtBot, window_for, tmp_path: Path
) -> None:
    window = window_for(tmp_path / "v")
    page = window.create_page
    page.suggest()
    seen = answer_modal(qtbot, lambda dialog: dialog.reject())  # type: ignore[attr-defined]
    page.begin_create()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace, timeout=20_000)
    assert seen == []


def test_changing_to_a_weak_passphrase_asks_again(qtbot: QtBot, fast_kdf_params: KdfParams) -> None:
    dialog = ChangePassphraseDialog(kdf=fast_kdf_params)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.current.setText(PASSPHRASE)
    for field in (dialog.new, dialog.repeat):
        field.setText("letmein")
    seen = answer_modal(qtbot, lambda box: box.back.click())  # type: ignore[attr-defined]
    dialog._check()
    qtbot.waitUntil(lambda: bool(seen) and dialog.buttons.isEnabled(), timeout=10_000)
    assert dialog.result() != QDialog.DialogCode.Accepted
    seen = answer_modal(qtbot, lambda box: box.anyway.click())  # type: ignore[attr-defined]
    dialog._check()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)


def test_what_is_set_is_what_was_measured_and_confirmed(
    qtbot: QtBot, fast_kdf_params: KdfParams
) -> None:
    """The fields wait while the guess rate is measured; a change made anyway (here by
    the program) is checked again from the start, never set unconfirmed."""
    dialog = ChangePassphraseDialog(kdf=fast_kdf_params)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.current.setText(PASSPHRASE)
    for field in (dialog.new, dialog.repeat):
        field.setText("letmein")
    dialog._check()
    assert not dialog.new.isEnabled() and not dialog.repeat.isEnabled()
    dialog.new.setText("letmein2")  # typed once, never repeated
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=10_000)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.status.text() == "The two new passphrases do not match."


def test_cancelled_while_measuring_asks_nothing(qtbot: QtBot, fast_kdf_params: KdfParams) -> None:
    dialog = ChangePassphraseDialog(kdf=fast_kdf_params)
    qtbot.addWidget(dialog)
    dialog.show()
    for field in (dialog.new, dialog.repeat):
        field.setText("letmein")
    seen = answer_modal(qtbot, lambda box: box.anyway.click())  # type: ignore[attr-defined]
    dialog._check()
    dialog.reject()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=10_000)
    qtbot.wait(200)
    assert not seen and dialog.result() == QDialog.DialogCode.Rejected


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (0.2, "less than a second"),
        (70, "about a minute"),
        (3 * 3600 + 600, "about 3 hours"),
        (5 * 86400, "about 5 days"),
        (42 * 365.25 * 86400, "about 40 years"),
        (1e20, "more than a billion years"),
    ],
)
def test_times_read_in_human_units(qapp: QApplication, seconds: float, words: str) -> None:
    assert human_duration(seconds) == words


# -- 2. show/hide and Caps Lock ----------------------------------------------------------


def all_fields(window: MainWindow) -> list[PassphraseField]:
    change = ChangePassphraseDialog(window)
    duress = DuressDialog(window)
    return [
        window.create_page.passphrase,
        window.create_page.confirmation,
        window.unlock_page.passphrase,
        change.current,
        change.new,
        change.repeat,
        duress.passphrase,
        duress.repeat,
    ]


def test_every_field_has_a_named_keyboard_reachable_toggle_off_by_default(
    qtbot: QtBot, window_for, tmp_path: Path
) -> None:
    window = window_for(tmp_path / "v")
    for field in all_fields(window):
        assert isinstance(field, PassphraseField)
        assert field.echoMode() == QLineEdit.EchoMode.Password
        assert field.reveal_button.accessibleName() == "Show what is typed"
        assert field.reveal_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    field = window.create_page.passphrase  # no vault yet: the create page shows
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "abc")
    qtbot.keyClick(field, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert field.echoMode() == QLineEdit.EchoMode.Normal
    assert field.reveal_button.accessibleName() == "Hide what is typed"
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is field.reveal_button  # Tab reaches it
    qtbot.keyClick(field.reveal_button, Qt.Key.Key_Space)
    assert field.echoMode() == QLineEdit.EchoMode.Password


def test_every_lock_hides_the_text_again(
    qtbot: QtBot, window_for, fast_kdf_vault: VaultSetup
) -> None:
    window = window_for(fast_kdf_vault.root)
    window.unlock_page.passphrase.reveal.setChecked(True)
    unlock_window(qtbot, window, PASSPHRASE)
    window.lock()
    assert window.unlock_page.passphrase.echoMode() == QLineEdit.EchoMode.Password
    assert not window.unlock_page.passphrase.reveal.isChecked()


def key(text: str, code: Qt.Key, shift: bool = False, native: int = 0) -> QKeyEvent:
    modifiers = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    return QKeyEvent(QEvent.Type.KeyPress, code, modifiers, 0, 0, native, text)


def test_caps_lock_is_read_from_the_keys_typed(qapp: QApplication) -> None:
    # Any platform: a letter's case against Shift.
    assert caps_lock_from_key(key("A", Qt.Key.Key_A), "wayland", None) is True
    assert caps_lock_from_key(key("a", Qt.Key.Key_A, shift=True), "wayland", None) is True
    assert caps_lock_from_key(key("A", Qt.Key.Key_A, shift=True), "wayland", True) is False
    assert caps_lock_from_key(key("a", Qt.Key.Key_A), "wayland", True) is False
    assert caps_lock_from_key(key("1", Qt.Key.Key_1), "wayland", True) is True  # no news
    # The Caps Lock key flips what is known.
    assert caps_lock_from_key(key("", Qt.Key.Key_CapsLock), "wayland", False) is True
    # X11: the core state's LockMask, from any key, a digit too.
    assert caps_lock_from_key(key("1", Qt.Key.Key_1, native=0x12), "xcb", None) is True
    assert caps_lock_from_key(key("1", Qt.Key.Key_1, native=0x10), "xcb", True) is False
    assert caps_lock_from_key(key("", Qt.Key.Key_CapsLock, native=0x10), "xcb", None) is True


def test_the_caps_lock_warning_shows_while_on_and_the_field_has_focus(
    qtbot: QtBot, window_for, tmp_path: Path
) -> None:
    window = window_for(tmp_path / "v")
    page = window.create_page
    field = page.passphrase
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    assert not field.caps_lock_shown
    qtbot.keyClicks(field, "A")  # upper case, no Shift
    assert field.caps_lock_shown and field.caps_warning.isVisible()
    assert field.caps_warning.text() == "⇪ Caps Lock is on"
    assert "Caps Lock is on" in field.accessibleDescription()
    page.confirmation.setFocus()  # the other field knows too: one keyboard
    qtbot.waitUntil(page.confirmation.hasFocus)
    assert not field.caps_lock_shown and page.confirmation.caps_lock_shown
    qtbot.keyClicks(page.confirmation, "b")  # lower case, no Shift: off
    assert not page.confirmation.caps_lock_shown
    assert "Caps Lock" not in page.confirmation.accessibleDescription()


# -- 3. a wrong passphrase comes back selected, through the relaunch pipe ----------------


def test_a_wrong_passphrase_comes_back_selected_in_the_fresh_process(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,
    fast_kdf_params: KdfParams,
    relaunches: list[Relaunch],
) -> None:
    typed = "correct horse battery stapel"
    window = window_for(fast_kdf_vault.root)
    page = window.unlock_page
    qtbot.waitUntil(page.passphrase.hasFocus)
    qtbot.keyClicks(page.passphrase, typed)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(relaunches), timeout=10_000)
    request = relaunches[0]
    assert request.unlock_error == AuthenticationError.code
    assert request.retry_passphrase == typed
    assert typed not in repr(request)
    # What exec_relaunch does with it, and what the fresh process's start-up reads.
    fresh = MainWindow(
        fast_kdf_vault.root,
        kdf=fast_kdf_params,
        relaunch=relaunches.append,
        unlock_error=request.unlock_error,
        retry_passphrase=read_handover(handover_pipe(request.retry_passphrase)),
    )
    qtbot.addWidget(fresh)
    fresh.show()
    field = fresh.unlock_page.passphrase
    qtbot.waitUntil(field.hasFocus)
    assert field.text() == typed
    assert field.selectedText() == typed
    assert field.echoMode() == QLineEdit.EchoMode.Password
    assert fresh.unlock_page.status.text() == "That passphrase does not open this vault."
    # Fixed and retried, it opens.
    qtbot.keyClick(field, Qt.Key.Key_End)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert field.text() == typed[:-2]
    field.setText(PASSPHRASE)
    fresh.unlock_page.begin_unlock()
    qtbot.waitUntil(lambda: fresh.vault is not None, timeout=10_000)
    assert not fresh.retry_timer.isActive()
    fresh.ending = True
    fresh.lock()


def test_left_idle_the_offered_passphrase_goes_with_another_fresh_process(
    qtbot: QtBot, fast_kdf_vault: VaultSetup, fast_kdf_params: KdfParams
) -> None:
    requests: list[Relaunch] = []
    window = MainWindow(
        fast_kdf_vault.root,
        kdf=fast_kdf_params,
        relaunch=requests.append,
        retry_passphrase="nearly right",
    )
    qtbot.addWidget(window)
    window.show()
    assert window.retry_timer.isActive()
    assert window.retry_timer.interval() == 120_000
    window.retry_timer.setInterval(50)
    window.retry_timer.start()
    qtbot.waitUntil(lambda: bool(requests), timeout=5_000)
    assert requests[0].retry_passphrase is None
    assert requests[0].unlock_error is None


def test_without_a_handed_passphrase_nothing_waits(
    qtbot: QtBot, window_for, fast_kdf_vault: VaultSetup
) -> None:
    window = window_for(fast_kdf_vault.root)
    assert not window.retry_timer.isActive()
    assert window.unlock_page.passphrase.text() == ""


# -- 4. tries left before the wipe -------------------------------------------------------


def test_the_unlock_screen_shows_the_tries_left_once_fewer_than_three(
    qtbot: QtBot, window_for, fast_kdf_vault: VaultSetup, relaunches: list[Relaunch]
) -> None:
    UnlockGuard(fast_kdf_vault.root).set_limit(4)
    window = window_for(fast_kdf_vault.root)
    assert window.unlock_page.tries_left.isHidden()  # 4 left
    with pytest.raises(AuthenticationError):
        Vault.unlock(fast_kdf_vault.root, "wrong")
    assert window_for(fast_kdf_vault.root).unlock_page.tries_left.isHidden()  # 3 left
    page = window.unlock_page
    page.passphrase.setText("wrong again")
    page.begin_unlock()
    qtbot.waitUntil(lambda: bool(relaunches), timeout=10_000)
    assert page.tries_left.isVisible()
    assert page.tries_left.text() == "2 tries left"
    with pytest.raises(AuthenticationError):
        Vault.unlock(fast_kdf_vault.root, "wrong")
    fresh = window_for(fast_kdf_vault.root)  # as the fresh process shows it
    assert fresh.unlock_page.tries_left.text() == "1 try left"
    # Neutral before the unlock: nothing names the wipe, the vault or the app.
    for word in ("wipe", "vault", "hushnote"):
        assert word not in fresh.unlock_page.tries_left.text().lower()
    # A try spent elsewhere (another window, a command) shows when this one comes back.
    assert page.tries_left.text() == "2 tries left"
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    window.activateWindow()
    qtbot.waitUntil(lambda: page.tries_left.text() == "1 try left", timeout=2_000)


def test_settings_say_how_many_tries_are_left_now(
    qtbot: QtBot, window_for, fast_kdf_vault: VaultSetup, monkeypatch: pytest.MonkeyPatch
) -> None:
    UnlockGuard(fast_kdf_vault.root).set_limit(5)
    window = window_for(fast_kdf_vault.root)
    unlock_window(qtbot, window, PASSPHRASE)
    shown: list[str] = []

    def look(dialog: settings_dialog.SettingsDialog) -> int:
        shown.append(dialog.tries_left.text())
        dialog.wipe_after.setValue(7)
        shown.append(dialog.tries_left.text())
        dialog.wipe_after.setValue(dialog.wipe_after.minimum())
        shown.append(dialog.tries_left.text())
        return 0

    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", look)
    window.edit_settings()
    assert shown == [
        "Tries left now: 5",
        "Tries left once saved: 7",
        "Off: wrong passphrases are not counted.",
    ]


# -- 5. suggestions in Chinese; 6. the first-run advice ----------------------------------


def test_a_chinese_suggestion_shows_its_entropy_and_needs_no_second_yes(
    qtbot: QtBot, window_for, tmp_path: Path
) -> None:
    root = tmp_path / "v"
    window = window_for(root)
    page = window.create_page
    page.kind.setCurrentIndex(page.kind.findData("zh_CN"))
    page.suggest()
    text = page.passphrase.text()
    assert set(text.replace(" ", "")) <= set(chinese_wordlist("zh_CN"))
    assert len(text.replace(" ", "")) == 7
    assert page.entropy.text() == "77 bits"
    assert page.suggestion.text() == text
    assert page.meter.label.text() == "strong"
    assert estimate_strength(text).bits >= 77
    assert "input method" in page.advice.text()  # typed through one: a caution
    seen = answer_modal(qtbot, lambda dialog: dialog.reject())  # type: ignore[attr-defined]
    page.begin_create()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace, timeout=20_000)
    assert seen == []
    window.lock()
    Vault.unlock(root, text).lock()


@pytest.mark.parametrize(("language", "kind"), [("zh_CN", "zh_CN"), ("zh_TW", "zh_TW")])
def test_the_suggestion_suits_the_interface_language(
    qtbot: QtBot, tmp_path: Path, language: str, kind: str
) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale(language))
    try:
        page = CreatePage(tmp_path / "v")
        qtbot.addWidget(page)
    finally:
        QLocale.setDefault(before)
    assert page.kind.currentData() == kind
    english = CreatePage(tmp_path / "w")
    qtbot.addWidget(english)
    assert english.kind.currentData() == "en"


def test_the_first_run_advice_is_to_learn_it_by_heart(window_for, tmp_path: Path) -> None:
    page = window_for(tmp_path / "v").create_page
    page.suggest()
    advice = page.advice.text()
    assert "Learn it by heart" in advice
    assert "tear it up once learned" in advice
    assert "Write it down" not in advice
    assert "input method" not in advice  # English words need none
    assert page.entropy.text() == "77 bits"  # six words: 77.5


def test_the_idle_relaunch_waits_for_an_unlock_attempt_that_is_running(
    qtbot: QtBot, fast_kdf_vault: VaultSetup, fast_kdf_params: KdfParams
) -> None:
    requests: list[Relaunch] = []
    window = MainWindow(
        fast_kdf_vault.root,
        kdf=fast_kdf_params,
        relaunch=requests.append,
        retry_passphrase=PASSPHRASE,
    )
    qtbot.addWidget(window)
    window.show()
    window.unlock_page.begin_unlock()  # the offered text was right after all
    window.retry_timer.timeout.emit()  # fires while Argon2id runs
    assert requests == []
    qtbot.waitUntil(lambda: window.vault is not None, timeout=10_000)
    assert requests == [] and not window.retry_timer.isActive()
    window.ending = True
    window.lock()
