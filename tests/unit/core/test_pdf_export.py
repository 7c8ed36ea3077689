"""Printing as PDF: Markdown drawn, Chinese embedded and extractable, nothing leaked."""

from __future__ import annotations

import io
import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image

from hushnote.core import PDFIUM_LOCK, PdfScope, Vault
from hushnote.errors import CancelledError, PdfFontError, PdfWriteError

CHINESE = "会议记录：明天上午九点在公园集合。律师电话已确认。"
BODY = f"""# Big heading

Plain body text here.

- first item
- second item

1. one
2. two

```
code_line = 1
```

{CHINESE}
"""


def _text(data: bytes) -> str:
    with PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(data)
        try:
            return "".join(page.get_textpage().get_text_range() for page in document)
        finally:
            document.close()


def _font_size_of(data: bytes, needle: str) -> float:
    """The size of the font the first character of ``needle`` is drawn in."""
    with PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(data)
        try:
            textpage = document[0].get_textpage()
            index = textpage.get_text_range().index(needle)
            return float(pdfium_c.FPDFText_GetFontSize(textpage.raw, index))
        finally:
            document.close()


def _png(width: int = 40, height: int = 30) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def test_markdown_is_rendered(open_vault: Vault) -> None:
    note = open_vault.notes.create(title="Meeting", body=BODY)
    data = open_vault.render_pdf(PdfScope("note", note.uuid))
    text = _text(data)
    assert "Big heading" in text and "# Big" not in text
    assert "• first item" in text and "1. one" in text and "2. two" in text
    assert "code_line = 1" in text and "```" not in text
    assert _font_size_of(data, "Big heading") > _font_size_of(data, "Plain body") + 4


def test_chinese_is_extracted_as_written_and_fonts_are_embedded(open_vault: Vault) -> None:
    note = open_vault.notes.create(title="记录", body=BODY)
    data = open_vault.render_pdf(PdfScope("note", note.uuid))
    assert CHINESE in _text(data).replace("\r", "").replace("\n", "")
    fonts = 0
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                descendants = font.get("/DescendantFonts")
                target = descendants[0] if descendants is not None else font
                descriptor = target.FontDescriptor
                assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
                fonts += 1
    assert fonts >= 2  # Latin and CJK


def test_info_and_xmp_hold_nothing(open_vault: Vault) -> None:
    note = open_vault.notes.create(title="Secret title", body=BODY)
    data = open_vault.render_pdf(PdfScope("note", note.uuid))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert "/Info" not in pdf.trailer or len(pdf.trailer.Info) == 0
        assert "/Metadata" not in pdf.Root
        assert len(pdf.open_metadata()) == 0
    words = [b"fpdf", b"Hushnote", b"hushnote", b"CreationDate", b"Producer", b"Secret title"]
    host = os.uname().nodename.encode()
    if len(host) >= 6:  # a shorter name could occur anywhere in compressed data
        words.append(host)
    for word in words:
        assert word not in data


def test_the_title_goes_in_only_when_asked(open_vault: Vault) -> None:
    note = open_vault.notes.create(title="Visible title", body="x")
    data = open_vault.render_pdf(PdfScope("note", note.uuid), title_in_metadata=True)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert dict(pdf.trailer.Info) == {"/Title": "Visible title"}
        assert "/Metadata" not in pdf.Root


def test_attachments_picture_drawn_other_files_listed(open_vault: Vault) -> None:
    note = open_vault.notes.create(title="With files", body="see below")
    open_vault.attachments.add(note.uuid, io.BytesIO(_png()), name="photo.png")
    open_vault.attachments.add(note.uuid, io.BytesIO(b"plain words\n"), name="minutes.txt")
    data = open_vault.render_pdf(PdfScope("note", note.uuid))
    text = _text(data)
    assert "minutes.txt" in text and "12 bytes" in text and "photo.png" in text
    with pikepdf.open(io.BytesIO(data)) as pdf:
        images = [x for page in pdf.pages for x in page.Resources.get("/XObject", {}).values()
                  if x.get("/Subtype") == "/Image"]  # fmt: skip
    assert len(images) == 1


class _Watch:
    """Every socket made and every file opened for writing or by name, while on."""

    def __init__(self) -> None:
        self.on = False
        self.sockets: list[Any] = []
        self.opened: list[str] = []
        self.written: list[str] = []

    def hook(self, event: str, args: tuple[Any, ...]) -> None:
        if not self.on:
            return
        if event.startswith("socket."):
            self.sockets.append((event, args))
        elif event == "open":
            path, mode, flags = args
            self.opened.append(str(path))
            writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
                isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
            )
            if writes:
                self.written.append(str(path))


_WATCH = _Watch()
sys.addaudithook(_WATCH.hook)


@pytest.fixture
def watch() -> Iterator[_Watch]:
    _WATCH.sockets.clear()
    _WATCH.opened.clear()
    _WATCH.written.clear()
    yield _WATCH
    _WATCH.on = False


