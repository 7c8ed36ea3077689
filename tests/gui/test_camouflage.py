"""Camouflage: a neutral name in titles and the launcher entry, and before unlock not one
word that gives the app away, in English or Chinese, on any screen, menu or dialog."""

from __future__ import annotations

import inspect
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMenuBar, QWidget
from pytestqt.qtbot import QtBot

import hushnote.errors
from conftest import PASSPHRASE, VaultSetup
from hushnote.app.app_config import AppConfig, load_config
from hushnote.app.launcher import DESKTOP_FILE
from hushnote.core import KdfParams, UnlockGuard, Vault, VaultPaths
from hushnote.errors import HushnoteError
from hushnote.gui.app_identity import REAL_NAME, app_name, apply_identity
from hushnote.gui.auto_lock import AutoLock
from hushnote.gui.locked_messages import locked_error_text
from hushnote.gui.main_window import MainWindow
from hushnote.gui.passphrase_field import PassphraseField
from hushnote.gui.relaunch import error_for_code
from support.gui import FakeClock, finish_overwrites, panic_window, unlock_window
from support.shown_text import texts_shown

SHIPPED = Path(__file__).parents[2] / "resources" / DESKTOP_FILE


@pytest.fixture
def identity(qapp: QApplication) -> Iterator[None]:  # type: ignore[no-untyped-def]
    yield
    apply_identity(qapp, False)


@pytest.fixture
def installed_entry() -> Path:
    """The launcher entry as the packaged build's install-user.sh leaves it."""
    entry = Path(os.environ["XDG_DATA_HOME"]) / "applications" / DESKTOP_FILE
    entry.parent.mkdir(parents=True)
    entry.write_text(SHIPPED.read_text().replace("Exec=hushnote", "Exec=/opt/hn/hushnote"))
    return entry


def words_shown(window: QWidget) -> str:
    texts = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        if widget.isVisible():
            texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
            texts += [getattr(widget, "text", lambda: "")()]
    return "\n".join(t for t in texts if isinstance(t, str))


def test_turning_camouflage_on_and_off_while_unlocked(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,
    installed_entry: Path,
    identity,  # type: ignore[no-untyped-def]
) -> None:
    window = window_for(fast_kdf_vault.root)
    unlock_window(qtbot, window, fast_kdf_vault.passphrase)
    window.save_app_config(AppConfig(camouflage=True))
    assert load_config().camouflage
    assert window.windowTitle() == app_name() == "Notes"
    assert QGuiApplication.applicationDisplayName() == "Notes"
    entry = installed_entry.read_text()
    assert "Name=Notes" in entry and "Exec=/opt/hn/hushnote" in entry
    window.lock()
    shown = words_shown(window)
    assert "Hushnote" not in shown, shown
    window.save_app_config(AppConfig(camouflage=False))
    assert window.windowTitle() == REAL_NAME
    assert installed_entry.read_text().startswith(SHIPPED.read_text().split("Exec=")[0])


def test_a_camouflaged_start_never_shows_the_name_before_unlock(
    qtbot: QtBot,
    qapp,
    window_for,
    tmp_path: Path,
    fast_kdf_vault: VaultSetup,
    identity,  # type: ignore[no-untyped-def]
) -> None:
    apply_identity(qapp, True)
    first_run = window_for(tmp_path / "new")
    locked = window_for(fast_kdf_vault.root)
    for window in (first_run, locked):
        shown = words_shown(window)
        assert "Notes" in shown
        assert "hushnote" not in shown.lower(), shown


# -- nothing before unlock gives the app away -------------------------------------------

# A neutral notes app may ask for a password and say it is locked; it has no vault to wipe.
FORBIDDEN_EN = ("vault", "wipe", "duress", "bundle", "encrypt", "hushnote", "panic",
                "passphrase", "decoy", "destroy", "cipher", "camouflage")  # fmt: skip
# The words the catalogues use for those concepts (vault, destroy, panic, duress, encrypt
# and encrypted bundle, passphrase, decoy, camouflage, key), and other words for wiping.
# 密码/密碼 ("password") stays allowed.
FORBIDDEN_ZH = ("保险库", "保險庫", "销毁", "銷毀", "紧急", "緊急", "胁迫", "脅迫", "加密",
                "密码短语", "密碼短語", "诱饵", "誘餌", "伪装", "偽裝", "密钥", "金鑰",
                "擦除", "抹除")  # fmt: skip
