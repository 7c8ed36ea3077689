"""Follow the desktop's light or dark colour scheme, and switch when it does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from hushnote.gui.focus_ring import FocusRing

__all__ = ["dark_palette", "follow_system_theme", "palette_for"]


def dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#17181a",
        QPalette.ColorRole.AlternateBase: "#26272a",
        QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.Button: "#2b2c2f",
        QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.Highlight: "#3d6fb4",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
        QPalette.ColorRole.ToolTipBase: "#2b2c2f",
        QPalette.ColorRole.ToolTipText: "#e8eaed",
        QPalette.ColorRole.Link: "#8ab4f8",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    return palette


def palette_for(app: QApplication, scheme: Qt.ColorScheme) -> QPalette:
    """The palette for the desktop's colour scheme (light when it does not say)."""
    if scheme == Qt.ColorScheme.Dark:
        return dark_palette()
    return app.style().standardPalette()


def follow_system_theme(app: QApplication) -> FocusRing:
    """Fusion everywhere, with a dark palette when the desktop asks for dark, switching
    when the desktop switches, and a focus ring that shows in both."""
    app.setStyle("Fusion")
    hints = QGuiApplication.styleHints()
    app.setPalette(palette_for(app, hints.colorScheme()))
    hints.colorSchemeChanged.connect(lambda scheme: app.setPalette(palette_for(app, scheme)))
    return FocusRing(app)  # owned by the application
