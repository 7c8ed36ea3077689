"""``init``, ``info``, ``passwd``, ``rotate-key``, ``check`` and ``version``."""

from __future__ import annotations

import argparse
import platform
import sys
from pathlib import Path

import hushnote
from hushnote.cli.passphrase import ask_passphrase, read_passphrase_file
from hushnote.cli.unlock import add_passphrase_file, open_vault
from hushnote.core import (
    DEFAULT_MEMORY_KIB,
    MIB,
    KdfParams,
    Vault,
    calibrate,
    default_parallelism,
    library_versions,
    read_info,
)
from hushnote.errors import VaultCorruptedError

__all__ = ["add_vault_commands"]


def add_vault_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = commands.add_parser(
        "init",
        help="create a new vault",
        description="Create a new encrypted vault. The passphrase cannot be recovered.",
    )
    add_passphrase_file(init)
    init.add_argument(
        "--kdf-memory-mib",
        type=int,
        metavar="N",
        help="Argon2id memory in MiB (default: calibrated, at least 512; minimum 64)",
    )
    init.add_argument(
        "--kdf-iterations",
        type=int,
        metavar="N",
        help="Argon2id passes (default: calibrated to ~1 s; minimum 2)",
    )
    init.add_argument("--kdf-parallelism", type=int, metavar="N", help="Argon2id lanes")
    init.set_defaults(func=cmd_init)

    info = commands.add_parser(
        "info",
        help="show the vault's parameters and sizes (never its content)",
        description="Show what the header says and how large the files are. With --unlock "
        "(or --passphrase-file) also the schema version and record counts.",
    )
    info.add_argument("--unlock", action="store_true", help="also unlock and count records")
    add_passphrase_file(info)
    info.set_defaults(func=cmd_info)

    passwd = commands.add_parser(
        "passwd",
        help="change the passphrase (instant: only the header is rewritten)",
        description="Change the passphrase. Only the header is rewritten; bundles and "
        "copies of the header made earlier still open with the old passphrase.",
    )
    add_passphrase_file(passwd)
    passwd.add_argument(
        "--new-passphrase-file",
        type=Path,
        metavar="FILE",
        help="read the new passphrase from the first line of FILE",
    )
    passwd.set_defaults(func=cmd_passwd)

    rotate = commands.add_parser(
        "rotate-key",
        help="re-encrypt the database under a new data key",
        description="Re-encrypt the whole database under a fresh data key, for when the "
        "old one may have leaked. The copy is verified before the old database is removed.",
    )
    add_passphrase_file(rotate)
    rotate.set_defaults(func=cmd_rotate_key)

    check = commands.add_parser(
        "check",
        help="verify every page's authentication and the database structure",
        description="Check every database page's HMAC (cipher_integrity_check), the "
        "structure (integrity_check, foreign_key_check), and every record against its MAC "
        "and the vault's digest, which finds pages put back from an older copy.",
    )
    add_passphrase_file(check)
    check.add_argument(
        "--accept-rollback",
        action="store_true",
        help="you restored an older database (or part of one) on purpose: open it anyway, "
        "report what is older, and record it as the vault's current state",
    )
    check.add_argument("--yes", action="store_true", help="with --accept-rollback: do not ask")
    check.set_defaults(func=cmd_check)

    version = commands.add_parser("version", help="show versions of Hushnote and its crypto")
    version.set_defaults(func=cmd_version)


def cmd_init(args: argparse.Namespace) -> int:
    if args.passphrase_file is not None:
        passphrase = read_passphrase_file(args.passphrase_file)
    else:
        passphrase = ask_passphrase("New passphrase: ", confirm="Repeat the passphrase: ")
    explicit = (args.kdf_memory_mib, args.kdf_iterations, args.kdf_parallelism)
    if any(value is not None for value in explicit):
        params = KdfParams(
            memory_kib=(
                args.kdf_memory_mib * MIB if args.kdf_memory_mib is not None else DEFAULT_MEMORY_KIB
            ),
            iterations=args.kdf_iterations if args.kdf_iterations is not None else 3,
            parallelism=(
                args.kdf_parallelism if args.kdf_parallelism is not None else default_parallelism()
            ),
        )
    else:
        print("Measuring this machine to choose the key-derivation cost...", file=sys.stderr)
        params = calibrate()
    with Vault.create(args.vault, passphrase, kdf=params):
        pass
    print(f"Created a vault at {args.vault}")
    print(f"Key derivation: {_describe_kdf(params)}")
    print("Keep the passphrase safe: nobody can recover it, and without it the data is gone.")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    info = read_info(args.vault)
    rows = [
        ("Vault", str(info.root)),
        ("Format", str(info.format_version)),
        ("Key slots", f"{info.slot_count} (fixed; unused slots look like used ones)"),
        ("Key derivation", _describe_kdf(info.kdf)),
        ("Header", f"{info.header_bytes} bytes"),
        ("Database", f"{info.database_bytes} bytes"),
    ]
    if args.unlock or args.passphrase_file is not None:
        with open_vault(args) as vault:
            rows.append(("Schema version", str(vault.schema_version())))
            rows += [(name.capitalize(), str(count)) for name, count in vault.counts().items()]
    width = max(len(name) for name, _ in rows) + 1
    for name, value in rows:
        print(f"{name + ':':<{width}} {value}")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        if args.new_passphrase_file is not None:
            new = read_passphrase_file(args.new_passphrase_file)
        else:
            new = ask_passphrase("New passphrase: ", confirm="Repeat the new passphrase: ")
        vault.change_passphrase(new)
    print("Passphrase changed. The old one no longer opens this vault.")
    return 0


def cmd_rotate_key(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.rotate_key()
    print("Data key rotated: the database was re-encrypted, verified, and the old copy removed.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    if args.accept_rollback:
        return _accept_rollback(args)
    with open_vault(args) as vault:
        problems = vault.check()
    if problems:
        for problem in problems:
            print(f"problem: {problem}")
        raise VaultCorruptedError(path=str(args.vault), problems=len(problems))
    print("ok: every page authenticated, structure, references and records intact")
    return 0


def _accept_rollback(args: argparse.Namespace) -> int:
    from hushnote.cli.output import confirm
    from hushnote.cli.unlock import current_passphrase

    with Vault.unlock(args.vault, current_passphrase(args), accept_rollback=True) as vault:
        damage = vault.check_structure()
        for problem in damage:
            print(f"problem: {problem}")
        if damage:
            # Damage, not age: accepting would bless broken pages.
            raise VaultCorruptedError(path=str(args.vault), problems=len(damage))
        older = vault.check_records()
        for problem in older:
            print(f"older: {problem}")
        if older:
            confirm("Keep the records as they are now, older ones included?", assume_yes=args.yes)
            vault.accept_records()
    print("ok: the database as it is now is recorded as the vault's current state")
    return 0


def cmd_version(args: argparse.Namespace) -> int:
    cipher, sqlite = library_versions()
    print(f"hushnote {hushnote.__version__}")
    print(f"SQLCipher {cipher} (SQLite {sqlite})")
    print(f"Python {platform.python_version()}")
    return 0


def _describe_kdf(params: KdfParams) -> str:
    return (
        f"Argon2id, {params.memory_mib} MiB, {params.iterations} passes, {params.parallelism} lanes"
    )
