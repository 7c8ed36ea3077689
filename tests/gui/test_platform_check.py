"""Before Qt can abort on a bare desktop, Hushnote says what is missing."""

from __future__ import annotations

import subprocess
import sys

import pytest

from hushnote.errors import DisplayUnavailableError
from hushnote.gui import platform_check


def test_no_display_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    with pytest.raises(DisplayUnavailableError):
        platform_check.require_display()


def test_missing_libraries_are_named_as_debian_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(
        platform_check, "missing_xcb_packages", lambda: ["libxcb-cursor0", "libxcb-icccm4"]
    )
    with pytest.raises(DisplayUnavailableError) as caught:
        platform_check.require_display()
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in str(caught.value)


def test_ldd_output_is_read_for_not_found_libraries() -> None:
    sample = (
        "\tlibxcb-icccm.so.4 => not found\n"
        "\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f)\n"
        "\tlibxcb-keysyms.so.1 => not found\n"
    )
    found = platform_check._NOT_FOUND.findall(sample)
    assert found == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert [platform_check._PACKAGES[name] for name in found] == [
        "libxcb-icccm4",
        "libxcb-keysyms1",
    ]


def test_the_cli_reports_a_missing_display_without_a_traceback(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "hushnote", "--vault", str(tmp_path / "v")],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 17
    assert result.stderr.startswith("hushnote: error: the desktop app cannot start")
    assert "Traceback" not in result.stderr
