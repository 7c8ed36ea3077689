"""Small real file systems for tests: a full one and a read-only one (tmpfs, needs root).

A full disk and read-only media are environment failures a vault must survive; faking
them in Python would only test the fake. Where mounting is not permitted (not root, no
CAP_SYS_ADMIN) the tests that need these skip, except under CI, where they must run.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*args: str) -> bool:
    result = subprocess.run(["mount", *args], capture_output=True, check=False)
    return result.returncode == 0


def require_mounting(where: Path) -> None:
    """Skip (fail under CI) unless this process may mount a tmpfs."""
    where.mkdir(parents=True, exist_ok=True)
    if _mount("-t", "tmpfs", "-o", "size=64k", "tmpfs", str(where)):
        subprocess.run(["umount", str(where)], check=True)
        return
    if os.environ.get("CI"):
        pytest.fail("CI must be able to mount a tmpfs (run as root)")
    pytest.skip("mounting a tmpfs needs root")


@contextmanager
def tmpfs(where: Path, size_kib: int) -> Iterator[Path]:
    """A fresh tmpfs of ``size_kib`` at ``where``, unmounted afterwards."""
    require_mounting(where)
    assert _mount("-t", "tmpfs", "-o", f"size={size_kib}k,mode=700", "tmpfs", str(where))
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(folder: Path) -> None:
    """Use up every free byte of the file system holding ``folder``."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        size = 1 << 16
        while size:
            try:
                os.write(fd, bytes(size))
            except OSError:
                size //= 2
    finally:
        os.close(fd)


def read_only(where: Path) -> None:
    """Remount the tmpfs at ``where`` read-only, as a write-protected stick would be."""
    assert _mount("-o", "remount,ro", str(where))
