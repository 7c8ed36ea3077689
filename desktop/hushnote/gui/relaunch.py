"""Starting the app afresh after a lock: the command line, and the exec that runs it.

Python cannot zero its strings, and Qt keeps copies of its own (text layouts, undo
stacks, glyph caches), so locking does not chase copies: the process that held plaintext
replaces itself (``os.execve``) with a fresh one that starts on the unlock screen. Only
non-secret facts cross over, on the command line: the vault folder, the window's geometry
and state, and the code of the error an unlock attempt ended with. The environment is
inherited as it is (``HUSHNOTE_HOME``, display, locale); language and camouflage come from
the app config.

One secret may cross: after a wrong passphrase, the text typed, so that a long passphrase
with one typo comes back selected instead of being typed again. It never goes on the
command line or in the environment (``/proc/PID/cmdline`` and ``environ`` are readable by
the same user, and tools log them): it goes through a pipe whose read end is the one
descriptor the fresh process inherits. Only the descriptor's number is on the command line
(``PASSPHRASE_FD_OPTION``). The fresh process reads it once at start (``read_handover``)
and closes it; the kernel's copy is gone once read. The main window then relaunches again,
without it, after ``RETRY_KEEP_SECONDS`` idle on the unlock screen.

No Qt here, so the command line is built and checked without a display.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import hushnote.errors
from hushnote.errors import HushnoteError

__all__ = [
    "ERROR_OPTION",
    "GEOMETRY_OPTION",
    "MAX_HANDOVER_BYTES",
    "PASSPHRASE_FD_OPTION",
    "STATE_OPTION",
    "WINDOW_STATES",
    "Relaunch",
    "error_for_code",
    "exec_relaunch",
    "handover_pipe",
    "mark_descriptors_close_on_exec",
    "parse_geometry",
    "read_handover",
    "relaunch_argv",
    "relaunch_environment",
    "threads_still_writing",
]

# Hidden command-line options (argparse.SUPPRESS in hushnote.cli.main).
GEOMETRY_OPTION = "--window-geometry"
STATE_OPTION = "--window-state"
ERROR_OPTION = "--unlock-error"
PASSPHRASE_FD_OPTION = "--passphrase-fd"  # noqa: S105 - an option's name, not a secret
# Below PIPE_BUF (4096 on Linux): one write, whole, before the exec, never blocking.
MAX_HANDOVER_BYTES = 4000
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
    ``HushnoteError``; ``retry_passphrase`` the wrong passphrase to offer again, which
    travels through a pipe (``handover_pipe``), never the command line, and is never in
    the repr.
    """

    vault: Path
    geometry: bytes = b""
    state: str = "active"
    unlock_error: str | None = None
    retry_passphrase: str | None = field(default=None, repr=False)


def relaunch_argv(
    request: Relaunch, *, frozen: bool, executable: str, passphrase_fd: int | None = None
) -> list[str]:
    """The command line that starts the desktop app afresh on ``request.vault``.

    Frozen by PyInstaller, ``executable`` is the app itself; from source it is the Python
    interpreter, which runs the package (the console script does the same).
    ``passphrase_fd`` is the number of the inherited pipe holding the retry text.
    """
    program = [executable] if frozen else [executable, "-m", "hushnote"]
    argv = [*program, "--vault", str(request.vault)]
    if request.geometry:
        argv += [GEOMETRY_OPTION, request.geometry.hex()]
    argv += [STATE_OPTION, request.state]
    if request.unlock_error is not None:
        argv += [ERROR_OPTION, request.unlock_error]
    if passphrase_fd is not None:
        argv += [PASSPHRASE_FD_OPTION, str(passphrase_fd)]
    return argv


def handover_pipe(text: str) -> int | None:
    """A pipe holding ``text``, closed for writing; its inheritable read end, or None.

    None for text too long to write at once (it is then simply not offered again).
    """
    data = text.encode("utf-8")
    if not data or len(data) > MAX_HANDOVER_BYTES:
        return None
    read_end, write_end = os.pipe()
    try:
        written = os.write(write_end, data)
    finally:
        os.close(write_end)
    if written != len(data):
        os.close(read_end)
        return None
    os.set_inheritable(read_end, True)
    return read_end


def read_handover(fd: int | None) -> str | None:
    """The text in the pipe at ``fd``, read once; the descriptor is closed either way.

    Anything but a pipe (a number typed by hand, a file, a terminal) is closed unread.
    The bytes are read into a buffer that is zeroed once decoded.
    """
    if fd is None or fd <= 2:
        return None
    try:
        if not stat.S_ISFIFO(os.fstat(fd).st_mode):
            return None
        buffer = bytearray(MAX_HANDOVER_BYTES + 1)
        view = memoryview(buffer)
        size = 0
        while size < len(buffer):
            count = os.readv(fd, [view[size:]])
            if count == 0:
                break
            size += count
        if size > MAX_HANDOVER_BYTES:
            return None
        try:
            # Decoded straight from the buffer: no bytes copy left behind unzeroed.
            return str(view[:size], "utf-8") or None
        except UnicodeDecodeError:
            return None
        finally:
            view.release()
            buffer[:] = bytes(len(buffer))
    except OSError:
        return None
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)


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
    env = relaunch_environment(os.environ, frozen=frozen)
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
    mark_descriptors_close_on_exec()
    # After the marking: the pipe's read end is the one descriptor the new image keeps.
    fd = handover_pipe(request.retry_passphrase) if request.retry_passphrase else None
    argv = relaunch_argv(request, frozen=frozen, executable=sys.executable, passphrase_fd=fd)
    try:
        os.execve(argv[0], argv, env)  # noqa: S606 - our own program, fixed argv, no shell
    except OSError as error:
        if fd is not None:
            os.close(fd)
        # No path or text from the vault in this line: only the reason the exec failed.
        print(
            "hushnote: could not restart after locking "
            f"({error.strerror or type(error).__name__}); this window stays locked",
            file=sys.stderr,
        )
