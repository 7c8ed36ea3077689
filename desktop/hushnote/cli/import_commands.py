"""``import-from``: moving in from another app (Joplin, Standard Notes, Evernote, Markdown,
Day One), with a preview, one transaction, and an offer to delete the export after."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from hushnote.cli.output import confirm
from hushnote.cli.passphrase import ask_passphrase, read_passphrase_file
from hushnote.cli.unlock import add_passphrase_file, open_vault
from hushnote.core import IMPORTERS
from hushnote.errors import AppImportError, ConfirmationRequiredError

TYPE_CHECKING = False  # as in hushnote.core: typing costs startup time
if TYPE_CHECKING:
    from hushnote.core import AppImportReport, ImportSource, Vault

__all__ = ["add_import_commands"]

# What each kind of left-out item is, in words.
_DROPPED = {
    "location": "notes whose location data was dropped",
    "trashed": "notes in the other app's trash",
    "encrypted-section": "encrypted notes or sections that cannot be read",
    "unsupported-item": "items or files this import does not carry over",
    "missing-attachment": "attachments missing from the export",
    "link": "links in the export, not followed",
    "attachment-not-cleaned": "attachments whose metadata could not be removed",
}
_LIMITS = (
    "Deleting overwrites each file once, then removes it. What this cannot reach: copies\n"
    "an SSD or a journaling or copy-on-write file system keeps of the old blocks, backups\n"
    "and synced copies of the export, and the notes the other app itself still keeps."
)

# Why a file of the export was left, for each of the core's codes.
_LEFT = {
    "link": "a link, left as it is with what it points to",
    "not-a-file": "not a regular file",
    "vault": "the vault's own folder or one holding it: nothing in it was touched",
    "failed": "could not be overwritten or deleted",
}


def add_import_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "import-from",
        help="import notes from another app's export",
        description="Read another app's export, show what importing it would do, and "
        "import it in one transaction after you confirm: importing the same export again "
        "changes nothing. Location data is left out unless --keep-locations. Afterwards "
        "the export can be overwritten and deleted (--delete-source).",
    )
    parser.add_argument("app", choices=IMPORTERS)
    parser.add_argument("paths", type=Path, nargs="+", metavar="PATH",
                        help="the export: a file, a folder, or several files")  # fmt: skip
    parser.add_argument("--dry-run", action="store_true",
                        help="print what importing would do; change nothing")  # fmt: skip
    parser.add_argument("--yes", action="store_true", help="import without asking")
    parser.add_argument("--keep-locations", action="store_true",
                        help="keep where notes were written (a line ending each)")  # fmt: skip
    parser.add_argument("--export-passphrase-file", type=Path, metavar="FILE",
                        help="an encrypted export's passphrase, on the first line of FILE "
                        "(without it, asked at the terminal)")  # fmt: skip
    parser.add_argument("--delete-source", action="store_true",
                        help="after importing, overwrite and delete the export")  # fmt: skip
    parser.add_argument("--show-names", action="store_true",
                        help="print notebook and file names from the export (by default "
                        "only counts and reasons, kept out of terminal scrollback and "
                        "logs)")  # fmt: skip
    add_passphrase_file(parser)
    parser.set_defaults(func=cmd_import_from)


def _read(vault: Vault, args: argparse.Namespace) -> ImportSource:
    passphrase = None
    if args.export_passphrase_file is not None:
        passphrase = read_passphrase_file(args.export_passphrase_file)
    try:
        return vault.importers.read(args.app, args.paths, keep_locations=args.keep_locations,
                                    passphrase=passphrase)  # fmt: skip
    except AppImportError as error:
        if error.context.get("reason") != "passphrase-needed" or not sys.stdin.isatty():
            raise
    passphrase = ask_passphrase("Export passphrase: ")
    return vault.importers.read(args.app, args.paths, keep_locations=args.keep_locations,
                                passphrase=passphrase)  # fmt: skip


def _print_counts(report: AppImportReport, *, planned: bool, names: bool) -> None:
    verb = "would be" if planned else "were"
    print(f"Notes: {report.added} new, {report.updated} updated, {report.unchanged} "
          f"unchanged; {report.attachments} attachments {verb} added")  # fmt: skip
    if not names:
        # Names from the export stay out of terminal scrollback and logs unless asked for.
        count = len(report.notebooks)
        print(f"In {count} notebook{'' if count == 1 else 's'} (--show-names lists them by name)")
    for book in report.notebooks if names else ():
        name = book.name if book.name is not None else "(default notebook)"
        print(f"  {name}: {book.added} new, {book.updated} updated, "
              f"{book.unchanged} unchanged, {book.attachments} attachments")  # fmt: skip
    print(f"New notebooks: {report.new_notebooks}, new tags: {report.new_tags}")
    for kind, count in sorted(report.dropped.items()):
        print(f"Left out: {count} {_DROPPED.get(kind, kind)}")
    if report.dropped.get("location"):
        print("Location data was dropped (--keep-locations keeps it).")


def cmd_import_from(args: argparse.Namespace) -> int:
    try:
        return _import_from(args)
    except AppImportError as error:
        if args.show_names or not ({"file", "item"} & error.context.keys()):
            raise
        # The file and note an error names come from the export: said only when asked.
        context = {k: v for k, v in error.context.items() if k not in ("file", "item")}
        raise AppImportError(**context, hidden="names") from None


def _import_from(args: argparse.Namespace) -> int:
    names = args.show_names
    with open_vault(args) as vault:
        with _read(vault, args) as source:
            plan = vault.importers.preview(source)
            _print_counts(plan, planned=True, names=names)
            if args.dry_run:
                print("Dry run: nothing was changed.")
                return 0
            if plan.changes_nothing:
                print("Nothing new to import.")
            else:
                confirm("Import these notes?", assume_yes=args.yes)
                report = vault.importers.run(source, plan=plan)
                print("Imported.")
                _print_counts(report, planned=False, names=names)
            chosen = source.chosen
        # The export's files are closed before they are overwritten.
        _offer_delete(vault, args, chosen)
    return 0


def _offer_delete(vault: Vault, args: argparse.Namespace, chosen: list[Path]) -> None:
    if not args.delete_source:
        if args.yes or not sys.stdin.isatty():
            return
        print(_LIMITS)
        try:
            confirm("Delete the export now?", assume_yes=False)
        except ConfirmationRequiredError:
            return
    left = vault.importers.delete_sources(chosen)
    if args.show_names:
        for path, reason in left:
            print(f"Not deleted: {path} ({_LEFT.get(reason, reason)})")
    else:
        for reason, count in sorted(Counter(reason for _, reason in left).items()):
            why = _LEFT.get(reason, reason)
            print(f"Not deleted: {count} files ({why}; --show-names lists them)")
    if not left:
        print("The export was overwritten and deleted.")
    if args.delete_source:
        print(_LIMITS)
