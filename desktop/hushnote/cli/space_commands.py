"""``space …`` and ``sync``: shared notebooks from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from hushnote.cli.output import confirm, local_time, print_table
from hushnote.cli.unlock import add_passphrase_file, open_vault
from hushnote.core import SpaceReport

__all__ = ["REASON_WORDS", "add_space_commands", "report_lines"]

# Why a file in a shared folder was not applied, in the words the CLI prints.
REASON_WORDS = {
    "missing": "an earlier file from this device has not arrived yet",
    "after-missing": "waits for files from other devices that its writer had seen",
    "future": "stamped more than 30 days ahead of this computer's clock (check the clocks)",
    "not-own": "in this device's own folder but not written by it: moved aside",
    "no-key": "encrypted with a key this vault has not received yet",
    "unknown-device": "from a device not (yet) known as a member",
    "removed": "written by a removed member after its removal",
    "damaged": "damaged, cut short, renamed or moved from elsewhere",
    "malformed": "not a valid change file",
    "forged": "the signature does not match its device: forged or corrupted",
    "fork": "does not follow its device's previous file (a replay, or a device restored "
    "from an old copy)",
    "not-admin": "a member change from someone who is not the admin",
    "not-a-file": "not a regular file (a link, a folder or a device)",
    "too-large": "larger than any change file",
    "truncated": "cut short",
    "version": "written by a newer Hushnote",
}

PROBLEM_WORDS = {
    "folder-missing": "the shared folder is missing (is the drive mounted?)",
    "rolled-back": (
        "this vault is older than its files in the shared folder (was it restored from a "
        "copy?); nothing was published, to avoid a fork"
    ),
    "removed": "this vault was removed from the shared notebook",
    "disk-full": "the disk holding the shared folder is full; nothing more was written",
    "storage": "the shared folder cannot be read or written (permissions, a read-only disk)",
    "folder-unsafe": (
        "the shared notebook's folder, or this device's folder in it, is a link or not a "
        "folder; nothing was read or written there"
    ),
}


def add_space_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    space = commands.add_parser(
        "space", help="shared notebooks: create, invite, join, members, remove"
    )
    actions = space.add_subparsers(title="actions", metavar="ACTION", required=True)

    create = actions.add_parser(
        "create", help="share a notebook (new or existing) through a synced folder"
    )
    create.add_argument("name", metavar="NAME", help="the notebook; its notes are shared")
    create.add_argument(
        "--folder",
        type=Path,
        required=True,
        metavar="DIR",
        help="a folder Syncthing, Nextcloud, a network share... replicates",
    )
    create.add_argument("--label", default="", help="how members see you (default: nothing)")
    add_passphrase_file(create)
    create.set_defaults(func=cmd_create)

    invite = actions.add_parser("invite", help="invite a colleague (admin only)")
    invite.add_argument("name", metavar="NAME")
    invite.add_argument(
        "--to",
        required=True,
        metavar="RECIPIENT",
        help="the colleague's age key (`hushnote identity` on their side)",
    )
    invite.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE",
        help="the invitation file to write (encrypted to them)",
    )
    invite.add_argument("--label", default="", help="a name for them, seen by all members")
    add_passphrase_file(invite)
    invite.set_defaults(func=cmd_invite)

    join = actions.add_parser("join", help="join a shared notebook from an invitation")
    join.add_argument("file", type=Path, metavar="FILE")
    join.add_argument("--folder", type=Path, required=True, metavar="DIR")
    join.add_argument(
        "--yes", action="store_true", help="join without asking (after comparing the fingerprint)"
    )
    add_passphrase_file(join)
    join.set_defaults(func=cmd_join)

    members = actions.add_parser("members", help="list members and their fingerprints")
    members.add_argument("name", metavar="NAME")
    add_passphrase_file(members)
    members.set_defaults(func=cmd_members)

    remove = actions.add_parser(
        "remove", help="remove a member or a seized device (admin only): rotates the key"
    )
    remove.add_argument("name", metavar="NAME")
    remove.add_argument(
        "member", metavar="MEMBER", help="its label, id (first 4+ characters) or fingerprint"
    )
    remove.add_argument("--yes", action="store_true", help="do not ask")
    add_passphrase_file(remove)
    remove.set_defaults(func=cmd_remove)

    share = actions.add_parser(
        "share-list", help="share a contact list in a shared notebook (not the age keys)"
    )
    share.add_argument("name", metavar="NAME", help="the shared notebook")
    share.add_argument("list", metavar="LIST", help="the contact list")
    add_passphrase_file(share)
    share.set_defaults(func=cmd_share_list)

    listing = actions.add_parser("list", help="this vault's shared notebooks")
    add_passphrase_file(listing)
    listing.set_defaults(func=cmd_list)

    sync = commands.add_parser(
        "sync", help="one sync pass: publish changes, apply everyone else's, report"
    )
    add_passphrase_file(sync)
    sync.set_defaults(func=cmd_sync)


def cmd_create(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        shared = vault.notes.count(notebook=args.name) if args.name else 0
        info = vault.spaces.create(args.name, args.folder, label=args.label)
    print(f"Shared notebook {info.notebook!r} through {info.folder}")
    if shared:
        print(f"{shared} note(s) already in it are shared from the next sync.")
    return 0


def cmd_invite(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        member = vault.spaces.invite(args.name, args.to, args.out, label=args.label)
    print(f"Invitation written to {args.out}")
    print(f"Their fingerprint: {member.fingerprint}  (compare it with them aloud)")
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        offer = vault.spaces.read_invitation(args.file)
        by = f" ({offer.admin_label})" if offer.admin_label else ""
        print(f"Invitation to the shared notebook {offer.name!r}")
        print(f"from the key with fingerprint {offer.admin_fingerprint}{by}")
        confirm(
            "Anyone who knows your key can send an invitation. Have you compared these "
            "digits aloud with the person who invited you?",
            assume_yes=args.yes,
        )
        info = vault.spaces.join(args.file, args.folder)
        reports = vault.spaces.sync()
    print(f"Joined shared notebook {info.notebook!r}")
    print(f"The invitation holds the space's keys: delete {args.file} now.")
    for line in report_lines(reports):
        print(line)
    return 0


def cmd_members(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        members = vault.spaces.members(args.name)
    rows = [["ID", "ROLE", "FINGERPRINT", "LABEL"]]
    for m in members:
        role = "admin" if m.admin else "member"
        if m.you:
            role += " (you)"
        if m.removed:
            role = "removed"
        elif not m.joined:
            role += ", not joined yet"
        rows.append([m.member[:8], role, m.fingerprint, m.label])
    print_table(rows)
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    confirm(
        "Remove this member? Its device keeps everything it already has; what is "
        "written from now on uses a new key it does not get.",
        assume_yes=args.yes,
    )
    with open_vault(args) as vault:
        member = vault.spaces.remove(args.name, args.member)
    print(f"Removed {member.member[:8]} ({member.fingerprint}); the space key was rotated.")
    return 0


def cmd_share_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.spaces.share_list(args.name, args.list)
        members = len(vault.lists.members(args.list))
    print(f"List {args.list!r} ({members} contact(s)) is shared from the next sync.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        spaces = vault.spaces.all()
    rows = [["NOTEBOOK", "MEMBERS", "LAST SYNC", "FOLDER"]]
    for info in spaces:
        last = local_time(info.last_ok) if info.last_ok else "never"
        rows.append([info.notebook, str(info.members), last, str(info.folder)])
    print_table(rows)
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        reports = vault.spaces.sync()
    for line in report_lines(reports):
        print(line)
    return 0


def report_lines(reports: list[SpaceReport]) -> list[str]:
    """What a pass did, a line per shared notebook, then a line per file not applied."""
    lines = []
    for report in reports:
        lines.append(
            f"{report.notebook}: applied {report.applied_files} file(s), "
            f"{report.changed_notes} note change(s); published {report.published_changes} "
            f"change(s) in {report.published_files} file(s)"
        )
        if report.problem:
            lines.append(f"  problem: {PROBLEM_WORDS.get(report.problem, report.problem)}")
        for verdict in report.refused:
            reason = REASON_WORDS.get(verdict.reason, verdict.reason)
            lines.append(f"  refused: device {verdict.device[:8]} file {verdict.seq}: {reason}")
        for verdict in report.waiting:
            reason = REASON_WORDS.get(verdict.reason, verdict.reason)
            lines.append(f"  waiting: device {verdict.device[:8]} file {verdict.seq}: {reason}")
    if not reports:
        lines.append("No shared notebooks.")
    return lines
