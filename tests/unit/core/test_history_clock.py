"""Note history with a clock that was wrong: a revision dated in the future (the clock
ran ahead and was corrected, or a bundle's history said so) must neither make every
later save keep a revision nor outlive the vault's retention (docs/history.md#when)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from pyrage import x25519

from hushnote.core import HistoryStore, NoteStore, Vault
from hushnote.core.clock import to_ms
from support.bundles import NOTE, history_archive, line, seal


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _autosaves(notes: NoteStore, clock: Clock, uuid: str, saves: int) -> None:
    """An editing session: a save every two seconds, one word more each time."""
    body = "statement of the witness"
    for i in range(saves):
        clock.now += timedelta(seconds=2)
        body += f" word{i}"
        notes.update(uuid, body=body)


def _ahead_then_corrected(vault: Vault) -> tuple[Clock, NoteStore, HistoryStore, str]:
    """A note edited while the clock was a year ahead, then the clock put right."""
    clock = Clock(datetime(2027, 6, 1, 9, 0, tzinfo=UTC))
    notes = NoteStore(vault.db, clock=clock)
    history = HistoryStore(vault.db, clock=clock)
    history.set_retention("7")
    uuid = notes.create(title="Witness", body="first words").uuid
    clock.now += timedelta(minutes=6)
    notes.update(uuid, body="second words")
    assert [r.made_at.year for r in history.revisions(uuid)] == [2027]
    clock.now = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    return clock, notes, history, uuid


def test_a_clock_ahead_then_corrected_keeps_one_revision_per_interval(
    open_vault: Vault,
) -> None:
    clock, notes, history, uuid = _ahead_then_corrected(open_vault)
    _autosaves(notes, clock, uuid, 60)  # two minutes of typing
    kept = history.revisions(uuid)
    # One at once after the clock went back (stamped now), then none for five minutes.
    assert len(kept) == 2
    assert kept[0].made_at == datetime(2026, 6, 1, 9, 0, 2, tzinfo=UTC)
    clock.now += timedelta(minutes=6)
    _autosaves(notes, clock, uuid, 2)
    assert len(history.revisions(uuid)) == 3


def test_forty_days_of_edits_after_a_clock_ahead_expire_under_seven_days(
    open_vault: Vault,
) -> None:
    clock, notes, history, uuid = _ahead_then_corrected(open_vault)
    for day in range(40):
        clock.now += timedelta(days=1)
        notes.update(uuid, body=f"text of day {day} with name Rosa{day}")
    history.expire()
    left = history.revisions(uuid)
    cutoff = clock.now - timedelta(days=7)
    assert 1 <= len(left) <= 8
    assert all(cutoff <= r.made_at <= clock.now for r in left), left
    for revision in left:  # every kept revision still decodes
        history.text(uuid, revision.number)


def test_an_imported_far_future_time_is_brought_back_and_expires(
    open_vault: Vault, tmp_path: Path
) -> None:
    open_vault.history.set_retention("7")
    record = {"note": NOTE["uuid"], "number": 1, "made_at": 253_370_764_800_000 - 1,
              "reason": "edit", "title": "Hearing", "body": "old draft"}  # fmt: skip
    path = seal(tmp_path / "b.age", history_archive([line(record)]),
                x25519.Recipient.from_str(open_vault.age_recipient()))  # fmt: skip
    open_vault.import_bundle(path)
    (imported,) = open_vault.history.revisions(NOTE["uuid"])
    assert imported.made_at <= datetime.now(UTC) + timedelta(days=1, minutes=1)
    clock = Clock(datetime.now(UTC))
    notes = NoteStore(open_vault.db, clock=clock)
    history = HistoryStore(open_vault.db, clock=clock)
    _autosaves(notes, clock, NOTE["uuid"], 30)
    assert len(history.revisions(NOTE["uuid"])) <= 2
    clock.now += timedelta(days=60)
    history.expire(to_ms(clock.now))
    assert history.revisions(NOTE["uuid"]) == []
