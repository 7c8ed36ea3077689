"""What a note is, apart from where it is stored: the records ``NoteStore`` takes and
gives, and the bounds every writer (editor, importer, bundle) holds them to."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from hushnote.core.clock import from_ms

__all__ = ["MAX_BODY", "MAX_NOTEBOOK", "MAX_TITLE", "Keep", "NewNote", "Note", "NoteSummary"]


class Keep(enum.Enum):
    """An argument left as it is (where ``None`` is itself a value: no notebook)."""

    KEEP = "keep"


MAX_TITLE = 1_000
MAX_BODY = 10_000_000
MAX_NOTEBOOK = 200


@dataclass(frozen=True)
class NewNote:
    """A note's fields before it is stored: what editors and importers produce."""

    title: str = ""
    body: str = ""
    notebook: str | None = None
    tags: tuple[str, ...] = ()
    pinned: bool = False
    journal_day: date | None = None
    uuid: str | None = None
    # Kept as given when set (a decoy's or an imported note's own history); else now.
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class NoteSummary:
    """What a list of notes shows: everything but the body, so listing stays cheap."""

    uuid: str
    title: str
    notebook: str | None
    pinned: bool
    archived: bool
    journal_day: date | None
    updated_at: datetime
    trashed_at: datetime | None

    @property
    def trashed(self) -> bool:
        return self.trashed_at is not None

    @classmethod
    def from_row(cls, row: Any) -> NoteSummary:
        uuid, title, notebook, pinned, archived, day, updated, trashed = row
        return cls(
            uuid=uuid,
            title=title,
            notebook=notebook,
            pinned=bool(pinned),
            archived=bool(archived),
            journal_day=date.fromisoformat(day) if day else None,
            updated_at=from_ms(updated),
            trashed_at=from_ms(trashed) if trashed is not None else None,
        )


@dataclass(frozen=True)
class Note:
    """One note with its body and tags."""

    uuid: str
    title: str
    body: str
    notebook: str | None
    tags: tuple[str, ...]
    pinned: bool
    archived: bool
    journal_day: date | None
    created_at: datetime
    updated_at: datetime
    trashed_at: datetime | None

    @property
    def trashed(self) -> bool:
        return self.trashed_at is not None