LANGUAGES = ("en", "zh_CN", "zh_TW")
TRANSLATIONS = Path(__file__).parents[2] / "resources" / "translations"
LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")
CJK = re.compile(r"[\u4e00-\u9fff]")


def forbidden_words(language: str) -> tuple[str, ...]:
    # A string a catalogue lacks shows in English, so English words are checked everywhere.
    return FORBIDDEN_EN + (FORBIDDEN_ZH if language != "en" else ())


def giveaways(state: str, language: str) -> list[str]:
    found = texts_shown()
    assert found, f"{state}: nothing shown"
    # What is typed or drawn into a passphrase field is the user's, not the app's words:
    # a suggested "uncommon decipher decathlon" says nothing about the app.
    typed = {
        field.text()
        for top in QApplication.topLevelWidgets()
        for field in top.findChildren(PassphraseField)
        if field.text()
    }
    return [
        f"{state} [{language}]: {word!r} in {where}: {text!r}"
        for where, text in found
        if text not in typed
        for word in forbidden_words(language)
        if word in text.lower()
    ]


@pytest.fixture(scope="module")
def catalogues(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The Chinese catalogues compiled afresh from resources/translations."""
    folder = tmp_path_factory.mktemp("catalogues")
    compiled = {}
    for language in LANGUAGES[1:]:
        compiled[language] = folder / f"hushnote_{language}.qm"
        subprocess.run(
            [str(LRELEASE), "-silent", str(TRANSLATIONS / f"hushnote_{language}.ts"),
             "-qm", str(compiled[language])],
            check=True,
        )  # fmt: skip
    return compiled


@pytest.fixture(params=LANGUAGES)
def language(request, qapp: QApplication, catalogues: dict[str, Path]) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The interface language, with camouflage on; both are undone after the test."""
    chosen: str = request.param
    translators = []
    if chosen != "en":
        ours = QTranslator(qapp)
        assert ours.load(str(catalogues[chosen]))
        translators.append(ours)
        qt = QTranslator(qapp)
        if qt.load(
            f"qtbase_{chosen}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            translators.append(qt)
    for translator in translators:
        qapp.installTranslator(translator)
    QLocale.setDefault(QLocale(chosen))
    if chosen != "en":
        assert CJK.search(QCoreApplication.translate("UnlockPage", "&Unlock"))
    apply_identity(qapp, True)
    yield chosen
    apply_identity(qapp, False)
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale("en"))


def attempt(qtbot: QtBot, window: MainWindow, passphrase: str) -> str | None:
    """Try ``passphrase`` at the unlock screen; the code of the error it ended with."""
    errors: list[BaseException] = []
    window.unlock_page.failed.connect(errors.append)
    window.unlock_page.passphrase.setText(passphrase)
    window.unlock_page.begin_unlock()
    qtbot.waitUntil(lambda: bool(errors) or window.vault is not None, timeout=10_000)
    window.unlock_page.failed.disconnect(errors.append)
    return getattr(errors[0], "code", "bug") if errors else None


def dialogs_from_the_menus(
    qtbot: QtBot, window: MainWindow, state: str, language: str
) -> list[str]:
    """Open every dialog a visible menu entry opens, and check each while it is open."""
    problems: list[str] = []
    opened: list[str] = []

    def check_and_close() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QDialog) and w.isVisible()]  # fmt: skip
        try:
            for dialog in dialogs:
                opened.append(dialog.windowTitle())
                problems.extend(giveaways(f"{state}: {dialog.windowTitle()}", language))
        finally:
            for dialog in dialogs:
                dialog.done(0)

    for action in visible_actions(window.menuBar()):
        if action.isEnabled() and action.shortcut() != QKeySequence("Ctrl+Q"):
            QTimer.singleShot(200, check_and_close)
            action.trigger()
            qtbot.wait(250)
    assert len(opened) >= 2, opened  # the shortcuts and the about box at least
    return problems


def visible_actions(bar: QMenuBar | QMenu) -> Iterator[QAction]:
    for action in bar.actions():
        if action.isVisible() and not action.isSeparator():
            menu = action.menu()
            if isinstance(menu, QMenu):
                yield from visible_actions(menu)
            else:
                yield action


