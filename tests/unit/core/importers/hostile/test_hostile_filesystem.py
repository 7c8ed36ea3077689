"""RAW folders whose links and folders change under the import: no link is ever followed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from hushnote.core.importers import joplin
from hushnote.errors import AppImportError
from unit.core.importers.hostile.builders import _id, item, note, raw_folder

_RID = _id(7)


def _export(root: Path) -> Path:
    return raw_folder(
        root,
        {
            _id(1) + ".md": note(1, "Scan", f"![](:/{_RID})"),
            _RID + ".md": item(4, _RID, "scan.png", mime="image/png", filename="scan.png"),
            f"resources/{_RID}.png": b"PHOTO",
        },
    )


def test_a_resources_folder_swapped_for_a_link_after_listing_is_not_followed(
    tmp_path: Path,
) -> None:
    """Attachments are opened by path when the merge streams them, long after the folder
    was listed (the preview is on screen meanwhile). O_NOFOLLOW guards only the last
    component: once ``resources`` is a link, the file behind it is read."""
    root = _export(tmp_path / "export")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / f"{_RID}.png").write_bytes(b"SECRT")  # the size the listing saw
    with joplin.read([root]) as source:
        attachment = source.notes[0].attachments[0]
        shutil.rmtree(root / "resources")
        os.symlink(outside, root / "resources")
        try:
            with attachment.open() as stream:
                data = stream.read()
        except AppImportError:
            return
    assert data != b"SECRT", "the attachment was read through a link to another folder"


def test_a_folder_swapped_for_a_link_while_listed_is_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The walk sees ``resources`` as a folder, and it becomes a link just before the
    walk opens it: the open (relative to its parent, O_NOFOLLOW) refuses it."""
    root = _export(tmp_path / "export")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / f"{_RID}.png").write_bytes(b"SECRT")
    real_open = os.open
    swapped: list[bool] = []

    def swapping_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if path == "resources" and kwargs.get("dir_fd") is not None and not swapped:
            swapped.append(True)
            shutil.rmtree(root / "resources")
            os.symlink(outside, root / "resources")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", swapping_open)
    data = b""
    try:
        with joplin.read([root]) as source:
            for attachment in source.notes[0].attachments:
                with attachment.open() as stream:
                    data += stream.read()
    except AppImportError:
        pass
    assert swapped
    assert data != b"SECRT"
