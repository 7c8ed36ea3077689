"""``note pdf``, ``notebook pdf`` and ``journal pdf``: print as PDF to a file (docs/pdf.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from hushnote.cli.unlock import add_passphrase_file, open_vault

__all__ = ["add_notebook_commands", "add_pdf_action"]


def add_pdf_action(actions: argparse._SubParsersAction[argparse.ArgumentParser], kind: str) -> None:
    """Add ``pdf`` to the ``note`` or ``journal`` actions (``kind`` says which)."""
    what = {"note": ("ID", "the note"), "notebook": ("NAME", "the notebook"),
            "journal": ("YYYY-MM", "the journal month")}[kind]  # fmt: skip
    pdf = actions.add_parser("pdf", help=f"save {what[1]} as a PDF file")
    pdf.add_argument("target", metavar=what[0], help=what[1])
    pdf.add_argument("--out", type=Path, required=True, metavar="FILE", help="the PDF to write")
    pdf.add_argument("--force", action="store_true", help="replace FILE if it exists")
    pdf.add_argument("--title-in-metadata", action="store_true",
                     help="put the title in the document properties (default: none)")  # fmt: skip
    pdf.set_defaults(func=cmd_pdf, pdf_kind=kind)
    add_passphrase_file(pdf)


def add_notebook_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    notebook = commands.add_parser("notebook", help="a whole notebook: save it as PDF")
    actions = notebook.add_subparsers(title="actions", metavar="ACTION", required=True)
    add_pdf_action(actions, "notebook")


def cmd_pdf(args: argparse.Namespace) -> int:
    from hushnote.core import PdfScope

    scope = PdfScope(args.pdf_kind, args.target)
    if scope.kind == "journal":
        scope.month()  # a malformed month is refused before the passphrase is asked
    with open_vault(args) as vault:
        vault.export_pdf(args.out, scope, force=args.force,
                         title_in_metadata=args.title_in_metadata)  # fmt: skip
    print(f"Wrote {args.out}")
    print("The PDF is not encrypted: keep it where you would keep the paper.")
    return 0
