"""Run inside a fresh process by bench.bundle_bench: one export or import, as JSON."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from hushnote.core import Vault

PASSPHRASE = "benchmark passphrase"


def peak_mb() -> float:
    status = Path("/proc/self/status").read_text()
    return (
        int(next(line for line in status.splitlines() if line.startswith("VmHWM")).split()[1])
        / 1024
    )


def main() -> None:
    mode, vault_path, target = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        Path("/proc/self/clear_refs").write_text("5")  # Argon2id's buffer is not the export's
        start = time.perf_counter()
        if mode == "export-x25519":
            report = vault.export_bundle(target, recipients=["self"])
            size = report.archive_bytes
        elif mode == "export-passphrase":
            report = vault.export_bundle(target, passphrase="bundle words")
            size = report.archive_bytes
        else:
            vault.import_bundle(target, passphrase=sys.argv[4] if len(sys.argv) > 4 else None)
            size = target.stat().st_size
        seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb(), "bytes": size}))


if __name__ == "__main__":
    main()
