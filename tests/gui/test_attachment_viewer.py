"""The attachment viewer: shown from memory, loading nothing, answering the keyboard."""

from __future__ import annotations

import io
import struct
import time
import zlib
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QTextBrowser
from pytestqt.qtbot import QtBot

from hushnote.gui.attachment_content import (
    MAX_TEXT_BYTES,
    ImageTooLarge,
    SealedBrowser,
    ViewKind,
    decode_image,
    decode_text,
    view_kind,
)
from hushnote.gui.attachment_viewer import AttachmentViewer

NAME = "Bail fund ledger — Tuesday.png"


def _encoded(image: QImage, fmt: str) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt)
    buffer.close()
    return bytes(array.data())


def _jpeg_turned_a_quarter() -> bytes:
    """600x400 stored, red with a blue top-left corner, EXIF orientation 6 (turn right)."""
    image = QImage(600, 400, QImage.Format.Format_RGB32)
    image.fill(QColor(255, 0, 0))
    for y in range(100):
        for x in range(100):
            image.setPixelColor(x, y, QColor(0, 0, 255))
    jpeg = _encoded(image, "JPEG")
    # An APP1 segment holding one big-endian TIFF entry: Orientation (0x0112) = 6.
    tiff = b"MM\x00*\x00\x00\x00\x08" + struct.pack(">HHHIHHI", 1, 0x0112, 3, 1, 6, 0, 0)
    body = b"Exif\x00\x00" + tiff
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body + jpeg[2:]


def _png(colour: tuple[int, int, int], size: tuple[int, int] = (200, 200)) -> bytes:
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    image.fill(QColor(*colour))
    return _encoded(image, "PNG")


