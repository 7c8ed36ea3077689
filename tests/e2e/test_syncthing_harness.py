"""The Syncthing harness itself: real daemons on loopback carry files, and leave nothing.

The shared-notebook tests trust this harness to deliver files the way a user's Syncthing
would, and to stay on 127.0.0.1; these tests check both. Where Syncthing is not installed
they are skipped, naming the Debian package, except in CI, which installs it, so that a
missing daemon fails there instead of passing silently.
"""

from __future__ import annotations

import secrets
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.syncthing import (
    FOLDER_ID,
    OFFLINE_OPTIONS,
    Cluster,
    available,
    missing,
    on_loopback,
    processes_under,
    syncthing_cluster,
)

pytestmark = pytest.mark.skipif(missing(), reason="syncthing is not installed (Debian: syncthing)")


def require_syncthing() -> None:
    if not available():
        pytest.fail("CI installs syncthing (.ci/run), and it is missing")


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    require_syncthing()
    with syncthing_cluster(tmp_path_factory.mktemp("syncthing")) as cluster:
        yield cluster


def test_a_file_arrives_byte_identical(pair: Cluster) -> None:
    alpha, bravo = pair.daemons
    data = secrets.token_bytes(200_000)
    (alpha.folder / "blob").write_bytes(data)
    arrived = pair.wait_for_file(bravo, "blob", content=data)
    assert arrived.read_bytes() == data


def test_a_file_in_nested_folders_arrives(pair: Cluster) -> None:
    alpha, bravo = pair.daemons
    data = secrets.token_bytes(1000)
    (alpha.folder / "space" / "device").mkdir(parents=True)
    (alpha.folder / "space" / "device" / "000001").write_bytes(data)
    pair.wait_for_file(bravo, Path("space", "device", "000001"), content=data)
    # And back the other way, into a folder that now exists on both sides.
    (bravo.folder / "space" / "device" / "000002").write_bytes(data[::-1])
    pair.wait_for_file(alpha, "space/device/000002", content=data[::-1])


def test_a_missing_file_fails_with_what_the_daemons_saw(pair: Cluster) -> None:
    alpha, bravo = pair.daemons
    with pytest.raises(AssertionError) as failure:
        pair.wait_for_file(bravo, "never-written", timeout=0.5)
    message = str(failure.value)
    assert "never-written did not reach bravo" in message
    assert f"connected to ['{alpha.device_id[:7]}']" in message


def test_the_daemons_stay_on_loopback(pair: Cluster) -> None:
    for daemon in pair.daemons:
        # What the running daemon uses, read back through its own API.
        options = daemon.live_options()
        assert options["globalAnnounceEnabled"] is False
        assert options["localAnnounceEnabled"] is False
        assert options["relaysEnabled"] is False
        assert options["natEnabled"] is False
        assert options["announceLANAddresses"] is False
        assert options["crashReportingEnabled"] is False
        assert options["autoUpgradeIntervalH"] == 0
        assert options["urAccepted"] == -1
        assert options["listenAddresses"] == [daemon.address]
        assert options["globalAnnounceServers"] == [""]
        config = daemon.get("/rest/config")
        assert config["gui"]["address"] == f"127.0.0.1:{daemon.gui_port}"
        peers = {device["deviceID"]: device["addresses"] for device in config["devices"]}
        assert peers == {peer.device_id: [peer.address] for peer in pair.daemons}

        # And what it saved: Syncthing rewrites config.xml at start.
        saved = ET.parse(daemon.home / "config.xml").getroot()  # noqa: S314  # our test's file
        for name, value in OFFLINE_OPTIONS.items():
            assert saved.findtext(f"options/{name}") == value, name
        folder = saved.find(f"folder[@id='{FOLDER_ID}']")
        assert folder is not None and folder.attrib["fsWatcherEnabled"] == "true"

        # Every socket it holds is bound to, and connected to, loopback only.
        sockets = daemon.inet_sockets()
        assert sockets, "no sockets found: the check would prove nothing"
        outside = [s for s in sockets if not on_loopback(s[1], s[2])]
        assert outside == []


def test_every_daemon_stops_even_when_the_test_fails(tmp_path: Path) -> None:
    require_syncthing()
    base = tmp_path / "syncthing"
    with pytest.raises(RuntimeError, match="the test failed"):
        with syncthing_cluster(base, count=3) as trio:
            assert len(processes_under(base)) == 3
            (trio[2].folder / "from-charlie").write_bytes(b"c")
            trio.wait_for_file(trio[0], "from-charlie", content=b"c")
            trio.wait_for_file(trio[1], "from-charlie", content=b"c")
            processes = [daemon.process for daemon in trio.daemons]
            raise RuntimeError("the test failed")
    assert all(process is not None and process.returncode is not None for process in processes)
    assert processes_under(base) == []
