"""Bundles carry attachments: round trip, the age tool, tampering, preview, cancel."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519

from hushnote.core import KdfParams, Vault
from hushnote.core.formats import bundle as bundle_module
from hushnote.core.formats import bundle_attachments, bundle_export, bundle_spool
from hushnote.core.formats.bundle_attachments import member_name
from hushnote.core.formats.bundle_records import Scope
from hushnote.errors import (
    BundleFormatError,
    BundleTooLargeError,
    CancelledError,
    DiskFullError,
    RecordNotFoundError,
)

pytestmark = pytest.mark.usefixtures("fast_scrypt")  # passphrase bundles: conftest.py

Pair = tuple[Vault, Vault]
needs_age = pytest.mark.skipif(shutil.which("age") is None, reason="the age tool is missing")

TEXT = "Witness statement\nsigned 12 March\n律师\n".encode()
# A real 1x1 PNG (signature, IHDR, IDAT, IEND).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005ff02feed6c7a"
    "4b0000000049454e44ae426082"
)


@pytest.fixture
def pair(tmp_path: Path, fast_kdf_params: KdfParams) -> Iterator[Pair]:
    source = Vault.create(tmp_path / "source", "pw one", kdf=fast_kdf_params)
    target = Vault.create(tmp_path / "target", "pw two", kdf=fast_kdf_params)
    yield source, target
    source.lock()
    target.lock()


def attach(vault: Vault, note: str, name: str, data: bytes, tmp_path: Path) -> str:
    """Attach ``data`` as a file called ``name``; the metadata is kept (the PNG has
    none), so the bytes go in unchanged."""
    return vault.attachments.add(
        note, io.BytesIO(data), name=name, keep_metadata=True
    ).attachment.uuid


def blob_files(vault: Vault) -> list[str]:
    folder = vault.paths.attachments
    return sorted(os.listdir(folder)) if folder.exists() else []


def three_files(vault: Vault, tmp_path: Path) -> dict[str, str]:
    note = vault.notes.create(title="Hearing", body="see the files").uuid
    other = vault.notes.create(title="Photos", body="one photo").uuid
    return {
        "note": note,
        "other": other,
        "text": attach(vault, note, "statement.txt", TEXT, tmp_path),
        "png": attach(vault, other, "scene.png", PNG, tmp_path),
        "empty": attach(vault, note, "empty.bin", b"", tmp_path),
    }


def test_a_round_trip_carries_every_file_byte_for_byte(pair: Pair, tmp_path: Path) -> None:
    source, target = pair
    ids = three_files(source, tmp_path)
    out = tmp_path / "case.hnb"
    report = source.export_bundle(out, recipients=[target.age_recipient()])
    assert report.counts["attachments"] == 3

    merged = target.import_bundle(out)

    assert merged.count("attachments", "added") == 3
    for key, data in (("text", TEXT), ("png", PNG), ("empty", b"")):
        sent, got = source.attachments.get(ids[key]), target.attachments.get(ids[key])
        assert target.attachments.read(ids[key], limit=1 << 20) == data
        assert (got.note_uuid, got.name, got.kind, got.size, got.sha256, got.removed) == (
            sent.note_uuid, sent.name, sent.kind, sent.size, sent.sha256, sent.removed,
        )  # fmt: skip
        assert got.created_at == sent.created_at
    assert [a.name for a in target.attachments.of_note(ids["note"])] == [
        "statement.txt",
        "empty.bin",
    ]
    assert target.check_records() == []
    # Imported files are found like attached ones: by a word inside, by their name.
    for word in ("witness", "律师", "scene.png"):
        hits = target.searcher.search(word)
        assert hits and {hit.uuid for hit in hits} <= {ids["note"], ids["other"]}, word

    again = target.import_bundle(out)  # the same bundle twice changes nothing
    assert again.count("attachments", "skipped") == 3
    assert again.count("attachments", "added") == 0
    assert len(blob_files(target)) == 3


def test_a_bundle_without_attachments_stays_version_1(pair: Pair, tmp_path: Path) -> None:
    source, _ = pair
    source.notes.create(title="Plain", body="no files")
    identity = x25519.Identity.generate()
    out = tmp_path / "plain.hnb"
    source.export_bundle(out, recipients=[str(identity.to_public())])
    archive = zipfile.ZipFile(io.BytesIO(pyrage.decrypt(out.read_bytes(), [identity])))
    assert json.loads(archive.read("manifest.json"))["version"] == 1
    assert "attachments.jsonl" not in archive.namelist()


@needs_age
def test_the_age_tool_opens_the_bundle_and_lists_the_files_by_name(
    pair: Pair, tmp_path: Path
) -> None:
    source, _ = pair
    ids = three_files(source, tmp_path)
    key = tmp_path / "key.txt"
    subprocess.run(["age-keygen", "-o", str(key)], check=True, capture_output=True)
    recipient = subprocess.run(
        ["age-keygen", "-y", str(key)], check=True, capture_output=True, text=True
    ).stdout.strip()
    out = tmp_path / "case.hnb"
    source.export_bundle(out, recipients=[recipient])
    plain = tmp_path / "case.zip"
    subprocess.run(["age", "-d", "-i", str(key), "-o", str(plain), str(out)], check=True)

    with zipfile.ZipFile(plain) as archive:
        assert archive.testzip() is None
        assert archive.read(f"attachments/{ids['text']}/statement.txt") == TEXT
        assert archive.read(f"attachments/{ids['png']}/scene.png") == PNG
        assert archive.read(f"attachments/{ids['empty']}/empty.bin") == b""
        records = [json.loads(line) for line in archive.read("attachments.jsonl").splitlines()]
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["version"] == 2
    assert manifest["counts"]["attachments"] == 3
    by_uuid = {record["uuid"]: record for record in records}
    assert by_uuid[ids["png"]]["note"] == ids["other"]
    assert by_uuid[ids["png"]]["kind"] == "png"
    assert by_uuid[ids["text"]]["size"] == len(TEXT)
    if shutil.which("unzip"):
        listing = subprocess.run(["unzip", "-l", str(plain)], capture_output=True, text=True)
        assert "statement.txt" in listing.stdout and "scene.png" in listing.stdout


def test_member_names_are_safe_and_bounded() -> None:
    uuid = "0" * 8 + "-0000-4000-8000-" + "0" * 12
    assert member_name(uuid, 'a:b*c?"d<e>f|g.txt') == f"attachments/{uuid}/a_b_c__d_e_f_g.txt"
    assert member_name(uuid, "../../etc/passwd") == f"attachments/{uuid}/passwd"
    long = member_name(uuid, "x" * 300 + ".pdf")
    assert long.endswith(".pdf") and len(long.rsplit("/", 1)[1]) == 120


def _reencrypt(bundle: Path, identity: x25519.Identity, recipient: str, change) -> None:  # type: ignore[no-untyped-def]
    """Open ``bundle``, rewrite its archive through ``change(name, data) -> data``,
    encrypt it again to ``recipient``: what someone holding the key could forge."""
    archive = zipfile.ZipFile(io.BytesIO(pyrage.decrypt(bundle.read_bytes(), [identity])))
    rewritten = io.BytesIO()
    with zipfile.ZipFile(rewritten, "w") as out:
        for name in archive.namelist():
            out.writestr(name, change(name, archive.read(name)))
    public = x25519.Recipient.from_str(recipient)
    bundle.write_bytes(pyrage.encrypt(rewritten.getvalue(), [public]))


def test_a_changed_attachment_is_refused_and_nothing_is_imported(
    pair: Pair, tmp_path: Path
) -> None:
    source, target = pair
    ids = three_files(source, tmp_path)
    identity = x25519.Identity.generate()
    out = tmp_path / "case.hnb"
    source.export_bundle(out, recipients=[str(identity.to_public())])
    png = f"attachments/{ids['png']}/scene.png"
    _reencrypt(out, identity, target.age_recipient(),
               lambda name, data: data[:-1] + b"\x00" if name == png else data)  # fmt: skip
    notes_before = target.notes.count()

    with pytest.raises(BundleFormatError) as caught:
        target.import_bundle(out)

    assert caught.value.context["member"] == png
    assert caught.value.context["reason"] == "hash mismatch"
    assert target.notes.count() == notes_before
    assert blob_files(target) == []


def test_an_attachment_of_a_note_in_the_trash_stays_home(pair: Pair, tmp_path: Path) -> None:
    source, target = pair
    ids = three_files(source, tmp_path)
    source.notes.trash(ids["other"])
    out = tmp_path / "case.hnb"
    report = source.export_bundle(out, recipients=[target.age_recipient()])
    assert report.counts["attachments"] == 2
    target.import_bundle(out)
    assert target.attachments.counts([ids["note"], ids["other"]]) == {ids["note"]: 2}


def test_the_preview_counts_attachments_and_writes_no_file(pair: Pair, tmp_path: Path) -> None:
    source, target = pair
    ids = three_files(source, tmp_path)
    first = tmp_path / "first.hnb"
    source.export_bundle(first, scope=Scope("notes", notes=(ids["note"],)),
                         recipients=[target.age_recipient()])  # fmt: skip
    target.import_bundle(first)
    files_before = blob_files(target)
    out = tmp_path / "case.hnb"
    source.export_bundle(out, recipients=[target.age_recipient()])

    contents = target.read_bundle(out)
    plan = target.preview_bundle(contents)

    assert plan.report.count("attachments", "added") == 1  # the PNG
    assert plan.report.count("attachments", "skipped") == 2
    assert blob_files(target) == files_before
    assert target.attachments.counts([ids["other"]]) == {}
    report = target.merge_bundle(contents, plan=plan)
    assert report.count("attachments", "added") == 1
    assert target.attachments.read(ids["png"], limit=1 << 20) == PNG


def _big_attachment(vault: Vault, tmp_path: Path, size: int) -> str:
    note = vault.notes.create(title="Video", body="large").uuid
    source = tmp_path / "big.bin"
    with source.open("wb") as handle:
        block = os.urandom(1 << 20)
        for _ in range(size >> 20):
            handle.write(block)
    uuid = vault.attachments.add(note, source).attachment.uuid
    source.unlink()
    return uuid


def _cancel_after(share: float) -> tuple[list[float], object]:
    """A progress callback that refuses from the first report of ``share`` of the work
    or more (not after a time: a fast moment exports 64 MiB in a fifth of a second); the
    list gets the moment it first refused."""
    refused: list[float] = []

    def progress(fraction: float) -> bool:
        if fraction < share:
            return True
        if not refused:
            refused.append(time.monotonic())
        return False

    return refused, progress


@pytest.mark.slow
def test_cancel_stops_the_export_of_a_large_attachment_quickly(pair: Pair, tmp_path: Path) -> None:
    source, target = pair
    _big_attachment(source, tmp_path, 64 << 20)
    refused, progress = _cancel_after(0.25)  # inside the attachment
    out = tmp_path / "exports" / "case.hnb"
    out.parent.mkdir()

    with pytest.raises(CancelledError):
        source.export_bundle(out, recipients=[target.age_recipient()], progress=progress)  # type: ignore[arg-type]

    assert time.monotonic() - refused[0] < 0.5
    assert os.listdir(out.parent) == []


@pytest.mark.slow
def test_cancel_while_importing_a_large_attachment_leaves_no_file(
    pair: Pair, tmp_path: Path
) -> None:
    source, target = pair
    uuid = _big_attachment(source, tmp_path, 64 << 20)
    out = tmp_path / "case.hnb"
    source.export_bundle(out, recipients=[target.age_recipient()])
    contents = target.read_bundle(out)
    writing = threading.Event()
    refused, progress = _cancel_after(0.0)

    def watch(fraction: float) -> bool:
        # Refuse only once the file is being written: the records take a moment.
        if any(name.endswith(".partial") for name in blob_files(target)):
            writing.set()
        return not writing.is_set() or progress(fraction)

    with pytest.raises(CancelledError):
        target.merge_bundle(contents, progress=watch)

    assert writing.is_set()
    assert time.monotonic() - refused[0] < 0.5
    assert blob_files(target) == []
    assert target.notes.count() == 0
    with pytest.raises(RecordNotFoundError):
        target.attachments.get(uuid)


def test_a_passphrase_bundle_with_many_files_streams_with_a_key_file(
    pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = pair
    ids = three_files(source, tmp_path)
    # Above ATTACHMENTS_IN_MEMORY the archive is never held in memory: the key-file path.
    monkeypatch.setattr(bundle_export, "ATTACHMENTS_IN_MEMORY", len(TEXT))
    out = tmp_path / "case.hnb"
    report = source.export_bundle(out, passphrase="bundle words")
    assert report.files == [out, out.with_name("case.hnb.key")]
    target.import_bundle(out, passphrase="bundle words")
    assert target.attachments.read(ids["text"], limit=1 << 20) == TEXT
    monkeypatch.undo()
    small = tmp_path / "small.hnb"
    assert source.export_bundle(small, passphrase="bundle words").files == [small]


def test_too_many_attachments_are_refused_on_both_sides(
    pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = pair
    three_files(source, tmp_path)
    out = tmp_path / "case.hnb"
    source.export_bundle(out, recipients=[target.age_recipient()])
    monkeypatch.setattr(bundle_attachments, "MAX_ATTACHMENTS", 2)
    monkeypatch.setattr(bundle_module, "MAX_ATTACHMENTS", 2)
    refused = tmp_path / "refused.hnb"
    with pytest.raises(BundleTooLargeError):
        source.export_bundle(refused, recipients=[target.age_recipient()])
    assert not refused.exists()
    with pytest.raises(BundleTooLargeError):
        target.read_bundle(out)


def test_a_bundle_too_large_to_import_says_so(
    pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = pair
    three_files(source, tmp_path)
    out = tmp_path / "case.hnb"
    assert source.export_bundle(out, recipients=[target.age_recipient()]).importable
    monkeypatch.setattr(bundle_export, "SPOOL_LIMIT", 1000)
    assert not source.export_bundle(out, recipients=[target.age_recipient()]).importable


def test_a_large_archive_is_spooled_sealed_in_a_file_with_no_name(
    pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = pair
    note = source.notes.create(title="Video", body="large").uuid
    data = os.urandom(3 << 20)
    uuid = source.attachments.add(note, io.BytesIO(data), name="clip.bin").attachment.uuid
    out = tmp_path / "case.hnb"
    source.export_bundle(out, recipients=[target.age_recipient()])
    spooled: list[bundle_spool.Spool] = []
    real = bundle_spool.Spool.__init__

    def spy(self: bundle_spool.Spool, folder: Path) -> None:
        real(self, folder)
        spooled.append(self)

    monkeypatch.setattr(bundle_module, "IN_MEMORY", 1 << 20)
    monkeypatch.setattr(bundle_spool.Spool, "__init__", spy)
    contents = target.read_bundle(out)

    assert len(spooled) == 1 and spooled[0].size > len(data)
    assert blob_files(target) == []  # the spool has no name: nothing to find or sweep
    fd = spooled[0]._fd
    on_disk = os.pread(fd, os.fstat(fd).st_size, 0)
    assert data[: 1 << 16] not in on_disk and data[-4096:] not in on_disk  # sealed
    target.merge_bundle(contents)
    assert target.attachments.read(uuid, limit=8 << 20) == data
    spooled[0].close()
    assert len(blob_files(target)) == 1


def test_a_full_disk_during_an_export_with_files_leaves_nothing(pair: Pair, tmp_path: Path) -> None:
    from support.mounts import fill, tmpfs

    source, target = pair
    note = source.notes.create(title="Video", body="large").uuid
    source.attachments.add(note, io.BytesIO(os.urandom(2 << 20)), name="clip.bin")
    with tmpfs(tmp_path / "disk", 1024) as disk:
        fill(disk)
        with pytest.raises(DiskFullError):
            source.export_bundle(disk / "case.hnb", recipients=[target.age_recipient()])
        assert os.listdir(disk) == ["filler"]


def test_a_full_disk_while_importing_files_imports_nothing_and_leaves_no_file(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    from support.mounts import tmpfs

    with tmpfs(tmp_path / "disk", 16 << 10) as disk:
        target = Vault.create(disk / "target", "pw two", kdf=fast_kdf_params)
        source = Vault.create(tmp_path / "source", "pw one", kdf=fast_kdf_params)
        note = source.notes.create(title="Video", body="large").uuid
        source.attachments.add(note, io.BytesIO(os.urandom(3 << 20)), name="a.bin")
        source.attachments.add(note, io.BytesIO(os.urandom(3 << 20)), name="b.bin")
        out = tmp_path / "case.hnb"
        source.export_bundle(out, recipients=[target.age_recipient()])
        contents = target.read_bundle(out)  # in memory: the disk is not yet full
        filler = disk / "filler"
        room = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
        filler.write_bytes(bytes(max(0, room - (4 << 20))))  # room for one file, not two
        with pytest.raises(DiskFullError):
            target.merge_bundle(contents)
        assert target.notes.count() == 0
        assert blob_files(target) == []
        filler.unlink()
        assert target.merge_bundle(contents).count("attachments", "added") == 2
        target.lock()
        source.lock()
