"""Note history: when revisions are kept, reading them back, reverting, diffing,
retention and purging (docs/history.md)."""

from __future__ import annotations

import time
import tracemalloc
from datetime import UTC, datetime, timedelta

import pytest

from hushnote.core import HistoryStore, NoteStore, Searcher, Vault
from hushnote.core.store.revision_codec import KEYFRAME_EVERY
from hushnote.core.store.text_diff import DiffLine, diff_lines
from hushnote.errors import InvalidRecordError, RecordNotFoundError, VaultCorruptedError

pytestmark = pytest.mark.usefixtures("fast_scrypt")  # passphrase bundles: conftest.py


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


@pytest.fixture
def history(open_vault: Vault, clock: FakeClock) -> HistoryStore:
    return HistoryStore(open_vault.db, clock=clock)


def _old_note(notes: NoteStore, clock: FakeClock, body: str = "first draft") -> str:
    uuid = notes.create(title="Intake", body=body).uuid
    clock.advance(hours=1)
    return uuid


def test_saves_within_the_interval_keep_one_revision(
    notes: NoteStore, history: HistoryStore, clock: FakeClock
) -> None:
    uuid = _old_note(notes, clock)
    for second in range(0, 240, 2):  # four minutes of autosaves
        notes.update(uuid, body=f"typing {second}")
        clock.advance(seconds=2)
    revisions = history.revisions(uuid)
    assert [(r.number, r.reason, r.size) for r in revisions] == [(1, "edit", 11)]
    assert history.text(uuid, 1) == ("Intake", "first draft")
    clock.advance(minutes=2)  # now past five minutes since the revision
    notes.update(uuid, body="after a pause")
    assert [r.number for r in history.revisions(uuid)] == [2, 1]
    assert history.text(uuid, 2) == ("Intake", "typing 238")
    assert history.revisions(uuid)[0].made_at == clock.now


def test_a_new_note_gets_its_first_revision_after_the_interval(
    notes: NoteStore, history: HistoryStore, clock: FakeClock
) -> None:
    uuid = notes.create(title="", body="").uuid
    notes.update(uuid, body="a")
    clock.advance(minutes=1)
    notes.update(uuid, body="ab")
    assert history.revisions(uuid) == []
    clock.advance(minutes=5)
    notes.update(uuid, body="abc")
    assert history.text(uuid, 1) == ("", "ab")


def test_no_revision_when_nothing_changed_or_only_other_fields(
    notes: NoteStore, history: HistoryStore, clock: FakeClock
) -> None:
    uuid = _old_note(notes, clock)
    notes.update(uuid, title="Intake", body="first draft")
    notes.update(uuid, pinned=True, tags=["x"])
    assert history.revisions(uuid) == []


def test_revert_is_itself_undoable(
    notes: NoteStore, history: HistoryStore, clock: FakeClock
) -> None:
    uuid = _old_note(notes, clock)
    notes.update(uuid, title="Intake 2", body="second draft")
    note = history.revert(uuid, 1)
    assert (note.title, note.body) == ("Intake", "first draft")
    revisions = history.revisions(uuid)
    assert [(r.number, r.reason) for r in revisions] == [(2, "revert"), (1, "edit")]
    undone = history.revert(uuid, 2)  # within seconds: a revert keeps one whatever the age
    assert (undone.title, undone.body) == ("Intake 2", "second draft")
    assert history.revisions(uuid)[0].number == 3
    assert history.text(uuid, 3) == ("Intake", "first draft")


def test_a_missing_revision_is_a_typed_error(
    notes: NoteStore, history: HistoryStore, clock: FakeClock
) -> None:
    uuid = _old_note(notes, clock)
    with pytest.raises(RecordNotFoundError) as raised:
        history.text(uuid, 1)
    assert raised.value.context["kind"] == "revision"


def test_long_chains_decode_every_revision(
    notes: NoteStore, history: HistoryStore, clock: FakeClock, open_vault: Vault
) -> None:
    """Past the keyframe interval, every revision still reads back as it was."""
    uuid = _old_note(notes, clock, body="line 0\n" * 50)
    bodies = {}
    for number in range(1, 2 * KEYFRAME_EVERY + 6):
        bodies[number] = notes.get(uuid).body
        notes.update(uuid, body=bodies[number] + f"line {number}\n")
        clock.advance(minutes=6)
    for number, body in bodies.items():
        assert history.text(uuid, number)[1] == body
    keyframes = open_vault.db.rows(
        "SELECT number FROM note_revisions WHERE delta = 0 ORDER BY number"
    )
    assert [row[0] for row in keyframes] == [KEYFRAME_EVERY, 2 * KEYFRAME_EVERY, len(bodies)]
    assert open_vault.check() == []


