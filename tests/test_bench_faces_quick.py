"""The face benchmark's quick mode runs in the suite, so it cannot rot unnoticed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_quick_face_benchmark_prints_recall_false_boxes_and_the_large_photo_time() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bench.faces", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    recalls = re.findall(
        r"recall (\d+\.\d)%, covered (\d+\.\d)%, false boxes per image", result.stdout
    )
    assert len(recalls) == 2, result.stdout
    assert all(float(found) == 100.0 for found, _ in recalls), result.stdout
    assert re.search(r"^detect on a 24-megapixel photo: \d+\.\d\d s$", result.stdout, re.M)
