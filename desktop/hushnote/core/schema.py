"""Versioned schema migrations, tracked in SQLite's ``user_version``.

Each migration runs in its own transaction together with the version bump, so a crash
mid-migration leaves the previous version intact. Migrations are append-only: a released
step is never edited, because vaults in the field were built by it.
"""

from __future__ import annotations

from hushnote.core.database import Database
from hushnote.errors import UnsupportedVersionError

__all__ = ["COUNTED_TABLES", "LATEST_VERSION", "MIGRATIONS", "migrate", "schema_version"]

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: preferences that describe the user's data (auto-lock time, last note) stay
    #    encrypted here instead of in Qt settings.
    (
        """CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT""",
    ),
)

LATEST_VERSION = len(MIGRATIONS)

# What `hushnote info --unlock` counts: a label and the table holding those records.
COUNTED_TABLES: dict[str, str] = {"settings": "settings"}


def schema_version(db: Database) -> int:
    version: int = db.pragma_value("user_version")
    return version


def migrate(db: Database, *, target: int | None = None) -> int:
    """Bring ``db`` up to ``target``; return the version it started at.

    A database newer than this code is refused untouched rather than half-understood.
    """
    start = schema_version(db)
    if start > LATEST_VERSION:
        raise UnsupportedVersionError(what="schema", version=start)
    for version in range(start + 1, (LATEST_VERSION if target is None else target) + 1):
        with db.transaction() as connection:
            for statement in MIGRATIONS[version - 1]:
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {version:d}")
    return start
