"""The focus ring: on every kind of control, 2 px wide, with at least 3:1 contrast
against the colours on both sides of it, in the light and the dark palette
(WCAG 2.2 focus appearance), measured on the rendered pixels."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hushnote.gui.focus_ring import RING_WIDTH, FocusRing, contrast
from hushnote.gui.theme import palette_for


@pytest.fixture
def ring(qapp: QApplication) -> Iterator[FocusRing]:
    ring = FocusRing(qapp)
    yield ring
    ring.setParent(None)  # the application forgets it; no other test sees a ring


def _form(scheme: Qt.ColorScheme) -> tuple[QWidget, list[QWidget]]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = QWidget()
    window.setStyle(app.style())
    window.setPalette(palette_for(app, scheme))
    table = QTableWidget(2, 2)
    table.setCurrentCell(0, 0)  # the first row selected: the highlight touches the ring
    controls: list[QWidget] = [
        QLineEdit("text"),
        QPushButton("Button"),
        QCheckBox("Check"),
        QComboBox(),
        table,
        QPlainTextEdit("body"),
    ]
    layout = QVBoxLayout(window)
    for control in controls:
        layout.addWidget(control)
    window.resize(320, 420)
    return window, controls


def _pixel(image: QImage, x: float, y: float) -> QColor:
    return image.pixelColor(round(x), round(y))


@pytest.mark.parametrize("scheme", [Qt.ColorScheme.Light, Qt.ColorScheme.Dark])
def test_every_control_shows_a_2px_ring_with_3_to_1_contrast(
    qtbot: QtBot, ring: FocusRing, scheme: Qt.ColorScheme
) -> None:
    window, controls = _form(scheme)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    for control in controls:
        control.setFocus()
        qtbot.waitUntil(control.hasFocus)
        focused = window.grab().toImage()
        ratio = focused.devicePixelRatio()
        top_left = control.mapTo(window, QPoint(0, 0))
        width, height = control.width(), control.height()
        # Down the middle of each side: outside | ring (2 px) | inside.
        sides = {
            "top": [(top_left.x() + width / 2, top_left.y() + d) for d in range(-1, 3)],
            "left": [(top_left.x() + d, top_left.y() + height / 2) for d in range(-1, 3)],
            "bottom": [
                (top_left.x() + width / 2, top_left.y() + height - 1 - d) for d in range(-1, 3)
            ],
            "right": [
                (top_left.x() + width - 1 - d, top_left.y() + height / 2) for d in range(-1, 3)
            ],
        }
        name = type(control).__name__
        for side, points in sides.items():
            outside, *band, inside = (_pixel(focused, x * ratio, y * ratio) for x, y in points)
            assert len(band) == RING_WIDTH
            ring_colour = band[0]
            assert all(c == ring_colour for c in band), (name, side)
            # Each device pixel across the ring's width (200% has four).
            for step in range(int(RING_WIDTH * ratio)):
                x, y = points[1]
                dx, dy = {"top": (0, 1), "left": (1, 0), "bottom": (0, -1), "right": (-1, 0)}[side]
                assert _pixel(focused, x * ratio + dx * step, y * ratio + dy * step) == ring_colour
            if outside.isValid() and top_left.x() > 0 and top_left.y() > 0:
                assert contrast(ring_colour, outside) >= 3, (name, side, "outside")
            assert contrast(ring_colour, inside) >= 3, (name, side, "inside")


def test_the_ring_follows_the_focus_and_leaves_no_trace(qtbot: QtBot, ring: FocusRing) -> None:
    window, controls = _form(Qt.ColorScheme.Light)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    field, button = controls[0], controls[1]
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    edge = field.mapTo(window, QPoint(field.width() // 2, 0))
    ringed = window.grab().toImage().pixelColor(edge)
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    plain = window.grab().toImage().pixelColor(edge)
    assert plain != ringed
    assert contrast(ringed, plain) >= 3  # focused and unfocused differ at 3:1
