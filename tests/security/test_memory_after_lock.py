"""After a lock, no Hushnote process holds note text, the passphrase or the data key.

A live RAM capture is what a seized laptop that is kept awake gives. Here the real app
runs on a private X server and is driven from outside with the keyboard (xdotool), as a
user would: passphrase, Enter, open the note, Ctrl+L. Every readable mapping of the app
and of any child process is read through /proc/PID/mem: before the lock the canary and
the data key must be found (the detector works), a few seconds after it nothing may be.

Locking replaces the process image (execve keeps the PID and its start time), so the
tests wait for the fresh process's window, not for a new PID.

Run as a script, it measures the time from Ctrl+L to the fresh unlock screen:
``PYTHONPATH=tests .venv/bin/python tests/security/test_memory_after_lock.py [RUNS]``.
"""

from __future__ import annotations

import os
import secrets
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from hushnote.core import KdfParams
from hushnote.core.vault.header import Header, SlotKind
from hushnote.core.vault.key_schedule import passphrase_key
from support import xvfb
from support.process_memory import Scan, scan_tree

pytestmark = pytest.mark.slow

SETTLE_SECONDS = 3  # after the fresh window shows, before the second capture
# Upper bounds only, generous for a loaded machine: a start takes about a second here.
START_TIMEOUT = 60


def _missing_requirement() -> str | None:
    if not sys.platform.startswith("linux"):
        return "reads /proc/PID/mem (Linux)"
    if os.geteuid() != 0:
        return "Hushnote clears its dumpable flag, so only root can read its memory"
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    return f"needs {', '.join(missing)}" if missing else None


@pytest.fixture(autouse=True)
def _ram_capture_possible() -> None:
    reason = _missing_requirement()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the RAM test: {reason}")
        pytest.skip(reason)


# -- a vault with a canary note, made with the CLI ------------------------------------


@dataclass(frozen=True)
class CanaryVault:
    root: Path
    passphrase: str
    title: str
    body: str
    key: bytes

    def patterns(self, *other_passphrases: str) -> dict[str, bytes]:
        """Every form of every secret a RAM capture could find."""
        texts = {"title": self.title, "body": self.body, "passphrase": self.passphrase}
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
    """A vault holding one canary note, created as a user would with the CLI."""
    token = secrets.token_hex(4)
    passphrase = f"orbit velvet lantern {token}"  # plain ASCII: xdotool types it as is
    title, body = f"CanaryTitle-RAM-{token}", f"CanaryBody-RAM-{token}"
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
        input=f"{body}\nmet at the north gate\n".encode(),
        check=True,
        capture_output=True,
    )
    secret.unlink()
    return CanaryVault(root, passphrase, title, body, data_key(root, passphrase))


def data_key(root: Path, passphrase: str) -> bytes:
    """The vault's data key, opened through the core: never through the app under test."""
    header = Header.parse((root / "vault.key").read_bytes())
    opened = header.open_slots(bytes(passphrase_key(passphrase, header.salt, header.params)))
    return next(slot.content.dek for slot in opened if slot.content.kind is SlotKind.NORMAL)


# -- the app, driven from outside ------------------------------------------------------


class DesktopApp:
    """The real desktop app on ``display``, started as a launcher would start it."""

    def __init__(self, display: str, vault: Path, log: Path) -> None:
        self.env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
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


@pytest.fixture
def display() -> Iterator[str]:
    with xvfb.xvfb() as value:
        yield value


@pytest.fixture
def canary(tmp_path: Path, fast_kdf_params: KdfParams) -> CanaryVault:
    return make_canary_vault(tmp_path, fast_kdf_params)


@pytest.fixture
def app(display: str, canary: CanaryVault, tmp_path: Path) -> Iterator[DesktopApp]:
    running = DesktopApp(display, canary.root, tmp_path / "app.log")
    try:
        running.focus()
        yield running
    finally:
        running.stop()


def capture(app: DesktopApp, canary: CanaryVault, *others: str, label: str) -> Scan:
    scan = scan_tree(app.pid, canary.patterns(*others))
    assert scan.bytes_read > 50 * 1024 * 1024, "the capture read almost nothing"
    print(f"{label}: {scan.found() or 'no hits'} in {scan.bytes_read >> 20} MiB")
    return scan


def open_the_canary_note(app: DesktopApp, canary: CanaryVault) -> Scan:
    """Notes (Ctrl+2), the list (Alt+2), Space selects the note: the editor shows it."""
    app.key("ctrl+2", "alt+2", "space")
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        scan = capture(app, canary, label="unlocked, note shown")
        if scan.hits["body utf-8"] + scan.hits["body utf-16le"] or time.monotonic() > deadline:
            return scan


