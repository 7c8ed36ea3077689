"""Fail or kill a Hushnote child process at its N-th file-system call made through ``os``.

The Python-level twin of ``tests/reliability/faultfs/faultfs.c``: it wraps the ``os``
functions Hushnote writes with, counts the calls on paths inside one folder, and at the
N-th one either raises ``OSError(errno)`` instead of making it or sends the process
SIGKILL. SQLite's own I/O does not go through ``os``; the shim reaches that.

It is configured by the same environment variables as the shim (``FAULTFS_DIR``,
``FAULTFS_AT``, ``FAULTFS_ERRNO``, ``FAULTFS_STICKY``, ``FAULTFS_REPORT``) and writes the
same report lines, so ``support.fault_trials`` drives both alike. Run it as
``python -m support.os_faults hushnote ARGS…`` for the command line, or call ``install``
first thing in a child script.
"""

from __future__ import annotations

import atexit
import os
import runpy
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any

# Functions that take a path (the last path argument is the one that counts) and those
# that take a descriptor.
_PATH_CALLS = ("replace", "rename", "link", "unlink", "rmdir")
_FD_CALLS = ("write", "pwrite", "fsync", "fdatasync", "ftruncate")
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC


class _Injector:
    def __init__(self) -> None:
        self.root = os.environ.get("FAULTFS_DIR", "").rstrip("/")
        self.at = int(os.environ.get("FAULTFS_AT", "0"))
        self.errno = int(os.environ.get("FAULTFS_ERRNO", "0"))
        self.sticky = os.environ.get("FAULTFS_STICKY") == "1"
        self.count = 0
        self.lock = threading.Lock()
        self.paths: dict[int, str] = {}
        self.real: dict[str, Callable[..., Any]] = {}
        self.report_fd = -1
        report = os.environ.get("FAULTFS_REPORT")
        if report:
            self.report_fd = os.open(report, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def _say(self, line: str) -> None:
        if self.report_fd >= 0:
            self.real["write"](self.report_fd, line.encode())

    def _inside(self, path: str | None) -> bool:
        if not self.root or path is None:
            return False
        return path == self.root or path.startswith(self.root + "/")

    def decide(self, op: str, path: str | None) -> None:
        """Count a call on ``path``; raise or kill if it is the chosen one."""
        if not self._inside(path):
            return
        assert path is not None
        with self.lock:
            self.count += 1
            n = self.count
        name = path[len(self.root) + 1 :]
        self._say(f"{n} {op} {name}\n")
        if self.at <= 0 or n < self.at or (n > self.at and not self.sticky):
            return
        self._say(f"fault {n} {op} {name}\n")
        if self.errno == 0:
            os.kill(os.getpid(), signal.SIGKILL)
        raise OSError(self.errno, os.strerror(self.errno), path)

    def wrap_path_call(self, name: str) -> Callable[..., Any]:
        real = self.real[name]

        def call(*args: Any, **kwargs: Any) -> Any:
            target = args[-1] if args else None
            if target is not None and kwargs.get("dst_dir_fd") is None:
                self.decide(name, os.path.abspath(os.fsdecode(target)))
            return real(*args, **kwargs)

        return call

    def wrap_fd_call(self, name: str) -> Callable[..., Any]:
        real = self.real[name]

        def call(fd: int, *args: Any, **kwargs: Any) -> Any:
            self.decide(name, self.paths.get(fd))
            return real(fd, *args, **kwargs)

        return call

    def wrap_open(self) -> Callable[..., Any]:
        real = self.real["open"]

        def call(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            absolute = None
            if kwargs.get("dir_fd") is None:
                absolute = os.path.abspath(os.fsdecode(path))
            if flags & _WRITE_FLAGS:
                self.decide("open", absolute)
            fd: int = real(path, flags, *args, **kwargs)
            if self._inside(absolute):
                self.paths[fd] = absolute  # type: ignore[assignment]
            return fd

        return call

    def wrap_close(self) -> Callable[..., Any]:
        real = self.real["close"]

        def call(fd: int) -> None:
            path = self.paths.pop(fd, None)
            # Only a kill lands here: an error from close would leak the descriptor.
            if self.errno == 0:
                self.decide("close", path)
            real(fd)

        return call

    def install(self) -> None:
        for name in (*_PATH_CALLS, *_FD_CALLS, "open", "close"):
            self.real[name] = getattr(os, name)
        for name in _PATH_CALLS:
            setattr(os, name, self.wrap_path_call(name))
        for name in _FD_CALLS:
            setattr(os, name, self.wrap_fd_call(name))
        os.open = self.wrap_open()
        os.close = self.wrap_close()
        atexit.register(lambda: self._say(f"total {self.count}\n"))


def install() -> None:
    """Wrap ``os`` in this process as the ``FAULTFS_*`` variables say."""
    _Injector().install()


def main() -> None:
    """``python -m support.os_faults MODULE ARGS…``: run ``python -m MODULE ARGS…`` with
    faults (``hushnote`` for the command line)."""
    install()
    sys.argv = sys.argv[1:]
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