def test_a_damaged_stream_is_reported_as_damage(
    notes: NoteStore, history: HistoryStore, clock: FakeClock, open_vault: Vault
) -> None:
    uuid = _old_note(notes, clock)
    notes.update(uuid, body="x")
    open_vault.db.execute("UPDATE note_revisions SET content = x'00ff00ff'")
    with pytest.raises(VaultCorruptedError):
        history.text(uuid, 1)


def test_diff_against_the_current_text(
    notes: NoteStore, history: HistoryStore, clock: FakeClock
) -> None:
    uuid = _old_note(notes, clock, body="one\ntwo\nthree")
    notes.update(uuid, body="one\n2\nthree\nfour")
    lines = [(line.kind, line.text) for line in history.diff(uuid, 1)]
    assert lines == [
        ("same", "one"),
        ("removed", "two"),
        ("added", "2"),
        ("same", "three"),
        ("added", "four"),
    ]


DIFF_BOUND = 3.0  # seconds


def test_diff_of_two_large_unrelated_texts_is_bounded(
    notes: NoteStore, history: HistoryStore, clock: FakeClock
) -> None:
    old = "".join(f"alpha {i} {i * 7 % 13}\n" for i in range(150_000))[:2_000_000]
    new = "".join(f"omega {i} {i * 5 % 11}\n" for i in range(150_000))[:2_000_000]
    assert len(old) == len(new) == 2_000_000
    uuid = _old_note(notes, clock, body=old)
    notes.update(uuid, body=new)
    started = time.perf_counter()
    lines = history.diff(uuid, 1)
    # Bounded, not fast: a line-by-line diff of these 300,000 lines takes minutes; the
    # block fallback well under a second idle, and under three on a loaded 2-core CI.
    assert time.perf_counter() - started < DIFF_BOUND
    assert {line.kind for line in lines} == {"removed", "added"}
    assert "\n".join(line.text for line in lines if line.kind == "removed") == old
    # A small edit inside a large text is still shown precisely.
    notes.update(uuid, body=new.replace("omega 500 ", "OMEGA 500 ", 1))
    clock.advance(minutes=6)
    notes.update(uuid, body=new)
    started = time.perf_counter()
    changed = [line for line in history.diff(uuid, 2) if line.kind != "same"]
    assert time.perf_counter() - started < DIFF_BOUND
    assert changed == changed[:2] and {line.kind for line in changed} == {"removed", "added"}


def test_retention_expires_with_the_clock(
    notes: NoteStore, history: HistoryStore, clock: FakeClock
) -> None:
    assert history.retention == "30"
    uuid = _old_note(notes, clock)
    notes.update(uuid, body="second")
    clock.advance(days=20)
    notes.update(uuid, body="third")
    clock.advance(days=11)
    assert history.expire() == 1
    assert [r.number for r in history.revisions(uuid)] == [2]
    assert history.text(uuid, 2) == ("Intake", "second")
    # What a shorter setting would delete is counted first (the CLI asks with it).
    assert (history.expiring("365"), history.expiring("forever"), history.expiring("7")) == (
        0, 0, 1)  # fmt: skip
    assert [r.number for r in history.revisions(uuid)] == [2]
    assert history.set_retention("7") == 1
    assert history.revisions(uuid) == []
    clock.advance(minutes=6)
    notes.update(uuid, body="fourth")
    assert [r.number for r in history.revisions(uuid)] == [1]  # none left: restarts at 1


def test_saves_expire_now_and_then(
    notes: NoteStore, history: HistoryStore, clock: FakeClock
) -> None:
    uuid = _old_note(notes, clock)
    notes.update(uuid, body="second")
    clock.advance(days=31)
    notes.update(uuid, body="third")  # a save long after the last expiry expires
    assert [r.number for r in history.revisions(uuid)] == [2]


def test_off_purges_all_and_keeps_none(
    notes: NoteStore, history: HistoryStore, clock: FakeClock
) -> None:
    uuid = _old_note(notes, clock)
    notes.update(uuid, body="second")
    assert history.expiring("off") == 1
    assert history.set_retention("off") == 1
    assert history.revisions(uuid) == []
    clock.advance(hours=1)
    notes.update(uuid, body="third")
    assert history.revisions(uuid) == []
    history.retention = "forever"
    clock.advance(days=4000)
    notes.update(uuid, body="fourth")
    clock.advance(days=4000)
    assert history.expire() == 0
    assert len(history.revisions(uuid)) == 1


def test_an_unknown_retention_is_refused(history: HistoryStore) -> None:
    with pytest.raises(InvalidRecordError):
        history.set_retention("90")
    with pytest.raises(InvalidRecordError):
        history.expiring("90")
    assert history.retention == "30"


