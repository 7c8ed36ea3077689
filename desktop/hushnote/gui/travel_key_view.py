"""The one-time travel key on screen: its words, large, and the same words as a QR code.

The QR code is drawn from the core's module matrix (``qr_matrix``, made with segno)
straight into a ``QImage`` in memory:
no file, no temporary PNG, nothing another program could pick up. ``clear`` paints the
image white, drops it and empties every label and field that held a word, for the
wizard's close, a lock and the panic wipe. Python strings cannot be overwritten in
place, so the words themselves are only dropped; the widgets are what a person or a
screen grab would find, and those are emptied at once.

The words are never put on the clipboard: a clipboard manager would keep them on disk.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QImage, QPixmap
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from hushnote.core import normalize_travel_key, qr_matrix
from hushnote.gui.accessibility import USER_DATA, describe

__all__ = ["TravelKeyView", "qr_image"]

# Pixels per QR module on screen: ten words make a version 5 code (37 modules) plus its
# white border, about 250 px: large enough for a phone at arm's length.
MODULE_PIXELS = 6
# A QR reader wants four modules of white around the code; the core's matrix has two.
QUIET_ZONE = 4


def qr_image(matrix: list[list[bool]], scale: int = MODULE_PIXELS) -> QImage:
    """A QR code's module matrix (``hushnote.core.qr_matrix``: rows of dark modules,
    with its border) drawn black on white into an image in memory, never a file."""
    border = max(0, QUIET_ZONE - _border_of(matrix))
    size = len(matrix) + 2 * border
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    black = QColor("black").rgb()
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                image.setPixel(x + border, y + border, black)
    # Nearest-neighbour scaling keeps every module a sharp square.
    return image.scaled(
        size * scale,
        size * scale,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.FastTransformation,
    )


def _border_of(matrix: list[list[bool]]) -> int:
    """How many light rows the matrix already has above its first dark module."""
    for number, row in enumerate(matrix):
        if any(row):
            return number
    return 0


class TravelKeyView(QWidget):
    """The words in a numbered grid and the QR code beside them; ``confirm`` takes the
    last word typed back. ``confirmed`` says whether it matches."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._image: QImage | None = None
        # Made first, with its parent, so that it comes first in the focus chain: the
        # wizard focuses it on arrival, and Tab from it reads the words.
        self.confirm = QLineEdit(self)
        self.confirm.setInputMethodHints(
            Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhNoAutoUppercase
        )
        describe(
            self.confirm,
            self.tr("Last word of the travel key"),
            self.tr("Type the last word from what you wrote down, to show you have it."),
        )
        self.words = QLabel(self)
        self.words.setObjectName(USER_DATA)  # the key itself, never a translated text
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        # Fixed width, so the numbered columns line up; large, to be copied without errors.
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(self.font().pointSizeF() * 1.6)
        font.setBold(True)
        self.words.setFont(font)
        self.words.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.words.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader reaches it
        describe(
            self.words,
            self.tr("Travel key"),
            self.tr("The words of the one-time travel key, in order."),
        )
        self.qr = QLabel(self)
        self.qr.setObjectName(USER_DATA)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        describe(
            self.qr,
            self.tr("Travel key as a QR code"),
            self.tr("The same words, for a phone's camera. It holds nothing else."),
        )
        self.confirm_label = QLabel(self.tr("Type the &last word from your copy:"))
        self.confirm_label.setBuddy(self.confirm)
        keys = QHBoxLayout()
        keys.addWidget(self.words, 1)
        keys.addWidget(self.qr)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addLayout(keys, 0, 0, 1, 2)
        grid.addWidget(self.confirm_label, 1, 0)
        grid.addWidget(self.confirm, 1, 1)

    def show_key(self, words: str) -> None:
        """Show ``words`` (separated by spaces) in numbered rows, and as a QR code."""
        self.clear()
        self._words = tuple(words.split())
        self.words.setText(_numbered(self._words))
        self._image = qr_image(qr_matrix(" ".join(self._words)))
        self.qr.setPixmap(QPixmap.fromImage(self._image))

    @property
    def shown(self) -> bool:
        return bool(self._words)

    def words_text(self) -> str | None:
        """The key shown, as the core takes it (words separated by single spaces)."""
        return " ".join(self._words) if self._words else None

    def confirmed(self) -> bool:
        """Whether the word typed back is the key's last word, compared as End travel
        compares the words: case, spaces, full-width letters and a Chinese input method's
        punctuation aside."""
        typed = normalize_travel_key(self.confirm.text())
        return bool(self._words) and typed == normalize_travel_key(self._words[-1])

    def clear(self) -> None:
        """Empty every widget that showed the key, and paint over its image."""
        self.words.clear()
        self.qr.clear()
        self.confirm.clear()
        if self._image is not None:
            self._image.fill(QColor("white"))
            self._image = None
        self._words = ()


def _numbered(words: tuple[str, ...]) -> str:
    """Rows of two, numbered, so a word skipped while copying shows at once."""
    cells = [f"{number:>2}. {word}" for number, word in enumerate(words, start=1)]
    rows = [cells[start : start + 2] for start in range(0, len(cells), 2)]
    width = max((len(cell) for cell in cells), default=0) + 2
    return "\n".join("".join(cell.ljust(width) for cell in row).rstrip() for row in rows)
