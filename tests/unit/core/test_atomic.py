"""Atomic replacement, scrubbing, and cleaning up after a crash."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from hushnote.core import atomic
from hushnote.core.atomic import clean_leftovers, replace_file, scrub_file, swap_in
from hushnote.errors import DiskFullError, StorageError


def test_replace_creates_a_private_file_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "vault.key"
    replace_file(target, b"one")
    replace_file(target, b"two")
    assert target.read_bytes() == b"two"
    assert os.stat(target).st_mode & 0o777 == 0o600
    assert sorted(os.listdir(tmp_path)) == ["vault.key"]


def test_replace_overwrites_the_old_inode_before_letting_it_go(tmp_path: Path) -> None:
    target = tmp_path / "vault.key"
    replace_file(target, b"OLD-HEADER-SECRET" * 100)
    # An examiner reading the freed inode is modelled by a descriptor kept open on it.
    with target.open("rb") as old_inode:
        replace_file(target, b"new")
        old_inode.seek(0)
        remains = old_inode.read()
    assert len(remains) == 1700
    assert b"OLD-HEADER-SECRET" not in remains


def test_scrub_spares_content_that_another_name_still_links(tmp_path: Path) -> None:
    live = tmp_path / "vault.key"
    live.write_bytes(b"live header")
    os.link(live, tmp_path / "vault.key.old")
    clean_leftovers(live)
    assert live.read_bytes() == b"live header"
    assert not (tmp_path / "vault.key.old").exists()


def test_leftover_new_file_is_scrubbed(tmp_path: Path) -> None:
    live = tmp_path / "vault.key"
    live.write_bytes(b"live")
    (tmp_path / "vault.key.new").write_bytes(b"never installed")
    clean_leftovers(live)
    assert sorted(os.listdir(tmp_path)) == ["vault.key"]


def test_scrub_of_a_missing_file_is_a_no_op(tmp_path: Path) -> None:
    scrub_file(tmp_path / "absent")


def test_swap_in_replaces_and_scrubs(tmp_path: Path) -> None:
    target, source = tmp_path / "vault.db", tmp_path / "vault.db.rekey"
    target.write_bytes(b"old database" * 10)
    source.write_bytes(b"new database")
    with target.open("rb") as old_inode:
        swap_in(source, target)
        assert b"old database" not in old_inode.read()
    assert target.read_bytes() == b"new database"
    assert sorted(os.listdir(tmp_path)) == ["vault.db"]


def test_random_stream_has_the_requested_length_and_is_not_constant() -> None:
    data = b"".join(atomic.random_stream(3 * (1 << 20) + 5))
    assert len(data) == 3 * (1 << 20) + 5
    assert data[:32] != data[-32:]
    assert len(set(data[:4096])) > 200


def _failing_write(fail_errno: int):  # type: ignore[no-untyped-def]
    real_write = os.write

    def write(fd: int, data: bytes) -> int:
        if "vault.key.new" in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(fail_errno, os.strerror(fail_errno))
        return real_write(fd, data)

    return write


@pytest.mark.parametrize(
    ("code", "error"), [(errno.ENOSPC, DiskFullError), (errno.EIO, StorageError)]
)
def test_a_failed_write_keeps_the_old_file_and_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, error: type[Exception]
) -> None:
    target = tmp_path / "vault.key"
    replace_file(target, b"current")
    monkeypatch.setattr(atomic.os, "write", _failing_write(code))
    with pytest.raises(error):
        replace_file(target, b"next")
    monkeypatch.undo()
    assert target.read_bytes() == b"current"
    assert sorted(os.listdir(tmp_path)) == ["vault.key"]
