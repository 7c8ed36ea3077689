"""Where a vault and the app's own folders live.

The vault folder comes from, in order: an explicit ``--vault DIR``, ``HUSHNOTE_HOME``,
then ``platformdirs.user_data_dir("hushnote")``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["APP_NAME", "VaultPaths", "app_cache_dir", "app_config_dir", "default_vault_dir"]

APP_NAME = "hushnote"
HOME_ENV = "HUSHNOTE_HOME"


def default_vault_dir() -> Path:
    """The vault folder used when no ``--vault`` is given."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs  # only here: a wipe of an explicit folder never needs it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def app_config_dir() -> Path:
    """Non-revealing preferences only; anything describing the user's data is in the vault."""
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def app_cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class VaultPaths:
    """Every file name a vault folder may hold, and nothing else."""

    root: Path

    @property
    def header(self) -> Path:
        return self.root / "vault.key"

    @property
    def database(self) -> Path:
        return self.root / "vault.db"

    @property
    def attachments(self) -> Path:
        """The folder of attachments' encrypted files (docs/attachments.md)."""
        return self.root / "attachments"

    @property
    def rekey_database(self) -> Path:
        """The re-encrypted copy a data-key rotation builds before swapping it in."""
        return self.root / "vault.db.rekey"

    def rekey_files(self) -> tuple[Path, ...]:
        """The re-encrypted copy, and the journal and WAL files SQLite keeps beside it."""
        rekey = self.rekey_database
        return (rekey, *(rekey.with_name(rekey.name + end) for end in ("-journal", "-wal", "-shm")))

    def database_companions(self) -> tuple[Path, ...]:
        """SQLite's WAL, shared-memory and rollback-journal files beside the database."""
        return (
            self.root / "vault.db-wal",
            self.root / "vault.db-shm",
            self.root / "vault.db-journal",
        )

    def all_files(self) -> tuple[Path, ...]:
        """Every name the app writes here, leftovers of interrupted work included."""
        names = [self.header, self.database, *self.rekey_files(), *self.database_companions()]
        for path in (self.header, self.database):
            names += [path.with_name(path.name + ".new"), path.with_name(path.name + ".old")]
        return tuple(names)

    def exists(self) -> bool:
        return self.header.exists() or self.database.exists()
