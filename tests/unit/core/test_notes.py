"""Notes, notebooks, tags, trash and the journal."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from hushnote.core import NoteStore, Vault
from hushnote.errors import AmbiguousReferenceError, InvalidRecordError, RecordNotFoundError


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def notes(open_vault: Vault, clock: FakeClock) -> NoteStore:
    return NoteStore(open_vault.db, clock=clock)


def test_create_and_get(notes: NoteStore, clock: FakeClock) -> None:
    note = notes.create(
        title="Intake",
        body="# Client\nDetails",
        notebook="Case 12",
        tags=["legal", "Urgent", "legal "],
    )
    assert note.title == "Intake"
    assert note.body == "# Client\nDetails"
    assert note.notebook == "Case 12"
    assert note.tags == ("legal", "Urgent")
    assert note.created_at == note.updated_at == clock.now
    assert notes.get(note.uuid) == note
    assert notes.get(note.uuid[:6]) == note


def test_update_changes_only_what_is_given(notes: NoteStore, clock: FakeClock) -> None:
    note = notes.create(title="t", body="b", tags=["a"])
    clock.advance(minutes=5)
    updated = notes.update(note.uuid, body="new body", pinned=True)
    assert (updated.title, updated.body, updated.tags, updated.pinned) == (
        "t",
        "new body",
        ("a",),
        True,
    )
    assert updated.updated_at == clock.now
    assert updated.created_at == note.created_at
    assert notes.update(note.uuid, tags=[]).tags == ()


def test_listing_is_newest_first_with_pins_on_top_and_no_bodies(
    notes: NoteStore, clock: FakeClock
) -> None:
    first = notes.create(title="first")
    clock.advance(seconds=1)
    second = notes.create(title="second")
    clock.advance(seconds=1)
    pinned = notes.create(title="pinned", pinned=True)
    notes.update(first.uuid, pinned=False)  # touching it makes it newest
    titles = [summary.title for summary in notes.summaries()]
    assert titles == ["pinned", "first", "second"]
    assert not hasattr(notes.summaries()[0], "body")
    assert notes.count() == 3
    assert [s.uuid for s in notes.summaries(limit=1, offset=1)] == [first.uuid]
    del second, pinned


def test_filters_by_notebook_and_tag(notes: NoteStore) -> None:
    notes.create(title="a", notebook="Case 1", tags=["x"])
    notes.create(title="b", notebook="case 1")  # same notebook, other spelling
    notes.create(title="c", tags=["X"])
    assert sorted(s.title for s in notes.summaries(notebook="CASE 1")) == ["a", "b"]
    assert sorted(s.title for s in notes.summaries(tag="x")) == ["a", "c"]
    assert notes.notebooks() == [("Case 1", 2)]
    assert notes.tags() == [("x", 2)]


def test_archive_hides_from_the_main_list(notes: NoteStore) -> None:
    note = notes.create(title="old case")
    notes.update(note.uuid, archived=True)
    assert notes.summaries() == []
    assert [s.title for s in notes.summaries(archived=True)] == ["old case"]


def test_trash_restore_purge(notes: NoteStore) -> None:
    note = notes.create(title="gone soon", tags=["t"])
    notes.trash(note.uuid)
    assert notes.summaries() == []
    assert [s.uuid for s in notes.summaries(trashed=True)] == [note.uuid]
    assert notes.get(note.uuid).trashed
    notes.restore(note.uuid)
    assert [s.uuid for s in notes.summaries()] == [note.uuid]
    notes.trash(note.uuid)
    notes.purge(note.uuid)
    with pytest.raises(RecordNotFoundError):
        notes.get(note.uuid)
    assert notes.tags() == []


def test_the_trash_and_back_keeps_the_modification_time(notes: NoteStore, clock: FakeClock) -> None:
    """Restoring once moved the time, so the restored note won bundle merges against a
    colleague's newer edit of it."""
    note = notes.create(title="case", body="v1")
    clock.advance(hours=1)
    assert notes.trash(note.uuid).updated_at == note.updated_at
    clock.advance(hours=1)
    restored = notes.restore(note.uuid)
    assert restored.updated_at == note.updated_at
    clock.advance(hours=1)
    assert notes.update(note.uuid, body="v2").updated_at > note.updated_at  # an edit does


def test_an_edit_and_a_move_are_one_transaction(notes: NoteStore) -> None:
    note = notes.create(title="case", body="v1", notebook="A")
    moved = notes.update(note.uuid, body="v2", notebook="B")
    assert (moved.body, moved.notebook) == ("v2", "B")
    assert notes.update(note.uuid, title="kept").notebook == "B"  # not given: stays
    assert notes.update(note.uuid, notebook=None).notebook is None
    with pytest.raises(InvalidRecordError):  # a refused edit moves nothing either
        notes.update(note.uuid, title="x" * 100_000, notebook="C")
    assert notes.get(note.uuid).notebook is None
    assert "C" not in [name for name, _ in notes.notebooks()]


def test_empty_trash_counts_and_keeps_the_rest(notes: NoteStore) -> None:
    keep = notes.create(title="keep")
    for n in range(3):
        notes.trash(notes.create(title=f"bin {n}").uuid)
    assert notes.empty_trash() == 3
    assert [s.uuid for s in notes.summaries()] == [keep.uuid]
    assert notes.count(trashed=True) == 0


