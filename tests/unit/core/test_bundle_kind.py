"""Telling what a bundle is from its age header alone: each kind, and every file that is
not one, read boundedly and without blocking."""

from __future__ import annotations

import os
import time
import tracemalloc
from pathlib import Path

import pyrage
import pytest
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from hushnote.core import BundleKind, Vault
from hushnote.core.formats.age_header import HEADER_READ
from hushnote.core.formats.bundle_kind import inspect_bundle
from hushnote.errors import BundleTooLargeError, StorageError

OURS = x25519.Identity.generate()
THEIRS = x25519.Identity.generate()


def sealed(path: Path, *recipients: x25519.Identity, data: bytes = b"zip") -> Path:
    path.write_bytes(pyrage.encrypt(data, [r.to_public() for r in recipients]))
    return path


def test_a_bundle_for_our_key_alone_or_among_others(tmp_path: Path) -> None:
    assert inspect_bundle(sealed(tmp_path / "a.hnb", OURS), [OURS]) is BundleKind.OWN_KEY
    both = sealed(tmp_path / "b.hnb", THEIRS, OURS)
    assert inspect_bundle(both, [OURS]) is BundleKind.OWN_KEY


def test_a_bundle_for_someone_else(tmp_path: Path) -> None:
    path = sealed(tmp_path / "a.hnb", THEIRS)
    assert inspect_bundle(path, [OURS]) is BundleKind.OTHER_KEY
    assert inspect_bundle(path, []) is BundleKind.OTHER_KEY  # a vault with no key yet


def test_an_armored_bundle_is_read_too(tmp_path: Path) -> None:
    armored = pyrage.encrypt(b"zip", [OURS.to_public()], armored=True)
    (tmp_path / "a.age").write_bytes(armored)
    assert inspect_bundle(tmp_path / "a.age", [OURS]) is BundleKind.OWN_KEY


def test_a_passphrase_bundle(tmp_path: Path) -> None:
    path = tmp_path / "p.hnb"
    path.write_bytes(age_passphrase.encrypt(b"zip", "bundle words"))
    assert inspect_bundle(path, [OURS]) is BundleKind.PASSPHRASE


def test_a_large_passphrase_bundle_is_known_by_its_key_file(tmp_path: Path) -> None:
    fresh = x25519.Identity.generate()
    path = sealed(tmp_path / "big.hnb", fresh)
    assert inspect_bundle(path, [OURS]) is BundleKind.OTHER_KEY
    (tmp_path / "big.hnb.key").write_bytes(age_passphrase.encrypt(str(fresh).encode(), "pw"))
    assert inspect_bundle(path, [OURS]) is BundleKind.PASSPHRASE


