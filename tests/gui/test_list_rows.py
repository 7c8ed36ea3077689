"""Rows that mix Chinese and Latin text: nothing cut off at the bottom, and the selection
highlight inside its own row, in the note list and the search results, at 100% and 200%.

The pictures are rendered offscreen (``grab``); 200% runs this file again in a
subprocess with QT_SCALE_FACTOR=2, which the offscreen platform honours.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPainter,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView, QWidget
from pytestqt.qtbot import QtBot

from conftest import PASSPHRASE, VaultSetup
from hushnote.core import Vault
from hushnote.gui.list_delegate import TwoLineDelegate, size_rows
from hushnote.gui.paged_list_model import SUBTITLE_ROLE
from support.gui import unlock_window as unlock

MIXED = [
    "会议记录 Meeting notes 2026",
    "會議紀錄 Minutes gjpqy",
    "法律援助 Legal aid intake：陈女士",
    "Plain Latin ÅÉ gjpqy",
    "「游行路线」Route (final) 草稿",
]
SCALE = float(os.environ.get("QT_SCALE_FACTOR", "1"))
INK = 40  # a channel this far from the background is ink, not antialiasing noise


@pytest.fixture(autouse=True)
def _chinese_font(qapp: QApplication) -> None:
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        pytest.skip("needs a Chinese font (.ci/run installs them)")


def _is_ink(colour: QColor, background: QColor) -> bool:
    return (
        max(
            abs(colour.red() - background.red()),
            abs(colour.green() - background.green()),
            abs(colour.blue() - background.blue()),
        )
        > INK
    )


def _ink_rows(image: QImage, area: QRect, background: QColor) -> list[int]:
    """The device-pixel rows of ``area`` holding ink."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    bits = memoryview(image.constBits()).cast("B")
    stride = image.bytesPerLine()
    rows = []
    for y in range(area.top(), area.bottom() + 1):
        start = y * stride + area.left() * 4
        pixels = set(bits[start : start + area.width() * 4].cast("I"))  # distinct colours
        if any(_is_ink(QColor.fromRgb(pixel), background) for pixel in pixels):
            rows.append(y)
    return rows


def _device(rect: QRect, offset: QPoint, ratio: float) -> QRect:
    """``rect`` (in widget pixels, moved by ``offset``) in the image's device pixels."""
    moved = rect.translated(offset)
    return QRect(
        round(moved.left() * ratio),
        round(moved.top() * ratio),
        round(moved.width() * ratio),
        round(moved.height() * ratio),
    )


