"""A focus outline that every focusable control shows, thick and contrasting enough to
find at a glance (WCAG 2.2 focus appearance: 2 px, 3:1 against what is next to it).

Fusion marks focus with a 1 px line in the highlight colour, which is hard to see on a
line edit and almost invisible on a table or a check box. Instead of restyling every
kind of control, one ``QFocusFrame`` follows the focus and draws a ring over the
outer edge of the focused control; the colour is chosen for the palette in use.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QFocusFrame,
    QProxyStyle,
    QStyle,
    QStyleHintReturn,
    QStyleOption,
    QWidget,
)

__all__ = ["RING_WIDTH", "FocusRing", "contrast", "ring_colour"]

#: Device-independent pixels; drawn inside the control, so a control at the window's
#: edge keeps its whole ring.
RING_WIDTH = 2
#: Dark blue on light palettes, pale blue on dark ones: each has at least 3:1 against
#: the window, the fields, the buttons and the selection highlight of its palette.
LIGHT_RING = QColor("#0a2a66")
DARK_RING = QColor("#c6dcff")


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(one: QColor, other: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ring_colour(palette: QPalette) -> QColor:
    """The ring's colour for ``palette``: whichever of the two contrasts more with it."""
    window = palette.color(QPalette.ColorRole.Window)
    return max((LIGHT_RING, DARK_RING), key=lambda colour: contrast(colour, window))


class _AboveStyle(QProxyStyle):
    """Puts the frame above the control it rings, so the ring is not hidden under it."""

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returnData: QStyleHintReturn | None = None,
    ) -> int:
        if hint == QStyle.StyleHint.SH_FocusFrame_AboveWidget:
            return 1
        return super().styleHint(hint, option, widget, returnData)

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        margins = (QStyle.PixelMetric.PM_FocusFrameHMargin, QStyle.PixelMetric.PM_FocusFrameVMargin)
        if metric in margins:
            return 0  # exactly the control's rectangle
        return super().pixelMetric(metric, option, widget)


class _Ring(QFocusFrame):
    """The ring itself: a child of the focused control's window, drawn above it."""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        pen = QPen(ring_colour(self.palette()), RING_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = RING_WIDTH / 2
        painter.drawRect(QRectF(self.rect()).adjusted(half, half, -half, -half))
        painter.end()


class FocusRing(QObject):
    """Follows the application's focus and rings every control that takes it."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._style = _AboveStyle("Fusion")
        self._style.setParent(self)
        self.ring: _Ring | None = None
        app.focusChanged.connect(self._follow)

    def _follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        # The ring lives in the focused control's window and goes when that window goes.
        if self.ring is None or not shiboken6.isValid(self.ring):
            self.ring = _Ring()
            self.ring.setStyle(self._style)
        # A window itself (a dialog with nothing focusable) gets no ring.
        self.ring.setWidget(new if new is not None and not new.isWindow() else None)  # type: ignore[arg-type]  # Qt takes None