def make_window(
    qtbot: QtBot, root: Path, kdf: KdfParams, unlock_error: str | None = None
) -> MainWindow:
    """A window as a fresh process shows it, ``unlock_error`` from the process before."""
    window = MainWindow(
        root,
        kdf=kdf,
        auto_lock=AutoLock(clock=FakeClock(), check_every_ms=3_600_000),
        relaunch=lambda request: None,
        unlock_error=unlock_error,
    )
    qtbot.addWidget(window)
    window.show()
    return window


def spoil(root: Path, how: str, kdf: KdfParams, scratch: Path) -> None:
    """Damage the locked vault at ``root`` the way ``how`` says (see UNLOCK_FAULTS)."""
    paths = VaultPaths(root)
    scratch.mkdir()
    if how == "header-corrupted":
        paths.header.write_bytes(b"HUSHNOTE" + b"\0" * 60)
    elif how == "vault-corrupted":
        data = bytearray(paths.database.read_bytes())
        data[100] ^= 0xFF  # inside page one, which every unlock reads
        paths.database.write_bytes(bytes(data))
    elif how == "vault-mismatch":
        other = scratch / "other"
        Vault.create(other, PASSPHRASE, kdf=kdf).lock()
        shutil.copy(VaultPaths(other).database, paths.database)
    elif how == "vault-rolled-back":
        older = scratch / "older.db"
        shutil.copy2(paths.database, older)
        with Vault.unlock(root, PASSPHRASE) as vault:
            vault.notes.create(title="later", body="written after the copy")
        shutil.copy2(older, paths.database)
    elif how == "unsafe-vault-file":
        moved = scratch / "vault.db"
        shutil.move(paths.database, moved)
        paths.database.symlink_to(moved)


# How each error an unlock can end with is brought about on a real vault.
UNLOCK_FAULTS = ("header-corrupted", "vault-corrupted", "vault-mismatch", "vault-rolled-back",
                 "unsafe-vault-file")  # fmt: skip


