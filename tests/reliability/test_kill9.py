"""``kill -9`` in the middle of a passphrase change or a key rotation loses nothing.

Two complementary attacks on the same invariant:

- random kills of the real CLI at random moments (HUSHNOTE_KILL_RUNS, default 20 each);
- deterministic kills at every single file-system call the change makes (write, fsync,
  link, rename, unlink), so the narrow windows random timing rarely hits are covered too.

After every kill, exactly one of the old and new passphrases opens the vault, its data
is intact, ``check`` finds nothing, and no leftover file survives the next unlock.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from hushnote.core import KdfParams, Vault
from hushnote.errors import AuthenticationError

RUNS = int(os.environ.get("HUSHNOTE_KILL_RUNS", "20"))
ROWS = 1500

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
for name in ("write", "fsync", "replace", "rename", "link", "unlink"):
    setattr(os, name, wrap(getattr(os, name)))
from hushnote.cli.main import main
sys.exit(main(sys.argv[2:]))
"""


@dataclass
class Scene:
    root: Path
    passphrases: dict[str, Path]

    def cli(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "hushnote", "--vault", str(self.root), *args]


@pytest.fixture
def scene(tmp_path: Path, fast_kdf_params: KdfParams) -> Scene:
    root = tmp_path / "vault"
    with Vault.create(root, "old passphrase", kdf=fast_kdf_params) as vault:
        with vault.db.transaction() as connection:
            connection.executemany(
                "INSERT INTO settings (key, value) VALUES (?, ?)",
                [(f"row{n}", secrets.token_hex(400)) for n in range(ROWS)],
            )
    files = {}
    for name in ("old passphrase", "new passphrase"):
        path = tmp_path / name.replace(" ", "-")
        path.write_text(name + "\n")
        files[name] = path
    return Scene(root, files)


def opening_passphrases(scene: Scene) -> list[str]:
    """Which passphrases open the vault; checks data and integrity on the way."""
    opened = []
    for passphrase in scene.passphrases:
        try:
            vault = Vault.unlock(scene.root, passphrase)
        except AuthenticationError:
            continue
        with vault:
            assert vault.counts()["settings"] == ROWS
            assert vault.check() == []
        opened.append(passphrase)
    assert sorted(os.listdir(scene.root)) == ["vault.db", "vault.key"]
    return opened


def passwd_args(scene: Scene, current: str) -> list[str]:
    other = next(name for name in scene.passphrases if name != current)
    return [
        "passwd",
        "--passphrase-file", str(scene.passphrases[current]),
        "--new-passphrase-file", str(scene.passphrases[other]),
    ]  # fmt: skip


def rotate_args(scene: Scene, current: str) -> list[str]:
    return ["rotate-key", "--passphrase-file", str(scene.passphrases[current])]


def timed_run(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True)
    return time.perf_counter() - start


@pytest.mark.slow
@pytest.mark.parametrize("operation", ["passwd", "rotate-key"])
def test_random_kill_minus_nine(scene: Scene, operation: str) -> None:
    build = passwd_args if operation == "passwd" else rotate_args
    current = "old passphrase"
    # Kills land between "imports done" and "finished", where the writes happen.
    startup = timed_run([sys.executable, "-c", "import hushnote.cli.main"])
    duration = timed_run(scene.cli(*build(scene, current)))
    (current,) = opening_passphrases(scene)
    interrupted = 0
    for _ in range(RUNS):
        process = subprocess.Popen(
            scene.cli(*build(scene, current)),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(startup * 0.8 + secrets.randbelow(1000) / 1000 * (duration - startup * 0.8))
        process.send_signal(signal.SIGKILL)
        interrupted += process.wait() == -signal.SIGKILL
        (current,) = opening_passphrases(scene)
    assert interrupted >= RUNS // 2, "most kills should land before the command finished"


@pytest.mark.slow
@pytest.mark.parametrize("operation", ["passwd", "rotate-key"])
def test_kill_at_every_file_system_call(scene: Scene, operation: str) -> None:
    build = passwd_args if operation == "passwd" else rotate_args
    current = "old passphrase"
    killed_at = 0
    for call in range(1, 400):
        argv = [sys.executable, "-c", CRASH_AT_CALL, str(call), "--vault", str(scene.root),
                *build(scene, current)]  # fmt: skip
        result = subprocess.run(argv, capture_output=True, check=False)
        (current,) = opening_passphrases(scene)
        if result.returncode == 0:
            break
        assert result.returncode == -signal.SIGKILL, result.stderr
        killed_at = call
    else:
        pytest.fail("the operation never finished")
    assert killed_at >= 5, "the crash points should include the header and database writes"
