"""The ``hushnote`` command: a thin layer over ``hushnote.core``.

With no subcommand it starts the desktop app. Errors print one line starting
``hushnote: error:`` and exit with the code of their class (``hushnote --help`` lists them).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

import hushnote
from hushnote.cli.entry import wipe_request
from hushnote.cli.messages import exit_code_table, message_for
from hushnote.cli.wipe_commands import add_duress_commands, add_wipe_command
from hushnote.core import default_vault_dir, harden_process
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
    # Hidden: how the app, restarting itself after a lock, puts its window back and shows
    # why an unlock failed. Geometry and an error code only; nothing from the vault.
    parser.add_argument("--window-geometry", metavar="HEX", help=argparse.SUPPRESS)
    parser.add_argument("--window-state", metavar="STATE", help=argparse.SUPPRESS)
    parser.add_argument("--unlock-error", metavar="CODE", help=argparse.SUPPRESS)
    # The number of an inherited pipe holding a mistyped passphrase to offer again; the
    # text itself never goes on a command line (hushnote.gui.relaunch).
    parser.add_argument("--passphrase-fd", type=int, metavar="FD", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    if wipe_only:
        add_wipe_command(commands)
        return parser
    from hushnote.cli.attach_commands import add_attach_commands
    from hushnote.cli.bundle_commands import add_bundle_commands
    from hushnote.cli.contact_commands import add_contact_commands
    from hushnote.cli.import_commands import add_import_commands
    from hushnote.cli.note_commands import add_note_commands
    from hushnote.cli.pdf_commands import add_notebook_commands
    from hushnote.cli.search_command import add_search_command
    from hushnote.cli.space_commands import add_space_commands
    from hushnote.cli.travel_commands import add_travel_commands
    from hushnote.cli.vault_commands import add_vault_commands

    add_vault_commands(commands)
    add_note_commands(commands)
    add_notebook_commands(commands)
    add_attach_commands(commands)
    add_contact_commands(commands)
    add_search_command(commands)
    add_bundle_commands(commands)
    add_import_commands(commands)
    add_space_commands(commands)
    add_travel_commands(commands)
    add_wipe_command(commands)
    add_duress_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(wipe_only=_is_wipe(arguments))
    args = parser.parse_args(arguments)
    if args.vault is None:
        args.vault = default_vault_dir()
    args.vault = args.vault.expanduser().absolute()
    if not hasattr(args, "func"):
        return run_command(lambda: _start_gui(args))
    return run_command(lambda: int(args.func(args)))


def run_command(command: Callable[[], int]) -> int:
    """Run ``command``; turn every error into one line on stderr and an exit code."""
    harden_process()
    try:
        return command()
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
    return wipe_request(arguments) is not None


def _start_gui(args: argparse.Namespace) -> int:
    # Imported here so that `hushnote.cli` never loads Qt for a command.
    from hushnote.gui.app import run_gui

    return run_gui(
        args.vault,
        geometry=args.window_geometry,
        state=args.window_state,
        unlock_error=args.unlock_error,
        passphrase_fd=args.passphrase_fd,
    )
