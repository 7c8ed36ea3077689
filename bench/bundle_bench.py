"""Bundles at 100,000 notes: export and import against raw age encryption and bulk insert.

Baselines: pyrage encrypting the same number of bytes from memory (the floor for any
export), an X25519 export plus one scrypt run (what a passphrase export should cost), and
loading the same corpus through the stores (the floor for any import).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from tempfile import mkdtemp

import pyrage
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from bench import corpus
from bench.report import Row
from hushnote.core import ContactStore, KdfParams, NewNote, NoteStore, Vault

PASSPHRASE = "benchmark passphrase"
ROOT = Path(__file__).resolve().parents[1]


def _probe(*args: str) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "bench.bundle_probe", *args], cwd=ROOT,
                            env=env, capture_output=True, text=True, check=True)  # fmt: skip
    values: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return values


def _raw_encrypt(size: int) -> float:
    data = os.urandom(1 << 20) * max(1, size >> 20)
    recipient = x25519.Identity.generate().to_public()
    start = time.perf_counter()
    pyrage.encrypt_io(io.BytesIO(data), io.BytesIO(), [recipient])
    return time.perf_counter() - start


def _scrypt_once() -> float:
    start = time.perf_counter()
    age_passphrase.encrypt(b"AGE-SECRET-KEY-1", "bundle words")
    return time.perf_counter() - start


def run_bundle_benchmarks(*, quick: bool) -> tuple[list[Row], list[tuple[str, str]]]:
    notes = 2_000 if quick else 100_000
    params = KdfParams(64 * 1024, 2, 2)  # unlocking is measured elsewhere; not here
    repeats = 2 if quick else 3
    work = Path(mkdtemp(prefix="hushnote-bench-"))
    rows: list[Row] = []
    facts: list[tuple[str, str]] = []
    try:
        vault = work / "vault"
        with Vault.create(vault, PASSPHRASE, kdf=params) as opened:
            NoteStore(opened.db).create_many(corpus.notes(notes))
            ContactStore(opened.db).import_contacts(corpus.contacts(notes // 5))
        exports = [_probe("export-x25519", str(vault), str(work / f"x{n}.hnb"))
                   for n in range(repeats)]  # fmt: skip
        size = int(exports[0]["bytes"])
        seconds = [e["seconds"] for e in exports]
        rows.append(Row(f"export, X25519 ({notes:,} notes, {size / 1e6:.0f} MB archive)",
                        seconds, "pyrage encrypting as many bytes",
                        [_raw_encrypt(size) for _ in range(repeats)]))  # fmt: skip
        facts.append(("export throughput", f"{size / 1e6 / statistics.median(seconds):.0f} MB/s"))
        facts.append(
            (
                "export peak RSS (after unlock)",
                f"{statistics.median(e['peak_mb'] for e in exports):.0f} MB",
            )
        )
        phrase = [_probe("export-passphrase", str(vault), str(work / f"p{n}.hnb"))
                  for n in range(repeats)]  # fmt: skip
        scrypt = [_scrypt_once() for _ in range(repeats)]
        rows.append(Row("export, passphrase (key file beside it)", [p["seconds"] for p in phrase],
                        "export, X25519 + one scrypt run",
                        [x + y for x, y in zip(seconds, scrypt, strict=True)]))  # fmt: skip
        facts.append(("one scrypt run (age's work factor)",
                      f"{statistics.median(scrypt) * 1000:.0f} ms"))  # fmt: skip

        imports, loads = [], []
        for n in range(repeats):
            target = work / f"t{n}"
            with Vault.create(target, PASSPHRASE, kdf=params) as fresh:
                start = time.perf_counter()
                NoteStore(fresh.db).create_many(corpus.notes(notes))
                ContactStore(fresh.db).import_contacts(corpus.contacts(notes // 5))
                loads.append(time.perf_counter() - start)
            shutil.rmtree(target)
            with Vault.create(target, PASSPHRASE, kdf=params) as fresh:
                own = fresh.age_recipient()
            with Vault.unlock(vault, PASSPHRASE) as source:
                source.export_bundle(work / "to-target.hnb", recipients=[own])
            imports.append(_probe("import", str(target), str(work / "to-target.hnb")))
            shutil.rmtree(target)
        rows.append(Row(f"import into a fresh vault ({notes:,} notes)",
                        [i["seconds"] for i in imports], "bulk insert of the corpus",
                        loads))  # fmt: skip
        facts.append(
            (
                "import peak RSS (after unlock)",
                f"{statistics.median(i['peak_mb'] for i in imports):.0f} MB",
            )
        )

        big = work / "big"
        big_notes = 20 if quick else 10_000  # ~100 KB each: about 1 GiB in full mode
        with Vault.create(big, PASSPHRASE, kdf=params) as opened:
            opened.notes.create_many(NewNote(title=f"large {n}", body=os.urandom(50_000).hex())
                                     for n in range(big_notes))  # fmt: skip
        big_bytes = sum(f.stat().st_size for f in big.iterdir())
        result = _probe("export-x25519", str(big), str(work / "big.hnb"))
        facts.append((f"export peak RSS, {big_bytes / 2**30:.2f} GiB vault",
                      f"{result['peak_mb']:.0f} MB in {result['seconds']:.1f} s"))  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return rows, facts
