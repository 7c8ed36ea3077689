"""How a pass scales: applying 10,000 incoming changes, and a pass with nothing new over
a folder of 10,000 files. Timings are printed (``-s``) and bounded only loosely, so a
slow machine does not fail; docs/sync-format.md gives the figures measured.

``HUSHNOTE_SYNC_SCALE`` sets the number of changes and files and runs it (a long proof,
off by default: ``tests/test_bench_sync_quick.py`` runs the benchmark's quick mode, and
docs/benchmarks.md gives the figures at 10,000)."""

from __future__ import annotations

import hashlib
import os
import time
import uuid
from pathlib import Path

import pytest

from hushnote.core import KdfParams, NewNote
from hushnote.core.sync.batch import Batch, NoteOp, encode_batch
from hushnote.core.sync.change_file import file_name, seal_file
from hushnote.core.sync.hlc import Stamp
from support.sync_vaults import BOOK, settle, shared_vaults

COUNT = int(os.environ.get("HUSHNOTE_SYNC_SCALE") or 0)


def _timed(label: str, work):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = work()
    elapsed = time.perf_counter() - start
    print(f"{label}: {elapsed:.2f} s")
    return result, elapsed


@pytest.mark.slow
@pytest.mark.skipif(
    not COUNT, reason="a long proof: set HUSHNOTE_SYNC_SCALE (the benchmark's quick mode runs)"
)
def test_applying_many_changes_and_an_idle_pass_over_many_files(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    with shared_vaults(tmp_path, fast_kdf_params, 2) as ((a, b), folder):
        b.notes.create_many(
            NewNote(title=f"note {n}", body=f"body of note {n}\n", notebook=BOOK)
            for n in range(COUNT)
        )
        (published,), _ = _timed(f"publish {COUNT} new notes", b.spaces.sync)
        assert published.published_changes == COUNT
        (applied,), elapsed = _timed(f"apply {COUNT} changes", a.spaces.sync)
        assert applied.changed_notes == COUNT and applied.refused == []
        assert elapsed < 600

        # COUNT files from b, one title change each, chained as b's engine would.
        space, device, signing, next_seq, last_hash = b.db.row(
            "SELECT id, device, signing_key, next_seq, last_hash FROM spaces"
        )
        epoch, key = b.db.row("SELECT epoch, key FROM space_keys ORDER BY epoch DESC")
        uuids = [row[0] for row in b.db.rows("SELECT uuid FROM notes LIMIT ?", (COUNT,))]
        prev, wall = bytes(last_hash), int(time.time() * 1000) + 60_000
        start = time.perf_counter()
        for n in range(COUNT):
            seq = next_seq + n
            op = NoteOp(uuids[n % len(uuids)], {"title": (Stamp(wall + n, 0, device), f"t{n}")})
            data = seal_file(
                encode_batch(Batch(prev, {}, [op])),
                space=space, device=device, seq=seq, epoch=epoch, key=bytes(key),
                signing_key=bytes(signing),
            )  # fmt: skip
            (folder / space / device / file_name(seq)).write_bytes(data)
            prev = hashlib.sha256(data).digest()
        print(f"write {COUNT} files: {time.perf_counter() - start:.2f} s")
        (report,), elapsed = _timed(f"apply {COUNT} files", a.spaces.sync)
        assert report.applied_files == COUNT and report.refused == []
        assert elapsed < 600
        files = sum(1 for p in folder.rglob("*") if p.is_file())
        assert files > COUNT
        (idle,), elapsed = _timed(f"idle pass over {files} files", a.spaces.sync)
        assert idle.applied_files == 0 and idle.published_files == 0
        assert elapsed < 120
        assert str(uuid.UUID(uuids[0])) == uuids[0]
        settle([a])
