"""A private X server for tests that need a real X11 window, not the offscreen platform."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def available() -> bool:
    return all(shutil.which(tool) for tool in ("Xvfb", "import", "identify"))


@contextmanager
def xvfb(width: int = 1100, height: int = 680) -> Iterator[str]:
    """Start Xvfb on a free display; yield its DISPLAY value."""
    for number in range(90, 140):
        if not Path(f"/tmp/.X{number}-lock").exists():
            break
    else:
        raise RuntimeError("no free X display number")
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        socket = Path(f"/tmp/.X11-unix/X{number}")
        deadline = time.monotonic() + 10
        while not socket.exists():
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.05)
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def screenshot(display: str, path: Path) -> int:
    """Save the whole screen as PNG; return how many distinct colours it has."""
    subprocess.run(["import", "-display", display, "-window", "root", str(path)], check=True)
    colours = subprocess.run(
        ["identify", "-format", "%k", str(path)], check=True, capture_output=True, text=True
    ).stdout
    return int(colours.strip())
