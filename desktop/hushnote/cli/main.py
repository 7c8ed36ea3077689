"""The ``hushnote`` command: a thin layer over ``hushnote.core``.

With no subcommand it starts the desktop app. Errors print one line starting
``hushnote: error:`` and exit with the code of their class (``hushnote --help`` lists them).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

import hushnote
from hushnote.cli.messages import exit_code_table, message_for
from hushnote.cli.wipe_commands import add_duress_commands, add_wipe_command
from hushnote.core.paths import default_vault_dir
from hushnote.core.process import harden_process
from hushnote.errors import HushnoteError

__all__ = ["build_parser", "main"]

DEBUG_ENV = "HUSHNOTE_DEBUG"


def build_parser(*, wipe_only: bool = False) -> argparse.ArgumentParser:
    """The whole command line; ``wipe_only`` builds just enough for ``wipe``, which then
    runs without importing the rest of Hushnote first."""
    parser = argparse.ArgumentParser(
        prog="hushnote",
        description="Hushnote keeps notes and contact lists in an encrypted vault. "
        "Without a command, the desktop app starts.",
        epilog="exit codes:\n" + exit_code_table(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--vault",
        type=Path,
        metavar="DIR",
        default=None,
        help="the vault folder (default: $HUSHNOTE_HOME, else the user data folder)",
    )
    parser.add_argument("--version", action="version", version=f"hushnote {hushnote.__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    if wipe_only:
        add_wipe_command(commands)
        return parser
    from hushnote.cli.bundle_commands import add_bundle_commands
    from hushnote.cli.contact_commands import add_contact_commands
    from hushnote.cli.note_commands import add_note_commands
    from hushnote.cli.search_command import add_search_command
    from hushnote.cli.vault_commands import add_vault_commands

    add_vault_commands(commands)
    add_note_commands(commands)
    add_contact_commands(commands)
    add_search_command(commands)
    add_bundle_commands(commands)
    add_wipe_command(commands)
    add_duress_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    harden_process()
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(wipe_only=_is_wipe(arguments))
    args = parser.parse_args(arguments)
    if args.vault is None:
        args.vault = default_vault_dir()
    args.vault = args.vault.expanduser().absolute()
    try:
        if not hasattr(args, "func"):
            return _start_gui(args.vault)
        code: int = args.func(args)
        return code
    except HushnoteError as error:
        print(f"hushnote: error: {message_for(error)}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("\nhushnote: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # A closed pager or `| head`: not worth a message. Keep Python quiet at exit too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as error:
        # A bug. Its message could quote data, so only the type is shown by default.
        print(
            f"hushnote: error: internal error ({type(error).__name__}); please report it. "
            f"Set {DEBUG_ENV}=1 to see details.",
            file=sys.stderr,
        )
        if os.environ.get(DEBUG_ENV):
            traceback.print_exc()
        return 1


def _is_wipe(arguments: list[str]) -> bool:
    """Whether the command is ``wipe`` (after any ``--vault DIR``), without --help."""
    words = [word for word in arguments if word not in ("--yes", "--leave-no-trace",
                                                          "--no-overwrite")]  # fmt: skip
    if "-h" in words or "--help" in words:
        return False
    while words[:1] == ["--vault"]:
        words = words[2:]
    if words[:1] and words[0].startswith("--vault="):
        words = words[1:]
    return words[:1] == ["wipe"]


def _start_gui(vault: Path) -> int:
    # Imported here so that `hushnote.cli` never loads Qt for a command.
    from hushnote.gui.app import run_gui

    return run_gui(vault)
