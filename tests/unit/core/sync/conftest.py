"""Vaults that share a folder: the admin ``a`` and members made on demand."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hushnote.core import KdfParams, Vault


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    folder = tmp_path / "shared"
    folder.mkdir()
    return folder


@pytest.fixture
def make_vault(tmp_path: Path, fast_kdf_params: KdfParams) -> Iterator[Callable[[str], Vault]]:
    opened: list[Vault] = []

    def make(name: str) -> Vault:
        vault = Vault.create(tmp_path / name, f"passphrase of {name}", kdf=fast_kdf_params)
        opened.append(vault)
        return vault

    yield make
    for vault in opened:
        if not vault.is_locked:
            vault.lock()


def join(admin: Vault, member: Vault, shared: Path, tmp_path: Path, label: str,
         notebook: str = "Cases") -> None:  # fmt: skip
    """Invite ``member`` to ``notebook`` and have it join and sync."""
    invitation = tmp_path / f"{label}.invite"
    admin.spaces.invite(notebook, member.age_recipient(), invitation, label=label)
    member.spaces.join(invitation, shared)
    member.spaces.sync()
    admin.spaces.sync()
