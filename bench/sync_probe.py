"""Run inside a fresh process by bench.sync_bench: one sync pass, its time and memory."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from bench.bundle_probe import peak_mb
from hushnote.core import Vault

PASSPHRASE = "benchmark passphrase"


def rss_mb() -> float:
    status = Path("/proc/self/status").read_text()
    line = next(line for line in status.splitlines() if line.startswith("VmRSS"))
    return int(line.split()[1]) / 1024


def main() -> None:
    with Vault.unlock(Path(sys.argv[1]), PASSPHRASE) as vault:
        spaces = vault.spaces
        spaces.all()  # the space rows and the sync modules are loaded before the pass
        Path("/proc/self/clear_refs").write_text("5")  # Argon2id's buffer is not the pass's
        before = rss_mb()
        start = time.perf_counter()
        (report,) = spaces.sync()
        seconds = time.perf_counter() - start
        changed = report.changed_notes
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb(), "before_mb": before,
                      "changed": changed}))  # fmt: skip


if __name__ == "__main__":
    main()
