"""The panic wipe and the duress passphrase, on a small vault and a 1 GiB one.

Baselines are the bare file-system operations each step is made of: one write and fsync
of a header's size, unlinking a file of the same size, and overwriting it with
``os.urandom``. The duress unlock is compared with a normal unlock of the same vault.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import threading
from pathlib import Path
from tempfile import mkdtemp

from bench.report import Row, paired, timed
from hushnote.core import KdfParams, Vault, calibrate
from hushnote.core.vault.wipe import wipe

PASSPHRASE = "benchmark passphrase"
DURESS = "decoy words only"
ROOT = Path(__file__).resolve().parents[1]
MIB = 1 << 20


def _build(root: Path, megabytes: int, params: KdfParams) -> None:
    with Vault.create(root, PASSPHRASE, kdf=params) as vault:
        with vault.db.transaction() as connection:
            connection.executemany(
                "INSERT INTO settings (key, value) VALUES (?, ?)",
                ((f"k{n}", secrets.token_hex(32 * 1024)) for n in range(megabytes * 16)),
            )  # 64 KiB of text a row, sixteen rows a MiB
        vault.set_duress(DURESS, [("Groceries", "milk, bread")])


def _copy(template: Path, target: Path) -> Path:
    shutil.copytree(template, target)
    return target


def _wait_for_overwrites() -> None:
    for thread in threading.enumerate():
        if thread.name == "overwrite":
            thread.join()


def _wipe_rows(template: Path, work: Path, label: str, repeats: int) -> tuple[list[Row], float]:
    size = sum(f.stat().st_size for f in template.iterdir())
    reports = []
    for n in range(repeats):
        reports.append(wipe(_copy(template, work / f"w{label}{n}")))
    plain = work / "plain"
    data = os.urandom(32 * 1024)

    def write_header() -> None:
        with plain.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())

    def make_big() -> None:
        with plain.open("wb") as handle:
            for _ in range(max(1, size // MIB)):
                handle.write(b"\0" * MIB)

    unlinks = timed(plain.unlink, repeats, setup=make_big)

    def urandom_overwrite() -> None:
        with plain.open("r+b") as handle:
            for _ in range(max(1, size // MIB)):
                handle.write(os.urandom(MIB))
            handle.flush()
            os.fsync(handle.fileno())

    overwrites = timed(urandom_overwrite, max(1, repeats // 2), setup=make_big)
    plain.unlink(missing_ok=True)
    rows = [
        Row(f"{label}: trigger to key slots destroyed and synced",
            [r.erased_at for r in reports], "write + fsync 32 KiB",
            timed(write_header, repeats)),
        Row(f"{label}: trigger to every vault file unlinked",
            [r.unlinked_at for r in reports], "unlink one file that size", unlinks),
        Row(f"{label}: full overwrite (AES-CTR keystream)",
            [r.overwritten_at - r.unlinked_at for r in reports], "os.urandom overwrite",
            overwrites),
    ]  # fmt: skip
    per_gib = statistics.median(r.overwritten_at - r.unlinked_at for r in reports) / (size / 2**30)
    return rows, per_gib


def _gui_panic(template: Path, work: Path) -> float:
    vault = _copy(template, work / "gui")
    probe = (
        "import sys, json\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from hushnote.core import Vault\n"
        "from hushnote.gui.main_window import MainWindow\n"
        "app = QApplication([])\n"
        "window = MainWindow(Path(sys.argv[1]), on_wiped=lambda: None)\n"
        "window.show()\n"
        "window.unlock_page.opened.emit(Vault.unlock(Path(sys.argv[1]), sys.argv[2]))\n"
        "window.panic()\n"
        "print(json.dumps(window.wiped_in))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", probe, str(vault), PASSPHRASE], env=env,
                            capture_output=True, text=True, check=True)  # fmt: skip
    return float(json.loads(result.stdout.strip().splitlines()[-1]))


def run_wipe_benchmarks(*, quick: bool) -> tuple[list[Row], list[tuple[str, str]]]:
    params = KdfParams(64 * 1024, 2, 2) if quick else calibrate()
    big_mib = 4 if quick else 1024
    repeats = 3 if quick else 5
    work = Path(mkdtemp(prefix="hushnote-bench-"))
    facts: list[tuple[str, str]] = []
    rows: list[Row] = []
    try:
        small, big = work / "small", work / "big"
        _build(small, 1, params)
        _build(big, big_mib, params)
        for label, template in (("small vault", small), (f"{big_mib} MiB vault", big)):
            group, per_gib = _wipe_rows(template, work, label, repeats)
            rows += group
            facts.append((f"{label}: overwrite speed", f"{per_gib:.2f} s per GiB"))
        _wait_for_overwrites()
        gui = [_gui_panic(template, work / f"g{n}") for n, template in
               enumerate([small] * (2 if quick else 5))]  # fmt: skip
        facts.append(
            ("GUI: hold complete to every window closed", f"{statistics.median(gui) * 1000:.1f} ms")
        )

        # Duress and normal unlock of identical copies, alternating (10 each in full mode).
        copies = iter(range(1000))

        def duress() -> None:
            Vault.unlock(_copy(small, work / f"d{next(copies)}"), DURESS).lock()

        normal_copy = _copy(small, work / "normal")
        rows.append(paired("duress unlock (decoy opened, real vault destroyed)", duress,
                           "normal unlock of the same vault",
                           lambda: Vault.unlock(normal_copy, PASSPHRASE).lock(),
                           3 if quick else 10))  # fmt: skip
        _wait_for_overwrites()

        # The duress unlock overwrites the real database in place before the decoy goes
        # into the same file (docs/panic-and-duress.md): that part grows with the size.
        target = [work / "bd"]

        def fresh_big_copy() -> None:
            shutil.rmtree(target[0], ignore_errors=True)
            _copy(big, target[0])

        big_normal = _copy(big, work / "big-normal")
        measured: list[float] = []
        base: list[float] = []
        for _ in range(2 if quick else 3):  # alternating, as paired() does
            measured += timed(lambda: Vault.unlock(target[0], DURESS).lock(), 1,
                              setup=fresh_big_copy)  # fmt: skip
            base += timed(lambda: Vault.unlock(big_normal, PASSPHRASE).lock(), 1)
        rows.append(Row(f"{big_mib} MiB vault: duress unlock", measured,
                        "normal unlock of the same vault", base))  # fmt: skip
        _wait_for_overwrites()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    facts.append(("KDF", f"Argon2id {params.memory_mib} MiB, t={params.iterations}"))
    return rows, facts
