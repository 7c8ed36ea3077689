"""The app opens no sockets: checked from inside Python and, where possible, by the kernel."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

AUDIT_PROBE = r"""
import sys
events = []
def hook(event, args):
    if event.startswith("socket."):
        events.append(event)
sys.addaudithook(hook)
from pathlib import Path
from hushnote.core import KdfParams, Vault
if "{control}" == "yes":
    import socket; socket.socket().close()
root = Path(sys.argv[1])
params = KdfParams(64 * 1024, 2, 2)
with Vault.create(root, "pw", kdf=params) as vault:
    vault.settings.set("k", "v")
with Vault.unlock(root, "pw") as vault:
    vault.settings.set("k2", "v2")
    vault.change_passphrase("pw2")
    vault.rotate_key()
    vault.check()
print(sorted(set(events)))
"""


@pytest.mark.parametrize("control", ["no", "yes"])
def test_no_socket_is_created_during_create_unlock_write_lock(tmp_path: Path, control: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", AUDIT_PROBE.replace("{control}", control), str(tmp_path / "v")],
        capture_output=True,
        text=True,
        check=True,
    )
    events = result.stdout.strip()
    if control == "yes":
        assert "socket.__new__" in events  # the hook would have seen one
    else:
        assert events == "[]"


def _strace_socket_calls(argv: list[str], tmp_path: Path) -> list[str]:
    log = tmp_path / f"strace-{len(list(tmp_path.iterdir()))}.txt"
    subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=socket,socketpair,connect,bind", "-o", str(log),
         *argv],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return [line for line in log.read_text().splitlines() if "(" in line and "---" not in line]


def _strace_works(tmp_path: Path) -> bool:
    if shutil.which("strace") is None:
        return False
    try:
        subprocess.run(["strace", "-qq", "-o", os.devnull, "true"], check=True,
                       capture_output=True)  # fmt: skip
    except subprocess.CalledProcessError:
        return False  # ptrace is forbidden in this sandbox
    return True


def test_the_kernel_sees_no_socket_call_from_the_cli(tmp_path: Path) -> None:
    if not _strace_works(tmp_path):
        pytest.skip("strace is missing or ptrace is not permitted here")
    control = _strace_socket_calls([sys.executable, "-c", "import socket; socket.socket()"],
                                   tmp_path)  # fmt: skip
    assert any(call.split(None, 1)[1].startswith("socket(") for call in control)

    pw = tmp_path / "pw"
    pw.write_text("pass phrase\n")
    vault = str(tmp_path / "vault")
    cli = [sys.executable, "-m", "hushnote", "--vault", vault]
    runs = [
        [*cli, "init", "--passphrase-file", str(pw), "--kdf-memory-mib", "64",
         "--kdf-iterations", "2"],
        [*cli, "info", "--passphrase-file", str(pw)],
        [*cli, "passwd", "--passphrase-file", str(pw), "--new-passphrase-file", str(pw)],
        [*cli, "rotate-key", "--passphrase-file", str(pw)],
        [*cli, "check", "--passphrase-file", str(pw)],
    ]  # fmt: skip
    for argv in runs:
        assert _strace_socket_calls(argv, tmp_path) == [], argv[4:]
