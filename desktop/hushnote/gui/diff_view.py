"""A comparison of two texts as a person reads it: marked, coloured, folded, read-only.

``fold_diff`` turns the core's line diff (``DiffLine``: same, removed, added) into text
whose every line starts with a marker, "+" (only in the new text), "-" (only in the
old) or a space, keeping ``CONTEXT_LINES`` unchanged lines around each change and
folding longer unchanged runs into one "⋯ N unchanged lines" line: a one-line edit to a
long note reads as one screen, not the whole note. ``DiffView`` shows it, coloured by
the marker, so that the colour adds to the marks and never replaces them. Pure Python
up to the widget, so ``fold_diff`` runs on a worker with the comparison.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from hushnote.core import DiffLine
from hushnote.gui.accessibility import release_tab

__all__ = [
    "ADDED",
    "CONTEXT_LINES",
    "FOLDED",
    "MAX_SHOWN_LINES",
    "REMOVED",
    "SAME",
    "DiffView",
    "ShownDiff",
    "fold_diff",
]

# Unchanged lines kept on each side of a change; longer runs fold into one line.
CONTEXT_LINES = 3
# Lines shown at most: putting 200,000 lines into the view held the window over a
# second (the widget lays out and colours every one on the GUI thread). Past this, one
# line says how many more there are; the numbers above the view count them all.
MAX_SHOWN_LINES = 5_000
ADDED, REMOVED, SAME, FOLDED = "+", "-", " ", "⋯"


@dataclass(frozen=True)
class ShownDiff:
    """A comparison ready to show: its text (one marker character starting each line)
    and how many lines were added and removed."""

    text: str
    added: int
    removed: int


def _more_lines(count: int) -> str:
    # Before fold_diff: the translation extractor stops reading at its f-strings.
    return QCoreApplication.translate("history", "%n more line(s) not shown here", None, count)


def fold_diff(
    lines: list[DiffLine], context: int = CONTEXT_LINES, limit: int = MAX_SHOWN_LINES
) -> ShownDiff:
    """Mark each line of the core's diff, keeping ``context`` unchanged lines around each
    change and folding longer unchanged runs into one "⋯ N unchanged lines" line; past
    ``limit`` lines, one last line says how many more were left out."""
    out = _Capped(limit)
    added = removed = 0
    changed = [i for i, line in enumerate(lines) if line.kind != "same"]
    keep = [False] * len(lines)
    for i in changed:
        for j in range(max(0, i - context), min(len(lines), i + context + 1)):
            keep[j] = True
    skipped = 0

    def flush() -> None:
        nonlocal skipped
        if skipped:
            out.append(
                FOLDED
                + " "
                + QCoreApplication.translate("history", "%n unchanged line(s)", None, skipped)
            )
            skipped = 0

    for line, kept in zip(lines, keep, strict=True):
        if line.kind == "same" and not kept:
            skipped += 1
            continue
        flush()
        if line.kind == "added":
            added += 1
            out.append(f"{ADDED} {line.text}")
        elif line.kind == "removed":
            removed += 1
            out.append(f"{REMOVED} {line.text}")
        else:
            out.append(f"{SAME} {line.text}")
    flush()
    if out.left_out:
        out.lines.append(FOLDED + " " + _more_lines(out.left_out))
    return ShownDiff("\n".join(out.lines), added, removed)


class _Capped:
    """The lines to show, up to a limit; past it only counted."""

    def __init__(self, limit: int) -> None:
        self.lines: list[str] = []
        self.limit = limit
        self.left_out = 0

    def append(self, line: str) -> None:
        if len(self.lines) < self.limit:
            self.lines.append(line)
        else:
            self.left_out += 1


class _DiffColours(QSyntaxHighlighter):
    """Colours each line of a diff by the marker it starts with (the marker stays)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.formats: dict[str, QTextCharFormat] = {}
        for marker, background, foreground in (
            (ADDED, "#dcf2dc", "#0b3d0b"),
            (REMOVED, "#fde2e1", "#5c0000"),
            (FOLDED, "#ececec", "#3a3a3a"),
        ):
            look = QTextCharFormat()
            look.setBackground(QColor(background))
            look.setForeground(QColor(foreground))
            if marker == FOLDED:
                look.setFontItalic(True)
            self.formats[marker] = look

    def highlightBlock(self, text: str) -> None:
        look = self.formats.get(text[:1])
        if look is not None:
            self.setFormat(0, len(text), look)


class DiffView(QPlainTextEdit):
    """A read-only diff that the keyboard can read and select, and Tab leaves."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        flags = Qt.TextInteractionFlag
        self.setTextInteractionFlags(flags.TextSelectableByMouse | flags.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setUndoRedoEnabled(False)
        release_tab(self)
        self.colours = _DiffColours(self.document())

    def show_text(self, text: str) -> None:
        self.setPlainText(text)
        self.document().clearUndoRedoStacks()
