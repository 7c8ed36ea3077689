"""Real Syncthing daemons on 127.0.0.1, sharing one folder, for the shared-notebook tests.

Each daemon gets its own home (keys, config, database, log) and its own shared folder in
the test's tmp folder. Its config is written before its first start: the GUI/REST API and
the sync listener on free loopback ports, the peers introduced by device ID at explicit
``tcp://127.0.0.1:PORT`` addresses, and everything that could reach past loopback off
(global and local discovery, relays, NAT traversal, usage and crash reports, upgrades).
The daemons run with a minimal environment whose HOME and XDG folders are inside tmp, so
nothing outside the test's folder is read or written, and no proxy setting can apply.

A daemon that outlives its test is a bug: every start is paired with a stop (terminate,
then kill) in a ``finally``, and the kernel sends SIGTERM to a daemon whose parent dies.
"""

from __future__ import annotations

import ctypes
import http.client
import ipaddress
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

FOLDER_ID = "hushnote-shared"
BINARY = "syncthing"
# A short delay for the watcher and a short full rescan as its fallback: files written
# into a folder reach the peers within seconds, as they would on a user's machines.
WATCH_DELAY_S = 1
RESCAN_S = 5
START_TIMEOUT_S = 20.0
STOP_TIMEOUT_S = 10.0

# Options that would make a daemon talk to anything but its loopback peers, and the values
# that turn each off. The tests read them back from the running daemon's REST config.
OFFLINE_OPTIONS = {
    "globalAnnounceEnabled": "false",
    "localAnnounceEnabled": "false",
    "relaysEnabled": "false",
    "natEnabled": "false",
    "announceLANAddresses": "false",
    "crashReportingEnabled": "false",
    "autoUpgradeIntervalH": "0",
    # -1: usage reporting declined, so it is never sent nor asked about.
    "urAccepted": "-1",
    "urSeen": "3",
    "startBrowser": "false",
    # Redial a lost peer after 1 s, not the default minute (a first dial that failed is
    # still retried only after about 20 s: see the start order in syncthing_cluster).
    "reconnectionIntervalS": "1",
    "restartOnWakeup": "false",
}
# Addresses of outside services, emptied so that not even a lookup has a name to resolve.
OUTSIDE_SERVICES = ("globalAnnounceServer", "stunServer")
OUTSIDE_URLS = ("urURL", "releasesURL", "crashReportingURL")

_PR_SET_PDEATHSIG = 1


def available() -> bool:
    return shutil.which(BINARY) is not None


def missing() -> bool:
    """Whether to skip for want of Syncthing: never in CI, which installs it."""
    return not available() and not os.environ.get("CI")