def test_purging_a_note_or_emptying_the_trash_takes_its_history(
    notes: NoteStore, history: HistoryStore, clock: FakeClock, open_vault: Vault
) -> None:
    first = _old_note(notes, clock)
    second = notes.create(title="other", body="kept").uuid
    clock.advance(hours=1)
    notes.update(first, body="changed")
    notes.update(second, body="changed too")
    notes.trash(first)
    assert len(history.revisions(first)) == 1  # the trash keeps history
    notes.empty_trash()
    assert open_vault.db.row("SELECT count(*) FROM note_revisions")[0] == 1
    notes.purge(second)
    assert open_vault.db.row("SELECT count(*) FROM note_revisions")[0] == 0
    assert open_vault.check() == []


def test_purge_one_and_all(notes: NoteStore, history: HistoryStore, clock: FakeClock) -> None:
    first = _old_note(notes, clock)
    second = notes.create(title="other", body="kept").uuid
    clock.advance(hours=1)
    notes.update(first, body="changed")
    notes.update(second, body="changed too")
    assert history.purge(first) == 1
    assert history.revisions(first) == []
    assert len(history.revisions(second)) == 1
    assert history.purge_all() == 1
    assert history.revisions(second) == []


def test_the_vault_counts_revisions_and_a_bundle_import_keeps_one(
    open_vault: Vault, tmp_path
) -> None:
    note = open_vault.notes.create(title="T", body="before import")
    out = tmp_path / "b.age"
    open_vault.export_bundle(out, passphrase="bundle passphrase 1")
    earlier = NoteStore(open_vault.db, clock=lambda: note.updated_at - timedelta(seconds=10))
    earlier.update(note.uuid, body="older local text")
    report = open_vault.import_bundle(out, passphrase="bundle passphrase 1")
    assert report is not None
    revisions = open_vault.history.revisions(note.uuid)
    # The edit made with a clock set back kept one too (1), the import its own (2).
    assert [(r.reason, r.number) for r in revisions] == [("import", 2), ("edit", 1)]
    assert open_vault.history.text(note.uuid, 2) == ("T", "older local text")
    assert open_vault.counts()["revisions"] == 2


def test_expiry_never_breaks_a_chain_when_times_are_out_of_order(
    notes: NoteStore, history: HistoryStore, clock: FakeClock, open_vault: Vault
) -> None:
    """A bundle's history can put an older time above a newer one: the older stays
    until every revision below it may go, and every kept revision still decodes."""
    uuid = _old_note(notes, clock, body="zero")
    for body in ("one", "two", "three"):
        notes.update(uuid, body=body)
        clock.advance(minutes=6)
    open_vault.db.execute("UPDATE note_revisions SET made_at = made_at + 30 * 86400000 "
                          "WHERE number = 2")  # fmt: skip
    open_vault.accept_records()
    clock.advance(days=40)  # 2 is ten days old, 1 and 3 forty
    assert history.expire() == 1
    assert [r.number for r in history.revisions(uuid)] == [3, 2]
    assert history.text(uuid, 2)[1] == "one"
    assert history.text(uuid, 3)[1] == "two"


def test_a_clock_set_back_still_keeps_revisions(
    notes: NoteStore, history: HistoryStore, clock: FakeClock
) -> None:
    uuid = _old_note(notes, clock)
    notes.update(uuid, body="second")
    clock.advance(days=-2)  # the revision now seems to come from the future
    notes.update(uuid, body="third")
    assert [r.number for r in history.revisions(uuid)] == [2, 1]
    # Stamped now, not after the newer-looking one: a future time would never expire;
    # the order of a note's revisions is their number.
    assert history.revisions(uuid)[0].made_at == clock.now


def test_a_revisions_words_are_not_found_by_search(
    notes: NoteStore, history: HistoryStore, clock: FakeClock, open_vault: Vault
) -> None:
    uuid = _old_note(notes, clock, body="the zqxjrevisioncanary word")
    searcher = Searcher(open_vault.db)
    assert [hit.uuid for hit in searcher.search("zqxjrevisioncanary")] == [uuid]
    notes.update(uuid, body="the word, edited")
    assert history.text(uuid, 1)[1] == "the zqxjrevisioncanary word"
    assert searcher.search("zqxjrevisioncanary") == []


def test_diff_of_one_line_against_a_million_is_bounded() -> None:
    """The matcher's cost grows with the longer side too: above ``MAX_LINES`` lines on
    either side the middle is one block removed and one added."""
    many = "\n".join(str(n) for n in range(1_000_000))
    started = time.perf_counter()
    lines = diff_lines("a", many)
    elapsed = time.perf_counter() - started
    assert lines[0] == DiffLine("removed", "a")
    assert len(lines) == 1_000_001 and lines[-1] == DiffLine("added", "999999")
    # About 1 s here; the bound leaves room for a loaded CI machine. What tells the
    # matcher did not run is the memory below (it took 415 MB).
    assert elapsed < 10.0, f"{elapsed:.2f} s"
    tracemalloc.start()
    try:
        diff_lines("a", many)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # The answer itself (a million lines) is most of it; the matcher took 415 MB.
    assert peak < 200_000_000, f"{peak / 1e6:.0f} MB"
