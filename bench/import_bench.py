"""Importing another app's export: 10,000 Markdown notes against a bundle of the same notes.

Both go into a fresh vault, one transaction each, timed from the files on disk to the
commit: the Markdown import reads the folder (front matter, tags, titles), derives each
note's uuid and merges through the bundle merge (``vault.importers``); the baseline opens
an encrypted bundle of the same notes and merges it (``vault.import_bundle``). The ratio
says what reading Markdown and the import's own checks add to the merge they share;
the target is at most 1.5x (docs/benchmarks.md).
"""

from __future__ import annotations

import shutil
import statistics
import time
from pathlib import Path
from tempfile import mkdtemp

from bench import corpus
from bench.report import Row
from hushnote.core import KdfParams, NewNote, Vault

PASSPHRASE = "benchmark passphrase"
PARAMS = KdfParams(64 * 1024, 2, 2)  # unlocking is measured elsewhere


def _write_folder(folder: Path, notes: list[NewNote]) -> None:
    """One file per note, in its notebook's folder, with its tags in front matter."""
    for number, note in enumerate(notes):
        where = folder / note.notebook if note.notebook else folder
        where.mkdir(parents=True, exist_ok=True)
        tags = ", ".join(note.tags)
        text = f"---\ntitle: {note.title}\ntags: [{tags}]\n---\n{note.body}\n"
        (where / f"note {number:05}.md").write_text(text, encoding="utf-8")


def _markdown_import(folder: Path, target: Path) -> float:
    with Vault.create(target, PASSPHRASE, kdf=PARAMS) as vault:
        start = time.perf_counter()
        importer = vault.importers
        with importer.read("markdown", [folder]) as source:
            report = importer.run(source)
        seconds = time.perf_counter() - start
        assert report.added == len(source.notes)
    return seconds


def _bundle_import(source_vault: Path, work: Path, target: Path) -> float:
    with Vault.create(target, PASSPHRASE, kdf=PARAMS) as vault:
        own = vault.age_recipient()
        bundle = work / "notes.hnb"
        with Vault.unlock(source_vault, PASSPHRASE) as source:
            source.export_bundle(bundle, recipients=[own])
        start = time.perf_counter()
        vault.import_bundle(bundle)
        seconds = time.perf_counter() - start
    bundle.unlink()
    return seconds


def run_import_benchmarks(*, quick: bool) -> tuple[list[Row], list[tuple[str, str]]]:
    count = 300 if quick else 10_000
    repeats = 2 if quick else 5
    work = Path(mkdtemp(prefix="hushnote-bench-"))
    try:
        notes = list(corpus.notes(count))
        folder = work / "markdown"
        _write_folder(folder, notes)
        source_vault = work / "source"
        with Vault.create(source_vault, PASSPHRASE, kdf=PARAMS) as vault:
            vault.notes.create_many(notes)
        measured: list[float] = []
        baseline: list[float] = []
        for run in range(repeats):  # alternating, so drift hits both alike
            measured.append(_markdown_import(folder, work / f"m{run}"))
            shutil.rmtree(work / f"m{run}")
            baseline.append(_bundle_import(source_vault, work, work / f"b{run}"))
            shutil.rmtree(work / f"b{run}")
        operation = f"Markdown import into a fresh vault ({count:,} notes)"
        rows = [Row(operation, measured, "bundle import of the same notes", baseline)]
        rate = count / statistics.median(measured)
        facts = [("Markdown import throughput", f"{rate:,.0f} notes/s")]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return rows, facts


if __name__ == "__main__":
    import sys

    from bench.report import print_facts, print_table

    table, figures = run_import_benchmarks(quick="--quick" in sys.argv)
    print_table(table)
    print()
    print_facts(figures)