class SyncthingError(AssertionError):
    """A daemon did not start, connect or deliver in time; the message says what it saw."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Daemon:
    """One Syncthing instance: where it keeps its state, its shared folder, its ports."""

    name: str
    home: Path
    folder: Path
    device_id: str
    gui_port: int
    listen_port: int
    api_key: str
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def log(self) -> Path:
        return self.home / "syncthing.log"

    @property
    def address(self) -> str:
        return f"tcp://127.0.0.1:{self.listen_port}"

    def request(self, method: str, endpoint: str) -> Any:
        """Call the REST API; ``http.client`` straight to loopback, so no proxy applies."""
        connection = http.client.HTTPConnection("127.0.0.1", self.gui_port, timeout=5)
        try:
            connection.request(method, endpoint, headers={"X-API-Key": self.api_key})
            response = connection.getresponse()
            body = response.read()
        finally:
            connection.close()
        if response.status != 200:
            raise SyncthingError(f"{self.name}: {method} {endpoint} -> {response.status} {body!r}")
        return json.loads(body) if body else None

    def get(self, endpoint: str) -> Any:
        return self.request("GET", endpoint)

    def live_options(self) -> dict[str, Any]:
        """The options the running daemon uses, as its REST API reports them."""
        options: dict[str, Any] = self.get("/rest/config")["options"]
        return options

    def scan(self) -> None:
        """Ask for a rescan now (the tests mostly leave it to the watcher)."""
        self.request("POST", f"/rest/db/scan?folder={FOLDER_ID}")

    def folder_status(self) -> dict[str, Any]:
        status: dict[str, Any] = self.get(f"/rest/db/status?folder={FOLDER_ID}")
        return status

    def connected_peers(self) -> set[str]:
        connections = self.get("/rest/system/connections")["connections"]
        return {peer for peer, state in connections.items() if state.get("connected")}

    def inet_sockets(self) -> list[tuple[str, str, str]]:
        """(protocol, local, remote) of every TCP and UDP socket the daemon holds."""
        assert self.process is not None
        inodes = set()
        for fd in Path(f"/proc/{self.process.pid}/fd").iterdir():
            try:
                target = os.readlink(fd)
            except FileNotFoundError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[len("socket:[") : -1])
        found = []
        for protocol in ("tcp", "tcp6", "udp", "udp6"):
            table = Path(f"/proc/{self.process.pid}/net/{protocol}")
            for line in table.read_text().splitlines()[1:]:
                fields = line.split()
                if fields[9] in inodes:
                    found.append((protocol, _address(fields[1]), _address(fields[2])))
        return found

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log.read_text(errors="replace")
        except FileNotFoundError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    def describe(self) -> str:
        """What the daemon reports about itself, for a failure message."""
        parts = [f"--- {self.name} ({self.device_id[:7]}, {self.folder})"]
        if self.process is not None and self.process.poll() is not None:
            parts.append(f"exited with {self.process.returncode}")
        else:
            try:
                status = self.folder_status()
                parts.append(
                    f"folder state={status.get('state')!r} error={status.get('error')!r} "
                    f"needFiles={status.get('needFiles')} "
                    f"pullErrors={status.get('pullErrors')}"
                )
                parts.append(f"connected to {sorted(p[:7] for p in self.connected_peers())}")
            except (OSError, SyncthingError) as error:
                parts.append(f"REST API unreachable: {error}")
        listing = sorted(
            str(path.relative_to(self.folder))
            for path in self.folder.rglob("*")
            if path.is_file() and ".stfolder" not in path.parts
        )
        parts.append(f"files: {listing}")
        parts.append(self.log_tail())
        return "\n".join(parts)


def _address(hex_address: str) -> str:
    """An address from /proc/net/{tcp,udp}[6] (host-order hex words) as ``ip:port``."""
    host, port = hex_address.split(":")
    raw = bytes.fromhex(host)
    # Each 32-bit word is in the kernel's (little-endian here) byte order.
    packed = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
    return f"{ipaddress.ip_address(packed)}:{int(port, 16)}"


def _host(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    host = ipaddress.ip_address(address.rsplit(":", 1)[0])
    if isinstance(host, ipaddress.IPv6Address) and host.ipv4_mapped is not None:
        return host.ipv4_mapped
    return host


def on_loopback(local: str, remote: str) -> bool:
    """Whether a socket is bound to loopback and, if connected, connected to loopback.

    A listener's remote end is all zeros; its local end must still be loopback, so a
    socket bound to every interface (0.0.0.0) fails.
    """
    return _host(local).is_loopback and (_host(remote).is_loopback or _host(remote).is_unspecified)


@dataclass
class Cluster:
    """Daemons that share ``FOLDER_ID`` with each other, started and connected."""

    daemons: list[Daemon]

    def __getitem__(self, index: int) -> Daemon:
        return self.daemons[index]

    def describe(self) -> str:
        return "\n".join(daemon.describe() for daemon in self.daemons)

    def wait_for_file(
        self,
        daemon: Daemon,
        relative: str | Path,
        *,
        content: bytes | None = None,
        timeout: float = 20.0,
    ) -> Path:
        """Wait until ``relative`` exists in ``daemon``'s folder (with ``content``, if given).

        Syncthing writes into a temporary name and renames, so a file that exists under its
        own name is complete.
        """
        target = daemon.folder / relative
        wanted = "" if content is None else f" with the expected {len(content)} bytes"

        def arrived() -> bool:
            if not target.is_file():
                return False
            return content is None or target.read_bytes() == content

        wait_until(
            arrived,
            timeout,
            lambda: (
                f"{relative} did not reach {daemon.name}{wanted} in {timeout:.0f} s\n"
                + self.describe()
            ),
        )
        return target


def wait_until(done: Callable[[], bool], timeout: float, explain: Callable[[], str]) -> None:
    """Poll ``done`` every 0.1 s; fail with ``explain()`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise SyncthingError(explain())
        time.sleep(0.1)


def _environment(base: Path) -> dict[str, str]:
    """A minimal environment: HOME and XDG inside tmp, no proxy, no upgrades or restarts."""
    home = base / "user"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "TMPDIR": str(base / "tmp"),
        "LANG": "C.UTF-8",
        "STNODEFAULTFOLDER": "1",
        "STNOUPGRADE": "1",
        "STNORESTART": "1",
        # Run as the inner process itself: otherwise a monitor process starts the daemon as
        # a child in its own process group, out of reach of our signals and PDEATHSIG.
        "STMONITORED": "yes",
    }
    for key in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "TMPDIR"):
        Path(env[key]).mkdir(parents=True, exist_ok=True)
    return env


def _generate(name: str, base: Path, env: dict[str, str]) -> Daemon:
    home = base / "home"
    folder = base / "shared"
    subprocess.run(
        [BINARY, "generate", f"--home={home}", "--no-default-folder", "--skip-port-probing"],
        env=env,
        check=True,
        capture_output=True,
    )
    root = ET.parse(home / "config.xml").getroot()  # noqa: S314  # written just now by Syncthing
    device = root.find("device")
    assert device is not None, "syncthing generate wrote no device"
    return Daemon(
        name=name,
        home=home,
        folder=folder,
        device_id=device.attrib["id"],
        gui_port=free_port(),
        listen_port=free_port(),
        api_key=secrets.token_hex(16),
    )


def _set(parent: ET.Element, tag: str, value: str) -> None:
    element = parent.find(tag)
    if element is None:
        element = ET.SubElement(parent, tag)
    element.text = value


def _device_element(peer: Daemon) -> ET.Element:
    device = ET.Element("device", id=peer.device_id, name=peer.name, compression="metadata")
    ET.SubElement(device, "address").text = peer.address
    ET.SubElement(device, "autoAcceptFolders").text = "false"
    return device


def _configure(daemon: Daemon, everyone: list[Daemon]) -> None:
    """Rewrite ``daemon``'s generated config.xml for a loopback-only cluster."""
    path = daemon.home / "config.xml"
    tree = ET.parse(path)  # noqa: S314  # written by syncthing generate moments ago
    root = tree.getroot()
    for old in root.findall("device") + root.findall("folder"):
        root.remove(old)
    for index, peer in enumerate(everyone):
        root.insert(index, _device_element(peer))

    folder = ET.Element(
        "folder",
        id=FOLDER_ID,
        label="shared",
        path=str(daemon.folder),
        type="sendreceive",
        rescanIntervalS=str(RESCAN_S),
        fsWatcherEnabled="true",
        fsWatcherDelayS=str(WATCH_DELAY_S),
    )
    for peer in everyone:
        ET.SubElement(folder, "device", id=peer.device_id)
    root.insert(len(everyone), folder)

    gui = root.find("gui")
    assert gui is not None
    gui.attrib.update(enabled="true", tls="false")
    _set(gui, "address", f"127.0.0.1:{daemon.gui_port}")
    _set(gui, "apikey", daemon.api_key)

    options = root.find("options")
    assert options is not None
    for service in (*OUTSIDE_SERVICES, "listenAddress"):
        for element in options.findall(service):
            options.remove(element)
    _set(options, "listenAddress", daemon.address)
    for service in OUTSIDE_SERVICES:
        _set(options, service, "")
    for name, value in OFFLINE_OPTIONS.items():
        _set(options, name, value)
    for name in OUTSIDE_URLS:
        _set(options, name, "")
    for element in options.findall("unackedNotificationID"):
        options.remove(element)
    tree.write(path, encoding="unicode")


def processes_under(base: Path) -> list[int]:
    """Pids of live processes whose command line names a path under ``base``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            argv = (entry / "cmdline").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
        if state != "Z" and str(base).encode() in argv:
            found.append(int(entry.name))
    return found


def _die_with_parent() -> None:
    """Runs in the child before exec: SIGTERM it if the test process dies first."""
    _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


_LIBC = ctypes.CDLL(None, use_errno=True)


def _start(daemon: Daemon, env: dict[str, str]) -> None:
    daemon.folder.mkdir(parents=True, exist_ok=True)
    # The marker says the folder is mounted and meant; without it Syncthing refuses to sync.
    (daemon.folder / ".stfolder").mkdir(exist_ok=True)
    with daemon.log.open("wb") as log:
        daemon.process = subprocess.Popen(
            [BINARY, "serve", f"--home={daemon.home}", "--no-browser", "--no-restart",
             "--no-upgrade", "--no-default-folder", "--skip-port-probing", "--logflags=3"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent,  # only prctl runs between fork and exec
            start_new_session=True,
        )  # fmt: skip


def _stop(daemons: list[Daemon]) -> None:
    """Terminate every started daemon at once (each takes about a second), then kill."""
    processes = [daemon.process for daemon in daemons if daemon.process is not None]
    for process in processes:
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + STOP_TIMEOUT_S
    for process in processes:
        try:
            process.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_TIMEOUT_S)


def _listening(daemon: Daemon) -> bool:
    """Whether the REST API answers and says the sync listener is up."""
    if daemon.process is not None and daemon.process.poll() is not None:
        raise SyncthingError(f"{daemon.name} exited at start\n{daemon.log_tail()}")
    try:
        listeners = daemon.get("/rest/system/status")["connectionServiceStatus"]
    except (OSError, SyncthingError):
        return False
    state = listeners.get(daemon.address)
    return state is not None and state.get("error") is None and bool(state.get("lanAddresses"))


def _settled(cluster: Cluster) -> bool:
    """Whether every daemon sees all its peers connected and has scanned its folder."""
    for daemon in cluster.daemons:
        peers = {peer.device_id for peer in cluster.daemons if peer is not daemon}
        try:
            if not peers <= daemon.connected_peers():
                return False
            if daemon.folder_status().get("state") != "idle":
                return False
        except (OSError, SyncthingError):
            return False
    return True


@contextmanager
def syncthing_cluster(base: Path, count: int = 2) -> Iterator[Cluster]:
    """Start ``count`` connected daemons under ``base``; stop them all on the way out.

    Yields once every daemon answers its REST API, sees every peer connected and has
    scanned its (empty) folder.
    """
    assert 2 <= count <= 3
    names = ["alpha", "bravo", "charlie"][:count]
    envs = {name: _environment(base / name) for name in names}
    daemons = [_generate(name, base / name, envs[name]) for name in names]
    for daemon in daemons:
        _configure(daemon, daemons)
    cluster = Cluster(daemons)
    try:
        # One after the other: a daemon dials its peers as it starts, and a dial that
        # finds no listener is retried only after about 20 s whatever the config says.
        # Started in turn, each later daemon finds the earlier ones listening.
        for daemon in daemons:
            _start(daemon, envs[daemon.name])
            wait_until(
                partial(_listening, daemon),
                START_TIMEOUT_S,
                lambda: "a daemon did not start listening\n" + cluster.describe(),
            )
        wait_until(
            lambda: _settled(cluster),
            START_TIMEOUT_S,
            lambda: "the daemons did not connect\n" + cluster.describe(),
        )
        yield cluster
    finally:
        _stop(daemons)
