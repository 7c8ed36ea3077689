"""Reading passphrases: from the terminal without echo, or from a file for scripts.

Never from the command line itself, where ``ps`` and shell history would show them.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
import termios
from pathlib import Path

from hushnote.errors import PassphraseError

__all__ = ["ask_passphrase", "read_passphrase_file"]


def read_passphrase_file(path: Path) -> str:
    """Return the first line of ``path`` without its line ending.

    A trailing newline is what editors and ``echo`` add, so it is never part of the
    passphrase; everything else on the line, spaces included, is.
    """
    try:
        with path.open("rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            data = handle.readline()
    except OSError:
        raise PassphraseError(reason="file-unreadable", path=str(path)) from None
    if stat.S_ISREG(mode) and mode & 0o077:
        print(
            f"hushnote: warning: {path} can be read by other users; chmod 600 it",
            file=sys.stderr,
        )
    # Notepad and some other editors start a UTF-8 file with a byte-order mark; it is
    # never part of a passphrase (and a wrong guess counts toward wipe-after-N).
    line = data.removeprefix(codecs.BOM_UTF8).removesuffix(b"\n").removesuffix(b"\r")
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        raise PassphraseError(reason="not-utf8", path=str(path)) from None
    if not text:
        raise PassphraseError(reason="empty")
    return text


def ask_passphrase(prompt: str, *, confirm: str | None = None) -> str:
    """Ask on the controlling terminal with echo off; ask twice when ``confirm`` is given.

    Unlike ``getpass``, this never falls back to reading an echoing stdin.
    """
    first = _ask_tty(prompt)
    if not first:
        raise PassphraseError(reason="empty")
    if confirm is not None and _ask_tty(confirm) != first:
        raise PassphraseError(reason="mismatch")
    return first


def _ask_tty(prompt: str) -> str:
    try:
        fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError:
        raise PassphraseError(reason="no-terminal") from None
    try:
        old = termios.tcgetattr(fd)
        quiet = termios.tcgetattr(fd)
        quiet[3] &= ~termios.ECHO
        # Echo goes off before the prompt shows, so nothing typed after it can echo.
        termios.tcsetattr(fd, termios.TCSAFLUSH, quiet)
        os.write(fd, prompt.encode())
        try:
            line = _read_line(fd)
        finally:
            termios.tcsetattr(fd, termios.TCSAFLUSH, old)
            os.write(fd, b"\n")
    finally:
        os.close(fd)
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        raise PassphraseError(reason="not-utf8") from None


def _read_line(fd: int) -> bytes:
    """Read up to the end of the line; the terminal is in canonical mode, so whole lines
    arrive, but a read may still return part of one."""
    line = bytearray()
    while True:
        chunk = os.read(fd, 1024)
        if not chunk:
            break
        line += chunk
        if line.endswith(b"\n"):
            break
    return bytes(line).removesuffix(b"\n").removesuffix(b"\r")
