"""Process hardening applied before any key material exists: no core dumps, private files."""

from __future__ import annotations

import ctypes
import os
import resource
import sys

__all__ = ["harden_process", "is_dumpable"]

_PR_SET_DUMPABLE = 4
_PR_GET_DUMPABLE = 3


def harden_process() -> None:
    """Turn off core dumps and ptrace by other same-user processes; make new files private.

    A crash dump would hold the data key and decrypted notes in the clear, so both the
    rlimit and, on Linux, the dumpable flag are cleared (the flag also covers dumps piped to
    systemd-coredump, which ignore RLIMIT_CORE).
    """
    os.umask(0o077)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        _prctl(_PR_SET_DUMPABLE, 0)


def is_dumpable() -> bool:
    """Whether the kernel would write a core dump of this process (Linux), else True."""
    if not sys.platform.startswith("linux"):
        return True
    return _prctl(_PR_GET_DUMPABLE, 0) != 0


def _prctl(option: int, value: int) -> int:
    # The running interpreter already links libc; find_library would spawn ldconfig.
    libc = ctypes.CDLL(None, use_errno=True)
    result: int = libc.prctl(option, value, 0, 0, 0)
    if result < 0:
        raise OSError(ctypes.get_errno(), "prctl failed")
    return result