def test_a_hostile_note_opens_no_socket_and_reads_no_named_file(
    open_vault: Vault, watch: _Watch
) -> None:
    body = "![x](http://example.com/x.png)\n\n![p](/etc/passwd)\n\n[l](file:///etc/hosts)\n"
    note = open_vault.notes.create(title="Hostile", body=body)
    watch.on = True
    data = open_vault.render_pdf(PdfScope("note", note.uuid))
    watch.on = False
    assert watch.sockets == []
    assert not any("passwd" in path or "hosts" in path for path in watch.opened)
    text = _text(data)
    assert "http://example.com/x.png" in text and "/etc/passwd" in text


def test_export_writes_only_the_output(
    open_vault: Vault, watch: _Watch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    for name in ("home", "cache", "config", "data", "state", "tmp", "cwd"):
        (tmp_path / name).mkdir(exist_ok=True)
    monkeypatch.setenv("HOME", str(home))
    for variable, name in (("XDG_CACHE_HOME", "cache"), ("XDG_CONFIG_HOME", "config"),
                           ("XDG_DATA_HOME", "data"), ("XDG_STATE_HOME", "state"),
                           ("TMPDIR", "tmp")):  # fmt: skip
        monkeypatch.setenv(variable, str(tmp_path / name))
    monkeypatch.chdir(tmp_path / "cwd")
    note = open_vault.notes.create(title="会议", body=BODY)
    open_vault.attachments.add(note.uuid, io.BytesIO(_png()), name="photo.png")
    out = tmp_path / "out" / "note.pdf"
    out.parent.mkdir()
    watch.on = True
    open_vault.export_pdf(out, PdfScope("note", note.uuid))
    watch.on = False
    vault_root = str(open_vault.paths.root)
    outside = [p for p in watch.written if not p.startswith(vault_root)]
    assert outside == [str(out)]
    made = [p for p in tmp_path.rglob("*") if p.is_file() and vault_root not in str(p)]
    assert made == [out]
    assert watch.sockets == []
    assert out.stat().st_mode & 0o777 == 0o600


def test_export_refuses_existing_files_and_the_vault_folder(
    open_vault: Vault, tmp_path: Path
) -> None:
    note = open_vault.notes.create(title="n", body="b")
    scope = PdfScope("note", note.uuid)
    out = tmp_path / "exists.pdf"
    out.write_bytes(b"keep")
    with pytest.raises(PdfWriteError) as caught:
        open_vault.export_pdf(out, scope)
    assert caught.value.context["reason"] == "exists" and out.read_bytes() == b"keep"
    open_vault.export_pdf(out, scope, force=True)
    assert out.read_bytes().startswith(b"%PDF")
    with pytest.raises(PdfWriteError) as caught:
        open_vault.export_pdf(open_vault.paths.root / "x.pdf", scope)
    assert caught.value.context["reason"] == "inside-vault"
    assert not (open_vault.paths.root / "x.pdf").exists()


def test_notebook_and_journal_month(open_vault: Vault) -> None:
    from datetime import date

    for number in range(3):
        open_vault.notes.create(title=f"Book note {number}", body="b", notebook="Legal")
    open_vault.notes.create(title="Elsewhere", body="b")
    text = _text(open_vault.render_pdf(PdfScope("notebook", "Legal")))
    assert all(f"Book note {n}" in text for n in range(3)) and "Elsewhere" not in text
    open_vault.notes.journal_entry(date(2026, 3, 4))
    open_vault.notes.journal_entry(date(2026, 4, 1))
    text = _text(open_vault.render_pdf(PdfScope("journal", "2026-03")))
    assert "2026-03-04" in text and "2026-04-01" not in text


def test_glyphs_no_font_has_are_refused(open_vault: Vault) -> None:
    note = open_vault.notes.create(title="t", body="Linear B: \U00010000")
    with pytest.raises(PdfFontError):
        open_vault.render_pdf(PdfScope("note", note.uuid))


def test_cancel_stops_the_work(open_vault: Vault, tmp_path: Path) -> None:
    for number in range(30):
        open_vault.notes.create(title=f"n{number}", body="text\n" * 50, notebook="Big")
    calls: list[float] = []

    def progress(share: float) -> bool:
        calls.append(share)
        return False

    out = tmp_path / "big.pdf"
    with pytest.raises(CancelledError):
        open_vault.export_pdf(out, PdfScope("notebook", "Big"), progress=progress)
    assert calls and not out.exists()
    assert socket  # the module is watched through audit events


def test_the_file_identifier_does_not_depend_on_the_clock(open_vault: Vault) -> None:
    """fpdf2's /ID hashes the time to the second: two exports of the same note a second
    apart must be the same bytes, or the identifier tells when the PDF was made."""
    import time

    note = open_vault.notes.create(title="t", body="same content")
    first = open_vault.render_pdf(PdfScope("note", note.uuid))
    time.sleep(1.1)
    assert open_vault.render_pdf(PdfScope("note", note.uuid)) == first
