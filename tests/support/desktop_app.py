"""The real desktop app on a private X server, driven from outside as a person would:
a vault with a canary note made with the CLI, the app started as a launcher starts it,
and keys typed with xdotool."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hushnote.core import KdfParams, Vault
from hushnote.core.vault.header import Header, SlotKind
from hushnote.core.vault.key_schedule import passphrase_key

__all__ = ["START_TIMEOUT", "CanaryVault", "DesktopApp", "data_key", "make_canary_vault"]

# An upper bound only, generous for a loaded machine: a start takes about a second here.
START_TIMEOUT = 60


# -- a vault with a canary note, made with the CLI ------------------------------------


@dataclass(frozen=True)
class CanaryVault:
    root: Path
    passphrase: str
    title: str
    body: str
    key: bytes
    version: str  # only in the note's earlier version (its history)

    def patterns(self, *other_passphrases: str) -> dict[str, bytes]:
        """Every form of every secret a RAM capture could find."""
        texts = {"title": self.title, "body": self.body, "passphrase": self.passphrase}
        texts["version"] = self.version
        texts |= {f"other passphrase {n}": text for n, text in enumerate(other_passphrases)}
        found = {}
        for name, text in texts.items():
            found[f"{name} utf-8"] = text.encode("utf-8")
            found[f"{name} utf-16le"] = text.encode("utf-16-le")
        digits = self.key.hex()
        found |= {
            "key raw": self.key,
            "key hex": digits.encode(),
            "key HEX": digits.upper().encode(),
            "key x'hex'": f"x'{digits}'".encode(),
            "key x'HEX'": f"x'{digits.upper()}'".encode(),
        }
        return found


def make_canary_vault(folder: Path, kdf: KdfParams) -> CanaryVault:
    """A vault holding one canary note, created as a user would with the CLI, with one
    earlier version whose own canary is nowhere else."""
    token = secrets.token_hex(4)
    passphrase = f"orbit velvet lantern {token}"  # plain ASCII: xdotool types it as is
    title, body = f"CanaryTitle-RAM-{token}", f"CanaryBody-RAM-{token}"
    version = f"CanaryVersion-RAM-{token}"
    folder.mkdir(parents=True, exist_ok=True)
    secret = folder / "passphrase.txt"
    secret.write_text(passphrase + "\n")
    secret.chmod(0o600)
    root = folder / "vault"
    cli = [sys.executable, "-m", "hushnote", "--vault", str(root)]
    subprocess.run(
        [*cli, "init", "--passphrase-file", str(secret),
         "--kdf-memory-mib", str(kdf.memory_kib // 1024),
         "--kdf-iterations", str(kdf.iterations)],
        check=True, capture_output=True,
    )  # fmt: skip
    subprocess.run(
        [*cli, "note", "add", "--title", title, "--passphrase-file", str(secret)],
        input=f"{version}\nmet at the north gate\n".encode(),
        check=True,
        capture_output=True,
    )
    secret.unlink()
    # The text the note had before a restore: kept as a version (the CLI's revert needs
    # a version to exist already, so the core makes this first one).
    with Vault.unlock(root, passphrase) as vault:
        (note,) = vault.notes.summaries()
        was = vault.notes.get(note.uuid).body
        vault.notes.update(note.uuid, body=was.replace(version, body), reason="revert")
    return CanaryVault(root, passphrase, title, body, data_key(root, passphrase), version)


def data_key(root: Path, passphrase: str) -> bytes:
    """The vault's data key, opened through the core: never through the app under test."""
    header = Header.parse((root / "vault.key").read_bytes())
    opened = header.open_slots(bytes(passphrase_key(passphrase, header.salt, header.params)))
    return next(slot.content.dek for slot in opened if slot.content.kind is SlotKind.NORMAL)


# -- the app, driven from outside ------------------------------------------------------


class DesktopApp:
    """The real desktop app on ``display``, started as a launcher would start it."""

    def __init__(
        self, display: str, vault: Path, log: Path, env: dict[str, str] | None = None
    ) -> None:
        self.env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", **(env or {})}
        self.vault = vault
        self.log = log
        with log.open("wb") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "hushnote", "--vault", str(vault)],
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        self.pid = self.process.pid
        self.window = self.wait_for_window()

    def xdotool(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["xdotool", *args], env=self.env, capture_output=True, text=True, check=False
        )

    def windows(self) -> list[str]:
        return self.xdotool("search", "--onlyvisible", "--pid", str(self.pid)).stdout.split()

    def wait_for_window(self, timeout: float = START_TIMEOUT) -> str:
        """The app's visible window, once there is one."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the app exited: {self.log.read_text()}")
            if shown := self.windows():
                return shown[0]
            time.sleep(0.02)
        raise AssertionError(f"no window after {timeout} s: {self.log.read_text()}")

    def wait_for_fresh_window(self) -> None:
        """Wait for the window to go (the exec closes the X connection) and come back.

        The fresh process may get the very same window id: the X server hands a closed
        client's id range to the next client.
        """
        self.wait_until(lambda: not self.windows(), "the locked process's window is gone")
        self.window = self.wait_for_window()
        self.wait_for_focus()  # it takes the keyboard back, as the old window had it

    def wait_for_focus(self, timeout: float = START_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while self.xdotool("getwindowfocus").stdout.strip() != self.window:
            assert time.monotonic() < deadline, "the window never got the keyboard"
            time.sleep(0.02)

    def focus(self) -> None:
        # What a window manager does for a newly started app; Xvfb has none.
        self.xdotool("windowfocus", "--sync", self.window)
        self.wait_for_focus()

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "10", text)

    def key(self, *names: str) -> None:
        for name in names:
            self.xdotool("key", name)
            time.sleep(0.3)  # let the app act on one key before the next arrives

    def command_line(self) -> list[str]:
        return Path(f"/proc/{self.pid}/cmdline").read_bytes().decode().split("\0")[:-1]

    def vault_descriptors(self) -> list[str]:
        """What the app has open inside the vault folder (the folder lock, the database)."""
        folder = os.path.realpath(self.vault)
        found = []
        for fd in Path(f"/proc/{self.pid}/fd").iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target == folder or target.startswith(folder + os.sep):
                found.append(target)
        return found

    def wait_until(
        self, condition: Callable[[], bool], what: str, timeout: float = START_TIMEOUT
    ) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            assert self.process.poll() is None, f"the app exited: {self.log.read_text()}"
            assert time.monotonic() < deadline, f"timed out waiting until {what}"
            time.sleep(0.05)

    def database_open(self) -> bool:
        # The folder lock is taken before Argon2id runs; the database opens after it.
        return any(Path(target).name == "vault.db" for target in self.vault_descriptors())

    def unlock(self, passphrase: str) -> None:
        self.type(passphrase)
        self.key("Return")
        self.wait_until(self.database_open, "the vault is open")

    def lock_and_wait_for_fresh_process(self) -> float:
        """Press Ctrl+L; return the seconds until the fresh unlock screen has the keyboard."""
        start = time.perf_counter()
        self.xdotool("key", "ctrl+l")
        self.wait_for_fresh_window()
        return time.perf_counter() - start

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
