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
    lines = result.stdout.splitlines()
    rows = [line for line in lines if " | " in line and not line.startswith(("operation", "-"))]
    operations = [row.split("|")[0].strip() for row in rows]
    for expected in (
        "unlock + lock",
        "rotate data key",
        "bulk import",
        "single note save",
        "search: a common word",
        "search: a Chinese word",
        "database size",
        "cold start to first search",
        "attach a 16 MiB file",
        "export a 16 MiB file",
        "wipe, 64 MiB of attachments: keys destroyed",
        "wipe, 64 MiB of attachments: every file unlinked",
        "single note save, 500 notes + 64 MiB of attachments",
        "search: a common word, 500 notes + 64 MiB of attachments",
        "viewer: first paint, 2 MP JPEG",
        "viewer: first paint, page 1 of a 20-page PDF",
    ):
        assert any(op.startswith(expected) for op in operations), expected
    for row in rows:
        ratio = row.split("|")[4].strip()
        assert re.fullmatch(r"\d+\.\d\dx", ratio), row
        assert float(ratio[:-1]) > 0
    assert any(line.startswith("peak RSS after unlock") for line in lines)
    assert any(line.startswith("unlock to populated list, beyond the KDF") for line in lines)
    assert any(line.startswith("peak RSS added attaching 16 MiB") for line in lines)
