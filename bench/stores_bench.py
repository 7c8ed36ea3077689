"""Notes, contacts and search at a real size: the encrypted vault against the same engine
without a key, on the identical schema, in the same run.

The baseline opens ``sqlcipher3`` with no key (SQLCipher then stores plaintext pages) and
applies the same settings and migrations, so every ratio isolates the cost of encryption.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from tempfile import mkdtemp

from sqlcipher3 import dbapi2 as sqlcipher

from bench import corpus
from bench.report import Row, paired
from hushnote.core import ContactStore, KdfParams, NoteStore, Searcher, Vault, calibrate
from hushnote.core.store.database import Database
from hushnote.core.store.schema import migrate

PASSPHRASE = "benchmark passphrase"
SEARCHES = {
    "search: a common word": corpus.COMMON,
    "search: a word in nearly every note": corpus.EVERYWHERE,
    "search: a rare word": corpus.RARE,
    "search: two words": f"{corpus.COMMON} {corpus.EVERYWHERE}",
    "search: a phrase": '"the hearing"',
    "search: a prefix": f"{corpus.PREFIX}*",
    "search: a Chinese word": corpus.CHINESE,
    "search: a contact name": "Okafor",
}


@dataclass
class Sizes:
    notes: int
    contacts: int
    searches: int
    saves: int


FULL = Sizes(notes=100_000, contacts=20_000, searches=30, saves=200)
QUICK = Sizes(notes=2_000, contacts=400, searches=5, saves=20)


def open_plain(path: Path) -> Database:
    """The baseline: the same engine and settings, no key."""
    connection = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
    for pragma in (
        "temp_store = MEMORY",
        "secure_delete = ON",
        "journal_mode = WAL",
        "synchronous = FULL",
        "foreign_keys = ON",
    ):
        connection.execute(f"PRAGMA {pragma}").fetchall()
    return Database(path, connection)


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def run_stores_benchmarks(*, quick: bool) -> tuple[list[Row], list[tuple[str, str]]]:
    sizes = QUICK if quick else FULL
    params = KdfParams(64 * 1024, 2, 2) if quick else calibrate()
    work = Path(mkdtemp(prefix="hushnote-bench-"))
    rows: list[Row] = []
    facts: list[tuple[str, str]] = []
    try:
        vault_root = work / "vault"
        Vault.create(vault_root, PASSPHRASE, kdf=params).lock()
        plain_path = work / "plain.db"
        plain_path.touch()

        vault = Vault.unlock(vault_root, PASSPHRASE)
        plain = open_plain(plain_path)
        migrate(plain)
        databases = {"vault": vault.db, "plain": plain}

        # Bulk import: the same notes and contacts into each, timed separately.
        import_times = {}
        for name, db in databases.items():
            start = time.perf_counter()
            NoteStore(db).create_many(corpus.notes(sizes.notes))
            ContactStore(db).import_contacts(corpus.contacts(sizes.contacts))
            db.checkpoint()
            import_times[name] = [time.perf_counter() - start]
        rows.append(
            Row(
                f"bulk import ({sizes.notes:,} notes, {sizes.contacts:,} contacts)",
                import_times["vault"],
                "unkeyed sqlcipher3",
                import_times["plain"],
            )
        )

        # One save: a changed body, committed (fsync included).
        targets = {
            name: NoteStore(db).summaries(limit=sizes.saves) for name, db in databases.items()
        }
        counters = {"vault": 0, "plain": 0}

        def save(name: str) -> None:
            store = NoteStore(databases[name])
            note = targets[name][counters[name] % len(targets[name])]
            counters[name] += 1
            store.update(note.uuid, body=f"edited {counters[name]} " + "word " * 150)

        saves = paired(
            "single note save",
            lambda: save("vault"),
            "unkeyed sqlcipher3",
            lambda: save("plain"),
            sizes.saves,
        )
        rows.append(saves)
        facts.append(
            (
                "single note save p95",
                f"{percentile(saves.measured, 0.95) * 1000:.1f} ms "
                f"(baseline {percentile(saves.baseline, 0.95) * 1000:.1f} ms)",
            )
        )

        searchers = {name: Searcher(db) for name, db in databases.items()}
        for label, text in SEARCHES.items():
            row = paired(
                label,
                lambda t=text: searchers["vault"].search(t),
                "unkeyed sqlcipher3",
                lambda t=text: searchers["plain"].search(t),
                sizes.searches,
            )
            hits = len(searchers["vault"].search(text))
            assert hits, f"{label}: no hits, the corpus is wrong"
            rows.append(row)
            facts.append(
                (
                    f"{label} p95",
                    f"{percentile(row.measured, 0.95) * 1000:.1f} ms "
                    f"(baseline {percentile(row.baseline, 0.95) * 1000:.1f} ms)",
                )
            )

        vault.lock()
        plain.close()
        vault_bytes = (vault_root / "vault.db").stat().st_size
        plain_bytes = plain_path.stat().st_size
        rows.append(
            Row("database size", [vault_bytes / 1e6], "unkeyed", [plain_bytes / 1e6], unit="MB")
        )
        facts.append(
            ("database size", f"{vault_bytes / 1e6:.1f} MB (baseline {plain_bytes / 1e6:.1f} MB)")
        )

        cold = [_cold_start(vault_root, "vault") for _ in range(3)]
        cold_plain = [_cold_start(plain_path, "plain") for _ in range(3)]
        rows.append(
            Row(
                "cold start to first search (new process, KDF included)",
                [c["seconds"] for c in cold],
                "unkeyed, new process",
                [c["seconds"] for c in cold_plain],
            )
        )
        rows.append(
            paired(
                "unlock (KDF included)",
                lambda: Vault.unlock(vault_root, PASSPHRASE).lock(),
                "open unkeyed",
                lambda: open_plain(plain_path).close(),
                3,
            )
        )
        facts.append(
            (
                "peak RSS, whole process (Argon2id buffer included)",
                f"{statistics.median(c['peak_mb'] for c in cold):.0f} MB",
            )
        )
        facts.append(
            (
                "peak RSS after unlock, searching",
                f"{statistics.median(c['open_peak_mb'] for c in cold):.0f} MB "
                f"(baseline {statistics.median(c['open_peak_mb'] for c in cold_plain):.0f} MB)",
            )
        )
        facts.append(
            (
                "KDF",
                f"Argon2id {params.memory_mib} MiB, t={params.iterations}, p={params.parallelism}",
            )
        )
    finally:
        shutil.rmtree(work)
    return rows, facts


_COLD = r"""
import json, sys, time, resource
start = float(sys.argv[3])
from pathlib import Path
from hushnote.core import Searcher, Vault
if sys.argv[2] == "vault":
    vault = Vault.unlock(Path(sys.argv[1]), "benchmark passphrase")
    db = vault.db
else:
    from bench.stores_bench import open_plain
    db = open_plain(Path(sys.argv[1]))
# Reset the high-water mark so the second figure excludes Argon2id's buffer.
Path("/proc/self/clear_refs").write_text("5")
Searcher(db).search("hearing")
seconds = time.time() - start
for word in ("the", "quixotry", "律师", "prehar*", "Okafor"):
    Searcher(db).search(word)
status = Path("/proc/self/status").read_text()
open_peak = int(next(l for l in status.splitlines() if l.startswith("VmHWM")).split()[1])
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_mb": peak / 1024, "open_peak_mb": open_peak / 1024}))
"""


def _cold_start(path: Path, kind: str) -> dict[str, float]:
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "-c", _COLD, str(path), kind, repr(time.time())],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    values: dict[str, float] = json.loads(result.stdout)
    return values