def _reference_ink_height(
    font: QFont, text: str, ratio: float, pen: QColor, background: QColor
) -> int:
    """How many device-pixel rows ``text`` inks when nothing can cut it."""
    image = QImage(round(900 * ratio), round(200 * ratio), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(background)
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(pen)
    painter.drawText(QRect(0, 50, 900, 100), 0, text)
    painter.end()
    rows = _ink_rows(image, image.rect(), background)
    return rows[-1] - rows[0] + 1


def test_this_run_has_the_scale_it_claims(qapp: QApplication) -> None:
    assert qapp.primaryScreen().devicePixelRatio() == SCALE


#: The default font, and the families a Chinese desktop commonly sets, at two sizes.
FONTS = [
    ((), 0),
    (("Noto Sans CJK SC",), 0),
    (("DejaVu Sans", "Noto Sans CJK SC"), 0),
    (("WenQuanYi Micro Hei",), 0),
    (("Noto Sans CJK SC",), 13),
    (("DejaVu Sans", "WenQuanYi Micro Hei"), 13),
]


@pytest.mark.parametrize(("families", "size"), FONTS)
def test_no_line_of_a_mixed_script_row_is_cut(
    qtbot: QtBot, families: tuple[str, ...], size: int
) -> None:
    """Each row holds one text alone (a title, or a subtitle), so all its ink is that
    text's: as many pixel rows of it as when drawn with nothing to cut it."""
    installed = set(QFontDatabase.families())
    if not set(families) <= installed:
        pytest.skip(f"{families} not installed")
    model = QStandardItemModel()
    for text in MIXED:
        for title, subtitle in ((text, ""), ("", text)):
            item = QStandardItem(title)
            item.setData(subtitle, SUBTITLE_ROLE)
            model.appendRow(item)
    view = QTableView()
    qtbot.addWidget(view)
    view.horizontalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.setShowGrid(False)
    view.setItemDelegate(TwoLineDelegate(view))
    view.setModel(model)
    font = QFont(view.font())
    if families:
        font.setFamilies(list(families))
    if size:
        font.setPointSize(size)
    view.setFont(font)
    size_rows(view)
    view.resize(600, 40 + model.rowCount() * view.rowHeight(0))
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    background = view.palette().color(view.viewport().backgroundRole())
    bold = QFont(view.font())
    bold.setBold(True)
    for row in range(model.rowCount()):
        title = model.item(row).text()
        if title:
            text, font, role = title, bold, QPalette.ColorRole.Text
        else:
            text, font = model.item(row).data(SUBTITLE_ROLE), view.font()
            role = QPalette.ColorRole.PlaceholderText
        pen = view.palette().color(role)
        area = _device(view.visualRect(model.index(row, 0)), QPoint(0, 0), ratio)
        rows = _ink_rows(image, area, background)
        assert rows, text
        assert rows[-1] < area.bottom(), f"{text!r} runs into the row's bottom edge"
        expected = _reference_ink_height(font, text, ratio, pen, background)
        assert rows[-1] - rows[0] + 1 == expected, text


def test_the_note_list_and_search_results_with_mixed_titles(
    qtbot: QtBot, window_for, fast_kdf_vault: VaultSetup
) -> None:  # type: ignore[no-untyped-def]
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        for title in MIXED:
            vault.notes.create(title=title, body=f"{title} 会议 meeting")
    window = window_for(fast_kdf_vault.root)
    unlock(qtbot, window, PASSPHRASE)
    view = window.workspace.list_view
    model = window.workspace.note_model
    view.setCurrentIndex(model.index(1))
    _check_rows(view.viewport(), [view.visualRect(model.index(r)) for r in range(len(MIXED))], 1)

    dialog = window.search_dialog
    dialog.start("会议")
    dialog._timer.stop()
    dialog.run()
    results = dialog.results
    assert results.count() == len(MIXED)
    results.setCurrentRow(1)
    qtbot.waitExposed(dialog)
    rects = [results.visualItemRect(results.item(r)) for r in range(results.count())]
    assert all(a.bottom() < b.top() for a, b in itertools.pairwise(rects))
    _check_rows(results.viewport(), rects, 1)
    # Narrower, the results wrap onto more lines: their rows grow to match.
    dialog.resize(300, dialog.height())
    qtbot.waitUntil(lambda: results.viewport().width() < 300)
    rects = [results.visualItemRect(results.item(r)) for r in range(results.count())]
    _check_rows(results.viewport(), rects, 1)


def _check_rows(viewport: QWidget, rects: list[QRect], selected: int) -> None:
    """No ink on a row's last pixel line; the highlight fills its row and stops there."""
    image = viewport.grab().toImage()
    ratio = image.devicePixelRatio()
    highlight = viewport.palette().color(viewport.palette().ColorRole.Highlight)
    base = viewport.palette().color(viewport.backgroundRole())
    for row, rect in enumerate(rects):
        area = _device(rect, QPoint(0, 0), ratio)
        background = highlight if row == selected else base
        bottom = [image.pixelColor(x, area.bottom()) for x in range(area.left(), area.right())]
        assert not any(_is_ink(c, background) for c in bottom), f"row {row} is cut at its bottom"
    area = _device(rects[selected], QPoint(0, 0), ratio)
    middle = area.left() + area.width() // 2
    assert image.pixelColor(2, area.top()) == highlight
    assert image.pixelColor(2, area.bottom()) == highlight
    below = rects[selected + 1]
    next_area = _device(below, QPoint(0, 0), ratio)
    for y in range(area.bottom() + 1, next_area.bottom() + 1):
        assert image.pixelColor(2, y) != highlight, f"the highlight reaches pixel row {y}"
        assert image.pixelColor(middle, y) != highlight


@pytest.mark.skipif(SCALE != 1, reason="this is the run at 200%")
def test_at_200_percent(tmp_path: Path) -> None:
    tests = Path(__file__).parents[1]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(Path(__file__)),
         "-k", "not 200_percent"],
        env={**os.environ, "QT_SCALE_FACTOR": "2", "QT_QPA_PLATFORM": "offscreen"},
        cwd=tests.parent,
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "skipped" not in result.stdout
