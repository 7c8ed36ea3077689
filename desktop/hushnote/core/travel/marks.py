"""What stays home: the marks on notebooks and contact lists, and the plan they make.

A mark is a column on the notebook's or list's own row (schema 12), never a table or a
setting of its own, so that nothing outside the marked rows tells that travel exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hushnote.core.formats.bundle_records import LEAVING_CONTACTS, n_in_marked_notebooks
from hushnote.core.store.database import Database
from hushnote.errors import RecordNotFoundError

__all__ = [
    "LEAVING_CONTACTS",
    "MARKED_NOTES",
    "PlannedList",
    "PlannedNotebook",
    "TravelMarks",
    "TravelPlan",
]

# The notes that leave, the trash included: every note of a marked notebook.
MARKED_NOTES = f"SELECT n.id FROM notes n WHERE {n_in_marked_notebooks()}"  # noqa: S608 - fixed SQL


@dataclass(frozen=True)
class PlannedNotebook:
    """A notebook that would leave, with what it holds (the trash counted apart)."""

    name: str
    notes: int
    trashed: int
    attachments: int
    revisions: int
    shared: bool


@dataclass(frozen=True)
class PlannedList:
    name: str
    members: int


@dataclass(frozen=True)
class TravelPlan:
    """Exactly what starting travel would seal away and purge, as the marks stand."""

    notebooks: list[PlannedNotebook] = field(default_factory=list)
    lists: list[PlannedList] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)  # display names of those leaving

    @property
    def empty(self) -> bool:
        return not self.notebooks and not self.lists

    @property
    def shared_notebooks(self) -> list[str]:
        return [notebook.name for notebook in self.notebooks if notebook.shared]

    @property
    def note_count(self) -> int:
        return sum(notebook.notes + notebook.trashed for notebook in self.notebooks)


def has_table(connection: Any, name: str) -> bool:
    return bool(
        connection.execute(
            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", (name,)
        ).fetchone()
    )


class TravelMarks:
    """Marking notebooks and lists to stay home, and the plan the marks make."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def mark_notebook(self, name: str, *, stays_home: bool = True) -> None:
        self._set("notebooks", "notebook", name, stays_home)

    def mark_list(self, name: str, *, stays_home: bool = True) -> None:
        self._set("lists", "list", name, stays_home)

    def _set(self, table: str, kind: str, name: str, stays_home: bool) -> None:
        with self._db.transaction() as connection:
            changed = connection.execute(
                f"UPDATE {table} SET stays_home = ? WHERE name = ?",  # noqa: S608 - fixed names
                (int(stays_home), " ".join(name.split())),
            ).rowcount
        if not changed:
            raise RecordNotFoundError(kind=kind)

    def marked(self) -> tuple[list[str], list[str]]:
        """The names of the notebooks and of the lists marked to stay home."""
        notebooks = self._db.rows(
            "SELECT name FROM notebooks WHERE stays_home = 1 ORDER BY name COLLATE NOCASE"
        )
        lists = self._db.rows(
            "SELECT name FROM lists WHERE stays_home = 1 ORDER BY name COLLATE NOCASE"
        )
        return [str(row[0]) for row in notebooks], [str(row[0]) for row in lists]

    def plan(self) -> TravelPlan:
        with self._db.transaction() as connection:
            return read_plan(connection)


def read_plan(connection: Any) -> TravelPlan:
    """The plan, read inside the caller's transaction (start reads it in the turn that
    seals, so that what it reports is what left)."""
    revisions = (
        "(SELECT count(*) FROM note_revisions r JOIN notes n ON n.id = r.note_id "
        "WHERE n.notebook_id = nb.id)"
        if has_table(connection, "note_revisions")
        else "0"
    )
    notebooks = [
        PlannedNotebook(
            str(row[0]), int(row[1]), int(row[2]), int(row[3]), int(row[4]), bool(row[5])
        )
        for row in connection.execute(
            "SELECT nb.name, "  # noqa: S608 - fixed SQL
            "(SELECT count(*) FROM notes n WHERE n.notebook_id = nb.id AND n.trashed_at IS NULL), "
            "(SELECT count(*) FROM notes n WHERE n.notebook_id = nb.id "
            "AND n.trashed_at IS NOT NULL), "
            "(SELECT count(*) FROM attachments a JOIN notes n ON n.id = a.note_id "
            f"WHERE n.notebook_id = nb.id), {revisions}, "
            "EXISTS (SELECT 1 FROM spaces s WHERE s.notebook_id = nb.id) "
            "FROM notebooks nb WHERE nb.stays_home = 1 ORDER BY nb.name COLLATE NOCASE"
        ).fetchall()
    ]
    lists = [
        PlannedList(str(row[0]), int(row[1]))
        for row in connection.execute(
            "SELECT l.name, (SELECT count(*) FROM list_members m WHERE m.list_id = l.id) "
            "FROM lists l WHERE l.stays_home = 1 ORDER BY l.name COLLATE NOCASE"
        ).fetchall()
    ]
    contacts = [
        str(row[0])
        for row in connection.execute(
            f"SELECT display_name FROM contacts WHERE id IN ({LEAVING_CONTACTS}) "  # noqa: S608
            "ORDER BY display_name COLLATE NOCASE"
        ).fetchall()
    ]
    return TravelPlan(notebooks, lists, contacts)
