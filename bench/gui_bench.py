"""The desktop app: start-up, unlocking a large vault into the list, memory, opening a note.

Each figure comes from a fresh process on Qt's offscreen platform, so no window manager or
X server adds its own noise. Baselines: an empty Qt window for start-up, a bare Argon2id
run for unlocking, and the store's own read for opening a note.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from tempfile import mkdtemp

from bench import corpus
from bench.report import Row
from hushnote.core import ContactStore, KdfParams, NoteStore, Vault, calibrate

PASSPHRASE = "benchmark passphrase"
ROOT = Path(__file__).resolve().parents[1]


def _probe(*args: str) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "bench.gui_probe", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    values: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return values


def run_gui_benchmarks(*, quick: bool) -> tuple[list[Row], list[tuple[str, str]]]:
    notes = 2_000 if quick else 100_000
    params = KdfParams(64 * 1024, 2, 2) if quick else calibrate()
    work = Path(mkdtemp(prefix="hushnote-bench-"))
    try:
        vault = work / "vault"
        with Vault.create(vault, PASSPHRASE, kdf=params) as opened:
            NoteStore(opened.db).create_many(corpus.notes(notes))
            ContactStore(opened.db).import_contacts(corpus.contacts(notes // 5))
        runs = 2 if quick else 5
        window = [
            _probe("cold", "window", repr(time.time()), str(vault))["seconds"] for _ in range(runs)
        ]
        empty = [
            _probe("cold", "baseline", repr(time.time()), str(vault))["seconds"]
            for _ in range(runs)
        ]
        measured = _probe("open", str(vault), PASSPHRASE)
    finally:
        shutil.rmtree(work)
    rows = [
        Row("cold start to the unlock window", window, "empty Qt window", empty),
        Row(
            f"unlock to a populated list ({notes:,} notes)",
            [measured["unlock_total"]],
            "its Argon2id run alone",
            [measured["kdf"]],
        ),
        Row(
            "open a note (select to editor filled)",
            [measured["open_note"]],
            "store read",
            [measured["store_get"]],
        ),
    ]
    facts = [
        (
            "unlock to populated list, beyond the KDF",
            f"{(measured['unlock_total'] - measured['kdf']) * 1000:.0f} ms",
        ),
        ("open a note p95", f"{measured['open_note_p95'] * 1000:.1f} ms"),
        (
            "peak RSS, vault open, searched and scrolled",
            f"{measured['peak_open_mb']:.0f} MB (Argon2id's buffer is freed before)",
        ),
    ]
    return rows, facts
