"""Starting the app afresh after a lock: the command line, and the exec that runs it.

Python cannot zero its strings, and Qt keeps copies of its own (text layouts, undo
stacks, glyph caches), so locking does not chase copies: the process that held plaintext
replaces itself (``os.execve``) with a fresh one that starts on the unlock screen. Only
non-secret facts cross over, on the command line: the vault folder, the window's geometry
and state, and the code of the error an unlock attempt ended with. The environment is
inherited as it is (``HUSHNOTE_HOME``, display, locale); language and camouflage come from
the app config.

No Qt here, so the command line is built and checked without a display.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import hushnote.errors
from hushnote.errors import HushnoteError

__all__ = [
    "ERROR_OPTION",
    "GEOMETRY_OPTION",
    "STATE_OPTION",
    "WINDOW_STATES",
    "Relaunch",
    "error_for_code",
    "exec_relaunch",
    "mark_descriptors_close_on_exec",
    "parse_geometry",
    "relaunch_argv",
    "relaunch_environment",
    "threads_still_writing",
]

# Hidden command-line options (argparse.SUPPRESS in hushnote.cli.main).
GEOMETRY_OPTION = "--window-geometry"
STATE_OPTION = "--window-state"
ERROR_OPTION = "--unlock-error"
# "active" takes the keyboard back, as the old window had it; "inactive" leaves it where
# the user is typing now (an idle lock while another program is in use, say).
WINDOW_STATES = ("active", "inactive", "minimized")
# QWidget.saveGeometry() is about 70 bytes; anything far longer was not written by us.
MAX_GEOMETRY_BYTES = 512
_CODE = re.compile(r"[a-z][a-z0-9-]{0,63}")


@dataclass(frozen=True)
class Relaunch:
    """What the fresh process is told; never anything about the vault's content.

    ``geometry`` is Qt's own ``saveGeometry()`` encoding (position, size, maximized,
    screen); ``state`` one of ``WINDOW_STATES``; ``unlock_error`` the stable ``code`` of a
    ``HushnoteError``.
    """

    vault: Path
    geometry: bytes = b""
    state: str = "active"
    unlock_error: str | None = None


def relaunch_argv(request: Relaunch, *, frozen: bool, executable: str) -> list[str]:
    """The command line that starts the desktop app afresh on ``request.vault``.

    Frozen by PyInstaller, ``executable`` is the app itself; from source it is the Python
    interpreter, which runs the package (the console script does the same).
    """
    program = [executable] if frozen else [executable, "-m", "hushnote"]
    argv = [*program, "--vault", str(request.vault)]
    if request.geometry:
        argv += [GEOMETRY_OPTION, request.geometry.hex()]
    argv += [STATE_OPTION, request.state]
    if request.unlock_error is not None:
        argv += [ERROR_OPTION, request.unlock_error]
    return argv


def relaunch_environment(environ: Mapping[str, str], *, frozen: bool) -> dict[str, str]:
    """The environment as it is, plus what a frozen build needs to start as a new instance.

    PyInstaller (6.9 and later) treats a process started from its own executable as a
    worker of the running one unless ``PYINSTALLER_RESET_ENVIRONMENT`` is set. Its
    bootloader also put its own folder in front of ``LD_LIBRARY_PATH`` and kept the
    user's value in ``LD_LIBRARY_PATH_ORIG``: the fresh instance gets the user's value
    back, as PyInstaller's documentation does it, or the path grows by a folder per lock.
    """
    env = dict(environ)
    if frozen:
        env["PYINSTALLER_RESET_ENVIRONMENT"] = "1"
        original = env.pop("LD_LIBRARY_PATH_ORIG", None)
        if original is None:
            env.pop("LD_LIBRARY_PATH", None)
        else:
            env["LD_LIBRARY_PATH"] = original
    return env


def parse_geometry(text: str | None) -> bytes:
    """The geometry bytes from the hidden option; empty (the default place) if malformed."""
    if not text or len(text) > 2 * MAX_GEOMETRY_BYTES:
        return b""
    try:
        return bytes.fromhex(text)
    except ValueError:
        return b""


def error_for_code(code: str | None) -> HushnoteError | None:
    """An error of the class whose stable ``code`` this is, or None for an unknown code."""
    if code is None or not _CODE.fullmatch(code):
        return None
    for name in hushnote.errors.__all__:
        cls = getattr(hushnote.errors, name)
        if cls.code == code:
            error: HushnoteError = cls()
            return error
    return None


def threads_still_writing() -> list[threading.Thread]:
    """Non-daemon Python threads other than this one (the wipe's overwrite, say).

    An exec ends every thread at once; these must finish first.
    """
    current = threading.current_thread()
    return [
        thread
        for thread in threading.enumerate()
        if thread is not current and not thread.daemon and thread.is_alive()
    ]


def mark_descriptors_close_on_exec() -> None:
    """Set close-on-exec on every descriptor above stderr.

    Python opens its files non-inheritable, the folder lock and SQLite use ``O_CLOEXEC``
    and Qt its own pipes likewise; this makes sure that nothing else the old process
    opened (a library's file or pipe) reaches the new one.
    """
    for folder in ("/proc/self/fd", "/dev/fd"):
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            fd = int(name)
            if fd > 2:
                # One name is the listing's own descriptor, closed by now (EBADF).
                with contextlib.suppress(OSError):
                    os.set_inheritable(fd, False)
        return


def exec_relaunch(request: Relaunch) -> None:
    """Replace this process with a fresh app on the unlock screen; return only on failure.

    A failure (the executable was removed by an update, say) leaves this process as it
    was: the caller then keeps its window, locked in place.
    """
    frozen = bool(getattr(sys, "frozen", False))
    argv = relaunch_argv(request, frozen=frozen, executable=sys.executable)
    env = relaunch_environment(os.environ, frozen=frozen)
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
    mark_descriptors_close_on_exec()
    try:
        os.execve(argv[0], argv, env)  # noqa: S606 - our own program, fixed argv, no shell
    except OSError as error:
        # No path or text from the vault in this line: only the reason the exec failed.
        print(
            "hushnote: could not restart after locking "
            f"({error.strerror or type(error).__name__}); this window stays locked",
            file=sys.stderr,
        )
