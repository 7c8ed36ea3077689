"""The real app in a real X11 window (Xvfb): the unlock screen and the main window.

This is the xcb platform plugin with its system libraries, not the offscreen platform the
other GUI tests use, so it also proves that the app starts on a plain X11 desktop.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hushnote.core import KdfParams
from support import xvfb
from support.sample_vault import build_sample_vault

TOUR = Path(__file__).with_name("window_tour.py")
TESTS = Path(__file__).parents[1]


def take_tour(vault: Path, passphrase: str, out: Path, language: str = "en") -> dict[str, int]:
    """Run the window tour on Xvfb; save a PNG per screen; return their colour counts.

    Pictures in another language than English are named like ``main-zh_CN.png``.
    """
    colours = {}
    suffix = "" if language == "en" else f"-{language}"
    with xvfb.xvfb() as display:
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "PYTHONPATH": str(TESTS),
            "TOUR_LANGUAGE": language,
        }
        tour = subprocess.Popen(
            [sys.executable, str(TOUR), str(vault), passphrase],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert tour.stdin is not None and tour.stdout is not None
        try:
            for _ in range(3):
                line = tour.stdout.readline().strip()
                assert line.startswith("ready "), line
                name = line.split()[1]
                colours[name] = xvfb.screenshot(display, out / f"{name}{suffix}.png")
                tour.stdin.write("next\n")
                tour.stdin.flush()
            assert tour.wait(timeout=30) == 0
        finally:
            if tour.poll() is None:
                tour.kill()
                tour.wait()
            tour.stdin.close()
            tour.stdout.close()
    return colours


@pytest.mark.skipif(not xvfb.available(), reason="needs Xvfb and imagemagick")
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_screenshots_of_a_real_x11_window_are_not_blank(tmp_path: Path, language: str) -> None:
    vault = tmp_path / "vault"
    build_sample_vault(vault, "tour pass", KdfParams(64 * 1024, 2, 2))
    colours = take_tour(vault, "tour pass", tmp_path, language)
    assert set(colours) == {"unlock", "main", "search"}
    # A blank or all-black screen has one or two colours; text antialiasing gives dozens.
    for name, count in colours.items():
        assert count > 20, f"{name} looks blank ({count} colours)"


if __name__ == "__main__":
    # make screenshots: refresh the pictures in docs/screenshots.
    target = Path(sys.argv[1])
    work = target / ".vault"
    build_sample_vault(work, "tour pass", KdfParams(64 * 1024, 2, 2))
    try:
        print(take_tour(work, "tour pass", target))
        print(take_tour(work, "tour pass", target, "zh_CN"))
    finally:
        import shutil

        shutil.rmtree(work)
