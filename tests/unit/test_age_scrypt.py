"""The ``fast_scrypt`` fixture's writer makes real age files: pyrage and the age tool
open them, a wrong passphrase or a changed byte does not, and the app reads them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyrage
import pytest
from pyrage import passphrase as age_passphrase

from hushnote.core import Vault
from support import age_scrypt
from support.terminal import run_in_terminal

SIZES = [0, 1, age_scrypt.CHUNK - 1, age_scrypt.CHUNK, age_scrypt.CHUNK + 1, 3 * age_scrypt.CHUNK]


@pytest.mark.parametrize("size", SIZES)
def test_pyrage_opens_it_whatever_its_length(size: int) -> None:
    plaintext = os.urandom(size)
    sealed = age_scrypt.encrypt(plaintext, "口令 words")
    assert sealed.split(b"\n")[1].endswith(b" %d" % age_scrypt.LOG_N)
    assert age_passphrase.decrypt(sealed, "口令 words") == plaintext


def test_a_wrong_passphrase_or_a_changed_byte_is_refused() -> None:
    sealed = age_scrypt.encrypt(b"x" * 100_000, "words")
    with pytest.raises(pyrage.DecryptError):
        age_passphrase.decrypt(sealed, "other words")
    for at in (30, len(sealed) - 70_000, len(sealed) - 1):  # header, first chunk, last
        changed = bytearray(sealed)
        changed[at] ^= 1
        with pytest.raises(pyrage.DecryptError):
            age_passphrase.decrypt(bytes(changed), "words")


@pytest.mark.skipif(shutil.which("age") is None, reason="the age tool is missing")
def test_the_age_tool_opens_it(tmp_path: Path) -> None:
    sealed = tmp_path / "file.age"
    sealed.write_bytes(age_scrypt.encrypt(b"plain text", "bundle words"))
    code, screen = run_in_terminal(
        ["age", "-d", "-o", str(tmp_path / "out"), str(sealed)], ["bundle words"]
    )
    assert code == 0, screen
    assert (tmp_path / "out").read_bytes() == b"plain text"


def test_the_fixture_makes_the_app_write_cheap_passphrase_bundles(
    fast_scrypt: None, open_vault: Vault, tmp_path: Path
) -> None:
    open_vault.notes.create(title="t", body="b")
    out = tmp_path / "b.hnb"
    open_vault.export_bundle(out, passphrase="bundle words")
    assert out.read_bytes().split(b"\n")[1].endswith(b" %d" % age_scrypt.LOG_N)
    contents = open_vault.read_bundle(out, passphrase="bundle words")
    assert [note["title"] for note in contents.records("notes.jsonl")] == ["t"]


def test_the_fixture_reaches_the_processes_a_test_starts(fast_scrypt: None) -> None:
    child = "import pyrage.passphrase as p, sys; sys.stdout.buffer.write(p.encrypt(b'x', 'w'))"
    sealed = subprocess.run([sys.executable, "-c", child], capture_output=True, check=True).stdout
    assert sealed.split(b"\n")[1].endswith(b" %d" % age_scrypt.LOG_N)
    assert age_passphrase.decrypt(sealed, "w") == b"x"
