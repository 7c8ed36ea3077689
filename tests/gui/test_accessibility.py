"""Screen readers and keyboards: every main view walked with Tab, every control named.

A focus walk presses Tab from the focused widget until focus comes back round. It fails
on a trap (Tab that does not move focus), on a visible control that Tab never reaches,
and on a control without an accessible name or description.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hushnote.core import KdfParams
from support.views import VIEW_NAMES, main_views

MAX_STOPS = 60


def tab_cycle(qtbot: QtBot) -> tuple[list[QWidget], QWidget | None]:
    """The widgets Tab visits from the current focus, and the one that trapped it, if any."""
    start = QApplication.focusWidget()
    assert start is not None
    seen = [start]
    for _ in range(MAX_STOPS):
        current = seen[-1]
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        after = QApplication.focusWidget()
        if after is current:
            return seen, current
        if after in seen:
            return seen, None
        assert after is not None
        seen.append(after)
    raise AssertionError("Tab never came back round")


def takes_tab(widget: QWidget, top: QWidget) -> bool:
    """Whether a keyboard user should be able to Tab to ``widget``."""
    if not (widget.isVisibleTo(top) and widget.isVisible() and widget.isEnabled()):
        return False
    if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy() is not None:
        return False
    parent = widget.parentWidget()
    if isinstance(parent, QComboBox | QAbstractSpinBox):
        return False  # the editable part of a combo or spin box; the box itself is the stop
    # Radio buttons in a group are one stop; the arrow keys move between them.
    return not (isinstance(widget, QRadioButton) and not widget.isChecked())


def spoken(widget: QWidget) -> tuple[str, str]:
    """The name and description an assistive tool is given for ``widget``."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    # On Linux a combo box's name is its current text; what it is comes from ours.
    name = widget.accessibleName() or interface.text(QAccessible.Text.Name)
    return name, interface.text(QAccessible.Text.Description)


def test_every_main_view_is_a_keyboard_cycle_of_named_controls(
    qtbot: QtBot,
    window_for,
    tmp_path: Path,
    fast_kdf_params: KdfParams,  # type: ignore[no-untyped-def]
) -> None:
    problems: list[str] = []
    walked = []
    for view, top in main_views(qtbot, window_for, tmp_path, fast_kdf_params):
        walked.append(view)
        stops, trap = tab_cycle(qtbot)
        if trap is not None:
            problems.append(f"{view}: Tab is trapped in {type(trap).__name__}")
        if len(stops) < 2:
            problems.append(f"{view}: Tab reaches only {len(stops)} control")
        for widget in stops:
            name, description = spoken(widget)
            label = f"{view}: {type(widget).__name__} {name!r}"
            if not name.strip():
                problems.append(f"{label} has no accessible name")
            if not description.strip():
                problems.append(f"{label} has no accessible description")
        for widget in top.findChildren(QWidget):
            if takes_tab(widget, top) and widget not in stops:
                problems.append(
                    f"{view}: Tab never reaches {type(widget).__name__} {spoken(widget)[0]!r}"
                )
    assert walked == list(VIEW_NAMES)
    assert not problems, "\n".join(problems)


def test_buttons_say_what_they_do_not_only_their_label(
    qtbot: QtBot,
    window_for,
    tmp_path: Path,
    fast_kdf_params: KdfParams,  # type: ignore[no-untyped-def]
) -> None:
    """A description that repeats the name tells a screen-reader user nothing."""
    repeats = []
    for view, top in main_views(qtbot, window_for, tmp_path, fast_kdf_params):
        for button in top.findChildren(QAbstractButton):
            if button.isVisible():
                name, description = spoken(button)
                if description and description.strip(" .") == name.strip(" ."):
                    repeats.append(f"{view}: {name!r}")
    assert not repeats, repeats


def test_passphrase_fields_are_never_read_aloud(
    qtbot: QtBot,
    window_for,
    tmp_path: Path,
    fast_kdf_params: KdfParams,  # type: ignore[no-untyped-def]
) -> None:
    canary = "hushnote-canary-Sesame"
    checked = []
    for view, top in main_views(qtbot, window_for, tmp_path, fast_kdf_params):
        for field in top.findChildren(QLineEdit):
            if field.echoMode() != QLineEdit.EchoMode.Password or not field.isVisible():
                continue
            if not field.isEnabled():
                field.setEnabled(True)
            field.setText(canary)
            interface = QAccessible.queryAccessibleInterface(field)
            assert interface is not None
            assert interface.state().passwordEdit, f"{view}: {field.accessibleName()}"
            told = [interface.text(kind) for kind in QAccessible.Text]
            text_interface = interface.textInterface()
            if text_interface is not None:
                told.append(text_interface.text(0, text_interface.characterCount()))
            assert not any(canary in text or "Sesame" in text for text in told), view
            field.clear()
            checked.append(f"{view}: {field.accessibleName()}")
    # create, unlock, change-passphrase (3), duress (2), export (2): all were looked at.
    assert len(checked) >= 10, checked