def test_a_passphrase_bundle_asking_too_much_work_is_refused_before_anything_is_asked(
    tmp_path: Path,
) -> None:
    path = tmp_path / "p.hnb"
    header = b"age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA 22\nAAAA\n--- AAAA\n"
    path.write_bytes(header + bytes(64))
    with pytest.raises(BundleTooLargeError) as caught:
        inspect_bundle(path, [OURS])
    assert caught.value.context["what"] == "work-factor"


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"PK\x03\x04 a zip file, not encrypted",
        b"age-encryption.org/v1\n-> X25519 abc\n",  # cut short inside the header
        b"age-encryption.org/v1\n--- AAAA\n",  # no recipient at all
        b"age-encryption.org/v1\n-> scrypt salt 018\nAAAA\n--- AAAA\n",  # age refuses 018
    ],
    ids=["empty", "zip", "truncated-header", "no-recipient", "malformed-scrypt"],
)
def test_what_is_not_a_bundle(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.hnb"
    path.write_bytes(content)
    assert inspect_bundle(path, [OURS]) is BundleKind.NOT_A_BUNDLE


def test_random_bytes_are_not_a_bundle(tmp_path: Path) -> None:
    path = tmp_path / "x.hnb"
    path.write_bytes(os.urandom(200_000))
    assert inspect_bundle(path, [OURS]) is BundleKind.NOT_A_BUNDLE


def test_a_bundle_cut_after_its_header_is_still_known_by_it(tmp_path: Path) -> None:
    # The payload is not read: its damage is found when it is decrypted, as before.
    whole = sealed(tmp_path / "a.hnb", OURS, data=os.urandom(200_000)).read_bytes()
    header_end = whole.index(b"\n", whole.index(b"\n--- ") + 1) + 1  # age adds grease stanzas
    (tmp_path / "a.hnb").write_bytes(whole[: header_end + 100])
    assert inspect_bundle(tmp_path / "a.hnb", [OURS]) is BundleKind.OWN_KEY


def test_a_tampered_wrapped_key_is_not_ours(tmp_path: Path) -> None:
    data = bytearray(sealed(tmp_path / "a.hnb", OURS).read_bytes())
    body = data.index(b"\n", data.index(b"-> X25519")) + 1  # first letter of the body
    data[body] = ord("A") if data[body] != ord("A") else ord("B")
    (tmp_path / "a.hnb").write_bytes(bytes(data))
    assert inspect_bundle(tmp_path / "a.hnb", [OURS]) is BundleKind.OTHER_KEY


def test_a_directory_and_a_fifo_are_not_bundles_and_nothing_blocks(tmp_path: Path) -> None:
    assert inspect_bundle(tmp_path, [OURS]) is BundleKind.NOT_A_BUNDLE
    fifo = tmp_path / "pipe.hnb"
    os.mkfifo(fifo)
    started = time.monotonic()
    assert inspect_bundle(fifo, [OURS]) is BundleKind.NOT_A_BUNDLE  # no writer: no wait
    assert time.monotonic() - started < 1.0


def test_a_missing_file_is_a_storage_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError):
        inspect_bundle(tmp_path / "gone.hnb", [OURS])


def test_a_huge_file_costs_only_its_header(tmp_path: Path) -> None:
    path = sealed(tmp_path / "huge.hnb", OURS)
    with path.open("r+b") as handle:  # sparse: 64 GiB on paper, nothing on disk
        handle.truncate(64 << 30)
    garbage = tmp_path / "garbage.hnb"  # a header line that never ends
    with garbage.open("wb") as handle:
        handle.write(b"age-encryption.org/v1\n-> X25519 ")
        handle.truncate(64 << 30)
    tracemalloc.start()
    try:
        started = time.monotonic()
        assert inspect_bundle(path, [OURS]) is BundleKind.OWN_KEY
        assert inspect_bundle(garbage, [OURS]) is BundleKind.NOT_A_BUNDLE
        elapsed = time.monotonic() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 1.0
    assert peak < 8 * HEADER_READ  # the header read and its copies, not the file


def test_the_vault_tells_its_own_bundles_from_others(open_vault: Vault, tmp_path: Path) -> None:
    mine = tmp_path / "mine.hnb"
    open_vault.export_bundle(mine, recipients=["self"])
    theirs = tmp_path / "theirs.hnb"
    open_vault.export_bundle(theirs, recipients=[str(THEIRS.to_public())])
    locked = tmp_path / "p.hnb"
    open_vault.export_bundle(locked, passphrase="bundle words")
    assert open_vault.inspect_bundle(mine) is BundleKind.OWN_KEY
    assert open_vault.inspect_bundle(theirs) is BundleKind.OTHER_KEY
    assert open_vault.inspect_bundle(locked) is BundleKind.PASSPHRASE


def test_inspecting_in_a_vault_without_a_key_yet_creates_none(
    open_vault: Vault, tmp_path: Path
) -> None:
    path = sealed(tmp_path / "a.hnb", THEIRS)
    assert open_vault.inspect_bundle(path) is BundleKind.OTHER_KEY
    assert open_vault.settings.get("age_identity") is None
