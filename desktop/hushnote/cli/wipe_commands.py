"""``wipe``, ``duress`` and ``wipe-after``: the defences for when the laptop is taken.

``wipe`` needs no passphrase and imports almost nothing before the key slots are gone, so
a desktop hotkey, a script or a udev rule can fire it and it acts within tens of
milliseconds of starting.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hushnote.core import WipeReport

__all__ = ["add_duress_commands", "add_wipe_command", "cmd_wipe", "report_wipe"]


def add_wipe_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    wipe = commands.add_parser(
        "wipe",
        help="destroy the vault NOW (no passphrase needed)",
        description="Destroy the vault: the key slots are overwritten first (after that "
        "nothing can decrypt the data), then every vault file is removed and its bytes "
        "overwritten. Works while the app has the vault open. Cannot be undone.",
    )
    wipe.add_argument("--yes", action="store_true", help="do not ask (for hotkeys and scripts)")
    wipe.add_argument(
        "--leave-no-trace", action="store_true",
        help="also remove Hushnote's config and cache folders",
    )  # fmt: skip
    wipe.add_argument(
        "--no-overwrite", action="store_true",
        help="only destroy the keys and remove the files; skip overwriting the database",
    )  # fmt: skip
    wipe.set_defaults(func=cmd_wipe)


def cmd_wipe(args: argparse.Namespace) -> int:
    from hushnote.core import wipe_vault

    if not args.yes:
        from hushnote.cli.output import confirm

        confirm(f"Destroy the vault at {args.vault} forever?", assume_yes=False)
    report = wipe_vault(Path(args.vault), overwrite=not args.no_overwrite,
                  leave_no_trace=args.leave_no_trace)  # fmt: skip
    return report_wipe(report)


def report_wipe(report: WipeReport) -> int:
    """Say what a finished wipe did; ``WipeIncompleteError`` if anything is left."""
    if report.erased and report.keys_destroyed:
        print(f"Wiped: the keys were destroyed in {report.erased_at * 1000:.1f} ms.")
    elif not report.problems:
        print("Nothing left to wipe." if not report.removed else "Wiped the remaining files.")
    if report.problems:
        from hushnote.errors import WipeIncompleteError

        for problem in report.problems:
            print(f"not destroyed: {problem}", file=sys.stderr)
        raise WipeIncompleteError(
            keys="destroyed" if report.keys_destroyed else "intact",
            names=", ".join(problem.name for problem in report.problems),
        )
    return 0


def add_duress_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from hushnote.cli.unlock import add_passphrase_file

    duress = commands.add_parser(
        "duress",
        help="set or remove a duress passphrase",
        description="A duress passphrase opens a harmless decoy vault while it destroys the "
        "real one. Nothing on disk shows whether one is set.",
    )
    actions = duress.add_subparsers(title="actions", metavar="ACTION", required=True)
    set_ = actions.add_parser("set", help="set the duress passphrase (replaces any earlier one)")
    add_passphrase_file(set_)
    set_.add_argument("--duress-passphrase-file", type=Path, metavar="FILE",
                      help="read the duress passphrase from the first line of FILE")  # fmt: skip
    set_.add_argument(
        "--decoy-notes", type=Path, metavar="FILE",
        help="harmless notes the decoy vault will hold: Markdown, notes separated by "
        "lines of '---', each note's first line its title",
    )  # fmt: skip
    set_.set_defaults(func=cmd_duress_set)
    clear = actions.add_parser("clear", help="remove any duress passphrase")
    add_passphrase_file(clear)
    clear.set_defaults(func=cmd_duress_clear)

    guard = commands.add_parser(
        "wipe-after",
        help="wipe the vault after N wrong passphrases in a row (off by default)",
        description="Wipe the vault after N wrong passphrases in a row, counted by this "
        "computer. It does not help against someone who copied the disk first.",
    )
    guard.add_argument("limit", help="a number from 3 to 100, or 'off'")
    add_passphrase_file(guard)
    guard.set_defaults(func=cmd_wipe_after)


def cmd_duress_set(args: argparse.Namespace) -> int:
    from hushnote.cli.passphrase import ask_passphrase, read_passphrase_file
    from hushnote.cli.unlock import open_vault
    from hushnote.core import read_decoy_file

    decoy = read_decoy_file(args.decoy_notes) if args.decoy_notes else []
    with open_vault(args) as vault:
        if args.duress_passphrase_file is not None:
            duress = read_passphrase_file(args.duress_passphrase_file)
        else:
            duress = ask_passphrase("Duress passphrase: ", confirm="Repeat it: ")
        vault.set_duress(duress, decoy)
    print(
        "Duress passphrase set. Typing it instead of the real one opens a decoy vault "
        f"with {len(decoy)} notes and destroys this vault."
    )
    return 0


def cmd_duress_clear(args: argparse.Namespace) -> int:
    from hushnote.cli.unlock import open_vault

    with open_vault(args) as vault:
        vault.clear_duress()
    print("No duress passphrase is set now.")
    return 0


def cmd_wipe_after(args: argparse.Namespace) -> int:
    from hushnote.cli.unlock import open_vault
    from hushnote.core import UnlockGuard
    from hushnote.errors import InvalidRecordError

    limit: int | None
    if args.limit.lower() == "off":
        limit = None
    else:
        try:
            limit = int(args.limit)
        except ValueError:
            raise InvalidRecordError(field="limit", reason="not a number") from None
    with open_vault(args):
        UnlockGuard(Path(args.vault)).set_limit(limit)
    if limit is None:
        print("Wrong passphrases no longer wipe the vault.")
    else:
        print(f"The vault will be wiped after {limit} wrong passphrases in a row.",
              file=sys.stdout)  # fmt: skip
    return 0
