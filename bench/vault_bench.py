"""The vault's own operations against the primitives they are built from.

- unlock and change-passphrase against one bare Argon2id run at the same parameters:
  the ratio is what the vault adds on top of the KDF (slot trials, database open, checks);
- rotate-key against SQLCipher's own ``sqlcipher_export`` of the same database: the ratio
  is the price of verification, fsyncs and scrubbing the old file;
- opening the database with its raw key against the same engine opening an unkeyed copy;
- an atomic header replacement against a plain write and fsync of the same bytes.
"""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path
from tempfile import mkdtemp

from argon2.low_level import Type, hash_secret_raw
from sqlcipher3 import dbapi2 as sqlcipher

from bench.report import Row, paired, timed
from hushnote.core import KdfParams, Vault, VaultPaths, calibrate
from hushnote.core.atomic import replace_file
from hushnote.core.store.database import Database
from hushnote.core.vault.header import HEADER_SIZE

PASSPHRASE = "benchmark passphrase"


def _argon2(params: KdfParams) -> None:
    hash_secret_raw(
        PASSPHRASE.encode(),
        os.urandom(32),
        params.iterations,
        params.memory_kib,
        params.parallelism,
        32,
        Type.ID,
    )


def _fill(vault: Vault, megabytes: int) -> None:
    rows = megabytes * 1024 // 2  # about 2 KiB a row
    with vault.db.transaction() as connection:
        connection.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?)",
            ((f"k{n}", secrets.token_hex(1024)) for n in range(rows)),
        )


def run_vault_benchmarks(*, quick: bool) -> list[Row]:
    repeats = 3 if quick else 7
    megabytes = 2 if quick else 64
    params = KdfParams(64 * 1024, 2, 2) if quick else calibrate()
    work = Path(mkdtemp(prefix="hushnote-bench-"))
    try:
        root = work / "vault"
        with Vault.create(root, PASSPHRASE, kdf=params) as vault:
            _fill(vault, megabytes)
        rows = [
            paired(
                f"unlock + lock (Argon2id {params.memory_mib} MiB, t={params.iterations})",
                lambda: Vault.unlock(root, PASSPHRASE).lock(),
                "bare Argon2id",
                lambda: _argon2(params),
                repeats,
            ),
            _passwd_row(root, params, repeats),
            _rotate_row(root, work, megabytes, repeats),
            _open_row(root, work, repeats),
            _header_row(work, repeats * 10),
        ]
    finally:
        shutil.rmtree(work)
    return rows


def _passwd_row(root: Path, params: KdfParams, repeats: int) -> Row:
    with Vault.unlock(root, PASSPHRASE) as vault:
        return paired(
            "change passphrase (unlocked)",
            lambda: vault.change_passphrase(PASSPHRASE),
            "bare Argon2id",
            lambda: _argon2(params),
            repeats,
        )


def _rotate_row(root: Path, work: Path, megabytes: int, repeats: int) -> Row:
    with Vault.unlock(root, PASSPHRASE) as vault:
        measured = timed(vault.rotate_key, repeats)
        target = work / "export.db"

        def export() -> None:
            vault.db.export_to(target, os.urandom(32))

        baseline = timed(export, repeats, setup=lambda: target.unlink(missing_ok=True))
    return Row(f"rotate data key ({megabytes} MB)", measured, "sqlcipher_export", baseline)


def _open_row(root: Path, work: Path, repeats: int) -> Row:
    with Vault.unlock(root, PASSPHRASE) as vault:
        dek = bytes(vault.keyring().data_key)
        plain = work / "plain.db"
        vault.db.connection.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
        vault.db.connection.execute("SELECT sqlcipher_export('plain')")
        vault.db.connection.execute("DETACH DATABASE plain")
    paths = VaultPaths(root)

    def open_keyed() -> None:
        db = Database.open(paths.database, dek)
        db.row("SELECT count(*) FROM settings")
        db.close()

    def open_plain() -> None:
        connection = sqlcipher.connect(str(plain))
        connection.execute("SELECT count(*) FROM settings").fetchone()
        connection.close()

    return Row(
        "open database + count",
        timed(open_keyed, repeats * 5),
        "unkeyed sqlcipher3",
        timed(open_plain, repeats * 5),
    )


def _header_row(work: Path, repeats: int) -> Row:
    data = os.urandom(HEADER_SIZE)
    target, plain = work / "vault.key", work / "plain.key"

    def write_plain() -> None:
        with plain.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())

    return Row(
        "atomic header replace + scrub",
        timed(lambda: replace_file(target, data), repeats),
        "write + fsync",
        timed(write_plain, repeats),
    )
