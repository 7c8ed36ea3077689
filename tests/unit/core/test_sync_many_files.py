"""A pass over many files of one writer: each applied once, in order, a gap waited on."""

from __future__ import annotations

from pathlib import Path

import pytest

from hushnote.core import KdfParams, Vault
from hushnote.core.sync import publishing

PASSPHRASE = "correct horse battery staple"


def _pair(tmp_path: Path, params: KdfParams) -> tuple[Vault, Vault, Path]:
    folder = tmp_path / "folder"
    folder.mkdir()
    writer = Vault.create(tmp_path / "writer", PASSPHRASE, kdf=params)
    reader = Vault.create(tmp_path / "reader", PASSPHRASE, kdf=params)
    writer.spaces.create("Shared", folder, label="writer")
    invitation = tmp_path / "reader.invite"
    writer.spaces.invite("Shared", reader.age_recipient(), invitation, label="reader")
    reader.spaces.join(invitation, folder)
    return writer, reader, folder


def _writer_files(writer: Vault, folder: Path) -> list[Path]:
    (space,) = [d for d in folder.iterdir() if d.is_dir()]
    with writer.db.transaction() as connection:
        (device,) = connection.execute("SELECT device FROM spaces").fetchone()
    return sorted((space / device).iterdir())


def _titles(vault: Vault) -> set[str]:
    return {str(row[0]) for row in vault.db.rows("SELECT title FROM notes")}


def test_one_change_per_file_is_published_and_applied_in_one_pass(
    tmp_path: Path, fast_kdf_params: KdfParams, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer, reader, folder = _pair(tmp_path, fast_kdf_params)
    with writer, reader:
        before = len(_writer_files(writer, folder))
        for n in range(5):
            writer.notes.create(title=f"note {n}", body=f"body {n}", notebook="Shared")
        monkeypatch.setattr(publishing, "_BATCH_BYTES", 1)
        (published,) = writer.spaces.sync()
        assert published.published_files == 5
        assert len(_writer_files(writer, folder)) == before + 5

        (applied,) = reader.spaces.sync()
        assert applied.problem is None and not applied.refused and not applied.waiting
        assert applied.changed_notes == 5
        assert {f"note {n}" for n in range(5)} <= _titles(reader)
        (idle,) = reader.spaces.sync()
        assert idle.applied_files == 0 and idle.changed_notes == 0


def test_a_missing_file_holds_back_the_later_ones_until_it_arrives(
    tmp_path: Path, fast_kdf_params: KdfParams, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer, reader, folder = _pair(tmp_path, fast_kdf_params)
    with writer, reader:
        reader.spaces.sync()
        for n in range(3):
            writer.notes.create(title=f"note {n}", body="", notebook="Shared")
        monkeypatch.setattr(publishing, "_BATCH_BYTES", 1)
        writer.spaces.sync()
        first, second, third = _writer_files(writer, folder)[-3:]
        aside = tmp_path / "aside"
        second.rename(aside)

        (report,) = reader.spaces.sync()
        assert report.applied_files == 1
        assert [v.reason for v in report.waiting] == ["missing"]
        assert report.waiting[0].seq == int(second.name, 16)
        assert len(_titles(reader) & {"note 0", "note 1", "note 2"}) == 1

        aside.rename(second)
        (report,) = reader.spaces.sync()
        assert report.applied_files == 2 and not report.waiting
        assert {"note 0", "note 1", "note 2"} <= _titles(reader)
        assert third.exists() and first.exists()


def test_a_damaged_file_is_refused_alone_and_the_ones_before_it_stay_applied(
    tmp_path: Path, fast_kdf_params: KdfParams, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer, reader, folder = _pair(tmp_path, fast_kdf_params)
    with writer, reader:
        reader.spaces.sync()
        for n in range(3):
            writer.notes.create(title=f"note {n}", body="", notebook="Shared")
        monkeypatch.setattr(publishing, "_BATCH_BYTES", 1)
        writer.spaces.sync()
        second = _writer_files(writer, folder)[-2]
        damaged = bytearray(second.read_bytes())
        damaged[-1] ^= 1
        second.chmod(0o600)
        second.write_bytes(bytes(damaged))

        (report,) = reader.spaces.sync()
        assert report.applied_files == 1
        assert [(v.seq, v.reason) for v in report.refused] == [(int(second.name, 16), "damaged")]
        assert len(_titles(reader) & {"note 0", "note 1", "note 2"}) == 1
        (again,) = reader.spaces.sync()
        assert again.applied_files == 0 and len(again.refused) == 1
