"""Preferences stored inside the encrypted vault, because they describe the user's data."""

from __future__ import annotations

from hushnote.core.store.database import Database

__all__ = ["Settings"]


class Settings:
    """A string-to-string store in the vault's ``settings`` table."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self._db.row("SELECT value FROM settings WHERE key = ?", (key,))
        return default if row is None else str(row[0])

    def set(self, key: str, value: str) -> None:
        with self._db.transaction() as connection:
            connection.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def delete(self, key: str) -> None:
        with self._db.transaction() as connection:
            connection.execute("DELETE FROM settings WHERE key = ?", (key,))
        self._db.checkpoint_after_commit()

    def items(self) -> dict[str, str]:
        rows = self._db.rows("SELECT key, value FROM settings ORDER BY key")
        return {str(key): str(value) for key, value in rows}
