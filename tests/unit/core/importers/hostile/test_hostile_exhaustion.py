"""Small hostile exports that cost far more than their size: linear time, bounded memory."""

from __future__ import annotations

import json
import tracemalloc
import zipfile
from pathlib import Path

from hushnote.core.importers import enex, joplin, standardnotes
from hushnote.core.importers.model import ImportSource
from hushnote.errors import AppImportError
from unit.core.importers.hostile.builders import _id, note, raw_folder, zip_of
from unit.core.importers.sn_builder import backup
from unit.core.importers.sn_builder import note as sn_note

# What an import may hold in memory per byte of its input before that is a blow-up.
_AMPLIFICATION = 20


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size


def _peak(read: object, path: Path) -> tuple[int, ImportSource | None]:
    """Peak traced memory while reading ``path``; None when the import refused it."""
    tracemalloc.start()
    try:
        source = read([path])  # type: ignore[operator]
    except AppImportError:
        return tracemalloc.get_traced_memory()[1], None
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak, source


def test_many_links_to_a_note_with_a_long_title_do_not_multiply_the_body(tmp_path: Path) -> None:
    """Each ``:/<id>`` (35 bytes) becomes ``[Its title]``: a 20 KB title linked 2,000 times
    makes a 40 MB body (and past the vault's 10 MB body) from a 90 KB export."""
    links = (f":/{_id(1)} ") * 2000
    path = raw_folder(
        tmp_path / "raw",
        {_id(1) + ".md": note(1, "T" * 20_000), _id(2) + ".md": note(2, "x", links)},
    )
    try:
        source = joplin.read([path])
    except AppImportError:
        return
    with source:
        biggest = max(len(n.body) for n in source.notes)
    assert biggest <= _AMPLIFICATION * _size(path), (
        f"a {_size(path)} B export made a {biggest} B body"
    )


def test_a_wide_lexical_table_does_not_square_its_size(tmp_path: Path) -> None:
    """A table of n empty rows and one row of n empty cells (6n bytes of JSON) is padded
    to n*n cells: 16 KB of note text becomes a 12 MB body."""
    n = 2000
    rows = [{}] * n + [{"children": [{}] * n}]
    text = json.dumps({"root": {"type": "root", "children": [{"type": "table", "children": rows}]}})
    path = tmp_path / "backup.txt"
    path.write_bytes(backup([sn_note("n1", "table", text, noteType="super")]))
    try:
        source = standardnotes.read([path])
    except AppImportError:
        return
    with source:
        body = len(source.notes[0].body)
    assert body <= _AMPLIFICATION * _size(path), f"a {_size(path)} B backup made a {body} B body"


def test_many_small_members_do_not_add_up_to_a_compression_bomb(tmp_path: Path) -> None:
    """The ratio check spares members under 1 MiB, and nothing checks the whole: 200
    members of 1 MiB of spaces each, about 200 KB zipped, are inflated and parsed (and
    up to 8 GiB would be, from an 8 MB zip)."""
    member = b'{"items": []' + b" " * ((1 << 20) - 14) + b"}"
    members = {f"backup{i:03}.json": member for i in range(200)}
    path = tmp_path / "bomb.zip"
    path.write_bytes(zip_of(members, zipfile.ZIP_DEFLATED))
    assert _size(path) < 1 << 20
    try:
        standardnotes.read([path]).close()
    except AppImportError:
        return
    raise AssertionError(f"a {_size(path)} B zip was inflated to {200 << 20} B and read")


def test_a_ragged_evernote_table_does_not_square_its_size(tmp_path: Path) -> None:
    """One row of n cells and n rows of one cell (about 30n bytes of ENEX) padded every
    row to n*n cells: a 60 KB export made a 12 MB body."""
    n = 2000
    cells = "<td>x</td>" * n + "</tr>" + "<tr><td>y</td></tr>" * n
    enml = f"<en-note><table><tr>{cells}</table></en-note>"
    path = tmp_path / "ragged.enex"
    path.write_text(
        "<?xml version='1.0' encoding='UTF-8'?><en-export><note><title>t</title>"
        f"<content><![CDATA[{enml}]]></content></note></en-export>"
    )
    try:
        source = enex.read([path])
    except AppImportError:
        return
    with source:
        body = source.notes[0].body
    assert body.count("y") == n and body.count("x") == n  # every cell is kept
    assert len(body) <= _AMPLIFICATION * _size(path), f"a {_size(path)} B export made {len(body)} B"
