"""Shared notebooks at 10,000 notes: applying, idle passes, a saved edit, joining.

Two real vaults (the test-grade KDF, as the other benchmarks) share a plain folder on
the local disk. Two shapes of folder are measured:

- *bulk*: 10,000 notes written at once and published in one pass, so a few large
  files (up to 8 MiB of changes each) hold them, as after sharing an existing notebook;
- *trickle*: 10,000 files of one note change each, as after weeks of editing with a
  pass after every save. The files are made by the core's own publishing code, told to
  put one change in each file (``publishing._BATCH_BYTES``), which is what a pass after
  every single save produces, without 10,000 separate saves.

Baselines: a bundle import of the same notes (``Vault.import_bundle``) for applying and
joining, listing the folder for an idle pass, and the plain ``NoteStore.update`` for a
saved edit.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from tempfile import mkdtemp

from bench import corpus
from bench.report import Row
from hushnote.core import KdfParams, Vault
from hushnote.core.sync import compaction, publishing, spaces

PASSPHRASE = "benchmark passphrase"
ROOT = Path(__file__).resolve().parents[1]
PARAMS = KdfParams(64 * 1024, 2, 2)  # unlocking is measured elsewhere; not here


def _probe(vault: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'desktop'}"}
    result = subprocess.run(
        [sys.executable, "-m", "bench.sync_probe", str(vault)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    values: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return values


def _folder_bytes(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def _shared_notes(count: int, notebook: str, seed: int) -> list[corpus.NewNote]:
    return [dataclasses.replace(n, notebook=notebook) for n in corpus.notes(count, seed=seed)]


def _data_bytes(notes: list[corpus.NewNote]) -> int:
    return sum(len(n.title.encode()) + len(n.body.encode()) for n in notes)


def _member(work: Path, admin: Vault, notebook: str, folder: Path, name: str) -> Path:
    """A fresh vault invited to and joined into ``notebook``'s space, not yet synced."""
    path = work / name
    with Vault.create(path, PASSPHRASE, kdf=PARAMS) as member:
        invitation = work / f"{name}.invite"
        admin.spaces.invite(notebook, member.age_recipient(), invitation, label=name)
        member.spaces.join(invitation, folder)
    return path


def _verdict(value: float, target: float, unit: str = "ms") -> str:
    holds = "yes" if value <= target else "**no**"
    shown = f"{value:.2f}" if unit == "s" else f"{value:,.0f}"
    return f"{shown} {unit} (target ≤ {target:,} {unit}: {holds})"


