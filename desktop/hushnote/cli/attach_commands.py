"""``attach …``: files attached to notes, from the command line."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from hushnote.cli.output import confirm, local_time, print_table, short_id
from hushnote.cli.unlock import add_passphrase_file, open_vault
from hushnote.core import CLEANABLE_KINDS, Progress

if TYPE_CHECKING:
    from hushnote.core import FaceBox

__all__ = ["REMOVED_WORDS", "add_attach_commands", "removed_text"]

# What the metadata codes the core reports mean, in the words the CLI prints.
REMOVED_WORDS = {
    "gps": "GPS position",
    "camera": "camera make and model",
    "camera-serial": "camera serial number",
    "unique-id": "unique picture or document ID",
    "owner": "owner's name",
    "author": "author",
    "date": "dates",
    "software": "software or computer used",
    "thumbnail": "embedded thumbnail",
    "maker-note": "camera maker's private data",
    "title": "title",
    "subject": "subject",
    "keywords": "keywords",
    "comment": "comments",
    "xmp": "XMP metadata",
    "iptc": "IPTC metadata",
    "exif": "other EXIF fields",
    "text": "text fields",
    "document-info": "document information",
    "appended-data": "data hidden after the picture",
    "faces": "faces (blurred) and all metadata",
    "pixels-only": "all metadata (no face was found to blur)",
}


def removed_text(codes: tuple[str, ...]) -> str:
    """The removed metadata as a phrase; unknown codes become one generic phrase."""
    words = list(dict.fromkeys(REMOVED_WORDS.get(code, "other identifying data") for code in codes))
    return ", ".join(words)


def add_attach_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    attach = commands.add_parser("attach", help="attach files to notes, list, export, remove")
    actions = attach.add_subparsers(title="actions", metavar="ACTION", required=True)

    add = actions.add_parser(
        "add",
        help="attach a file to a note (GPS position, camera serial, author... are removed)",
    )
    add.add_argument("note", metavar="NOTE", help="the note's id, or a unique start of it")
    add.add_argument("file", type=Path, metavar="FILE")
    add.add_argument(
        "--keep-metadata",
        action="store_true",
        help="store the file exactly as it is, with its metadata (who, where, with what)",
    )
    add.add_argument(
        "--blur-faces",
        action="store_true",
        help="for a photo: blur every face found, irreversibly, and store no metadata",
    )
    add.add_argument("--name", help="the name to show instead of the file's own")
    add.set_defaults(func=cmd_add)

    listing = actions.add_parser("list", help="a note's attachments")
    listing.add_argument("note", metavar="NOTE")
    listing.set_defaults(func=cmd_list)

    export = actions.add_parser("export", help="write an attachment out UNENCRYPTED (asks first)")
    export.add_argument("id", metavar="ID")
    export.add_argument("--out", type=Path, required=True, metavar="FILE")
    export.add_argument("--yes", action="store_true", help="do not ask (for scripts)")
    export.set_defaults(func=cmd_export)

    remove = actions.add_parser("rm", help="delete an attachment forever")
    remove.add_argument("id", metavar="ID")
    remove.add_argument("--yes", action="store_true", help="do not ask")
    remove.set_defaults(func=cmd_remove)

    for parser in (add, listing, export, remove):
        add_passphrase_file(parser)


def cmd_add(args: argparse.Namespace) -> int:
    transform = None
    faces: list[FaceBox] = []
    if args.blur_faces:
        from hushnote.core import blur_transform

        transform = blur_transform(found=faces)
    with open_vault(args) as vault:
        note = vault.notes.get(args.note)
        result = vault.attachments.add(
            note.uuid,
            args.file,
            name=args.name,
            keep_metadata=args.keep_metadata,
            transform=transform,
            progress=_progress(),
        )
    _end_progress()
    attachment = result.attachment
    print(f"Attached {short_id(attachment.uuid)}  {attachment.name}  ({_size(attachment.size)})")
    if result.removed:
        print(f"Removed: {removed_text(result.removed)}")
    elif result.cleaned:
        print("Removed: nothing identifying was found")
    elif args.keep_metadata and attachment.kind in CLEANABLE_KINDS:
        print("Kept as it is: its metadata (who, where, with what) is stored too")
    elif attachment.kind not in ("text", "markdown"):
        print(
            "Not checked for metadata: files of this kind may name their author or the "
            "computer that made them"
        )
    if args.blur_faces and not faces:
        print(
            "No face was found, so nothing was blurred. Faces in profile, masked or small "
            "are often missed: look at the photo, and blur them by hand in the app."
        )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        attachments = vault.attachments.of_note(args.note)
    print_table(
        [
            (short_id(a.uuid), local_time(a.created_at), _size(a.size), a.kind, a.name)
            for a in attachments
        ]
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        attachment = vault.attachments.get(args.id)
        confirm(
            f"Write {short_id(attachment.uuid)} to {args.out} UNENCRYPTED? Anyone who reads "
            "that disk can then read it, and it stays there until you delete it.",
            assume_yes=args.yes,
        )
        vault.attachments.export(attachment.uuid, args.out, progress=_progress())
    _end_progress()
    print(f"Written, not encrypted: {args.out}")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        attachment = vault.attachments.get(args.id)
        confirm(f"Delete the attachment {short_id(attachment.uuid)} forever?", assume_yes=args.yes)
        vault.attachments.remove(attachment.uuid)
    print(f"Deleted forever: {short_id(attachment.uuid)}")
    return 0


def _size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def _progress() -> Progress | None:
    """A percentage on stderr while a terminal watches; nothing otherwise."""
    if not sys.stderr.isatty():
        return None
    last = [0.0]

    def report(share: float) -> bool:
        now = time.monotonic()
        if now - last[0] >= 0.2:
            last[0] = now
            print(f"\r{share * 100:5.1f} %", end="", file=sys.stderr, flush=True)
        return True

    return report


def _end_progress() -> None:
    if sys.stderr.isatty():
        print("\r" + " " * 8 + "\r", end="", file=sys.stderr, flush=True)
