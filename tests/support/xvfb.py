"""A private X server for tests that need a real X11 window, not the offscreen platform."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def available() -> bool:
    return all(shutil.which(tool) for tool in ("Xvfb", "import", "identify"))


@contextmanager
def xvfb(width: int = 1100, height: int = 680) -> Iterator[str]:
    """Start Xvfb on a display it picks itself; yield its DISPLAY value.

    ``-displayfd`` lets the server choose a free display and tell us which, so tests
    running at the same time never race for one number. ``-noreset`` keeps the server
    up when its last client goes: a locked app replaces its process, and for that
    instant it may be the only client; a resetting server refuses the fresh one.
    """
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{width}x{height}x24",
         "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 10)
        number = os.read(read_end, 64).decode().strip() if ready else ""
        if not number or server.poll() is not None:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(timeout=10)


def screenshot(display: str, path: Path) -> int:
    """Save the whole screen as PNG; return how many distinct colours it has."""
    subprocess.run(["import", "-display", display, "-window", "root", str(path)], check=True)
    colours = subprocess.run(
        ["identify", "-format", "%k", str(path)], check=True, capture_output=True, text=True
    ).stdout
    return int(colours.strip())