def run_sync_benchmarks(
    *, quick: bool, notes: int | None = None
) -> tuple[list[Row], list[tuple[str, str]]]:
    notes = notes or (200 if quick else 10_000)
    repeats = 2 if quick else 3
    work = Path(mkdtemp(prefix="hushnote-bench-", dir=os.environ.get("HUSHNOTE_BENCH_DIR")))
    rows: list[Row] = []
    facts: list[tuple[str, str]] = []
    compact_files, compact_slack = compaction._COMPACT_FILES, compaction._COMPACT_SLACK
    try:
        folder = work / "folder"
        folder.mkdir()
        bulk = _shared_notes(notes, "Bulk", seed=7)
        trickle = _shared_notes(notes, "Trickle", seed=8)
        admin_path = work / "admin"
        with Vault.create(admin_path, PASSPHRASE, kdf=PARAMS) as admin:
            admin.notes.create_many(bulk)
            admin.spaces.create("Bulk", folder, label="admin")
            start = time.perf_counter()
            admin.spaces.sync()
            facts.append(
                (
                    f"first pass publishing {notes:,} notes (admin)",
                    f"{(time.perf_counter() - start):.1f} s",
                )
            )
            bulk_files, bulk_size = _folder_bytes(folder)

            # Baseline: the same notes through a bundle, exported once, imported fresh.
            source = work / "source"
            with Vault.create(source, PASSPHRASE, kdf=PARAMS) as plain:
                plain.notes.create_many(bulk)
                recipient_vaults = [work / f"bundle{n}" for n in range(repeats)]
                imports: list[float] = []
                for target in recipient_vaults:
                    with Vault.create(target, PASSPHRASE, kdf=PARAMS) as fresh:
                        bundle = target.with_suffix(".hnb")
                        plain.export_bundle(bundle, recipients=[fresh.age_recipient()])
                        start = time.perf_counter()
                        fresh.import_bundle(bundle)
                        imports.append(time.perf_counter() - start)
                    shutil.rmtree(target)

            # Joining and applying, in this process: join + first pass, and the pass alone.
            joins: list[float] = []
            applies: list[float] = []
            for n in range(repeats):
                path = work / f"joiner{n}"
                with Vault.create(path, PASSPHRASE, kdf=PARAMS) as member:
                    invitation = work / f"joiner{n}.invite"
                    admin.spaces.invite("Bulk", member.age_recipient(), invitation)
                    start = time.perf_counter()
                    member.spaces.join(invitation, folder)
                    joined = time.perf_counter()
                    (report,) = member.spaces.sync()
                    done = time.perf_counter()
                    if report.changed_notes < notes or report.refused or report.problem:
                        raise AssertionError(f"the joining vault did not apply it all: {report}")
                    joins.append(done - start)
                    applies.append(done - joined)
                shutil.rmtree(path)
            rows.append(
                Row(
                    f"apply {notes:,} incoming changes (bulk: {bulk_files} files)",
                    applies,
                    "bundle import of the same notes",
                    imports,
                )
            )
            rows.append(
                Row(
                    f"join a space of {notes:,} notes + first pass",
                    joins,
                    "bundle import of the same notes",
                    imports,
                )
            )
            facts.append(
                (f"apply {notes:,} changes (bulk)", _verdict(statistics.median(applies), 5, "s"))
            )
            ratio = statistics.median(joins) / statistics.median(imports)
            facts.append(
                (
                    "join + first pass / bundle import",
                    f"{ratio:.2f}x (target ≤ 2x: {'yes' if ratio <= 2 else '**no**'})",
                )
            )

            # Memory: the same pass in a child process, high-water mark reset after unlock.
            probe = _probe(_member(work, admin, "Bulk", folder, "probe"))
            if probe["changed"] < notes:
                raise AssertionError(f"the probe applied {probe['changed']} of {notes}")
            facts.append(
                (
                    f"peak RSS of a pass applying {notes:,} changes (bulk)",
                    f"{probe['peak_mb'] - probe['before_mb']:.0f} MB above the "
                    f"{probe['before_mb']:.0f} MB before it; "
                    + _verdict(probe["peak_mb"] - probe["before_mb"], 150, "MB"),
                )
            )
            data = _data_bytes(bulk)
            facts.append(
                (
                    "folder / data, bulk",
                    f"{bulk_size / data:.2f}x ({bulk_size / 1e6:.1f} MB in {bulk_files} "
                    f"files for {data / 1e6:.1f} MB of titles and bodies)",
                )
            )

            # The trickle folder: one change per file, kept as it is (no snapshot) for the
            # idle-pass and saved-edit figures; compacted at the end.
            compact_files, compact_slack = compaction._COMPACT_FILES, compaction._COMPACT_SLACK
            compaction._COMPACT_FILES = compaction._COMPACT_SLACK = 1 << 62
            spaces._COMPACT_BEFORE_INVITE = False
            admin.notes.create_many(trickle)
            admin.spaces.create("Trickle", folder, label="admin")
            saved = publishing._BATCH_BYTES
            publishing._BATCH_BYTES = 1  # one change per file, as a pass after every save
            try:
                start = time.perf_counter()
                (report,) = admin.spaces.sync(only=_space_id(admin, "Trickle"))
                made = time.perf_counter() - start
            finally:
                publishing._BATCH_BYTES = saved
            if report.published_files < notes:
                raise AssertionError(f"{report.published_files} files for {notes} notes")
            facts.append(
                (f"making the trickle folder ({notes:,} one-change files)", f"{made:.1f} s")
            )
            trickle_id = _space_id(admin, "Trickle")
            trickle_files, trickle_size = _folder_bytes(folder / trickle_id)
            data = _data_bytes(trickle)
            facts.append(
                (
                    "folder / data, trickle",
                    f"{trickle_size / data:.2f}x ({trickle_size / 1e6:.1f} MB in "
                    f"{trickle_files:,} files for {data / 1e6:.1f} MB)",
                )
            )

            reader = work / "reader"
            with Vault.create(reader, PASSPHRASE, kdf=PARAMS) as member:
                invitation = work / "reader.invite"
                admin.spaces.invite("Trickle", member.age_recipient(), invitation)
                member.spaces.join(invitation, folder)
                start = time.perf_counter()
                (report,) = member.spaces.sync(only=trickle_id)
                seconds = time.perf_counter() - start
                if report.changed_notes < notes or report.refused or report.problem:
                    raise AssertionError(f"the reader did not apply it all: {report}")
                facts.append((f"apply {notes:,} changes, one per file", _verdict(seconds, 5, "s")))

                member_dir = next(
                    d for d in (folder / trickle_id).iterdir() if len(os.listdir(d)) >= notes
                )

                def idle() -> None:
                    (idle_report,) = member.spaces.sync(only=trickle_id)
                    if idle_report.applied_files or idle_report.published_files:
                        raise AssertionError(f"an idle pass did work: {idle_report}")

                def listing() -> None:
                    with os.scandir(member_dir) as entries:
                        sorted(entry.name for entry in entries)

                idle_rows = _alternate(idle, listing, repeats * 3)
                rows.append(
                    Row(
                        f"idle pass, folder of {trickle_files:,} files (joined member)",
                        idle_rows[0],
                        "listing the writer's folder once",
                        idle_rows[1],
                    )
                )
                facts.append(
                    (
                        "idle pass (joined member)",
                        _verdict(statistics.median(idle_rows[0]) * 1000, 200),
                    )
                )

            # A saved edit reaching the folder, on the writer of the 10,000 files.
            own = folder / trickle_id / _device(admin, trickle_id)
            uuids = _uuids(admin, "Trickle", repeats * 3)
            saves: list[float] = []
            plain_saves: list[float] = []
            for index, uuid in enumerate(uuids):
                before = len(os.listdir(own))
                start = time.perf_counter()
                admin.notes.update(uuid, body=f"an edited body, number {index}")
                admin.spaces.sync(only=trickle_id)
                saves.append(time.perf_counter() - start)
                if len(os.listdir(own)) != before + 1:
                    raise AssertionError("the saved edit did not reach the folder")
                start = time.perf_counter()
                admin.notes.update(uuid, title=f"a plain save, number {index}")
                plain_saves.append(time.perf_counter() - start)
            admin.spaces.sync(only=trickle_id)
            rows.append(
                Row(
                    f"saved edit to a file in the folder ({notes:,} files there)",
                    saves,
                    "NoteStore.update alone",
                    plain_saves,
                )
            )
            facts.append(
                ("saved edit to the folder", _verdict(statistics.median(saves) * 1000, 1000))
            )
            idle_admin = _alternate(
                lambda: admin.spaces.sync(only=trickle_id), lambda: None, repeats * 3
            )[0]
            facts.append(
                (
                    "idle pass (the writer of those files)",
                    _verdict(statistics.median(idle_admin) * 1000, 200),
                )
            )

            # Compaction: the admin's next pass restates the space in one snapshot and
            # deletes its own files; the folder is measured against the notes' text.
            compaction._COMPACT_FILES, compaction._COMPACT_SLACK = compact_files, compact_slack
            spaces._COMPACT_BEFORE_INVITE = True
            start = time.perf_counter()
            admin.spaces.sync(only=trickle_id)
            compacted = time.perf_counter() - start
            files_after, size_after = _folder_bytes(folder / trickle_id)
            data = _data_bytes(trickle)
            facts.append(
                (
                    "folder / data after compaction",
                    f"{size_after / data:.2f}x ({size_after / 1e6:.1f} MB in {files_after} "
                    f"files, from {trickle_files:,}; the pass took {compacted:.1f} s; "
                    f"target ≤ 2x: {'yes' if size_after <= 2 * data else '**no**'})",
                )
            )
    finally:
        compaction._COMPACT_FILES, compaction._COMPACT_SLACK = compact_files, compact_slack
        spaces._COMPACT_BEFORE_INVITE = True
        shutil.rmtree(work, ignore_errors=True)
    return rows, facts


def _alternate(
    first: Callable[[], object], second: Callable[[], object], repeats: int
) -> tuple[list[float], list[float]]:
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeats):
        for function, samples in ((first, a), (second, b)):
            start = time.perf_counter()
            function()
            samples.append(time.perf_counter() - start)
    return a, b


def _space_id(vault: Vault, notebook: str) -> str:
    with vault.db.transaction() as connection:
        row = connection.execute(
            "SELECT s.id FROM spaces s JOIN notebooks nb ON nb.id = s.notebook_id "
            "WHERE nb.name = ?",
            (notebook,),
        ).fetchone()
    return str(row[0])


def _device(vault: Vault, space: str) -> str:
    with vault.db.transaction() as connection:
        row = connection.execute("SELECT device FROM spaces WHERE id = ?", (space,)).fetchone()
    return str(row[0])


def _uuids(vault: Vault, notebook: str, count: int) -> list[str]:
    with vault.db.transaction() as connection:
        rows = connection.execute(
            "SELECT n.uuid FROM notes n JOIN notebooks nb ON nb.id = n.notebook_id "
            "WHERE nb.name = ? ORDER BY n.id LIMIT ?",
            (notebook, count),
        ).fetchall()
    return [str(row[0]) for row in rows]
