"""Note history: what it costs a save, and how much a month of editing adds to a vault.

(a) Save latency, history on against off, on two vaults of N notes (100,000 in full
    mode), alternating: once with a clock that moves six minutes between saves, so that
    every save also writes a revision (the worst case), and once with the editor's own
    rhythm, an autosave every two seconds (one save in 150 writes a revision).
(b) Database growth for a modelled month of a legal-aid worker: 2,000 notes of 2-8 KB;
    three editing sessions a day, each on one of five notes in hand this week (the five
    change every week), 10-40 minutes of typing with an autosave every two seconds, each
    save a few words typed at the cursor, now and then a word deleted or the cursor
    moved (simulated as a save a minute carrying 30 autosaves' typing: what history keeps
    depends only on the text at each five-minute mark). The same edits go into a vault
    keeping history (30 days) and one keeping none; what history adds is the difference
    in pages used, against the vault without it.
"""

from __future__ import annotations

import random
import shutil
import time
import uuid as uuid_module
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from tempfile import mkdtemp

from bench import corpus
from bench.report import Row, paired
from hushnote.core import HistoryStore, KdfParams, NewNote, NoteStore, Vault
from hushnote.core.store.revision_codec import compress, decompress

PASSPHRASE = "benchmark passphrase"
PARAMS = KdfParams(64 * 1024, 2, 2)  # unlocking is measured elsewhere


@dataclass(frozen=True)
class Sizes:
    notes: int  # (a) notes in each vault
    saves: int  # (a) saves timed on each side
    model_notes: int  # (b) notes of 2-8 KB
    days: int
    sessions: int  # a day
    minutes: tuple[int, int]  # a session's length
    step: int  # seconds between the saves simulated
    typing: int  # two-second autosaves' worth of typing in each simulated save


# The full model saves every 60 s with 30 autosaves' typing in each: what history keeps
# depends only on the text at each five-minute mark, and a save every 2 s (about 450 KB
# written each, most of it the WAL scrubbed after a word is deleted) would take hours.
QUICK = Sizes(notes=300, saves=20, model_notes=100, days=2, sessions=1, minutes=(10, 12),
              step=20, typing=10)  # fmt: skip
FULL = Sizes(notes=100_000, saves=300, model_notes=2_000, days=30, sessions=3,
             minutes=(10, 40), step=60, typing=30)  # fmt: skip


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _vault(root: Path, keep: str) -> Vault:
    vault = Vault.create(root, PASSPHRASE, kdf=PARAMS)
    vault.history.set_retention(keep)
    return vault


def _latency(work: Path, sizes: Sizes, rows: list[Row], facts: list[tuple[str, str]]) -> None:
    vaults = {keep: _vault(work / f"latency-{keep}", keep) for keep in ("30", "off")}
    try:
        clocks = {keep: Clock() for keep in vaults}
        stores = {keep: NoteStore(vault.db, clock=clocks[keep]) for keep, vault in vaults.items()}
        for vault in vaults.values():
            vault.notes.create_many(corpus.notes(sizes.notes))
            vault.db.checkpoint()
        targets = {keep: vault.notes.summaries(limit=20) for keep, vault in vaults.items()}
        counter = {keep: 0 for keep in vaults}

        def save(keep: str, step: timedelta) -> None:
            counter[keep] += 1
            clocks[keep].now += step
            note = targets[keep][counter[keep] % len(targets[keep])]
            stores[keep].update(note.uuid, body=f"edited {counter[keep]} " + "word " * 150)

        for label, step in (
            ("note save, a revision every save", timedelta(minutes=6)),
            ("note save, autosave every 2 s", timedelta(seconds=2)),
        ):
            row = paired(f"{label} ({sizes.notes:,} notes)", lambda s=step: save("30", s),
                         "the same save, history off", lambda s=step: save("off", s),
                         sizes.saves)  # fmt: skip
            rows.append(row)
            on, off = percentile(row.measured, 0.95), percentile(row.baseline, 0.95)
            holds = "yes" if on <= 1.3 * off else "**no**"
            facts.append((f"{label}: p95 on / off",
                          f"{on * 1000:.1f} / {off * 1000:.1f} ms = {on / off:.2f}x "
                          f"(target ≤ 1.3x: {holds})"))  # fmt: skip
    finally:
        for vault in vaults.values():
            vault.lock()


_VOCABULARY = corpus._vocabulary(random.Random(3))


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(_VOCABULARY) for _ in range(count))


def _typed(rng: random.Random, body: str, cursor: int) -> tuple[str, int]:
    """One autosave's worth of typing at ``cursor``: a few words, now and then a word
    deleted or the cursor moved elsewhere."""
    roll = rng.random()
    if roll < 0.05:
        return body, rng.randrange(len(body) + 1)
    if roll < 0.15 and cursor > 10:
        start = body.rfind(" ", 0, cursor - 1) + 1
        return body[:start] + body[cursor:], start
    added = " " + _words(rng, rng.randint(1, 3))
    return body[:cursor] + added + body[cursor:], cursor + len(added)