def test_moving_between_notebooks_and_deleting_one(notes: NoteStore) -> None:
    note = notes.create(title="n", notebook="A")
    assert notes.move(note.uuid, "B").notebook == "B"
    assert notes.move(note.uuid, None).notebook is None
    notes.move(note.uuid, "C")
    notes.delete_notebook("C")
    assert notes.get(note.uuid).notebook is None
    with pytest.raises(RecordNotFoundError):
        notes.delete_notebook("C")


def test_unknown_and_ambiguous_references(notes: NoteStore) -> None:
    with pytest.raises(RecordNotFoundError):
        notes.get("0000dead")
    with pytest.raises(RecordNotFoundError):
        notes.get("ab")  # too short to mean anything
    with pytest.raises(RecordNotFoundError):
        notes.get("not-hex!")
    first = notes.create(title="a", uuid="abcd0000-0000-4000-8000-000000000001")
    notes.create(title="b", uuid="abcd0000-0000-4000-8000-000000000002")
    with pytest.raises(AmbiguousReferenceError):
        notes.get("abcd")
    assert notes.get("abcd0000-0000-4000-8000-000000000001") == notes.get(first.uuid)


def test_limits_are_enforced(notes: NoteStore) -> None:
    with pytest.raises(InvalidRecordError):
        notes.create(title="x" * 1001)
    with pytest.raises(InvalidRecordError):
        notes.create(notebook="n" * 201)
    with pytest.raises(InvalidRecordError):
        notes.create(tags=["t" * 101])


def test_a_failed_write_changes_nothing(notes: NoteStore) -> None:
    note = notes.create(title="keep", tags=["a"])
    with pytest.raises(InvalidRecordError):
        notes.update(note.uuid, title="y" * 2000, tags=["b"])
    assert notes.get(note.uuid).tags == ("a",)


def test_today_creates_once_per_local_day(notes: NoteStore, clock: FakeClock) -> None:
    entry = notes.today()
    local = clock.now.astimezone().date()
    assert entry.journal_day == local
    assert entry.title == local.isoformat()
    assert notes.today().uuid == entry.uuid
    clock.advance(days=1)
    assert notes.today().uuid != entry.uuid


def test_journal_by_day_and_month(notes: NoteStore) -> None:
    notes.create(title="a", journal_day=date(2026, 3, 1))
    notes.create(title="b", journal_day=date(2026, 3, 1))
    notes.create(title="c", journal_day=date(2026, 3, 31))
    notes.create(title="d", journal_day=date(2026, 4, 1))
    notes.trash(notes.create(title="e", journal_day=date(2026, 3, 5)).uuid)
    assert notes.journal_month(2026, 3) == [(date(2026, 3, 1), 2), (date(2026, 3, 31), 1)]
    assert notes.journal_month(2026, 12) == []
    assert [s.title for s in notes.journal_entries(date(2026, 3, 1))] == ["a", "b"]
    assert notes.journal_entry(date(2026, 3, 1)).title == "a"


def test_create_many_is_all_or_nothing(notes: NoteStore) -> None:
    from hushnote.core import NewNote

    assert notes.create_many(NewNote(title=f"n{i}", body="b", tags=("t",)) for i in range(50)) == 50
    assert notes.count() == 50
    with pytest.raises(InvalidRecordError):
        notes.create_many([NewNote(title="fine"), NewNote(title="x" * 5000)])
    assert notes.count() == 50


def test_the_journal_lists_only_entries_latest_day_first(notes: NoteStore) -> None:
    notes.create(title="not a journal entry")
    notes.create(title="early", journal_day=date(2026, 1, 2))
    notes.create(title="late", journal_day=date(2026, 2, 3))
    assert [s.title for s in notes.summaries(journal=True)] == ["late", "early"]
    assert notes.count(journal=True) == 2


def test_a_tag_field_splits_on_ascii_and_full_width_commas() -> None:
    from hushnote.core.store.tags import split_tags

    tags = split_tags("legal, case-12，紧急、 urgent ,, ")
    assert tags == ["legal", " case-12", "紧急", " urgent "]


def test_position_matches_the_listing_under_every_filter(
    notes: NoteStore, clock: FakeClock
) -> None:
    made = []
    for n in range(12):
        clock.advance(seconds=1)  # some share a time: the id breaks the tie
        made.append(
            notes.create(
                title=f"n{n}",
                notebook="work" if n % 2 else None,
                tags=["x"] if n % 3 == 0 else [],
                pinned=n == 4,
            )
        )
        if n % 4 == 0:
            clock.advance(seconds=-1)
    notes.trash(made[5].uuid)
    for filters in ({}, {"notebook": "work"}, {"tag": "x"}, {"trashed": True}):
        listing = [summary.uuid for summary in notes.summaries(**filters)]  # type: ignore[arg-type]
        for note in made:
            expected = listing.index(note.uuid) if note.uuid in listing else None
            assert notes.position(note.uuid, **filters) == expected, (filters, note.title)  # type: ignore[arg-type]


def test_position_in_the_journal(notes: NoteStore, clock: FakeClock) -> None:
    entries = []
    for _ in range(3):
        entries.append(notes.today())
        clock.advance(days=1)
    plain = notes.create(title="not a journal entry")
    listing = [summary.uuid for summary in notes.summaries(journal=True)]
    assert [notes.position(e.uuid, journal=True) for e in entries] == [
        listing.index(e.uuid) for e in entries
    ]
    assert notes.position(plain.uuid, journal=True) is None
