"""Attachments in a real vault: stored encrypted, read back, removed, swept."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from hushnote.core import Vault
from hushnote.core.attachments.blob_file import MAX_SIZE, blob_size, padded_size
from hushnote.errors import (
    AttachmentDamagedError,
    AttachmentSourceError,
    AttachmentTooLargeError,
    CancelledError,
    RecordNotFoundError,
    UnsafeVaultFileError,
)

CANARY = b"CANARY-attachment-7f3a9c"


def _note(vault: Vault) -> str:
    return vault.notes.create(title="case", body="").uuid


def _blob_files(vault: Vault) -> list[Path]:
    folder = vault.paths.attachments
    return sorted(folder.iterdir()) if folder.exists() else []


def test_a_file_round_trips_encrypted_padded_and_nowhere_in_plaintext(
    open_vault: Vault, tmp_path: Path
):
    note = _note(open_vault)
    content = CANARY * 5000 + b"tail"
    source = tmp_path / "letter from court.txt"
    source.write_bytes(content)
    result = open_vault.attachments.add(note, source)
    attachment = result.attachment
    assert attachment.name == "letter from court.txt"
    assert attachment.kind == "text"
    assert attachment.size == len(content)
    assert b"".join(open_vault.attachments.chunks(attachment.uuid)) == content
    assert [a.uuid for a in open_vault.attachments.of_note(note)] == [attachment.uuid]
    (blob,) = _blob_files(open_vault)
    assert blob.stat().st_size == blob_size(len(content))
    assert oct(blob.stat().st_mode & 0o777) == "0o600"
    assert oct(open_vault.paths.attachments.stat().st_mode & 0o777) == "0o700"
    for path in open_vault.paths.root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert CANARY not in data and b"letter from court" not in data, path


def test_padding_hides_the_exact_size():
    assert padded_size(0) == padded_size(4096) == 4096
    sizes = {padded_size(n) for n in range(100_000, 112_000)}
    assert len(sizes) < 10
    for n in (5000, 10**6, 10**9, MAX_SIZE):
        assert n <= padded_size(n) <= n * 1.12


def test_zero_byte_and_pasted_files(open_vault: Vault):
    note = _note(open_vault)
    empty = open_vault.attachments.add(note, io.BytesIO(b""), name="empty").attachment
    assert empty.size == 0 and empty.kind == "other"
    assert b"".join(open_vault.attachments.chunks(empty.uuid)) == b""
    pasted = open_vault.attachments.add(note, io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(100)),
                                        name="x.png", keep_metadata=True).attachment  # fmt: skip
    assert pasted.kind == "png"


def test_a_changed_or_cut_file_is_refused_not_returned(open_vault: Vault, tmp_path: Path):
    note = _note(open_vault)
    source = tmp_path / "a.bin"
    source.write_bytes(os.urandom(200_000))
    attachment = open_vault.attachments.add(note, source).attachment
    (blob,) = _blob_files(open_vault)
    original = blob.read_bytes()
    changed = bytearray(original)
    changed[70_000] ^= 1
    blob.write_bytes(bytes(changed))
    with pytest.raises(AttachmentDamagedError):
        b"".join(open_vault.attachments.chunks(attachment.uuid))
    blob.write_bytes(original[:-100])
    with pytest.raises(AttachmentDamagedError):
        open_vault.attachments.read(attachment.uuid, limit=10**6)
    assert any("attachment" in p for p in open_vault.check())
    blob.unlink()
    with pytest.raises(AttachmentDamagedError):
        open_vault.attachments.read(attachment.uuid, limit=10**6)


def test_hostile_sources(open_vault: Vault, tmp_path: Path):
    note = _note(open_vault)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(AttachmentSourceError):
        open_vault.attachments.add(note, fifo)
    with pytest.raises(AttachmentSourceError):
        open_vault.attachments.add(note, tmp_path)
    huge = tmp_path / "huge"
    with huge.open("wb") as handle:
        handle.truncate(MAX_SIZE + 1)  # sparse: 4 GiB + 1 byte, refused before reading
    with pytest.raises(AttachmentTooLargeError):
        open_vault.attachments.add(note, huge)
    assert _blob_files(open_vault) == []
    with pytest.raises(RecordNotFoundError):
        open_vault.attachments.add("0000dead", fifo)


def test_cancel_leaves_no_file_and_no_row(open_vault: Vault, tmp_path: Path):
    note = _note(open_vault)
    source = tmp_path / "big"
    source.write_bytes(os.urandom(8 << 20))
    calls = []

    def progress(share: float) -> bool:
        calls.append(share)
        return False

    with pytest.raises(CancelledError):
        open_vault.attachments.add(note, source, progress=progress)
    assert calls
    assert _blob_files(open_vault) == []
    assert open_vault.attachments.of_note(note) == []


def test_remove_and_purge_take_the_file_and_the_key(open_vault: Vault, tmp_path: Path):
    note = _note(open_vault)
    source = tmp_path / "a.txt"
    source.write_bytes(CANARY)
    first = open_vault.attachments.add(note, source).attachment
    second = open_vault.attachments.add(note, source).attachment
    assert len(_blob_files(open_vault)) == 2
    open_vault.attachments.remove(first.uuid)
    assert len(_blob_files(open_vault)) == 1
    with pytest.raises(RecordNotFoundError):
        open_vault.attachments.get(first.uuid)
    open_vault.notes.trash(note)
    assert len(_blob_files(open_vault)) == 1  # the trash keeps them
    open_vault.notes.purge(note)
    assert _blob_files(open_vault) == []
    with pytest.raises(RecordNotFoundError):
        open_vault.attachments.get(second.uuid)
    assert open_vault.check() == []


def test_orphans_and_partials_are_swept_at_unlock(fast_kdf_vault, tmp_path: Path):
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        note = _note(vault)
        source = tmp_path / "a.txt"
        source.write_bytes(b"kept")
        kept = vault.attachments.add(note, source).attachment
        folder = vault.paths.attachments
    (folder / ("ab" * 16)).write_bytes(b"orphan")
    (folder / ("cd" * 16 + ".partial")).write_bytes(b"half")
    (folder / "not-ours.txt").write_bytes(b"left alone")
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        names = sorted(p.name for p in folder.iterdir())
        assert names == sorted(
            [*(p.name for p in _blob_files(vault) if len(p.name) == 32), "not-ours.txt"]
        )
        assert len(names) == 2
        assert vault.attachments.read(kept.uuid, limit=100) == b"kept"
        assert vault.check() == []


def test_a_linked_attachments_folder_is_refused(fast_kdf_vault, tmp_path: Path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (fast_kdf_vault.root / "attachments").symlink_to(elsewhere)
    with pytest.raises(UnsafeVaultFileError):
        Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase)


def test_export_writes_plaintext_only_where_asked(open_vault: Vault, tmp_path: Path):
    from hushnote.errors import BundleWriteError

    note = _note(open_vault)
    source = tmp_path / "a.txt"
    source.write_bytes(CANARY)
    attachment = open_vault.attachments.add(note, source).attachment
    out = tmp_path / "out" / "copy.txt"
    out.parent.mkdir()
    open_vault.attachments.export(attachment.uuid, out)
    assert out.read_bytes() == CANARY
    assert sorted(p.name for p in out.parent.iterdir()) == ["copy.txt"]
    with pytest.raises(BundleWriteError):
        open_vault.attachments.export(attachment.uuid, open_vault.paths.root / "x.txt")
    with pytest.raises(BundleWriteError):
        open_vault.attachments.export(attachment.uuid, out.parent)


def test_wipe_destroys_attachments(fast_kdf_vault, tmp_path: Path):
    from hushnote.core import wipe_vault

    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        note = _note(vault)
        for index in range(5):
            source = tmp_path / f"{index}.bin"
            source.write_bytes(os.urandom(100_000))
            vault.attachments.add(note, source)
    report = wipe_vault(fast_kdf_vault.root)
    assert report.keys_destroyed
    assert not (fast_kdf_vault.root / "attachments").exists()


def test_duress_passphrase_destroys_attachments(fast_kdf_vault, tmp_path: Path):
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        note = _note(vault)
        source = tmp_path / "a.txt"
        source.write_bytes(CANARY)
        vault.attachments.add(note, source)
        vault.set_duress("duress words here", [("Groceries", "milk")])
    with Vault.unlock(fast_kdf_vault.root, "duress words here") as decoy:
        assert not decoy.paths.attachments.exists()
        (summary,) = decoy.notes.summaries()
        assert decoy.attachments.of_note(summary.uuid) == []
        assert decoy.check() == []
    for path in fast_kdf_vault.root.rglob("*"):
        if path.is_file():
            assert CANARY not in path.read_bytes()


def test_attachments_survive_a_key_rotation(open_vault: Vault, tmp_path: Path):
    note = _note(open_vault)
    source = tmp_path / "a.bin"
    source.write_bytes(os.urandom(150_000))
    attachment = open_vault.attachments.add(note, source).attachment
    open_vault.rotate_key()
    assert open_vault.attachments.read(attachment.uuid, limit=10**6) == source.read_bytes()
    assert open_vault.check() == []


@pytest.mark.parametrize("kind", ["jpeg", "png", "webp", "pdf"])
def test_metadata_is_removed_on_the_way_in_unless_kept(open_vault: Vault, kind: str):
    from support import metadata_files

    data = {
        "jpeg": metadata_files.tagged_jpeg,
        "png": metadata_files.tagged_png,
        "webp": metadata_files.tagged_webp,
        "pdf": metadata_files.tagged_pdf,
    }[kind]()
    assert metadata_files.CANARY in data
    note = _note(open_vault)
    result = open_vault.attachments.add(note, io.BytesIO(data), name=f"photo.{kind}")
    assert result.cleaned and result.removed
    assert result.attachment.kind == kind
    stored = open_vault.attachments.read(result.attachment.uuid, limit=10**7)
    assert metadata_files.CANARY not in stored
    if kind == "jpeg":
        assert "gps" in result.removed and "camera-serial" in result.removed
        assert "thumbnail" in result.removed
    if kind == "pdf":
        assert "author" in result.removed
    kept = open_vault.attachments.add(note, io.BytesIO(data), keep_metadata=True)
    assert not kept.cleaned and kept.removed == ()
    assert open_vault.attachments.read(kept.attachment.uuid, limit=10**7) == data


def test_a_damaged_picture_stops_the_attach_and_leaves_nothing(open_vault: Vault):
    from hushnote.errors import MetadataError

    note = _note(open_vault)
    broken = b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00" + b"\x00" * 3
    with pytest.raises(MetadataError):
        open_vault.attachments.add(note, io.BytesIO(broken), name="x.jpg")
    assert _blob_files(open_vault) == []
    assert open_vault.attachments.of_note(note) == []
    stored = open_vault.attachments.add(note, io.BytesIO(broken), keep_metadata=True)
    assert open_vault.attachments.read(stored.attachment.uuid, limit=100) == broken


def test_a_blur_records_faces_only_when_a_face_was_blurred(open_vault: Vault):
    from hushnote.core import FaceBox, blur_transform
    from support import metadata_files

    note = _note(open_vault)
    photo = metadata_files.tagged_jpeg()
    none = open_vault.attachments.add(note, io.BytesIO(photo), transform=blur_transform([]))
    assert none.removed == ("pixels-only",)
    boxed = open_vault.attachments.add(
        note, io.BytesIO(photo), transform=blur_transform([FaceBox(10, 10, 30, 30)])
    )
    assert boxed.removed == ("faces",)
    for result in (none, boxed):
        stored = open_vault.attachments.read(result.attachment.uuid, limit=10**7)
        assert metadata_files.CANARY not in stored and b"Exif" not in stored
