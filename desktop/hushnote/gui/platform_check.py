"""Say which Debian packages Qt's X11 plugin lacks, before Qt aborts with a cryptic line.

PySide6's wheels bundle Qt but not the xcb helper libraries a fresh desktop may miss;
Qt then prints "xcb-cursor0 or libxcb-cursor0 is needed" and aborts the process.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from hushnote.errors import DisplayUnavailableError

__all__ = ["missing_xcb_packages", "require_display"]

# soname -> Debian package
_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxcb.so.1": "libxcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def missing_xcb_packages() -> list[str]:
    """Debian packages (or bare sonames, if unknown) the xcb plugin cannot load."""
    import PySide6

    qt_root = Path(PySide6.__file__).parent / "Qt"
    plugin = qt_root / "plugins" / "platforms" / "libqxcb.so"
    ldd = shutil.which("ldd")
    missing: set[str] = set()
    if plugin.exists() and ldd:
        for library in (plugin, qt_root / "lib" / "libQt6XcbQpa.so.6"):
            if library.exists():
                output = subprocess.run(  # noqa: S603 - ldd on a file of our own package
                    [ldd, str(library)], capture_output=True, text=True, check=False
                ).stdout
                missing.update(_NOT_FOUND.findall(output))
    # Qt loads xcb-cursor with dlopen at start-up, so ldd does not list it.
    try:
        ctypes.CDLL("libxcb-cursor.so.0")
    except OSError:
        missing.add("libxcb-cursor.so.0")
    return sorted({_PACKAGES.get(name, name) for name in missing})


def require_display() -> None:
    """Raise ``DisplayUnavailableError`` with the fix, where Qt would abort instead."""
    if not sys.platform.startswith("linux"):
        return
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return
    if not os.environ.get("DISPLAY"):
        raise DisplayUnavailableError(reason="no display (DISPLAY is not set)")
    packages = missing_xcb_packages()
    if packages:
        raise DisplayUnavailableError(
            reason="missing system libraries; install them with: "
            f"sudo apt-get install {' '.join(packages)}"
        )
