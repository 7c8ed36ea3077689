"""Lock when the desktop says the screen locked or the machine is about to sleep.

Listens on D-Bus for logind's ``PrepareForSleep(true)`` (system bus) and the screensaver's
``ActiveChanged(true)`` (session bus; freedesktop and GNOME names). Where a bus or a
service is missing the watcher simply hears nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import SLOT, QObject, Signal, Slot

__all__ = ["SessionWatch"]

# Any sender is accepted (service ""): a spoofed signal can only lock the vault, and
# matching on the well-known name would miss desktops that emit from another name.
_SCREENSAVERS = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)


class SessionWatch(QObject):
    """Emits ``lock_requested`` on screen lock or suspend."""

    lock_requested = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.connected: list[str] = []
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a Qt build without D-Bus: nothing to watch
            return
        system = QDBusConnection.systemBus()
        if system.isConnected() and system.connect(
            "",
            "/org/freedesktop/login1",
            "org.freedesktop.login1.Manager",
            "PrepareForSleep",
            self,
            SLOT("on_sleep(bool)"),  # type: ignore[call-overload]  # the str SLOT() makes
        ):
            self.connected.append("logind")
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for path, interface in _SCREENSAVERS:
                if session.connect(
                    "",
                    path,
                    interface,
                    "ActiveChanged",
                    self,
                    SLOT("on_screensaver(bool)"),  # type: ignore[call-overload]
                ):
                    self.connected.append(path)

    @Slot(bool)
    def on_sleep(self, starting: bool) -> None:
        if starting:
            self.lock_requested.emit()

    @Slot(bool)
    def on_screensaver(self, active: bool) -> None:
        if active:
            self.lock_requested.emit()
