"""The note history benchmark's quick mode runs in the suite, so it cannot rot unnoticed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_history_benchmark_prints_its_rows_and_figures() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--only", "history"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    out = result.stdout
    for expected in (
        "note save, a revision every save",
        "note save, autosave every 2 s",
        "p95 on / off",
        "added by history",
        "each compressed alone",
    ):
        assert expected in out, expected
    kept = next(line for line in out.splitlines() if line.startswith("revisions kept"))
    assert not kept.split()[2].startswith("0,")  # the model made revisions
