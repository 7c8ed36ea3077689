"""``contact …`` and ``list …``: people, their numbers and handles, and groups of them."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from hushnote.cli.messages import import_reason
from hushnote.cli.output import confirm, print_table, short_id
from hushnote.cli.unlock import add_passphrase_file, open_vault
from hushnote.core import (
    Contact,
    ContactMethod,
    MethodKind,
    NewContact,
    key_fingerprint,
    read_contact_file,
    write_contact_file,
)
from hushnote.errors import ImportFormatError

__all__ = ["add_contact_commands"]

_LABELLED = re.compile(r"^([A-Za-z][A-Za-z ._-]{0,30})=(.+)$")
_METHOD_OPTIONS = ("phone", "email", "signal", "telegram", "matrix", "wire", "other")


def add_contact_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    contact = commands.add_parser("contact", help="add, list, show, import and export contacts")
    actions = contact.add_subparsers(title="actions", metavar="ACTION", required=True)

    add = actions.add_parser(
        "add",
        help="add a contact",
        description="Add a contact. Each phone, email or handle may carry a label: "
        "--phone cell=+15550100.",
    )
    add.add_argument("--name", required=True)
    for option in _METHOD_OPTIONS:
        add.add_argument(f"--{option}", action="append", default=[], metavar="[LABEL=]VALUE")
    add.add_argument("--org", default="", metavar="ORGANIZATION")
    add.add_argument("--role", default="")
    add.add_argument("--note", default="", help="free-text notes about the person")
    add.add_argument("--tag", action="append", default=[], metavar="TAG")
    add.add_argument(
        "--age-key", metavar="AGE1KEY", help="their age public key, to send bundles to"
    )
    add.set_defaults(func=cmd_add)

    listing = actions.add_parser("list", help="list contacts by name")
    listing.add_argument("--tag", metavar="TAG")
    listing.set_defaults(func=cmd_list)

    find = actions.add_parser(
        "find",
        help="find contacts by the start of a name, number or handle",
        description="Find contacts as the app's contact picker does: every word given "
        "is the start of a word of the name, a number, a handle or the notes.",
    )
    find.add_argument("text", nargs="+", metavar="WORD")
    find.add_argument("--limit", type=int, default=50)
    find.set_defaults(func=cmd_find)

    show = actions.add_parser("show", help="print one contact, its lists and linked notes")
    show.add_argument("id")
    show.set_defaults(func=cmd_show)

    key = actions.add_parser(
        "key",
        help="show, set or remove a contact's age public key",
        description="With only CONTACT_ID, print the contact's age public key and its "
        "fingerprint: read the fingerprint to the colleague over the phone, who compares it "
        "with the one 'hushnote identity --fingerprint' shows them. With AGE1KEY, set it "
        "(one key per contact: a new one replaces the old); with --remove, remove it.",
    )
    key.add_argument("id", metavar="CONTACT_ID")
    key_change = key.add_mutually_exclusive_group()
    key_change.add_argument("key", nargs="?", metavar="AGE1KEY")
    key_change.add_argument("--remove", action="store_true", help="forget the contact's key")
    key.set_defaults(func=cmd_key)

    remove = actions.add_parser("rm", help="delete a contact (its linked notes stay)")
    remove.add_argument("id")
    remove.add_argument("--yes", action="store_true", help="do not ask")
    remove.set_defaults(func=cmd_remove)

    imported = actions.add_parser("import", help="import a .vcf or .csv file")
    imported.add_argument("file", type=Path)
    imported.set_defaults(func=cmd_import)

    exported = actions.add_parser(
        "export",
        help="write contacts to an UNENCRYPTED vCard or CSV file",
        description="Write every contact to a plain, unencrypted file. Anyone who gets the "
        "file reads it: prefer encrypted bundles for handing contacts over.",
    )
    exported.add_argument("--format", choices=("vcf", "csv"), required=True)
    exported.add_argument("--out", type=Path, required=True, metavar="FILE")
    exported.add_argument("--yes", action="store_true", help="skip the warning (for scripts)")
    exported.set_defaults(func=cmd_export)

    group = commands.add_parser("list", help="contact lists: medics, legal observers, drivers")
    group_actions = group.add_subparsers(title="actions", metavar="ACTION", required=True)
    create = group_actions.add_parser("create", help="create a list")
    create.add_argument("name")
    create.set_defaults(func=cmd_list_create)
    member_parsers = []
    for name, text, func in (
        ("add", "add a contact to a list", cmd_list_add),
        ("remove", "take a contact off a list", cmd_list_remove),
    ):
        action = group_actions.add_parser(name, help=text)
        action.add_argument("name")
        action.add_argument("contact", metavar="CONTACT_ID")
        action.set_defaults(func=func)
        member_parsers.append(action)
    shown = group_actions.add_parser("show", help="a list's members, or every list")
    shown.add_argument("name", nargs="?")
    shown.set_defaults(func=cmd_list_show)
    numbers = group_actions.add_parser("numbers", help="every phone number on a list")
    numbers.add_argument("name")
    numbers.set_defaults(func=cmd_list_numbers)
    deleted = group_actions.add_parser("delete", help="delete a list (its contacts stay)")
    deleted.add_argument("name")
    deleted.set_defaults(func=cmd_list_delete)

    for parser in (
        add,
        listing,
        find,
        show,
        key,
        remove,
        imported,
        exported,
        create,
        shown,
        numbers,
        deleted,
        *member_parsers,
    ):
        add_passphrase_file(parser)


def _methods(args: argparse.Namespace) -> tuple[ContactMethod, ...]:
    methods = []
    for option in _METHOD_OPTIONS:
        for raw in getattr(args, option):
            match = _LABELLED.match(raw)
            label, value = (match.group(1), match.group(2)) if match else ("", raw)
            methods.append(ContactMethod(MethodKind(option), value, label))
    return tuple(methods)


def print_contact(contact: Contact) -> None:
    rows = [("Name", contact.display_name), ("Id", contact.uuid)]
    rows += [
        (m.kind.value.capitalize() + (f" ({m.label})" if m.label else ""), m.value)
        for m in contact.methods
    ]
    for name, value in (
        ("Organization", contact.organization),
        ("Role", contact.role),
        ("Tags", ", ".join(contact.tags)),
        ("Age key", contact.age_recipient or ""),
        ("Fingerprint", key_fingerprint(contact.age_recipient) if contact.age_recipient else ""),
    ):
        if value:
            rows.append((name, value))
    width = max(len(name) for name, _ in rows) + 1
    for name, value in rows:
        print(f"{name + ':':<{width}} {value}")
    if contact.notes:
        print()
        print(contact.notes)


def cmd_add(args: argparse.Namespace) -> int:
    draft = NewContact(args.name, _methods(args), args.org, args.role, args.note, tuple(args.tag),
                       age_recipient=args.age_key)  # fmt: skip
    with open_vault(args) as vault:
        contact = vault.contacts.create(draft)
    print(contact.uuid)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        contacts = vault.contacts.summaries(tag=args.tag)
    print_table(
        [
            (short_id(c.uuid), c.display_name, " · ".join(p for p in (c.organization, c.role) if p))
            for c in contacts
        ]
    )
    return 0


def cmd_find(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        hits = vault.searcher.find_contacts(" ".join(args.text), limit=max(1, args.limit))
    print_table([(short_id(hit.uuid), hit.title) for hit in hits])
    if not hits:
        print("No matches.")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        contact = vault.contacts.get(args.id)
        notes = vault.links.notes_of(contact.uuid)
        lists = vault.lists.lists_of(contact.uuid)
    print_contact(contact)
    if lists:
        print(f"\nLists: {', '.join(lists)}")
    if notes:
        print("\nLinked notes:")
        print_table([(short_id(n.uuid), n.title) for n in notes])
    return 0


def cmd_key(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        contact = vault.contacts.get(args.id)
        if args.remove or args.key:
            contact = vault.contacts.set_key(contact.uuid, None if args.remove else args.key)
    if contact.age_recipient is None:
        print(f"{contact.display_name} has no age key.")
    else:
        print(contact.age_recipient)
        print(f"Fingerprint: {key_fingerprint(contact.age_recipient)}")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        contact = vault.contacts.get(args.id)
        confirm(f"Delete the contact {contact.display_name}?", assume_yes=args.yes)
        vault.contacts.delete(contact.uuid)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    parsed = read_contact_file(args.file)
    entry = "row" if args.file.suffix.lower() == ".csv" else "card"
    for skipped in parsed.skipped:
        where = f" (line {skipped.value_line})" if skipped.value_line != skipped.line else ""
        print(f"Skipped {entry} at line {skipped.line}: {import_reason(skipped.reason)}{where}",
              file=sys.stderr)  # fmt: skip
    if parsed.skipped and not parsed.contacts:
        first = parsed.skipped[0]  # nothing at all can be imported: say why, as an error
        raise ImportFormatError(line=first.value_line, reason=first.reason)
    with open_vault(args) as vault:
        report = vault.contacts.import_contacts(parsed.contacts)
    print(f"Imported {len(report.added)} contacts.")
    if report.duplicates:
        print(f"Skipped {len(report.duplicates)} already known (same name and number or email):")
        for name in report.duplicates:
            print(f"  {name}")
    if parsed.skipped:
        print(f"Skipped {len(parsed.skipped)} {entry}s that could not be read (listed above).")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if not args.yes:
        print(
            "hushnote: warning: this writes every contact UNENCRYPTED to "
            f"{args.out}. Anyone who gets that file can read it.",
            file=sys.stderr,
        )
        confirm("Write the unencrypted file?", assume_yes=False)
    with open_vault(args) as vault:
        contacts = vault.contacts.all_contacts()
    write_contact_file(args.out, contacts, args.format)
    print(f"Wrote {len(contacts)} contacts to {args.out}")
    return 0


def cmd_list_create(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.lists.create(args.name)
    return 0


def cmd_list_add(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.lists.add(args.name, args.contact)
    return 0


def cmd_list_remove(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.lists.remove(args.name, args.contact)
    return 0


def cmd_list_show(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        if args.name is None:
            print_table([(group.name, f"{group.size}") for group in vault.lists.all()])
            return 0
        members = vault.lists.members(args.name)
    print_table([(short_id(c.uuid), c.display_name, c.role) for c in members])
    return 0


def cmd_list_numbers(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        numbers = vault.lists.phone_numbers(args.name)
    for number in numbers:
        print(number)
    return 0


def cmd_list_delete(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.lists.delete(args.name)
    return 0
