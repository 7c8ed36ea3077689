"""The import benchmark's quick mode runs in the suite, so it cannot rot unnoticed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_import_benchmark_prints_its_row_and_figure() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--only", "imports"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    assert "Markdown import into a fresh vault (300 notes)" in result.stdout
    assert "bundle import of the same notes" in result.stdout
    assert "Markdown import throughput" in result.stdout
