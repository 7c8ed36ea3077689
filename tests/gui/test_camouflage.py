"""Camouflage: a neutral name in titles, on the lock screen and in the launcher entry."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from conftest import VaultSetup
from hushnote.app.app_config import AppConfig, load_config
from hushnote.app.launcher import DESKTOP_FILE
from hushnote.gui.app_identity import REAL_NAME, app_name, apply_identity
from support.gui import unlock_window

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
