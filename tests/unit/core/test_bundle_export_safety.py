"""A failed or cancelled export changes nothing: a file already at the target stays byte
for byte as it was, and no file the export made is left behind (docs/bundle-format.md)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyrage
import pytest

from hushnote.core import KdfParams, NewNote, Vault
from hushnote.core.formats import bundle_export
from hushnote.errors import (
    BundleWriteError,
    CancelledError,
    DiskFullError,
    HushnoteError,
    InvalidRecordError,
    PassphraseError,
)

OLD = b"a file that was here before the export"
OLD_KEY = b"its key file, also here before"


@pytest.fixture
def vault(tmp_path: Path, fast_kdf_params: KdfParams) -> Iterator[Vault]:
    opened = Vault.create(tmp_path / "vault", "pw one", kdf=fast_kdf_params)
    opened.notes.create_many(NewNote(title=str(n), body="words " * 20) for n in range(3000))
    yield opened
    opened.lock()


def _existing(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    out = folder / "b.hnb"
    out.write_bytes(OLD)
    (folder / "b.hnb.key").write_bytes(OLD_KEY)
    return out


def _unchanged(out: Path) -> None:
    assert out.read_bytes() == OLD
    assert out.with_name("b.hnb.key").read_bytes() == OLD_KEY
    assert sorted(os.listdir(out.parent)) == ["b.hnb", "b.hnb.key"]  # no temporary file


def _cancel(_fraction: float) -> bool:
    return False  # cancelled at the first report, after the first records were streamed


FAILURES: dict[str, tuple[dict[str, Any], type[HushnoteError], int | None]] = {
    "bad-key": ({"recipients": ["age1typo"]}, InvalidRecordError, None),
    "no-key": ({"recipients": []}, InvalidRecordError, None),
    "empty-passphrase": ({"passphrase": ""}, PassphraseError, None),
    "cancel-key": ({"recipients": ["self"], "progress": _cancel}, CancelledError, None),
    "cancel-passphrase": (
        {"passphrase": "bundle words", "progress": _cancel},
        CancelledError,
        None,
    ),
    "cancel-passphrase-spilled": (
        {"passphrase": "bundle words", "progress": _cancel},
        CancelledError,
        1000,
    ),
}


@pytest.mark.parametrize("failure", FAILURES)
def test_a_failed_export_keeps_the_file_already_there(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    arguments, error, in_memory_limit = FAILURES[failure]
    if in_memory_limit is not None:
        monkeypatch.setattr(bundle_export, "IN_MEMORY_LIMIT", in_memory_limit)
    out = _existing(tmp_path / "out")
    with pytest.raises(error):
        vault.export_bundle(out, **arguments)
    _unchanged(out)


@pytest.mark.parametrize(
    "arguments",
    [{"recipients": ["self"]}, {"passphrase": "bundle words"}],
    ids=["key", "passphrase"],
)
def test_a_successful_export_replaces_the_file(
    vault: Vault, tmp_path: Path, arguments: dict[str, Any]
) -> None:
    out = _existing(tmp_path / "out")
    report = vault.export_bundle(out, **arguments)
    assert report.files == [out]
    assert out.read_bytes().startswith(b"age-encryption.org/v1")
    assert sorted(os.listdir(out.parent)) == ["b.hnb", "b.hnb.key"]  # the old key untouched
    assert (out.parent / "b.hnb.key").read_bytes() == OLD_KEY


@pytest.mark.parametrize("how", ["key", "passphrase"])
def test_a_folder_as_the_target_is_refused_and_nothing_is_left(
    vault: Vault, tmp_path: Path, how: str
) -> None:
    folder = tmp_path / "out" / "b.hnb"
    folder.mkdir(parents=True)
    (folder / "inside").write_bytes(OLD)
    arguments: dict[str, Any] = (
        {"recipients": ["self"]} if how == "key" else {"passphrase": "bundle words"}
    )
    with pytest.raises(BundleWriteError) as raised:
        vault.export_bundle(folder, **arguments)
    assert raised.value.context["reason"] == "is-a-folder"
    assert os.listdir(tmp_path / "out") == ["b.hnb"]
    assert os.listdir(folder) == ["inside"] and (folder / "inside").read_bytes() == OLD


@pytest.mark.parametrize("name", ["vault.key", "new.hnb", "sub/x.hnb"])
def test_a_target_inside_the_vault_folder_is_refused(
    vault: Vault, tmp_path: Path, name: str
) -> None:
    root = tmp_path / "vault"
    (root / "sub").mkdir()
    before = {path.name: path.read_bytes() for path in root.iterdir() if path.is_file()}
    with pytest.raises(BundleWriteError) as raised:
        vault.export_bundle(root / name, recipients=["self"])
    assert raised.value.context["reason"] == "inside-vault"
    assert {path.name for path in root.iterdir() if path.is_file()} == set(before)
    assert (root / "vault.key").read_bytes() == before["vault.key"]
    assert not (root / "new.hnb").exists() and os.listdir(root / "sub") == []


# -- a full disk --------------------------------------------------------------------------


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A real, tiny file system holding the target, filled up after the target is made."""
    from support.mounts import fill, tmpfs

    with tmpfs(tmp_path / "disk", 256) as disk:
        _existing(disk / "out")
        fill(disk)
        yield disk / "out" / "b.hnb"


