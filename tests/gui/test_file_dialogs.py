"""The file chooser: Qt's own dialog (which writes no history), the portal in a Flatpak."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

from hushnote.gui import file_dialogs


@pytest.mark.parametrize(("flatpak", "qt_own"), [(None, True), ("org.hushnote.Hushnote", False)])
def test_the_dialog_is_qts_own_except_in_a_flatpak(
    qapp,
    monkeypatch: pytest.MonkeyPatch,
    flatpak: str | None,
    qt_own: bool,  # type: ignore[no-untyped-def]
) -> None:
    if flatpak:
        monkeypatch.setenv("FLATPAK_ID", flatpak)
    else:
        monkeypatch.delenv("FLATPAK_ID", raising=False)
    dialog = file_dialogs._dialog(None, "Save", "*.hnb")
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog) is qt_own