def _bomb_png(side: int = 40_000) -> bytes:
    """A 1-bit PNG of ``side`` x ``side`` black pixels: a few hundred KB, 1.6 gigapixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        check = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + check

    packer = zlib.compressobj(9)
    row = bytes(1 + side // 8)
    data = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    chunks = chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


def _pdf(pages: int) -> bytes:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    for index in range(pages):
        document.new_page(595 + index, 842)  # widths tell the pages apart
    out = io.BytesIO()
    document.save(out)
    document.close()
    return out.getvalue()


def _viewer(qtbot: QtBot, data: bytes, name: str, kind: str) -> AttachmentViewer:
    viewer = AttachmentViewer(bytearray(data), name, kind)
    qtbot.addWidget(viewer)
    viewer.show()
    viewer.activateWindow()  # shortcuts answer in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is viewer)
    return viewer


def test_the_title_is_neutral_and_never_names_the_file(qtbot: QtBot) -> None:
    viewer = _viewer(qtbot, _png((0, 128, 0)), NAME, "image/png")
    assert viewer.windowTitle() == "Attachment"
    assert viewer.windowHandle().title() == "Attachment"
    assert viewer.name_label.text() == NAME  # shown inside the window only


def test_an_image_is_shown_with_its_exif_orientation(qtbot: QtBot) -> None:
    viewer = _viewer(qtbot, _jpeg_turned_a_quarter(), "photo.jpg", "image/jpeg")
    qtbot.waitUntil(lambda: not viewer.canvas.image.isNull())
    image = viewer.canvas.image
    assert image.height() > image.width()  # turned: 400 wide, 600 high
    corner = image.pixelColor(image.width() - 5, 5)
    assert corner.blue() > 200 and corner.red() < 60  # the blue corner went top-right


def test_a_decompression_bomb_is_refused_quickly_with_a_message(qtbot: QtBot) -> None:
    bomb = _bomb_png()
    assert len(bomb) < 1_000_000
    start = time.perf_counter()
    with pytest.raises(ImageTooLarge):
        decode_image(bomb)
    viewer = _viewer(qtbot, bomb, "bomb.png", "image/png")
    assert time.perf_counter() - start < 2.0
    assert "too large to show" in viewer.message.text()
    assert "40000" in viewer.message.text()
    assert viewer.canvas.image.isNull() and not viewer.zoom_in_button.isEnabled()


def test_a_damaged_image_says_so(qtbot: QtBot) -> None:
    damaged = _png((0, 0, 255))[:120]  # the header survives, the pixels do not
    viewer = _viewer(qtbot, damaged, "cut.png", "image/png")
    assert "cannot be read" in viewer.message.text()


def test_an_svg_is_not_shown_as_an_image() -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><image href="/etc/hostname"/></svg>'
    assert view_kind("image/svg+xml", "drawing.svg", svg) is None


def test_kinds_come_from_the_bytes_for_images_and_pdfs() -> None:
    assert view_kind("application/octet-stream", "scan.txt", _png((1, 2, 3))) is ViewKind.IMAGE
    assert view_kind("", "notes.bin", _pdf(1)) is ViewKind.PDF
    assert view_kind("text/plain", "a", b"hello") is ViewKind.TEXT
    assert view_kind("text/html", "page.html", b"<img src=x>") is ViewKind.TEXT
    assert view_kind("", "README.md", b"# hi") is ViewKind.MARKDOWN
    assert view_kind("application/zip", "a.zip", b"PK\x03\x04") is None
    # The store's own kinds, told from the bytes, whatever the name says.
    assert view_kind("text", "minutes", b"plain words") is ViewKind.TEXT
    assert view_kind("markdown", "minutes", b"# plan") is ViewKind.MARKDOWN
    assert view_kind("other", "minutes", b"PK\x03\x04") is None


def test_zoom_keys_zoom_and_ctrl_0_fits(qtbot: QtBot) -> None:
    viewer = _viewer(qtbot, _png((0, 0, 255), (3000, 2000)), "big.png", "image/png")
    qtbot.waitUntil(lambda: not viewer.canvas.image.isNull())
    fitted = viewer.zoom
    assert fitted < 1
    assert viewer.canvas.width() <= viewer.scroll_area.viewport().width()
    qtbot.keyClick(viewer, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom == pytest.approx(fitted * 1.25)
    assert viewer.canvas.width() == round(3000 * viewer.zoom)
    qtbot.keyClick(viewer, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(viewer, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom == pytest.approx(fitted / 1.25)
    qtbot.keyClick(viewer, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom == pytest.approx(fitted)


def test_zooming_past_the_first_decode_decodes_the_whole_image(qtbot: QtBot) -> None:
    viewer = _viewer(qtbot, _png((0, 0, 255), (3000, 2000)), "big.png", "image/png")
    qtbot.waitUntil(lambda: not viewer.canvas.image.isNull())
    assert viewer.canvas.image.width() < 3000  # decoded at the size shown
    for _ in range(12):
        viewer.zoom_in()
    assert viewer.canvas.image.width() == 3000


def test_pdf_pages_answer_page_keys_and_the_page_field(qtbot: QtBot) -> None:
    viewer = _viewer(qtbot, _pdf(5), "minutes.pdf", "application/pdf")
    qtbot.waitUntil(lambda: not viewer.canvas.image.isNull())
    assert viewer.page_count.text() == "of 5"

    def shows(page: int) -> None:
        assert viewer.page == page and viewer.page_field.value() == page + 1

    qtbot.keyClick(viewer, Qt.Key.Key_PageDown)
    shows(1)
    qtbot.keyClick(viewer, Qt.Key.Key_End)
    shows(4)
    qtbot.keyClick(viewer, Qt.Key.Key_PageDown)  # past the end: stays
    shows(4)
    qtbot.keyClick(viewer, Qt.Key.Key_Home)
    shows(0)
    qtbot.keyClick(viewer, Qt.Key.Key_PageUp)
    shows(0)
    viewer.page_field.setValue(3)
    shows(2)
    # The page drawn is the one asked for (page 3 is 597 points wide).
    qtbot.waitUntil(lambda: viewer.canvas.width() == round(597 * 96 / 72 * viewer.zoom))


def test_a_broken_pdf_says_so(qtbot: QtBot) -> None:
    viewer = _viewer(qtbot, b"%PDF-1.7\n1 0 obj garbage", "broken.pdf", "application/pdf")
    assert "cannot be read" in viewer.message.text()
    assert viewer.kind is ViewKind.PDF and not viewer.scroll_area.isVisible()


def test_escape_closes_and_forgets_what_was_shown(qtbot: QtBot) -> None:
    viewer = _viewer(qtbot, _pdf(2), "minutes.pdf", "application/pdf")
    qtbot.waitUntil(lambda: not viewer.canvas.image.isNull())
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()
    assert viewer.canvas.image.isNull() and viewer._pdf is None


def test_every_control_is_reached_with_tab(qtbot: QtBot) -> None:
    viewer = _viewer(qtbot, _pdf(3), "minutes.pdf", "application/pdf")
    wanted = {viewer.page_field, viewer.zoom_in_button, viewer.zoom_out_button, viewer.fit_button}
    reached = set()
    widget = viewer.focusWidget() or viewer.page_field
    for _ in range(20):
        widget = widget.nextInFocusChain()
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            reached.add(widget)
    assert wanted <= reached


def test_text_decodes_with_a_fallback_that_never_fails() -> None:
    assert decode_text("Grüße 你好".encode()).text == "Grüße 你好"
    assert decode_text(b"\xef\xbb\xbfbom").text == "bom"
    assert decode_text("UTF-16 你好".encode("utf-16")).text == "UTF-16 你好"
    broken = decode_text(b"ok \xff\xfe\xc3 end")
    assert broken.lossy and broken.text.startswith("ok ") and broken.text.endswith(" end")
    long = decode_text(("你" * (MAX_TEXT_BYTES // 3 + 10)).encode())
    assert long.cut and not long.lossy  # cut inside a character is not damage


def test_text_that_is_not_utf8_is_shown_with_a_note(qtbot: QtBot) -> None:
    viewer = _viewer(qtbot, b"caf\xe9 list", "latin.txt", "text/plain")
    assert viewer.text is not None and "caf\ufffd list" in viewer.text.toPlainText()
    assert "not UTF-8" in viewer.message.text()
    qtbot.keyClick(viewer, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.text.font().pointSizeF() > viewer.font().pointSizeF()


def _red_pixels(image: QImage) -> int:
    red = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            colour = QColor(image.pixel(x, y))
            red += colour.red() > 200 and colour.green() < 60 and colour.blue() < 60
    return red


def test_markdown_loads_no_local_image(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    picture = tmp_path / "secret.png"
    picture.write_bytes(_png((255, 0, 0)))
    monkeypatch.chdir(tmp_path)
    text = (
        f"# Minutes\n\n![abs]({picture.as_uri()})\n\n![rel](secret.png)\n\n"
        f'<img src="{picture}">\n\n[a link](https://example.org/track)\n'
        f"![ref][pic]\n\n[pic]: {picture}\n"
    )
    viewer = _viewer(qtbot, text.encode(), "minutes.md", "text/markdown")
    assert isinstance(viewer.text, SealedBrowser)
    viewer.resize(500, 900)
    shot = viewer.text.viewport().grab().toImage()
    assert _red_pixels(shot) == 0
    assert viewer.text.loaded == []  # no image is left to ask for
    assert "Minutes" in viewer.text.toPlainText()
    assert "[image not shown: secret.png]" in viewer.text.toPlainText()
    assert not viewer.text.openLinks() and not viewer.text.openExternalLinks()
    # The control: an ordinary browser given the same text does load the file, so the
    # test above could fail.
    control = QTextBrowser()
    qtbot.addWidget(control)
    control.setSearchPaths([str(tmp_path)])
    control.setMarkdown(text)
    control.resize(500, 900)
    control.show()
    qtbot.waitExposed(control)
    assert _red_pixels(control.viewport().grab().toImage()) > 0