def _used_bytes(vault: Vault) -> int:
    vault.db.checkpoint()
    pages = vault.db.pragma_value("page_count") - vault.db.pragma_value("freelist_count")
    return int(pages) * int(vault.db.pragma_value("page_size"))


def _growth(work: Path, sizes: Sizes, facts: list[tuple[str, str]]) -> None:
    rng = random.Random(2026)
    clock = Clock()
    vaults = {keep: _vault(work / f"growth-{keep}", keep) for keep in ("30", "off")}
    try:
        drafts = [NewNote(title=f"Case {n}", body=_words(rng, rng.randint(300, 1200)),
                          uuid=str(uuid_module.UUID(int=rng.getrandbits(128), version=4)))
                  for n in range(sizes.model_notes)]  # fmt: skip
        uuids = [str(draft.uuid) for draft in drafts]
        stores = {keep: NoteStore(vault.db, clock=clock) for keep, vault in vaults.items()}
        for store in stores.values():
            store.create_many(drafts)
        start = {keep: _used_bytes(vault) for keep, vault in vaults.items()}
        saves = 0
        started = time.perf_counter()
        in_hand: list[str] = []
        for day in range(sizes.days):
            if day % 7 == 0:
                in_hand = rng.sample(uuids, 5)
            for session in range(sizes.sessions):
                clock.now = datetime(2026, 3, 2, 9, tzinfo=UTC) + timedelta(
                    days=day, hours=3 * session
                )
                uuid = rng.choice(in_hand)
                body = vaults["off"].notes.get(uuid).body
                cursor = rng.randrange(len(body) + 1)
                for _ in range(rng.randint(*sizes.minutes) * 60 // sizes.step):
                    for _ in range(sizes.typing):
                        body, cursor = _typed(rng, body, cursor)
                    clock.now += timedelta(seconds=sizes.step)
                    for store in stores.values():
                        store.update(uuid, body=body)
                    saves += 1
        elapsed = time.perf_counter() - started
        end = {keep: _used_bytes(vault) for keep, vault in vaults.items()}
        added = end["30"] - end["off"]
        holds = "yes" if added <= 0.3 * end["off"] else "**no**"
        db = vaults["30"].db
        count, stored, characters = db.row(
            "SELECT count(*), coalesce(sum(length(content)), 0), coalesce(sum(size), 0) "
            "FROM note_revisions"
        )
        alone = _compressed_alone(vaults["30"])
        facts += [
            ("history model", f"{sizes.model_notes:,} notes of 2-8 KB, {sizes.days} days, "
             f"{sizes.sessions} sessions a day, {saves:,} saves of {sizes.typing} autosaves' "
             f"typing each ({elapsed:.0f} s for both vaults)"),
            ("database before the month", f"{start['off'] / 1e6:.1f} MB"),
            ("database after, history off / on", f"{end['off'] / 1e6:.2f} / "
             f"{end['30'] / 1e6:.2f} MB"),
            ("added by history", f"{added / 1e6:.2f} MB = {100 * added / end['off']:.1f} % "
             f"(target ≤ 30 %: {holds})"),
            ("revisions kept", f"{count:,}, {characters / 1e6:.2f} M characters of body "
             f"stored in {stored / 1e3:.0f} KB ({stored / max(1, characters):.3f} bytes "
             "a character)"),
            ("the same revisions each compressed alone", f"{alone / 1e3:.0f} KB "
             f"({alone / max(1, stored):.1f}x the delta chain)"),
        ]  # fmt: skip
    finally:
        for vault in vaults.values():
            vault.lock()


def _compressed_alone(vault: Vault) -> int:
    """What the kept revisions would take compressed one by one (no dictionary)."""
    history = HistoryStore(vault.db)
    total = 0
    for (uuid,) in vault.db.rows(
        "SELECT DISTINCT n.uuid FROM note_revisions r JOIN notes n ON n.id = r.note_id"
    ):
        for revision in history.revisions(uuid):
            body = history.text(uuid, revision.number)[1]
            data = compress(body, None)
            assert decompress(data, None) == body
            total += len(data)
    return total


def run_history_benchmarks(*, quick: bool) -> tuple[list[Row], list[tuple[str, str]]]:
    sizes = QUICK if quick else FULL
    work = Path(mkdtemp(prefix="hushnote-bench-"))
    rows: list[Row] = []
    facts: list[tuple[str, str]] = []
    try:
        _latency(work, sizes, rows, facts)
        _growth(work, sizes, facts)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return rows, facts


if __name__ == "__main__":
    import sys

    from bench.report import print_facts, print_table

    table, figures = run_history_benchmarks(quick="--quick" in sys.argv)
    print_table(table)
    print()
    print_facts(figures)
