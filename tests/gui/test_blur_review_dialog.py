"""The face-blur review: boxes removed and added by mouse and by keyboard, and the blur
that Apply produces changes the boxes and nothing far from them."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from conftest import PASSPHRASE, VaultSetup
from hushnote.core import KdfParams
from hushnote.gui.attach_flow import Source, attach_sources
from hushnote.gui.blur_review_dialog import (
    BlurReviewDialog,
    Box,
    blur_transform,
    load_photo,
    photo_kind,
    review_photo,
)
from support.gui import panic_window, unlock_window
from support.modal import when_shown

WIDTH, HEIGHT = 200, 120
FOUND = [Box(20, 20, 40, 40, 0.9), Box(120, 40, 30, 30, 0.8)]
# Pixels this far outside a box stay as they were (the face module grows each box by
# 30 % of its longer side before blurring).
CLEAR = 20


def photo_png() -> bytes:
    """A picture with detail everywhere, so that any blur changes the pixels."""
    from PIL import Image

    image = Image.new("RGB", (WIDTH, HEIGHT))
    image.putdata(
        [
            ((x * 37) % 256, (y * 53) % 256, ((x ^ y) * 11) % 256)
            for y in range(HEIGHT)
            for x in range(WIDTH)
        ]
    )
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def fake_detect(image: object) -> list[Box]:
    return list(FOUND)


@pytest.fixture
def dialog(qtbot: QtBot) -> BlurReviewDialog:
    made = BlurReviewDialog(load_photo(photo_png()), "png", fake_detect)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def test_the_found_boxes_are_shown_for_review(dialog: BlurReviewDialog) -> None:
    assert dialog.boxes == FOUND
    assert "2 face(s) found" in dialog.found.text() or "2 faces found" in dialog.found.text()
    assert dialog.windowTitle() == "Blur faces"


def test_a_box_is_removed_by_clicking_it_and_pressing_delete(
    qtbot: QtBot, dialog: BlurReviewDialog
) -> None:
    canvas = dialog.canvas
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.box_at_widget(1).center())
    assert canvas.selected == 1
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert dialog.boxes == FOUND[:1]
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.box_at_widget(0).center())
    dialog.remove_button.click()
    assert dialog.boxes == []


def test_a_box_is_added_by_dragging_a_rectangle(qtbot: QtBot, dialog: BlurReviewDialog) -> None:
    canvas = dialog.canvas
    start, end = canvas.widget_point(150, 80), canvas.widget_point(190, 110)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, pos=end)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)
    added = dialog.boxes[-1]
    assert len(dialog.boxes) == 3
    assert abs(added.x - 150) <= 2 and abs(added.y - 80) <= 2
    assert abs(added.w - 40) <= 3 and abs(added.h - 30) <= 3


def test_boxes_are_chosen_removed_added_and_moved_by_keyboard(
    qtbot: QtBot, dialog: BlurReviewDialog
) -> None:
    canvas = dialog.canvas
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus)
    qtbot.keyClick(canvas, Qt.Key.Key_Tab)
    assert canvas.selected == 0 and canvas.hasFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Tab)
    assert canvas.selected == 1
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert dialog.boxes == FOUND[:1]
    qtbot.keyClick(canvas, Qt.Key.Key_Insert)
    added = dialog.boxes[-1]
    side = min(WIDTH, HEIGHT) // 5
    assert (added.w, added.h) == (side, side)
    step = max(WIDTH, HEIGHT) // 50
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    qtbot.keyClick(canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    moved = dialog.boxes[-1]
    assert (moved.x, moved.y, moved.w, moved.h) == (added.x + step, added.y, side, side + step)
    for _ in range(100):  # pushed against the edge, the box stays inside the photo
        qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert dialog.boxes[-1].x == 0


def test_tab_leaves_the_photo_after_the_last_box(qtbot: QtBot, dialog: BlurReviewDialog) -> None:
    canvas = dialog.canvas
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus)
    for _ in FOUND:
        qtbot.keyClick(canvas, Qt.Key.Key_Tab)
    assert canvas.hasFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Tab)
    assert not canvas.hasFocus() and canvas.selected is None


def test_the_add_box_button_gives_the_keyboard_a_box_to_move(
    qtbot: QtBot, dialog: BlurReviewDialog
) -> None:
    dialog.add_button.click()
    assert len(dialog.boxes) == 3 and dialog.canvas.selected == 2
    assert dialog.canvas.hasFocus()


def test_without_a_detector_faces_are_marked_by_hand(qtbot: QtBot) -> None:
    made = BlurReviewDialog(load_photo(photo_png()), "png", None)
    qtbot.addWidget(made)
    assert made.boxes == []
    assert "by hand" in made.found.text()


def pixels(data: bytes) -> list[tuple[int, int, int]]:
    from PIL import Image

    rgb = Image.open(io.BytesIO(data)).convert("RGB")
    return [rgb.getpixel((x, y)) for y in range(rgb.height) for x in range(rgb.width)]  # type: ignore[misc]


def near(box: Box, x: int, y: int) -> bool:
    return box.x - CLEAR <= x < box.x + box.w + CLEAR and box.y - CLEAR <= y < box.y + box.h + CLEAR


def assert_blurred_only_in(result: bytes, original: bytes, boxes: list[Box]) -> None:
    before, after = pixels(original), pixels(result)
    assert len(before) == len(after)
    for box in boxes:
        inside = [(x, y) for y in range(box.y, box.y + box.h) for x in range(box.x, box.x + box.w)]
        changed = sum(before[y * WIDTH + x] != after[y * WIDTH + x] for x, y in inside)
        assert changed > 0.9 * len(inside)
    for y in range(HEIGHT):
        for x in range(WIDTH):
            if not any(near(box, x, y) for box in boxes):
                assert before[y * WIDTH + x] == after[y * WIDTH + x], (x, y)


def test_apply_blurs_inside_the_boxes_and_nothing_far_from_them(dialog: BlurReviewDialog) -> None:
    original = photo_png()
    result = dialog.transform()(io.BytesIO(original))
    assert result.startswith(b"\x89PNG")
    assert_blurred_only_in(result, original, FOUND)


def test_a_box_drawn_by_hand_is_blurred_too(qtbot: QtBot, dialog: BlurReviewDialog) -> None:
    canvas = dialog.canvas
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.box_at_widget(1).center())
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    start, end = canvas.widget_point(140, 60), canvas.widget_point(180, 100)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, pos=end)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)
    original = photo_png()
    assert_blurred_only_in(dialog.transform()(io.BytesIO(original)), original, dialog.boxes)


def test_the_blurred_photo_is_what_the_vault_stores(
    qtbot: QtBot, fast_kdf_params: KdfParams, fast_kdf_vault: VaultSetup, tmp_path: Path
) -> None:
    window = panic_window(qtbot, fast_kdf_vault.root, fast_kdf_params, [])
    unlock_window(qtbot, window, PASSPHRASE)
    vault = window.vault
    assert vault is not None
    note = vault.notes.create(title="March", body="")
    photo = tmp_path / "march.png"
    photo.write_bytes(photo_png())
    source = Source(name=photo.name, path=photo, transform=blur_transform(FOUND, "png"))
    said = attach_sources(window, window.session, note.uuid, [source])
    (attachment,) = vault.attachments.of_note(note.uuid)
    stored = vault.attachments.read(attachment.uuid, limit=1 << 24)
    assert_blurred_only_in(stored, photo.read_bytes(), FOUND)
    assert said is not None and "Removed: faces (blurred)" in said
    window.lock()


def test_photo_kinds_are_told_by_their_bytes() -> None:
    assert photo_kind(photo_png()) == "png"
    assert photo_kind(b"GIF89a" + b"\x00" * 20) is None
    assert photo_kind(b"just some text") is None


def test_review_photo_goes_from_the_file_dialog_to_a_blurring_source(
    qtbot: QtBot, tmp_path: Path
) -> None:
    photo = tmp_path / "crowd.png"
    photo.write_bytes(photo_png())

    def choose(dialog: object) -> None:
        assert isinstance(dialog, QFileDialog)
        assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.selectFile(str(photo))
        dialog.accept()

    def apply(dialog: object) -> None:
        assert isinstance(dialog, BlurReviewDialog)
        assert dialog.boxes == FOUND
        dialog.apply_button.click()

    when_shown(QFileDialog, choose)
    when_shown(BlurReviewDialog, apply)
    source = review_photo(None, fake_detect)
    assert source is not None and source.data == photo_png() and source.transform is not None
    assert_blurred_only_in(source.transform(io.BytesIO(photo_png())), photo_png(), FOUND)


def test_cancel_stops_the_search_for_faces(qtbot: QtBot) -> None:
    import time

    from PySide6.QtWidgets import QProgressDialog, QPushButton

    def slow_detect(image: object, *, check: Callable[[], None]) -> list[Box]:
        for _ in range(500):  # ten seconds, unless Cancel is heard
            check()
            time.sleep(0.02)
        return list(FOUND)

    def cancel(dialog: object) -> None:
        assert isinstance(dialog, QProgressDialog)
        button = dialog.findChild(QPushButton)
        assert button is not None
        button.click()

    when_shown(QProgressDialog, cancel)
    started = time.monotonic()
    made = BlurReviewDialog(load_photo(photo_png()), "png", slow_detect)
    qtbot.addWidget(made)
    assert time.monotonic() - started < 5
    assert made.boxes == []
    assert "stopped" in made.found.text()


def test_the_photo_reviewed_is_the_photo_stored_even_if_its_file_changes(
    qtbot: QtBot, fast_kdf_params: KdfParams, fast_kdf_vault: VaultSetup, tmp_path: Path
) -> None:
    from PIL import Image, ImageOps

    photo = tmp_path / "crowd.png"
    photo.write_bytes(photo_png())
    other = io.BytesIO()
    ImageOps.invert(Image.open(io.BytesIO(photo_png())).convert("RGB")).save(other, "PNG")

    def choose(dialog: object) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(photo))
        dialog.accept()

    def apply(dialog: object) -> None:
        assert isinstance(dialog, BlurReviewDialog)
        # Another program replaces the file while the boxes are reviewed.
        photo.write_bytes(other.getvalue())
        dialog.apply_button.click()

    when_shown(QFileDialog, choose)
    when_shown(BlurReviewDialog, apply)
    source = review_photo(None, fake_detect)
    assert source is not None
    window = panic_window(qtbot, fast_kdf_vault.root, fast_kdf_params, [])
    unlock_window(qtbot, window, PASSPHRASE)
    vault = window.vault
    assert vault is not None
    note = vault.notes.create(title="March", body="")
    attach_sources(window, window.session, note.uuid, [source])
    (attachment,) = vault.attachments.of_note(note.uuid)
    stored = vault.attachments.read(attachment.uuid, limit=1 << 24)
    assert_blurred_only_in(stored, photo_png(), FOUND)
    window.lock()
