"""The benchmarks' quick mode runs in the suite, so they cannot rot unnoticed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_quick_benchmarks_print_a_row_per_operation_with_a_ratio() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    rows = [line for line in result.stdout.splitlines()[2:] if line.strip()]
    assert len(rows) >= 5
    for row in rows:
        ratio = row.split("|")[4].strip()
        assert re.fullmatch(r"\d+\.\d\dx", ratio), row
        assert float(ratio[:-1]) > 0
