"""``export``, ``import`` and ``identity``: hand-over and backups in the age format."""

from __future__ import annotations

import argparse
from pathlib import Path

from hushnote.cli.passphrase import ask_passphrase, read_passphrase_file
from hushnote.cli.unlock import add_passphrase_file, open_vault
from hushnote.errors import InvalidRecordError

TYPE_CHECKING = False  # as in hushnote.core: typing costs startup time
if TYPE_CHECKING:
    from hushnote.core import Vault

__all__ = ["add_bundle_commands"]


def add_bundle_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser(
        "export",
        help="write an encrypted bundle (opens with the standard age tool)",
        description="Write notes, contacts and lists to an encrypted bundle. Encrypt to "
        "colleagues' age public keys (--to age1..., repeatable; 'self' is this vault's own "
        "key) or with a bundle passphrase. Plaintext never touches the disk.",
    )
    export.add_argument("--out", type=Path, required=True, metavar="FILE")
    to = export.add_mutually_exclusive_group(required=True)
    to.add_argument("--to", action="append", metavar="RECIPIENT",
                    help="an age1... public key, or 'self'")  # fmt: skip
    to.add_argument("--to-contact", action="append", metavar="CONTACT_ID",
                    help="a contact holding an age key (see 'contact key')")  # fmt: skip
    to.add_argument("--bundle-passphrase-file", type=Path, metavar="FILE",
                    help="encrypt with the passphrase on the first line of FILE")  # fmt: skip
    to.add_argument("--bundle-passphrase", action="store_true",
                    help="encrypt with a passphrase typed at the terminal")  # fmt: skip
    what = export.add_mutually_exclusive_group()
    what.add_argument("--notebook", metavar="NB", help="only this notebook's notes")
    what.add_argument("--tag", metavar="TAG", help="only notes with this tag")
    what.add_argument("--list", metavar="NAME", help="only this contact list and its contacts")
    what.add_argument("--note", action="append", metavar="ID",
                      help="only these notes (never those in the trash)")  # fmt: skip
    export.add_argument("--with-linked-contacts", action="store_true",
                        help="with --notebook, --tag or --note: also the contacts those "
                        "notes link to (by default only the links go, not the people)")  # fmt: skip
    export.add_argument("--include-history", action="store_true",
                        help="also the notes' revisions (by default, none)")  # fmt: skip
    add_passphrase_file(export)
    export.set_defaults(func=cmd_export)

    imported = commands.add_parser(
        "import",
        help="merge an encrypted bundle into the vault",
        description="Check a bundle completely, then merge it in one transaction: newer "
        "records replace older ones, nothing is duplicated. Opens bundles sent to this "
        "vault's key, or with --bundle-passphrase-file. With --dry-run, print what the "
        "merge would add, update and skip, and change nothing.",
    )
    imported.add_argument("file", type=Path)
    imported.add_argument("--bundle-passphrase-file", type=Path, metavar="FILE")
    imported.add_argument("--bundle-passphrase", action="store_true",
                          help="ask for the bundle's passphrase at the terminal")  # fmt: skip
    imported.add_argument("--dry-run", action="store_true",
                          help="check the bundle and print what importing it would do; "
                          "change nothing")  # fmt: skip
    add_passphrase_file(imported)
    imported.set_defaults(func=cmd_import)

    identity = commands.add_parser(
        "identity", help="print this vault's age public key, for colleagues to export to"
    )
    identity.add_argument(
        "--fingerprint", action="store_true", help="also print its fingerprint, to compare aloud"
    )
    add_passphrase_file(identity)
    identity.set_defaults(func=cmd_identity)


def _bundle_passphrase(args: argparse.Namespace, *, confirm: bool) -> str | None:
    if args.bundle_passphrase_file is not None:
        return read_passphrase_file(args.bundle_passphrase_file)
    if args.bundle_passphrase:
        return ask_passphrase("Bundle passphrase: ",
                              confirm="Repeat it: " if confirm else None)  # fmt: skip
    return None


def cmd_export(args: argparse.Namespace) -> int:
    from hushnote.core import Scope

    passphrase = _bundle_passphrase(args, confirm=True)
    with open_vault(args) as vault:
        if args.notebook:
            scope = Scope("notebook", args.notebook)
        elif args.tag:
            scope = Scope("tag", args.tag)
        elif args.list:
            scope = Scope("list", args.list)
        elif args.note:
            scope = Scope("notes", notes=tuple(vault.notes.get(ref).uuid for ref in args.note))
        else:
            scope = Scope()
        recipients = args.to
        if args.to_contact:
            recipients = [_contact_key(vault, reference) for reference in args.to_contact]
        report = vault.export_bundle(args.out, scope=scope, recipients=recipients,
                                     passphrase=passphrase,
                                     with_linked_contacts=args.with_linked_contacts,
                                     include_history=args.include_history)  # fmt: skip
    counts = ", ".join(f"{count} {kind}" for kind, count in report.counts.items())
    print(f"Wrote {counts} to {' and '.join(str(f) for f in report.files)}")
    if len(report.files) > 1:
        print("This bundle is large: hand over both files; the .key file needs the passphrase.")
    if not report.importable:
        print("Its attached files make it larger than Hushnote can import (5 GiB); "
              "the age tool opens it.")  # fmt: skip
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    passphrase = _bundle_passphrase(args, confirm=False)
    with open_vault(args) as vault:
        if args.dry_run:
            # The real merge, rolled back: the counts are what an import would do now.
            plan = vault.preview_bundle(vault.read_bundle(args.file, passphrase=passphrase))
            report = plan.report
        else:
            report = vault.import_bundle(args.file, passphrase=passphrase)
    for kind, outcomes in report.outcomes.items():
        print(f"{kind}: {outcomes['added']} added, {outcomes['updated']} updated, "
              f"{outcomes['skipped']} skipped")  # fmt: skip
    if report.keys_removed:
        # A count only, like the rest: the names stay out of terminals and scrollback.
        verb = "would lose" if args.dry_run else "lost"
        print(f"contacts renamed by the bundle {verb} their saved key: {report.keys_removed}")
    if args.dry_run:
        # Counts only: titles and names stay out of terminals, scrollback and logs.
        print(f"new tags: {plan.new_tags}, new notebooks: {plan.new_notebooks}")
        print("Dry run: nothing was changed.")
    return 0


def _contact_key(vault: Vault, reference: str) -> str:
    contact = vault.contacts.get(reference)
    if contact.age_recipient is None:
        raise InvalidRecordError(field="age_recipient", reason="no-key")
    return contact.age_recipient


def cmd_identity(args: argparse.Namespace) -> int:
    from hushnote.core import key_fingerprint

    with open_vault(args) as vault:
        recipient = vault.age_recipient()
    print(recipient)
    if args.fingerprint:
        print(f"Fingerprint: {key_fingerprint(recipient)}")
    return 0
