"""``kill -9`` in the middle of a wipe never leaves a vault the passphrase opens with its
data damaged, and the next wipe always finishes the job.

After every kill the vault is either untouched (the kill came before the first write:
the passphrase opens it and ``check`` passes) or its keys are gone (the passphrase
fails). Then a second wipe runs to completion and nothing is left.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hushnote.core import KdfParams, Vault
from hushnote.errors import HushnoteError
from support.forensics import canary_hits

RUNS = int(os.environ.get("HUSHNOTE_KILL_RUNS", "20"))
CANARY = "KillWipeCanary-3319"
CRASH_AT_CALL = r"""
import os, signal, sys
target = int(sys.argv[1])
count = 0
def wrap(function):
    def call(*args, **kwargs):
        global count
        count += 1
        if count == target:
            os.kill(os.getpid(), signal.SIGKILL)
        return function(*args, **kwargs)
    return call
for name in ("write", "fsync", "unlink", "rmdir", "close"):
    setattr(os, name, wrap(getattr(os, name)))
from hushnote.cli.main import main
sys.exit(main(sys.argv[2:]))
"""


def make_vault(root: Path) -> None:
    with Vault.create(root, "wipe me", kdf=KdfParams(64 * 1024, 2, 2)) as vault:
        with vault.db.transaction() as connection:
            connection.executemany(
                "INSERT INTO settings (key, value) VALUES (?, ?)",
                [(f"{CANARY}{n}", secrets.token_hex(2000)) for n in range(400)],
            )


def assert_untouched_or_keyless(root: Path) -> bool:
    """True if the keys are gone; False if the vault is wholly intact."""
    try:
        vault = Vault.unlock(root, "wipe me")
    except HushnoteError:
        return True
    with vault:
        assert vault.check() == []
        assert vault.counts()["settings"] == 400
    return False


def finish(root: Path, cli: list[str]) -> None:
    subprocess.run([*cli, "--vault", str(root), "wipe", "--yes"], check=True, capture_output=True)
    assert not root.exists()
    assert canary_hits([CANARY], root.parent) == []


@pytest.mark.slow
def test_random_kill_minus_nine_during_a_wipe(tmp_path: Path) -> None:
    cli = [sys.executable, "-m", "hushnote"]
    probe = tmp_path / "probe"
    make_vault(probe)
    start = time.perf_counter()
    finish(probe, cli)
    duration = time.perf_counter() - start
    keyless = 0
    for run in range(RUNS):
        root = tmp_path / f"vault{run}"
        make_vault(root)
        process = subprocess.Popen(
            [*cli, "--vault", str(root), "wipe", "--yes"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(secrets.randbelow(1000) / 1000 * duration)
        process.send_signal(signal.SIGKILL)
        process.wait()
        keyless += assert_untouched_or_keyless(root)
        finish(root, cli)
    assert keyless > 0, "no kill landed after the keys were destroyed"


@pytest.mark.slow
def test_kill_at_every_file_system_call_of_a_wipe(tmp_path: Path) -> None:
    cli = [sys.executable, "-m", "hushnote"]
    for call in range(1, 200):
        root = tmp_path / f"vault{call}"
        make_vault(root)
        result = subprocess.run(
            [sys.executable, "-c", CRASH_AT_CALL, str(call), "--vault", str(root), "wipe", "--yes"],
            capture_output=True,
        )
        if result.returncode == 0:
            assert not root.exists()
            break
        assert result.returncode == -signal.SIGKILL, result.stderr
        # The first write is the erase itself: from the call after it, the keys are gone.
        if call > 2:
            assert assert_untouched_or_keyless(root)
        else:
            assert_untouched_or_keyless(root)
        finish(root, cli)
    else:
        pytest.fail("the wipe never finished")
    assert call > 5
