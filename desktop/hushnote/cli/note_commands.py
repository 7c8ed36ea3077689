"""``note …`` and ``journal …``: notes from the command line, bodies through stdin."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from datetime import date

from hushnote.cli.history_commands import add_history_actions, revision_number
from hushnote.cli.output import confirm, local_time, print_table, short_id
from hushnote.cli.pdf_commands import add_pdf_action
from hushnote.cli.unlock import add_passphrase_file, open_vault
from hushnote.core import Note
from hushnote.errors import InvalidRecordError

__all__ = ["add_note_commands"]


def add_note_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    note = commands.add_parser("note", help="add, list, show, edit, trash and purge notes")
    actions = note.add_subparsers(title="actions", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add a note (the body is read from stdin)")
    add.add_argument("--title", required=True)
    add.add_argument("--notebook", metavar="NB")
    add.add_argument("--tag", action="append", default=[], metavar="TAG")
    add.add_argument("--pin", action="store_true", help="keep it at the top of lists")
    add.set_defaults(func=cmd_add)

    listing = actions.add_parser("list", help="list notes, newest first")
    listing.add_argument("--notebook", metavar="NB")
    listing.add_argument("--tag", metavar="TAG")
    listing.add_argument("--archived", action="store_true", help="the archive instead")
    listing.add_argument("--trash", action="store_true", help="the trash instead")
    listing.add_argument("--limit", type=int, default=None, metavar="N")
    listing.set_defaults(func=cmd_list)

    show = actions.add_parser("show", help="print one note")
    show.add_argument("id", help="the note's id, or enough of its start to be unique")
    show.add_argument("--revision", type=revision_number, metavar="N",
                      help="print revision N instead ('note history' lists them)")  # fmt: skip
    show.set_defaults(func=cmd_show)

    edit = actions.add_parser("edit", help="replace a note's body with stdin")
    edit.add_argument("id")
    edit.add_argument("--title")
    edit.add_argument(
        "--tag",
        action="append",
        default=None,
        metavar="TAG",
        help="replace the tags (repeat for several)",
    )
    edit.add_argument("--notebook", metavar="NB", help="move to this notebook ('' for none)")
    edit.add_argument("--keep-body", action="store_true", help="do not read a new body")
    edit.add_argument("--allow-empty", action="store_true", help="accept an empty body")
    edit.set_defaults(func=cmd_edit)

    for name, text, func in (
        ("rm", "move a note to the trash", cmd_trash),
        ("restore", "bring a note back from the trash", cmd_restore),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("id")
        action.set_defaults(func=func)

    purge = actions.add_parser("purge", help="delete a note forever")
    purge.add_argument("id")
    purge.add_argument("--yes", action="store_true", help="do not ask")
    purge.set_defaults(func=cmd_purge)

    empty = actions.add_parser("empty-trash", help="delete every note in the trash forever")
    empty.add_argument("--yes", action="store_true", help="do not ask")
    empty.set_defaults(func=cmd_empty_trash)

    for name, text, func in (
        ("link", "link a note to a contact", cmd_link),
        ("unlink", "remove a link between a note and a contact", cmd_unlink),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("id")
        action.add_argument("contact", metavar="CONTACT_ID")
        action.set_defaults(func=func)

    history_parsers = add_history_actions(actions)
    add_pdf_action(actions, "note")

    journal = commands.add_parser("journal", help="the journal: one entry a day")
    journal_actions = journal.add_subparsers(title="actions", metavar="ACTION", required=True)
    today = journal_actions.add_parser("today", help="print today's entry, creating it")
    today.set_defaults(func=cmd_today)
    month = journal_actions.add_parser("month", help="days of a month that have entries")
    month.add_argument("month", metavar="YYYY-MM", help="default: this month", nargs="?")
    month.set_defaults(func=cmd_month)
    add_pdf_action(journal_actions, "journal")

    for parser in (
        add,
        listing,
        show,
        edit,
        purge,
        empty,
        today,
        month,
        *history_parsers,
        *(actions.choices[name] for name in ("rm", "restore", "link", "unlink")),
    ):
        add_passphrase_file(parser)


def read_body(what: str, *, allow_empty: bool = True) -> str:
    if sys.stdin.isatty():
        print(f"Type the {what}; end with Ctrl+D on a line of its own.", file=sys.stderr)
    body = sys.stdin.read()
    if not body.strip() and not allow_empty:
        raise InvalidRecordError(field="body", reason="empty")
    return body


def print_note(note: Note) -> None:
    rows = [("Title", note.title), ("Id", note.uuid)]
    if note.notebook:
        rows.append(("Notebook", note.notebook))
    if note.tags:
        rows.append(("Tags", ", ".join(note.tags)))
    if note.journal_day:
        rows.append(("Journal", note.journal_day.isoformat()))
    rows += [("Created", local_time(note.created_at)), ("Updated", local_time(note.updated_at))]
    if note.trashed_at:
        rows.append(("Trashed", local_time(note.trashed_at)))
    width = max(len(name) for name, _ in rows) + 1
    for name, value in rows:
        print(f"{name + ':':<{width}} {value}")
    print()
    print(note.body, end="" if note.body.endswith("\n") else "\n")


def cmd_add(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        body = read_body("note")
        note = vault.notes.create(
            title=args.title, body=body, notebook=args.notebook, tags=args.tag, pinned=args.pin
        )
    print(note.uuid)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        notes = vault.notes.summaries(
            notebook=args.notebook,
            tag=args.tag,
            archived=args.archived,
            trashed=args.trash,
            limit=args.limit,
        )
    print_table(
        [
            (
                short_id(n.uuid),
                local_time(n.updated_at),
                ("* " if n.pinned else "") + n.title,
                n.notebook or "",
            )
            for n in notes
        ]
    )
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        note = vault.notes.get(args.id)
        if args.revision is not None:
            title, body = vault.history.text(note.uuid, args.revision)
            made_at = next(r.made_at for r in vault.history.revisions(note.uuid)
                           if r.number == args.revision)  # fmt: skip
            note = dataclasses.replace(note, title=title, body=body)
            print(f"Revision {args.revision} of {short_id(note.uuid)}, "
                  f"as it was at {local_time(made_at)}")  # fmt: skip
            print_note(note)
            return 0
        linked = vault.links.contacts_of(note.uuid)
    print_note(note)
    if linked:
        print("\nLinked contacts:")
        print_table([(short_id(c.uuid), c.display_name, c.organization) for c in linked])
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        body = None if args.keep_body else read_body("new body", allow_empty=args.allow_empty)
        note = vault.notes.update(args.id, title=args.title, body=body, tags=args.tag)
        if args.notebook is not None:
            note = vault.notes.move(note.uuid, args.notebook or None)
    print(note.uuid)
    return 0


def cmd_trash(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        note = vault.notes.trash(args.id)
    print(f"Moved to the trash: {short_id(note.uuid)} (restore with 'note restore')")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        note = vault.notes.restore(args.id)
    print(f"Restored: {short_id(note.uuid)}")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        note = vault.notes.get(args.id)
        confirm(f"Delete the note {short_id(note.uuid)} forever?", assume_yes=args.yes)
        vault.notes.purge(note.uuid)
    print(f"Deleted forever: {short_id(note.uuid)}")
    return 0


def cmd_empty_trash(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        count = vault.notes.count(trashed=True)
        if count:
            confirm(f"Delete {count} notes in the trash forever?", assume_yes=args.yes)
            vault.notes.empty_trash()
    print(f"Deleted forever: {count} notes")
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.links.link(args.id, args.contact)
    return 0


def cmd_unlink(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.links.unlink(args.id, args.contact)
    return 0


def cmd_today(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        note = vault.notes.today()
    print_note(note)
    return 0


def cmd_month(args: argparse.Namespace) -> int:
    if args.month:
        try:
            year, month = (int(part) for part in args.month.split("-"))
            date(year, month, 1)
        except ValueError:
            raise InvalidRecordError(field="month", reason="format") from None
    else:
        today = date.today()
        year, month = today.year, today.month
    with open_vault(args) as vault:
        days = vault.notes.journal_month(year, month)
    print_table(
        [(day.isoformat(), f"{count} entr{'y' if count == 1 else 'ies'}") for day, count in days]
    )
    return 0
