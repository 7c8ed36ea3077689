"""Getting from the command line to an unlocked vault."""

from __future__ import annotations

import argparse
from pathlib import Path

from hushnote.cli.passphrase import ask_passphrase, read_passphrase_file
from hushnote.core import Vault

__all__ = ["add_passphrase_file", "current_passphrase", "open_vault"]


def add_passphrase_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FILE",
        help="read the passphrase from the first line of FILE instead of the terminal",
    )


def current_passphrase(args: argparse.Namespace) -> str:
    if args.passphrase_file is not None:
        return read_passphrase_file(args.passphrase_file)
    return ask_passphrase("Passphrase: ")


def open_vault(args: argparse.Namespace) -> Vault:
    """Unlock the vault named by ``--vault`` with the passphrase from the file or terminal."""
    return Vault.unlock(args.vault, current_passphrase(args))
