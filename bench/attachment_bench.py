"""Attachments: attaching and exporting a large file, the memory it takes, and the wipe.

Baselines, in the same run:

- attaching: ``cp`` of the same file plus ``sync`` of the copy (what any careful copy
  into a folder costs); exporting: the same;
- the wipe: the same vault's wipe with no attachments (the keys are destroyed in the
  same way; only unlinking the files is added);
- a note's save and a search with attachments present against the same vault before
  they were added (they never touch the attachment files).

Peak memory is measured in a child process: its high-water mark is reset after the
unlock (``/proc/self/clear_refs``), so Argon2id's memory is not counted.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from tempfile import mkdtemp

from bench import corpus
from bench.report import Row, paired, timed
from hushnote.core import KdfParams, Vault
from hushnote.core.vault.wipe import wipe

PASSPHRASE = "benchmark passphrase"
MIB = 1 << 20
ROOT = Path(__file__).resolve().parents[1]
FAST = KdfParams(64 * 1024, 2, 2)  # the KDF is not what is measured here

PROBE = r"""
import json, os, sys
from pathlib import Path
from hushnote.core import Vault

def rss(field):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1]) * 1024
    raise SystemExit(field)

root, passphrase, source, out = sys.argv[1:5]
with Vault.unlock(Path(root), passphrase) as vault:
    note = vault.notes.create(title="probe", body="").uuid
    with open("/proc/self/clear_refs", "w") as handle:
        handle.write("5")
    before = rss("VmRSS")
    attachment = vault.attachments.add(note, Path(source)).attachment
    attach_peak = rss("VmHWM") - before
    with open("/proc/self/clear_refs", "w") as handle:
        handle.write("5")
    before = rss("VmRSS")
    vault.attachments.export(attachment.uuid, Path(out))
    export_peak = rss("VmHWM") - before
print(json.dumps({"attach": attach_peak, "export": export_peak}))
"""


def _big_file(path: Path, mib: int) -> None:
    block = os.urandom(MIB)
    with path.open("wb") as handle:
        for _ in range(mib):
            handle.write(block)


def _cp_and_sync(source: Path, target: Path) -> None:
    target.unlink(missing_ok=True)
    subprocess.run(["cp", str(source), str(target)], check=True)
    subprocess.run(["sync", str(target)], check=True)


def _wait_for_overwrites() -> None:
    for thread in threading.enumerate():
        if thread.name == "overwrite":
            thread.join()


def _daily_use(vault: Vault, repeats: int) -> dict[str, list[float]]:
    """Seconds for the three things done all day: the first page of the note list, a
    search, and saving a note."""
    note = vault.notes.summaries(limit=1)[0].uuid
    edits = iter(range(10**6))
    return {
        "note list, first 100": timed(lambda: vault.notes.summaries(limit=100), repeats),
        "search: a common word": timed(lambda: vault.searcher.search("hearing"), repeats),
        "single note save": timed(
            lambda: vault.notes.update(note, body=f"edited {next(edits)} " + "word " * 150),
            repeats,
        ),
    }


def run_attachment_benchmarks(*, quick: bool) -> tuple[list[Row], list[tuple[str, str]]]:
    big_mib = 16 if quick else 1024
    total_mib = 64 if quick else 5 * 1024
    notes_count = 500 if quick else 20_000
    repeats = 3 if quick else 5
    work = Path(mkdtemp(prefix="hushnote-bench-"))
    rows: list[Row] = []
    facts: list[tuple[str, str]] = []
    try:
        source = work / "source.bin"
        _big_file(source, big_mib)
        root = work / "vault"
        Vault.create(root, PASSPHRASE, kdf=FAST).lock()
        with Vault.unlock(root, PASSPHRASE) as vault:
            note = vault.notes.create(title="bench", body="word " * 200).uuid
            added: list[str] = []

            def attach() -> None:
                added.append(vault.attachments.add(note, source).attachment.uuid)

            def drop_last() -> None:
                while added:
                    vault.attachments.remove(added.pop())

            measured: list[float] = []
            base: list[float] = []
            for _ in range(repeats):
                measured += timed(attach, 1)
                drop_last()
                base += timed(lambda: _cp_and_sync(source, work / "copy.bin"), 1)
            rows.append(Row(f"attach a {big_mib} MiB file", measured,
                            "cp + sync of the same file", base))  # fmt: skip
            kept = vault.attachments.add(note, source).attachment.uuid
            out = work / "out.bin"

            def export() -> None:
                out.unlink(missing_ok=True)
                vault.attachments.export(kept, out)

            rows.append(paired(f"export a {big_mib} MiB file", export,
                               "cp + sync of the same file",
                               lambda: _cp_and_sync(source, work / "copy.bin"),
                               repeats))  # fmt: skip

        probe = subprocess.run(
            [sys.executable, "-c", PROBE, str(root), PASSPHRASE, str(source), str(work / "p.bin")],
            capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "desktop"), str(ROOT)])},
        )  # fmt: skip
        peaks = json.loads(probe.stdout)
        facts.append((f"peak RSS added attaching {big_mib} MiB", f"{peaks['attach'] / MIB:.1f} MB"))
        facts.append((f"peak RSS added exporting {big_mib} MiB", f"{peaks['export'] / MIB:.1f} MB"))

        # The same notes before and after ``total_mib`` of attachments: listing, search
        # and a save never touch the files, so they should not move.
        bare = work / "bare"
        Vault.create(bare, PASSPHRASE, kdf=FAST).lock()
        heavy = work / "heavy"
        Vault.create(heavy, PASSPHRASE, kdf=FAST).lock()
        with Vault.unlock(heavy, PASSPHRASE) as vault:
            vault.notes.create_many(corpus.notes(notes_count))
            vault.db.checkpoint()
            before = _daily_use(vault, repeats * 4)
            targets = vault.notes.summaries(limit=max(1, total_mib // big_mib))
            for note in targets:
                vault.attachments.add(note.uuid, source)
            after = _daily_use(vault, repeats * 4)
        for label in before:
            rows.append(Row(f"{label}, {notes_count:,} notes + {total_mib} MiB of attachments",
                            after[label], "same vault before the attachments",
                            before[label]))  # fmt: skip
        erased, unlinked, bare_erased, bare_unlinked = [], [], [], []
        for n in range(3):  # each copy of the heavy vault is total_mib to write
            copy = work / f"heavy{n}"
            shutil.copytree(heavy, copy)
            report = wipe(copy, overwrite=True)
            erased.append(report.erased_at)
            unlinked.append(report.unlinked_at)
            copy = work / f"bare{n}"
            shutil.copytree(bare, copy)
            report = wipe(copy, overwrite=True)
            bare_erased.append(report.erased_at)
            bare_unlinked.append(report.unlinked_at)
            _wait_for_overwrites()
        rows.append(Row(f"wipe, {total_mib} MiB of attachments: keys destroyed", erased,
                        "same, no attachments", bare_erased))  # fmt: skip
        rows.append(Row(f"wipe, {total_mib} MiB of attachments: every file unlinked", unlinked,
                        "same, no attachments", bare_unlinked))  # fmt: skip
    finally:
        _wait_for_overwrites()
        shutil.rmtree(work, ignore_errors=True)
    return rows, facts
