"""The shared-notebook benchmark's quick mode runs in the suite, so it cannot rot."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_quick_sync_benchmark_measures_every_figure_with_sane_numbers() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--only", "sync"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    lines = result.stdout.splitlines()
    rows = [line for line in lines if " | " in line and not line.startswith(("operation", "-"))]
    operations = [row.split("|")[0].strip() for row in rows]
    for expected in (
        "apply 200 incoming changes",
        "join a space of 200 notes + first pass",
        "idle pass, folder of 200 files",
        "saved edit to a file in the folder",
    ):
        assert any(op.startswith(expected) for op in operations), expected
    for row in rows:
        ratio = row.split("|")[4].strip()
        assert re.fullmatch(r"\d+\.\d\dx", ratio), row
        assert float(ratio[:-1]) > 0
    facts = dict(line.split("  ", 1) for line in lines if line and " | " not in line)
    facts = {name.strip(): value.strip() for name, value in facts.items()}
    for name in (
        "apply 200 changes (bulk)",
        "apply 200 changes, one per file",
        "join + first pass / bundle import",
        "peak RSS of a pass applying 200 changes (bulk)",
        "folder / data, bulk",
        "folder / data, trickle",
        "idle pass (joined member)",
        "saved edit to the folder",
        "folder / data after compaction",
    ):
        assert name in facts, name
    # Compressed, then padded and encrypted, with the body's CRDT history: something,
    # and not absurdly more than the text.
    for name in ("folder / data, bulk", "folder / data, trickle"):
        ratio = float(facts[name].split("x")[0])
        assert 0.1 < ratio < 20, facts[name]
    compacted = float(facts["folder / data after compaction"].split("x")[0])
    assert 0.1 < compacted <= 2, facts["folder / data after compaction"]
    peak = float(facts["peak RSS of a pass applying 200 changes (bulk)"].split()[0])
    assert 0 <= peak < 150, peak
