"""Exports written by hand for the hostile-input tests of the importers."""

from __future__ import annotations

import io
import tarfile
import zipfile
from pathlib import Path

from hushnote.core.importers.model import ImportSource
from hushnote.errors import AppImportError, CancelledError
from unit.core.importers.test_joplin import _id, folder, item, note

__all__ = [
    "_id",
    "drain",
    "folder",
    "hostile",
    "item",
    "jex",
    "joplin_export",
    "note",
    "raw_folder",
    "zip_of",
]


def jex(members: dict[str, bytes]) -> bytes:
    """A plain tar in the ustar format, as Joplin writes a JEX."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 1_700_000_000
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


def zip_of(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def raw_folder(path: Path, members: dict[str, bytes]) -> Path:
    for name, data in members.items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return path


def drain(source: ImportSource) -> None:
    """Read every attachment, as the merge will."""
    with source:
        for imported in source.notes:
            for attachment in imported.attachments:
                with attachment.open() as stream:
                    while stream.read(1 << 16):
                        pass


def hostile(read: object, path: Path, **kwargs: object) -> str:
    """What ``read`` did with a hostile file: "ok", "refused", or the escaping type."""
    try:
        drain(read([path], **kwargs))  # type: ignore[operator]
    except (AppImportError, CancelledError):
        return "refused"
    except BaseException as error:  # the point: see what escapes
        return f"{type(error).__name__}: {str(error)[:80]}"
    return "ok"


def joplin_export() -> dict[str, bytes]:
    """A small valid export: a notebook, two notes, a resource and its file."""
    rid = _id(7)
    return {
        _id(1) + ".md": folder(1, "Work"),
        _id(2) + ".md": note(2, "First", f"See ![](:/{rid}) here " * 10, parent=1),
        _id(3) + ".md": note(3, "Second", "second body " * 10, parent=1),
        rid + ".md": item(
            4, rid, "photo.png", mime="image/png", filename="photo.png", file_extension="png"
        ),
        f"resources/{rid}.png": b"PHOTO" * 50,
    }