def test_nothing_before_unlock_gives_the_app_away(
    qtbot: QtBot,
    language: str,
    tmp_path: Path,
    fast_kdf_params: KdfParams,
) -> None:
    problems: list[str] = []
    produced: set[str | None] = set()

    def check(state: str) -> None:
        problems.extend(giveaways(state, language))

    # A first start, the create page: empty, with a suggestion, with a mismatch, busy.
    first = make_window(qtbot, tmp_path / "new", fast_kdf_params)
    assert first.pages.currentWidget() is first.create_page
    check("first run")
    problems.extend(dialogs_from_the_menus(qtbot, first, "first run", language))
    first.create_page.suggest()
    check("first run, suggested")
    first.create_page.confirmation.setText("something else")
    first.create_page.begin_create()
    check("first run, mismatch")
    first.create_page.confirmation.setText(first.create_page.passphrase.text())
    first.create_page.begin_create()
    check("first run, creating")
    qtbot.waitUntil(lambda: first.vault is not None, timeout=20_000)
    first.lock()
    check("first run, locked again")
    first.close()

    root = tmp_path / "vault"
    Vault.create(root, PASSPHRASE, kdf=fast_kdf_params).lock()
    window = make_window(qtbot, root, fast_kdf_params)
    check("fresh start")
    problems.extend(dialogs_from_the_menus(qtbot, window, "fresh start", language))
    produced.add(attempt(qtbot, window, ""))
    check("empty passphrase")
    window.unlock_page.passphrase.setText("not it")
    window.unlock_page.begin_unlock()
    check("unlocking")
    qtbot.waitUntil(lambda: not window.unlock_page.busy.isVisible(), timeout=10_000)
    produced.add("authentication-failed")
    wrong = window.unlock_page.status.text()
    check("wrong passphrase")
    if language != "en":
        # The neutral sentences are in the catalogue, not shown in English.
        assert CJK.search(wrong), f"{wrong!r}: run pyside6-lupdate and translate it"

    # Someone else has it open.
    with Vault.unlock(root, PASSPHRASE):
        produced.add(attempt(qtbot, window, PASSPHRASE))
        check("open elsewhere")

    # Unlocked, then locked in place (a failed relaunch): the instant of a lock.
    assert attempt(qtbot, window, PASSPHRASE) is None
    assert not window.disguised and window.panic_button.isVisible()
    window.statusBar().showMessage(
        QCoreApplication.translate("MainWindow", "The duress passphrase is set.")
    )
    window.lock()
    check("just locked")
    window.close()

    # Each damage to the vault files, tried at the unlock screen.
    for fault in UNLOCK_FAULTS:
        broken = tmp_path / fault
        Vault.create(broken, PASSPHRASE, kdf=fast_kdf_params).lock()
        spoil(broken, fault, fast_kdf_params, tmp_path / f"{fault}-scratch")
        damaged = make_window(qtbot, broken, fast_kdf_params)
        code = attempt(qtbot, damaged, PASSPHRASE)
        assert code == fault
        produced.add(code)
        check(fault)
        damaged.close()

    # Wiped after too many wrong passphrases, then tried again; the folder gone meanwhile.
    guarded = tmp_path / "guarded"
    Vault.create(guarded, PASSPHRASE, kdf=fast_kdf_params).lock()
    UnlockGuard(guarded).set_limit(3)
    window = make_window(qtbot, guarded, fast_kdf_params)
    for _ in range(3):
        assert attempt(qtbot, window, "not it") == "authentication-failed"
    assert not VaultPaths(guarded).exists()
    check("wiped after wrong passphrases")
    produced.add(attempt(qtbot, window, PASSPHRASE))
    check("after the wipe")
    window.close()

    assert produced >= {"passphrase", "authentication-failed", "vault-busy", *UNLOCK_FAULTS}, (
        produced
    )
    # A fresh process after an error, as a relaunch shows it; then the sentence of every
    # error the core knows in its place (a window takes a second to build).
    fresh = make_window(qtbot, root, fast_kdf_params, unlock_error="vault-corrupted")
    check("relaunched after vault-corrupted")
    status = fresh.unlock_page.status
    assert status.text() == locked_error_text(hushnote.errors.VaultCorruptedError())
    for code in sorted(error_codes()):
        error = error_for_code(code)
        if error is not None:
            status.setText(locked_error_text(error))
            check(f"relaunched after {code}")
    assert not problems, "\n".join(problems)


def error_codes() -> set[str]:
    return {
        cls.code
        for _, cls in inspect.getmembers(hushnote.errors, inspect.isclass)
        if issubclass(cls, HushnoteError)
    }


def test_after_unlock_the_menus_and_the_wipe_button_speak_plainly(
    qtbot: QtBot,
    qapp: QApplication,
    fast_kdf_vault: VaultSetup,
    fast_kdf_params: KdfParams,
    identity,  # type: ignore[no-untyped-def]
) -> None:
    apply_identity(qapp, True)
    window = make_window(qtbot, fast_kdf_vault.root, fast_kdf_params)
    titles = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    assert titles == ["&File", "&Help"] and not window.panic_button.isVisible()
    shown = [a.text() for a in window.vault_menu.actions() if a.isVisible() and a.text()]
    assert shown == ["&Quit"]
    unlock_window(qtbot, window, fast_kdf_vault.passphrase)
    titles = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    assert titles == ["&Vault", "&Edit", "&Go", "&Bundles", "&Contacts", "&Help"]
    assert window.panic_button.isVisible() and window.panic_button.text() == "Hold to wipe"
    window.lock()
    assert [a.text() for a in window.menuBar().actions() if a.isVisible()] == ["&File", "&Help"]
    assert not window.panic_button.isVisible()


def test_holding_the_panic_keys_still_wipes_under_camouflage(
    qtbot: QtBot,
    qapp: QApplication,
    fast_kdf_vault: VaultSetup,
    fast_kdf_params: KdfParams,
    identity,  # type: ignore[no-untyped-def]
) -> None:
    apply_identity(qapp, True)
    wiped: list[bool] = []
    window = panic_window(qtbot, fast_kdf_vault.root, fast_kdf_params, wiped)
    assert window.disguised and not window.panic_button.isVisible()
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyPress(window, Qt.Key.Key_W, keys)
    qtbot.waitUntil(lambda: bool(wiped), timeout=3_000)
    finish_overwrites()
    assert not fast_kdf_vault.root.exists()
