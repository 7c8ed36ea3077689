"""The ``hushnote`` command's first step: an urgent wipe runs before the rest loads.

Python itself takes about 20 ms to start here, and importing the whole command line
(argparse, the error tables, the core) about 45 ms more. A ``wipe --yes`` fired from a
hotkey or a script cannot wait for that, so this module imports only ``os``, ``sys`` and
the wipe, destroys the vault, and only then loads the rest to report what it did
(docs/panic-and-duress.md has the measured times). Every other command goes straight
to ``hushnote.cli.main``.
"""

from __future__ import annotations

import os
import sys

__all__ = ["WipeRequest", "main", "wipe_request"]

_FLAGS = ("--yes", "--leave-no-trace", "--no-overwrite")


class WipeRequest:
    """A ``wipe`` command line: the folder named (None for the default) and its flags.

    A plain class: ``dataclasses`` would cost the urgent path its import time.
    """

    __slots__ = ("flags", "vault")

    def __init__(self, vault: str | None, flags: frozenset[str]) -> None:
        self.vault = vault
        self.flags = flags


def wipe_request(arguments: list[str]) -> WipeRequest | None:
    """The wipe ``arguments`` ask for, or None if they are another command (or --help)."""
    words = [word for word in arguments if word not in _FLAGS]
    if "-h" in words or "--help" in words:
        return None
    vault: str | None = None
    while words[:1] == ["--vault"] and len(words) > 1:
        vault, words = words[1], words[2:]
    if words[:1] and words[0].startswith("--vault="):
        vault, words = words[0].split("=", 1)[1], words[1:]
    if words != ["wipe"]:
        return None
    return WipeRequest(vault, frozenset(word for word in arguments if word in _FLAGS))


def main() -> int:
    arguments = sys.argv[1:]
    request = wipe_request(arguments)
    if request is not None and "--yes" in request.flags:
        return _urgent_wipe(request)
    from hushnote.cli.main import main as full_command_line

    return full_command_line(arguments)


def _urgent_wipe(request: WipeRequest) -> int:
    from hushnote.core import erase_keys

    if request.vault is not None:
        named = os.path.abspath(os.path.expanduser(request.vault))
    else:
        from hushnote.core import default_vault_dir

        named = os.path.abspath(default_vault_dir())
    erased = erase_keys(os.path.realpath(named))
    # The keys are gone; now there is time to load the rest and finish the job.
    from pathlib import Path

    from hushnote.cli.main import run_command
    from hushnote.cli.wipe_commands import report_wipe
    from hushnote.core import Wipe

    def rest() -> int:
        job = Wipe(
            Path(named),
            overwrite="--no-overwrite" not in request.flags,
            leave_no_trace="--leave-no-trace" in request.flags,
        )
        job.destroy(erased=erased)
        return report_wipe(job.finish())

    return run_command(rest)


if __name__ == "__main__":  # pragma: no cover - ``python -m hushnote.cli.entry``
    os.umask(0o077)
    sys.exit(main())
