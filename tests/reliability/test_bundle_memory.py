"""Bundles stream their attachments: the memory an export or an import adds does not
grow with the files it carries.

A child process unlocks a vault holding one large attachment, exports a small bundle
first (so that age, zipfile and the threads are loaded), resets its peak resident size
(``/proc/self/clear_refs``), exports the attachment, and reports how far its peak rose
above the resident size before. The import is measured the same way, in a second vault,
after a small bundle was read. ``HUSHNOTE_BUNDLE_MEMORY_MIB`` sets the attachment's size
(64 by default, to stay quick; 256 or 1024 for the figures in docs/bundle-format.md).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hushnote.core import KdfParams, Vault
from hushnote.core.formats.bundle_records import Scope

SIZE_MIB = int(os.environ.get("HUSHNOTE_BUNDLE_MEMORY_MIB", "64"))
ADDED_LIMIT = 64 << 20

CHILD = r"""
import json, pathlib, sys
from hushnote.core import Vault
from hushnote.core.formats.bundle_records import Scope

def status(field):
    for line in pathlib.Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise SystemExit(field + " missing")

root, folder, small_note, mode = sys.argv[1:5]
folder = pathlib.Path(folder)
vault = Vault.unlock(pathlib.Path(root), "pw")
if mode == "import":
    vault.read_bundle(folder / "small.hnb")
    pathlib.Path("/proc/self/clear_refs").write_text("5")
    before = status("VmRSS")
    report = vault.import_bundle(folder / "big.hnb")
    print(json.dumps({"added": status("VmHWM") - before, "files": 1,
                      "attachments": report.count("attachments", "added")}))
    raise SystemExit(0)
recipients = None if mode == "passphrase" else [vault.age_recipient()]
passphrase = "a passphrase" if mode == "passphrase" else None
vault.export_bundle(folder / "warm.hnb", scope=Scope("notes", notes=(small_note,)),
                    recipients=recipients, passphrase=passphrase)
pathlib.Path("/proc/self/clear_refs").write_text("5")
before = status("VmRSS")
report = vault.export_bundle(folder / "big.hnb", recipients=recipients, passphrase=passphrase)
print(json.dumps({"added": status("VmHWM") - before, "files": len(report.files),
                  "attachments": report.counts.get("attachments", 0)}))
"""


@pytest.fixture
def vault_with_a_large_file(tmp_path: Path, fast_kdf_params: KdfParams) -> tuple[Path, str]:
    root = tmp_path / "vault"
    vault = Vault.create(root, "pw", kdf=fast_kdf_params)
    note = vault.notes.create(title="Video", body="large").uuid
    small = vault.notes.create(title="Warm-up", body="small").uuid
    source = root.parent / "big.bin"
    with source.open("wb") as handle:
        block = os.urandom(1 << 20)
        for _ in range(SIZE_MIB):
            handle.write(block)
    vault.attachments.add(note, source)
    source.unlink()
    vault.lock()
    return root, small


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("mode", ["x25519", "passphrase", "import"])
def test_exporting_a_large_attachment_adds_little_memory(
    vault_with_a_large_file: tuple[Path, str], tmp_path: Path, mode: str
) -> None:
    root, small = vault_with_a_large_file
    out = tmp_path / "out"
    out.mkdir()
    if mode == "import":
        target = tmp_path / "target"
        with Vault.create(target, "pw", kdf=KdfParams(64 * 1024, 2, 2)) as other:
            recipient = other.age_recipient()
        with Vault.unlock(root, "pw") as vault:
            vault.export_bundle(out / "big.hnb", recipients=[recipient])
            vault.export_bundle(out / "small.hnb", scope=Scope("notes", notes=(small,)),
                                recipients=[recipient])  # fmt: skip
        root = target
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(root), str(out), small, mode],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert child.returncode == 0, child.stderr
    result = json.loads(child.stdout)
    assert result["attachments"] == 1
    # A passphrase bundle this large goes through the stream, its key in a file beside.
    assert result["files"] == (2 if mode == "passphrase" else 1)
    if mode != "passphrase":  # scrypt's own work is the peak there, whatever the size
        assert result["added"] <= ADDED_LIMIT, result
    print(f"{mode}: {SIZE_MIB} MiB attachment, peak added {result['added'] >> 10} KiB")
