"""``hushnote attach …`` as a user types it."""

from __future__ import annotations

from pathlib import Path

import pytest

from hushnote.core import KdfParams

from .test_cli_records import Session


@pytest.fixture
def cli(tmp_path: Path, fast_kdf_params: KdfParams) -> Session:
    return Session(tmp_path, fast_kdf_params)


def test_add_list_export_remove(cli: Session, tmp_path: Path) -> None:
    note = cli.ok("note", "add", "--title", "Case 12", stdin="body").split()[0]
    source = tmp_path / "statement.txt"
    source.write_bytes("Zeugenaussage 证词\n".encode() * 100)
    out = cli.ok("attach", "add", note, str(source))
    assert out.startswith("Attached ")
    assert "statement.txt" in out
    assert "Removed:" not in out and "Not checked" not in out  # plain text has none
    attachment = out.split()[1]
    listing = cli.ok("attach", "list", note)
    assert attachment in listing and "statement.txt" in listing and "text" in listing

    target = tmp_path / "copy.txt"
    refused = cli.run("attach", "export", attachment, "--out", str(target))
    assert refused.returncode == 22  # not confirmed: no terminal, no --yes
    assert "nothing was written" in refused.stderr
    assert not target.exists()
    cli.ok("attach", "export", attachment, "--out", str(target), "--yes")
    assert target.read_bytes() == source.read_bytes()

    document = tmp_path / "minutes.docx"
    document.write_bytes(b"PK\x03\x04" + bytes(200))
    assert "Not checked for metadata" in cli.ok("attach", "add", note, str(document))

    assert cli.run("attach", "rm", attachment).returncode == 22
    cli.ok("attach", "rm", attachment, "--yes")
    assert attachment not in cli.ok("attach", "list", note)
    assert cli.run("attach", "export", attachment, "--out", str(target), "--yes").returncode == 18


def test_hostile_files_get_a_clear_error(cli: Session, tmp_path: Path) -> None:
    note = cli.ok("note", "add", "--title", "Case", stdin="").split()[0]
    result = cli.run("attach", "add", note, str(tmp_path))
    assert result.returncode == 37
    assert "not a regular file" in result.stderr
    huge = tmp_path / "huge.bin"
    with huge.open("wb") as handle:
        handle.truncate(4 * 1024**3 + 1)
    result = cli.run("attach", "add", note, str(huge))
    assert result.returncode == 35
    assert "too large" in result.stderr
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    assert "(0 B)" in cli.ok("attach", "add", note, str(empty))


def test_blur_faces_stores_a_new_picture_without_metadata(cli: Session, tmp_path: Path) -> None:
    from support import metadata_files

    note = cli.ok("note", "add", "--title", "Action", stdin="").split()[0]
    photo = tmp_path / "crowd.jpg"
    photo.write_bytes(metadata_files.tagged_jpeg())
    out = cli.ok("attach", "add", note, str(photo), "--blur-faces")
    # The picture has no face: the person is not left believing one was blurred, and
    # the record says so too.
    assert "Removed: all metadata (no face was found to blur)" in out
    assert "faces (blurred)" not in out
    assert "No face was found, so nothing was blurred." in out
    attachment = out.split()[1]
    target = tmp_path / "out.jpg"
    cli.ok("attach", "export", attachment, "--out", str(target), "--yes")
    stored = target.read_bytes()
    assert stored.startswith(b"\xff\xd8") and metadata_files.CANARY not in stored
    assert b"Exif" not in stored


def test_blur_faces_says_nothing_more_when_a_face_was_blurred(cli: Session) -> None:
    pytest.importorskip("onnxruntime")
    note = cli.ok("note", "add", "--title", "Action", stdin="").split()[0]
    portrait = Path(__file__).parents[1] / "data" / "faces" / "hopper.jpg"
    out = cli.ok("attach", "add", note, str(portrait), "--blur-faces")
    assert "Removed: faces (blurred)" in out
    assert "No face was found" not in out
