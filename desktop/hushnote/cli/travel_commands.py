"""``travel``: mark what stays home, see the plan, start and end travel (docs/travel.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hushnote.cli.messages import message_for
from hushnote.cli.output import confirm, print_table
from hushnote.cli.passphrase import ask_passphrase, read_passphrase_file
from hushnote.cli.unlock import add_passphrase_file, open_vault
from hushnote.errors import BundleDecryptionError, ConfirmationRequiredError

TYPE_CHECKING = False  # as in hushnote.core: typing costs startup time
if TYPE_CHECKING:
    from hushnote.core import TravelPlan

__all__ = ["add_travel_commands", "qr_text"]


def add_travel_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    travel = commands.add_parser(
        "travel",
        help="take notebooks and lists off this device while it travels, and back after",
        description="Mark notebooks and contact lists that stay home; 'start' seals them "
        "into an encrypted bundle (to a colleague's age key, or to a one-time travel key "
        "shown once as words), checks it on the disk, and removes them from the vault "
        "with secure deletion; 'end' brings them back. The vault during travel looks like "
        "one that never held them. See docs/travel.md for what this cannot hide.",
    )
    actions = travel.add_subparsers(title="actions", metavar="ACTION", required=True)
    for name, text in (("mark", "mark a notebook or list to stay home"),
                       ("unmark", "take the mark off again")):  # fmt: skip
        marking = actions.add_parser(name, help=text)
        what = marking.add_mutually_exclusive_group(required=True)
        what.add_argument("--notebook", metavar="NAME")
        what.add_argument("--list", metavar="NAME")
        add_passphrase_file(marking)
        marking.set_defaults(func=cmd_mark, stays_home=name == "mark")

    plan = actions.add_parser("plan", help="show exactly what starting travel would take away")
    add_passphrase_file(plan)
    plan.set_defaults(func=cmd_plan)

    start = actions.add_parser(
        "start",
        help="seal what stays home into a bundle, check it, then remove it from the vault",
        description="Write the bundle to FILE (never over an existing file, never inside "
        "the vault folder), read it back from the disk to check it, show the key, and "
        "only then remove what stays home, in one transaction. With --travel-key the key "
        "is ten words printed once (and a QR code on a terminal): write them down; "
        "'age -d' opens the bundle with them too.",
    )
    to = start.add_mutually_exclusive_group(required=True)
    to.add_argument("--to", metavar="RECIPIENT",
                    help="an age1... key, or a contact (name or id) holding one")  # fmt: skip
    to.add_argument("--travel-key", action="store_true",
                    help="seal with a new one-time key shown once as words")  # fmt: skip
    start.add_argument("--out", type=Path, required=True, metavar="FILE")
    start.add_argument("--reminder", metavar="TEXT",
                       help="keep this note in the vault (an ordinary setting) until travel "
                       "ends; 'travel status' shows it. Off by default: nothing tells "
                       "that travel is on")  # fmt: skip
    start.add_argument("--compact", action="store_true",
                       help="afterwards, write the vault file afresh under a new key (as "
                       "'rotate-key' does), so its size does not tell what left")  # fmt: skip
    start.add_argument("--yes", action="store_true",
                       help="do not ask before sealing, nor after showing the key")  # fmt: skip
    start.add_argument("--print-words", action="store_true",
                       help="print the travel key's words even when the output is not a "
                       "terminal (a file or a pipe would then hold them)")  # fmt: skip
    add_passphrase_file(start)
    start.set_defaults(func=cmd_start)

    end = actions.add_parser(
        "end",
        help="bring a travel bundle back and merge it with what changed on the road",
        description="Open FILE with the travel key's words (asked at the terminal) or with "
        "this vault's own key (a colleague who holds the bundle re-encrypts it to the key "
        "'hushnote identity' prints), check it completely, and merge it in one transaction.",
    )
    end.add_argument("file", type=Path)
    end.add_argument("--key-file", type=Path, metavar="FILE",
                     help="read the travel key's words from the first line of FILE")  # fmt: skip
    add_passphrase_file(end)
    end.set_defaults(func=cmd_end)

    status = actions.add_parser("status", help="show the reminder, if one was asked for")
    add_passphrase_file(status)
    status.set_defaults(func=cmd_status)


def cmd_mark(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        if args.notebook is not None:
            if args.stays_home:
                vault.travel.mark_notebook(args.notebook)
            else:
                vault.travel.unmark_notebook(args.notebook)
        elif args.stays_home:
            vault.travel.mark_list(args.list)
        else:
            vault.travel.unmark_list(args.list)
        notebooks, lists = vault.travel.marked()
    print(f"Stays home: {len(notebooks)} notebooks, {len(lists)} lists")
    return 0


def _print_plan(plan: TravelPlan) -> None:
    if plan.empty:
        print("Nothing is marked to stay home.")
        return
    rows = [["NOTEBOOK", "NOTES", "IN TRASH", "ATTACHMENTS", "REVISIONS", "SHARED"]]
    rows += [[nb.name, str(nb.notes), str(nb.trashed), str(nb.attachments), str(nb.revisions),
              "yes" if nb.shared else ""] for nb in plan.notebooks]  # fmt: skip
    print_table(rows)
    if plan.lists:
        print()
        print_table([["LIST", "MEMBERS"], *[[item.name, str(item.members)] for item in plan.lists]])
    print()
    print(f"Contacts leaving (only on lists that stay home): {len(plan.contacts)}")
    for name in plan.contacts:
        print(f"  {name}")
    if plan.shared_notebooks:
        print("Shared notebooks leave this device only: nothing is sent to their members, "
              "and syncing resumes when travel ends.")  # fmt: skip


def cmd_plan(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        plan = vault.travel.plan()
    _print_plan(plan)
    return 0


def qr_text(matrix: list[list[bool]]) -> str:
    """A QR code in half blocks, two rows a line, dark on light whatever the theme."""
    lines = []
    for top, bottom in zip(matrix[::2], [*matrix[1::2], [False] * len(matrix[0])], strict=True):
        cells = {(False, False): "\u2588", (True, False): "\u2584", (False, True): "\u2580",
                 (True, True): " "}  # fmt: skip
        lines.append("".join(cells[(t, b)] for t, b in zip(top, bottom, strict=True)))
    return "\n".join(lines)


def cmd_start(args: argparse.Namespace) -> int:
    from hushnote.core import qr_matrix, travel_key_words

    if args.travel_key and not sys.stdout.isatty() and not args.print_words:
        # The words open the bundle: redirected, they would sit in a file (or a terminal
        # log) beside the laptop they are meant to stay away from.
        raise ConfirmationRequiredError(reason="key-not-on-terminal")
    words = travel_key_words() if args.travel_key else None

    def show_key() -> bool:
        if words is None:
            return True
        print("Travel key (shown once; write it down, it is not stored anywhere):")
        print(f"  {words}")
        # The QR code goes to a terminal only: never into a file or a pipe.
        if sys.stdout.isatty():
            print(qr_text(qr_matrix(words)))
        sys.stdout.flush()
        confirm("Written down? What stays home is removed from this vault next.",
                assume_yes=args.yes)  # fmt: skip
        return True

    with open_vault(args) as vault:
        plan = vault.travel.plan()
        _print_plan(plan)
        if not plan.empty:
            confirm(f"Seal these into {args.out} and remove them from this vault?",
                    assume_yes=args.yes)  # fmt: skip
        receipt = vault.travel.start(args.out, recipient=args.to, passphrase=words,
                                     confirm_key=show_key, reminder=args.reminder,
                                     compact=args.compact)  # fmt: skip
    counts = ", ".join(
        f"{count} {kind}" for kind, count in receipt.counts.items() if kind != "travel"
    )
    print(f"Sealed and checked: {counts}")
    for path in receipt.files:
        print(f"  {path}")
    if len(receipt.files) > 1:
        print("This bundle is large: keep both files; the .key file opens with the travel key.")
    print("Removed from this vault. Bring them back with 'hushnote travel end FILE'.")
    if receipt.compact_error is not None:
        print(f"The vault was not rewritten afterwards: {message_for(receipt.compact_error)}")
        print("Its file's size may still tell that something left: run 'hushnote rotate-key'.")
    return 0


def cmd_end(args: argparse.Namespace) -> int:
    from hushnote.core import BundleKind

    with open_vault(args) as vault:
        words = None
        if args.key_file is not None:
            words = read_passphrase_file(args.key_file)
        else:
            found = vault.inspect_bundle(args.file)
            if found is BundleKind.PASSPHRASE:
                words = ask_passphrase("Travel key words: ")
            elif found is BundleKind.OTHER_KEY:
                # A large travel bundle without the .key file beside it looks exactly like
                # one sealed to somebody else: say both, naming the file.
                raise BundleDecryptionError(reason="not-this-vault", path=args.file.name + ".key")
        report = vault.travel.end(args.file, passphrase=words)
    for kind, outcomes in report.merge.outcomes.items():
        print(f"{kind}: {outcomes['added']} added, {outcomes['updated']} updated, "
              f"{outcomes['skipped']} skipped")  # fmt: skip
    print(f"Back home: {len(report.notebooks)} notebooks, {len(report.lists)} lists, "
          "marked to stay home again.")  # fmt: skip
    if report.not_shared:
        print("This bundle was not made by this vault, so these notebooks came back "
              "private, not shared again: " + ", ".join(report.not_shared))  # fmt: skip
    for shared, private in report.set_apart:
        print(f"Notes written on the road in {shared} were moved to {private}, a private "
              "notebook, so that none reaches its members; move back what should.")  # fmt: skip
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        reminder = vault.travel.reminder
    print(f"Reminder: {reminder}" if reminder is not None else "No reminder is set.")
    return 0
