"""``note history``, ``note diff``, ``note revert``, ``note purge-history`` and
``note history-keep``: a note's revisions from the command line (docs/history.md)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from hushnote.cli.output import confirm, local_time, print_table, short_id
from hushnote.cli.unlock import open_vault
from hushnote.core import HISTORY_RETENTION_CHOICES
from hushnote.errors import InvalidRecordError

__all__ = ["add_history_actions", "revision_number"]


def revision_number(text: str) -> int:
    """A revision number typed on the command line (argparse ``type``)."""
    if not text.isdigit() or not 1 <= int(text) < 1 << 53:
        raise argparse.ArgumentTypeError("a revision number is a whole number from 1")
    return int(text)


def add_history_actions(actions: Any) -> list[argparse.ArgumentParser]:
    """Add the history actions under ``note``; return their parsers (which the caller
    gives ``--passphrase-file`` like the other actions)."""
    history = actions.add_parser("history", help="list a note's revisions, newest first")
    history.add_argument("id")
    history.set_defaults(func=cmd_history)

    diff = actions.add_parser("diff", help="compare a revision with the note as it is now")
    diff.add_argument("id")
    diff.add_argument("revision", type=revision_number, metavar="N")
    diff.set_defaults(func=cmd_diff)

    revert = actions.add_parser(
        "revert", help="give a note the text of a revision (the current text is kept first)"
    )
    revert.add_argument("id")
    revert.add_argument("revision", type=revision_number, metavar="N")
    revert.set_defaults(func=cmd_revert)

    purge = actions.add_parser(
        "purge-history", help="delete the revisions of one note, or of every note, forever"
    )
    which = purge.add_mutually_exclusive_group(required=True)
    which.add_argument("id", nargs="?")
    which.add_argument("--all", action="store_true", help="every note's revisions")
    purge.add_argument("--yes", action="store_true", help="do not ask")
    purge.set_defaults(func=cmd_purge_history)

    keep = actions.add_parser(
        "history-keep", help="how long revisions are kept (without a value: show it)"
    )
    keep.add_argument("keep", nargs="?", choices=HISTORY_RETENTION_CHOICES,
                      help="days, 'off' (delete all now and keep none) or 'forever'")  # fmt: skip
    keep.add_argument("--yes", action="store_true", help="do not ask before deleting")
    keep.set_defaults(func=cmd_history_keep)

    return [history, diff, revert, purge, keep]


def cmd_history(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        revisions = vault.history.revisions(args.id)
    if not revisions:
        print("No revisions kept.")
        return 0
    print_table(
        [("N", "Time", "Reason", "Size")]
        + [
            (str(r.number), local_time(r.made_at), r.reason, f"{r.size:,} characters")
            for r in revisions
        ]
    )
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        lines = vault.history.diff(args.id, args.revision)
    marks = {"same": " ", "removed": "-", "added": "+"}
    # One write of many lines: a print per line was most of a million-line diff's time.
    sys.stdout.writelines(f"{f'{marks[line.kind]} {line.text}'.rstrip()}\n" for line in lines)
    return 0


def cmd_revert(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        note = vault.history.revert(args.id, args.revision)
        newest = vault.history.revisions(note.uuid)
    undo = f" (undo with 'note revert {short_id(note.uuid)} {newest[0].number}')" if newest else ""
    print(f"Reverted {short_id(note.uuid)} to revision {args.revision}{undo}")
    return 0


def cmd_purge_history(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        if args.all:
            count = vault.counts()["revisions"]
            confirm(f"Delete all {count} revisions of every note forever?", assume_yes=args.yes)
            removed = vault.history.purge_all()
        else:
            note = vault.notes.get(args.id)
            count = len(vault.history.revisions(note.uuid))
            confirm(f"Delete the {count} revisions of {short_id(note.uuid)} forever?",
                    assume_yes=args.yes)  # fmt: skip
            removed = vault.history.purge(note.uuid)
    print(f"Deleted forever: {removed} revisions")
    return 0


def cmd_history_keep(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        if args.keep is None:
            print(_describe(vault.history.retention) + ".")
            return 0
        if args.keep not in HISTORY_RETENTION_CHOICES:  # argparse checked; core checks too
            raise InvalidRecordError(field="retention", reason="unknown")
        # Any shorter setting deletes revisions now, not only "off": ask first.
        count = vault.history.expiring(args.keep)
        if count and args.keep == "off":
            confirm(f"Keep no history, and delete all {count} revisions now?",
                    assume_yes=args.yes)  # fmt: skip
        elif count:
            confirm(f"Keep revisions for {args.keep} days, and delete the {count} older "
                    "revisions now?", assume_yes=args.yes)  # fmt: skip
        removed = vault.history.set_retention(args.keep)
    print(f"{_describe(args.keep)}; {removed} revisions deleted.")
    return 0


def _describe(keep: str) -> str:
    if keep == "off":
        return "No history is kept"
    if keep == "forever":
        return "Revisions are kept forever"
    return f"Revisions are kept for {keep} days"
