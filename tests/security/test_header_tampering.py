"""Whatever an attacker does to the header, the user gets a clear error and no crash."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import PASSPHRASE
from hushnote.core import KdfParams, Vault, VaultPaths
from hushnote.core.vault.header import HEADER_SIZE, PREFIX_SIZE, SLOT_SIZE, Header
from hushnote.errors import (
    AuthenticationError,
    HeaderCorruptedError,
    KdfLimitError,
    UnsupportedVersionError,
)


@dataclass
class Template:
    root: Path
    used_slot: int
    copies: Path


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    root = tmp_path_factory.mktemp("template") / "vault"
    params = KdfParams(memory_kib=64 * 1024, iterations=2, parallelism=2)  # fast_kdf floor
    with Vault.create(root, PASSPHRASE, kdf=params) as vault:
        used = vault.keyring().slot_index
    return Template(root, used, tmp_path_factory.mktemp("copies"))


_counter = iter(range(1_000_000))


@settings(max_examples=40, deadline=None)
@given(
    offset=st.one_of(
        st.integers(min_value=0, max_value=PREFIX_SIZE - 1),
        st.integers(min_value=PREFIX_SIZE, max_value=HEADER_SIZE - 1),
    ),
    mask=st.integers(min_value=1, max_value=255),
)
def test_any_flipped_header_byte_is_refused_cleanly(
    template: Template, offset: int, mask: int
) -> None:
    root = template.copies / f"copy{next(_counter)}"
    shutil.copytree(template.root, root)
    path = VaultPaths(root).header
    data = bytearray(path.read_bytes())
    data[offset] ^= mask
    path.write_bytes(bytes(data))
    slot = (offset - PREFIX_SIZE) // SLOT_SIZE if offset >= PREFIX_SIZE else None
    if slot is None:
        # Parameters and salt are authenticated by every slot.
        with pytest.raises(
            (AuthenticationError, HeaderCorruptedError, KdfLimitError, UnsupportedVersionError)
        ):
            Vault.unlock(root, PASSPHRASE)
    elif slot == template.used_slot:
        with pytest.raises(AuthenticationError):
            Vault.unlock(root, PASSPHRASE)
    else:
        # An unused slot is random filler: changing it changes nothing.
        Vault.unlock(root, PASSPHRASE).lock()
    shutil.rmtree(root)


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=HEADER_SIZE + 10))
def test_arbitrary_bytes_as_a_header_never_crash(data: bytes) -> None:
    with pytest.raises((HeaderCorruptedError, KdfLimitError, UnsupportedVersionError)):
        Header.parse(data)


def test_garbage_and_truncated_header_files_give_a_clear_error(template: Template) -> None:
    for content in (b"", b"not a header", b"HUSHNOTE", None):
        root = template.copies / f"broken{next(_counter)}"
        shutil.copytree(template.root, root)
        header = VaultPaths(root).header
        header.write_bytes(content if content is not None else header.read_bytes()[:1000])
        with pytest.raises(HeaderCorruptedError):
            Vault.unlock(root, PASSPHRASE)
