"""After any purge of history, nothing in the vault tells how many revisions there were:
no counter row, and the next revision is numbered 1 (docs/history.md#purge)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from hushnote.core import HistoryStore, NoteStore, Vault


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def _everything(vault: Vault) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table."""
    names = [r[0] for r in vault.db.rows("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {name: vault.db.rows(f'SELECT * FROM "{name}"') for name in names}  # noqa: S608


PURGES: dict[str, Callable[[HistoryStore, str, Clock], object]] = {
    "one note": lambda history, uuid, _: history.purge(uuid),
    "all": lambda history, _, __: history.purge_all(),
    "retention off": lambda history, _, __: history.set_retention("off"),
    "expiry": lambda history, _, clock: history.expire(
        int((clock.now + timedelta(days=40)).timestamp() * 1000)
    ),
}


@pytest.mark.parametrize("how", list(PURGES))
def test_no_count_of_purged_revisions_remains(open_vault: Vault, how: str) -> None:
    clock = Clock()
    notes = NoteStore(open_vault.db, clock=clock)
    history = HistoryStore(open_vault.db, clock=clock)
    uuid = notes.create(title="Safe house", body="v0").uuid
    for n in range(1, 41):
        clock.now += timedelta(minutes=6)
        notes.update(uuid, body=f"v{n}")
    assert len(history.revisions(uuid)) == 40
    PURGES[how](history, uuid, clock)
    if how == "retention off":
        history.set_retention("30")
    assert history.revisions(uuid) == []
    assert open_vault.db.rows("SELECT * FROM note_history") == []
    for table, rows in _everything(open_vault).items():
        if "_fts" in table or table.endswith(("_data", "_idx", "_docsize", "_config")):
            continue  # the search index of the note's current text
        counts = [cell for row in rows for cell in row if cell in (40, 41)]
        assert counts == [], (table, rows)
    clock.now += timedelta(days=41, minutes=6)
    notes.update(uuid, body="after the purge")
    assert [r.number for r in history.revisions(uuid)] == [1]