def test_a_locked_app_holds_no_note_text_passphrase_or_key(
    app: DesktopApp, canary: CanaryVault
) -> None:
    app.type(canary.passphrase)
    typed = capture(app, canary, label="passphrase typed")
    assert typed.hits["passphrase utf-16le"], "the detector misses the typed passphrase"
    app.key("Return")
    app.wait_until(app.database_open, "the vault is open")
    # Somewhere not at the origin, to see the fresh window come back there.
    app.xdotool("windowsize", "--sync", app.window, "900", "600")
    app.xdotool("windowmove", "--sync", app.window, "70", "50")

    before = open_the_canary_note(app, canary)
    assert before.hits["title utf-8"] + before.hits["title utf-16le"] > 0
    assert before.hits["body utf-8"] + before.hits["body utf-16le"] > 0
    assert before.hits["key raw"] > 0

    placed = app.xdotool("getwindowgeometry", app.window).stdout.split("\n", 1)[1]
    app.lock_and_wait_for_fresh_process()
    assert "--window-geometry" in app.command_line()  # a new image under the same PID
    assert app.vault_descriptors() == []
    time.sleep(SETTLE_SECONDS)
    after = capture(app, canary, label="after Ctrl+L")
    assert after.found() == {}
    assert app.xdotool("getwindowgeometry", app.window).stdout.split("\n", 1)[1] == placed


def test_a_mistyped_passphrase_crosses_only_through_a_pipe_and_not_for_long(
    app: DesktopApp, canary: CanaryVault
) -> None:
    """The near miss is offered again (in memory, by design), never on the command line or
    in the environment; two idle minutes later a fresh process drops it; a correct
    passphrase typed over the selected near miss replaces it; after the lock none is left."""
    from hushnote.gui.main_window import RETRY_KEEP_SECONDS

    near_miss = canary.passphrase[:-1] + ("x" if canary.passphrase[-1] != "x" else "y")
    app.type(near_miss)
    typed = capture(app, canary, near_miss, label="near miss typed")
    assert typed.hits["other passphrase 0 utf-16le"], "the detector misses the typed text"
    app.xdotool("key", "Return")
    app.wait_for_fresh_window()
    command = app.command_line()
    assert command[command.index("--unlock-error") + 1] == "authentication-failed"
    assert "--passphrase-fd" in command
    assert near_miss.encode() not in Path(f"/proc/{app.pid}/cmdline").read_bytes()
    assert near_miss.encode() not in Path(f"/proc/{app.pid}/environ").read_bytes()
    time.sleep(SETTLE_SECONDS)
    offered = capture(app, canary, near_miss, label="near miss offered again")
    assert offered.hits["other passphrase 0 utf-16le"], "the field does not hold it"
    assert not any(_link(fd).startswith("pipe:") for fd in Path(f"/proc/{app.pid}/fd").iterdir())

    # Left alone on the unlock screen, it goes with another fresh process.
    app.wait_until(lambda: not app.windows(), "the idle relaunch", RETRY_KEEP_SECONDS + 60)
    app.window = app.wait_for_window()
    app.wait_for_focus()
    assert "--passphrase-fd" not in app.command_line()
    time.sleep(SETTLE_SECONDS)
    assert capture(app, canary, near_miss, label="after the idle relaunch").found() == {}

    # Once more, then the right passphrase typed over the selected near miss opens it.
    app.type(near_miss)
    app.xdotool("key", "Return")
    app.wait_for_fresh_window()
    app.unlock(canary.passphrase)
    before = open_the_canary_note(app, canary)
    assert before.hits["body utf-8"] + before.hits["body utf-16le"] > 0
    app.lock_and_wait_for_fresh_process()
    time.sleep(SETTLE_SECONDS)
    assert capture(app, canary, near_miss, label="after Ctrl+L").found() == {}


def _link(fd: Path) -> str:
    try:
        return os.readlink(fd)
    except OSError:
        return ""


def measure(runs: int) -> list[float]:
    """Seconds from Ctrl+L to a fresh unlock screen with the keyboard, ``runs`` times."""
    import tempfile

    times = []
    with tempfile.TemporaryDirectory() as scratch, xvfb.xvfb() as screen:
        canary = make_canary_vault(Path(scratch), KdfParams(64 * 1024, 2, 2))
        app = DesktopApp(screen, canary.root, Path(scratch) / "app.log")
        try:
            app.focus()
            for _ in range(runs):
                app.unlock(canary.passphrase)
                time.sleep(0.5)
                times.append(app.lock_and_wait_for_fresh_process())
                app.wait_until(lambda: not app.vault_descriptors(), "the vault is closed")
        finally:
            app.stop()
    return times


if __name__ == "__main__":
    results = measure(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
    print("runs:", ", ".join(f"{seconds:.3f}" for seconds in results))
    print(f"median: {statistics.median(results):.3f} s")