@pytest.mark.parametrize(
    ("arguments", "in_memory_limit"),
    [
        ({"recipients": ["self"]}, None),
        ({"passphrase": "bundle words"}, None),
        ({"passphrase": "bundle words"}, 1000),
    ],
    ids=["key", "passphrase", "passphrase-spilled"],
)
def test_a_full_disk_is_reported_as_such_and_keeps_the_file(
    vault: Vault,
    full_disk: Path,
    monkeypatch: pytest.MonkeyPatch,
    arguments: dict[str, Any],
    in_memory_limit: int | None,
) -> None:
    if in_memory_limit is not None:
        monkeypatch.setattr(bundle_export, "IN_MEMORY_LIMIT", in_memory_limit)
    with pytest.raises(DiskFullError):
        vault.export_bundle(full_disk, **arguments)
    _unchanged(full_disk)


def _age_wraps(real: Any, message: str | None = None) -> Any:
    """age's encrypt_io, but reporting a write failure as its own ``EncryptError`` (as
    pyrage does where the failure surfaces inside age), or failing with ``message``."""

    def encrypt_io(source: Any, target: Any, recipients: Any) -> None:
        if message is not None:
            raise pyrage.EncryptError(message)
        try:
            real(source, target, recipients)
        except OSError as error:
            raise pyrage.EncryptError(f"{error.strerror} (os error {error.errno})") from None

    return encrypt_io


def test_a_full_disk_inside_age_is_a_full_disk(
    vault: Vault, full_disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It reached the CLI as "internal error (EncryptError)" and the GUI's crash dialog."""
    monkeypatch.setattr(bundle_export.pyrage, "encrypt_io", _age_wraps(pyrage.encrypt_io))
    with pytest.raises(DiskFullError):
        vault.export_bundle(full_disk, recipients=["self"])
    _unchanged(full_disk)


def test_another_age_failure_is_a_bundle_write_error(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        bundle_export.pyrage, "encrypt_io", _age_wraps(pyrage.encrypt_io, "stream error")
    )
    out = _existing(tmp_path / "out")
    with pytest.raises(BundleWriteError) as raised:
        vault.export_bundle(out, recipients=["self"])
    assert raised.value.context["reason"] == "encrypt"
    _unchanged(out)


def test_a_symbolic_link_as_the_target_is_replaced_never_written_through(
    vault: Vault, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    elsewhere = tmp_path / "precious"
    elsewhere.write_bytes(OLD)
    (folder / "b.hnb").symlink_to(elsewhere)
    vault.export_bundle(folder / "b.hnb", recipients=["self"])
    assert elsewhere.read_bytes() == OLD
    assert not (folder / "b.hnb").is_symlink()
    (folder / "into-vault.hnb").symlink_to(tmp_path / "vault" / "vault.key")
    with pytest.raises(BundleWriteError):  # resolved, it lies in the vault folder
        vault.export_bundle(folder / "into-vault.hnb", recipients=["self"])
    assert (folder / "into-vault.hnb").is_symlink()
    assert sorted(os.listdir(folder)) == ["b.hnb", "into-vault.hnb"]
