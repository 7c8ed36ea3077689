"""Copies for other programs: only in RAM, named at random, erased at clear and at start."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from hushnote.app.private_copies import COPIES_FOLDER, PrivateCopies, ram_places
from hushnote.errors import PrivateCopyError

SECRET = b"%PDF-1.7 minutes of the legal-aid meeting " * 1000


@pytest.fixture
def ram(tmp_path: Path) -> Iterator[Path]:
    """A fresh folder on /dev/shm (tmpfs), standing in for $XDG_RUNTIME_DIR."""
    if not Path("/dev/shm").is_dir():
        pytest.skip("no /dev/shm here")
    folder = Path("/dev/shm") / f"hushnote-test-{os.getpid()}-{tmp_path.name}"
    folder.mkdir(mode=0o700)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_a_copy_is_private_named_at_random_and_keeps_the_extension(ram: Path) -> None:
    copies = PrivateCopies([(ram, COPIES_FOLDER)])
    path = copies.write(SECRET, "Minutes of the Tuesday meeting.PDF")
    assert path.read_bytes() == SECRET
    assert path.suffix == ".pdf"
    assert "Minutes" not in str(path) and "Tuesday" not in str(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE((ram / COPIES_FOLDER).stat().st_mode) == 0o700
    assert copies.write(b"x", "no extension").suffix == ""
    assert copies.write(b"x", "odd.ext with space").suffix == ""


def test_clear_overwrites_then_removes_every_copy_and_what_was_put_beside_it(
    ram: Path,
) -> None:
    copies = PrivateCopies([(ram, COPIES_FOLDER)])
    path = copies.write(SECRET, "a.pdf")
    second = copies.write(SECRET, "b.odt")
    # Another program's lock file and autosave, beside the copy.
    (path.parent / ".~lock.b.odt#").write_bytes(b"lock")
    (path.parent / "backup").mkdir()
    (path.parent / "backup" / "b.odt.bak").write_bytes(SECRET)
    # Holding the file open shows what its pages held just before the unlink.
    reader = os.open(path, os.O_RDONLY)
    try:
        assert copies.clear() == []
        assert os.pread(reader, 64, 0) != SECRET[:64]  # overwritten in place
        assert os.fstat(reader).st_nlink == 0  # and removed
    finally:
        os.close(reader)
    assert not path.exists() and not second.exists()
    assert not path.parent.exists()
    assert os.listdir(ram / COPIES_FOLDER) == []
    assert copies.paths == []


def test_a_new_copy_after_clear_goes_into_a_new_folder(ram: Path) -> None:
    copies = PrivateCopies([(ram, COPIES_FOLDER)])
    first = copies.write(b"one", "a.txt")
    copies.clear()
    second = copies.write(b"two", "a.txt")
    assert second.parent != first.parent and second.read_bytes() == b"two"
    copies.clear()


LEFTOVER = r"""
import os, sys
from pathlib import Path
from hushnote.app.private_copies import PrivateCopies
copies = PrivateCopies([(Path(sys.argv[1]), "hushnote-copies")])
print(copies.write(b"left by a crash", "x.pdf"))
os._exit(9)  # a crash: no clear
"""


def test_the_sweep_at_start_removes_what_a_crash_left_and_spares_a_live_process(
    ram: Path,
) -> None:
    crashed = subprocess.run(
        [sys.executable, "-c", LEFTOVER, str(ram)], capture_output=True, text=True, check=False
    )
    leftover = Path(crashed.stdout.strip())
    assert leftover.read_bytes() == b"left by a crash"
    living = PrivateCopies([(ram, COPIES_FOLDER)])
    kept = living.write(b"still open elsewhere", "y.pdf")
    stray = ram / COPIES_FOLDER / "stray-file"
    stray.write_bytes(b"stray")

    assert PrivateCopies([(ram, COPIES_FOLDER)]).sweep() == []

    assert not leftover.exists() and not leftover.parent.exists() and not stray.exists()
    assert kept.read_bytes() == b"still open elsewhere"  # its process still runs
    living.clear()


def test_a_symlinked_folder_is_refused(ram: Path, tmp_path: Path) -> None:
    elsewhere = ram / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    (ram / COPIES_FOLDER).symlink_to(elsewhere)
    with pytest.raises(PrivateCopyError) as raised:
        PrivateCopies([(ram, COPIES_FOLDER)]).write(SECRET, "a.pdf")
    assert raised.value.context["reason"] == "unsafe-folder"
    assert os.listdir(elsewhere) == []


def test_a_file_in_the_folders_place_is_refused(ram: Path) -> None:
    (ram / COPIES_FOLDER).write_bytes(b"")
    with pytest.raises(PrivateCopyError):
        PrivateCopies([(ram, COPIES_FOLDER)]).write(SECRET, "a.pdf")


def test_a_folder_of_another_owner_is_refused(ram: Path) -> None:
    if os.getuid() != 0:
        pytest.skip("giving a folder to another user needs root")
    (ram / COPIES_FOLDER).mkdir(mode=0o700)
    os.chown(ram / COPIES_FOLDER, 65534, 65534)
    with pytest.raises(PrivateCopyError) as raised:
        PrivateCopies([(ram, COPIES_FOLDER)]).write(SECRET, "a.pdf")
    assert raised.value.context["reason"] == "unsafe-folder"


def test_sweep_and_clear_do_not_follow_a_planted_link(ram: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"keep me")
    copies = PrivateCopies([(ram, COPIES_FOLDER)])
    path = copies.write(b"copy", "a.txt")
    (path.parent / "link").symlink_to(victim)
    assert copies.clear() == []
    assert victim.read_bytes() == b"keep me"


def test_a_disk_backed_folder_is_refused(tmp_path: Path) -> None:
    disk = tmp_path / "run"
    disk.mkdir(mode=0o700)
    with pytest.raises(PrivateCopyError) as raised:
        PrivateCopies([(disk, COPIES_FOLDER), (Path("/tmp"), "copies")]).write(SECRET, "a.pdf")
    assert raised.value.context["reason"] == "no-ram-folder"
    assert not (disk / COPIES_FOLDER).exists()  # nothing was written there


def test_the_runtime_folder_comes_first_and_shm_is_named_per_user(
    monkeypatch: pytest.MonkeyPatch, ram: Path
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(ram))
    assert ram_places()[0] == (ram, COPIES_FOLDER)
    assert ram_places()[-1] == (Path("/dev/shm"), f"{COPIES_FOLDER}-{os.getuid()}")
    monkeypatch.setenv("XDG_RUNTIME_DIR", "relative/path")
    assert len(ram_places()) == 1


def test_a_disk_backed_runtime_folder_falls_back_to_shm(tmp_path: Path, ram: Path) -> None:
    copies = PrivateCopies([(tmp_path, COPIES_FOLDER), (ram, "fallback")])
    path = copies.write(b"x", "a.png")
    assert path.is_relative_to(ram / "fallback")
    assert not (tmp_path / COPIES_FOLDER).exists()
    copies.clear()


def test_nothing_to_clear_or_sweep_is_quiet(tmp_path: Path) -> None:
    copies = PrivateCopies([(tmp_path, COPIES_FOLDER)])
    assert copies.clear() == []
    assert copies.sweep() == []
