"""Reading exports: zip, plain tar and folders, with every cap and refusal."""

from __future__ import annotations

import io
import os
import tarfile
import zipfile
from pathlib import Path

import pytest

from hushnote.core.importers.archive import open_export, parse_json
from hushnote.core.importers.model import Limits
from hushnote.errors import AppImportError


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _tar(path: Path, members: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def _reason(error: pytest.ExceptionInfo[AppImportError]) -> str:
    return str(error.value.context["reason"])


def test_zip_tar_and_folder_list_and_read_the_same(tmp_path: Path) -> None:
    members = {"a/note.md": "你好 world".encode(), "b.json": b"{}"}
    folder = tmp_path / "folder"
    for name, data in members.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    for path in (_zip(tmp_path / "x.zip", members), _tar(tmp_path / "x.tar", members), folder):
        with open_export(path, source="test") as files:
            assert sorted(files.names()) == ["a/note.md", "b.json"]
            entry = files.get("a/note.md")
            assert entry is not None
            assert files.read(entry) == members["a/note.md"]


@pytest.mark.parametrize("name", ["../escape.md", "/etc/passwd", "a/../../x", "C:/x"])
def test_a_name_outside_the_archive_is_refused(tmp_path: Path, name: str) -> None:
    for path in (_zip(tmp_path / "x.zip", {name: b"x"}), _tar(tmp_path / "x.tar", {name: b"x"})):
        with pytest.raises(AppImportError) as error:
            open_export(path, source="test")
        assert _reason(error) == "unsafe-path"


def test_links_in_a_tar_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.tar"
    with tarfile.open(path, "w") as archive:
        info = tarfile.TarInfo("evil")
        info.type = tarfile.SYMTYPE
        info.linkname = "/etc/passwd"
        archive.addfile(info)
    with pytest.raises(AppImportError) as error:
        open_export(path, source="test")
    assert _reason(error) == "link"


def test_links_in_a_folder_are_skipped_never_read(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "real.md").write_text("x")
    (folder / "link.md").symlink_to("/etc/passwd")
    (folder / "dir").symlink_to("/etc")
    with open_export(folder, source="test") as files:
        assert files.names() == ["real.md"]
        assert sorted(files.skipped) == ["dir", "link.md"]


def test_a_compression_bomb_is_refused_before_reading(tmp_path: Path) -> None:
    path = _zip(tmp_path / "bomb.zip", {"big.md": b"\0" * (64 << 20)})
    assert path.stat().st_size < 1 << 20
    with pytest.raises(AppImportError) as error:
        open_export(path, source="test")
    assert _reason(error) == "ratio"


def test_caps_on_entries_sizes_and_totals(tmp_path: Path) -> None:
    many = _tar(tmp_path / "many.tar", {f"{n}.md": b"x" for n in range(20)})
    with pytest.raises(AppImportError) as error:
        open_export(many, source="test", limits=Limits(max_entries=10))
    assert _reason(error) == "too-many-entries"
    big = _tar(tmp_path / "big.tar", {"a": os.urandom(5000)})
    with pytest.raises(AppImportError) as error:
        open_export(big, source="test", limits=Limits(max_file_bytes=4096))
    assert _reason(error) == "too-large"
    total = _tar(tmp_path / "total.tar", {"a": b"x" * 3000, "b": b"x" * 3000})
    with pytest.raises(AppImportError) as error:
        open_export(total, source="test", limits=Limits(max_total_bytes=5000))
    assert _reason(error) == "total-too-large"


def test_a_member_longer_than_declared_stops_at_its_declared_size(tmp_path: Path) -> None:
    path = _zip(tmp_path / "x.zip", {"a.md": b"y" * 100_000})
    data = bytearray(path.read_bytes())
    # Understate the size in the central directory: the reader must not trust the data.
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (10).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    with pytest.raises(AppImportError):
        with open_export(path, source="test") as files:
            entry = files.get("a.md")
            assert entry is not None
            files.read(entry)


def test_garbage_truncation_and_other_kinds_are_clear_errors(tmp_path: Path) -> None:
    good = _zip(tmp_path / "x.zip", {"a.md": os.urandom(10_000)})
    cut = tmp_path / "cut.zip"
    cut.write_bytes(good.read_bytes()[:3000])
    noise = tmp_path / "noise.bin"
    noise.write_bytes(os.urandom(4096))
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path, reason in ((cut, "damaged"), (noise, "not-this-format"),
                         (fifo, "unreadable"), (tmp_path / "absent", "not-found")):  # fmt: skip
        with pytest.raises(AppImportError) as error:
            open_export(path, source="test")
        assert _reason(error) == reason, path


def test_a_tar_whose_first_header_is_broken_is_damaged(tmp_path: Path) -> None:
    data = bytearray(_tar(tmp_path / "x.tar", {"a.md": b"hello"}).read_bytes())
    data[0] ^= 0xFF  # the name changes, so the header's checksum no longer matches
    (tmp_path / "x.tar").write_bytes(bytes(data))
    with pytest.raises(AppImportError) as error:
        open_export(tmp_path / "x.tar", source="test")
    assert _reason(error) == "damaged"


def test_json_that_is_deep_broken_or_not_utf8_is_a_clear_error(tmp_path: Path) -> None:
    with open_export(_zip(tmp_path / "x.zip", {"a": b"x"}), source="test") as files:
        for data, reason in ((b"[" * 200_000, "too-deep"), (b'{"a": ', "bad-json"),
                             (b'"\xff"', "not-utf8")):  # fmt: skip
            with pytest.raises(AppImportError) as error:
                parse_json(data, files, "x.json")
            assert _reason(error) == reason
        assert parse_json('\ufeff{"a": "中"}'.encode(), files, "x.json") == {"a": "中"}
