"""The in-app user guide reaches no network: the kernel sees no internet socket while it
is shown, a web link is clicked and a page with a remote image is drawn."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
PROBE = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication
from hushnote.gui.guide_window import GuideWindow
app = QApplication([])
window = GuideWindow("en")
window.show()
window.browser.grab()
window.follow(QUrl("https://age-encryption.org"))
folder = Path(sys.argv[1])
(folder / "user-guide.md").write_text("# Guide\n\n![x](https://example.org/x.png)\n")
remote = GuideWindow("en", folder)
remote.show()
remote.browser.grab()
app.processEvents()
print("shown", window.link.text())
"""


def _strace(argv: list[str], log: Path, env: dict[str, str]) -> str:
    subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o", str(log), *argv],
        check=True, capture_output=True, env=env, timeout=120,
    )  # fmt: skip
    return log.read_text()


def test_the_guide_opens_no_internet_socket(tmp_path: Path) -> None:
    if (
        shutil.which("strace") is None
        or subprocess.run(
            ["strace", "-qq", "-o", os.devnull, "true"], capture_output=True, check=False
        ).returncode
    ):
        pytest.skip("strace is missing or ptrace is not permitted here")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT / "desktop")}
    control = _strace([sys.executable, "-c", "import socket; socket.socket()"],
                      tmp_path / "control.txt", env)  # fmt: skip
    assert "AF_INET" in control  # the trace would show one
    folder = tmp_path / "remote"
    folder.mkdir()
    calls = _strace([sys.executable, "-c", PROBE, str(folder)], tmp_path / "guide.txt", env)
    assert [line for line in calls.splitlines() if "AF_INET" in line] == []
