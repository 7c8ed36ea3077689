"""A window showing one attachment from memory: an image, a PDF page by page, or text.

The bytes come decrypted, in memory, from the caller; nothing is written anywhere
(``attachment_content``). The title is only "Attachment": a window title reaches the
window manager, task bars and screenshot tools, so it never names the file.

Keys: Ctrl++ and Ctrl+- zoom, Ctrl+0 fits the page or image to the window; Page Up and
Page Down, Home and End move through a PDF's pages, whose number can also be typed in the
page field; Escape closes. Every control is reachable with Tab.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPaintEvent, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hushnote.gui.accessibility import USER_DATA, describe
from hushnote.gui.attachment_content import (
    ImageTooLarge,
    PdfPages,
    SealedBrowser,
    Unreadable,
    ViewKind,
    decode_image,
    decode_text,
    image_size,
    view_kind,
)
from hushnote.gui.background import BackgroundCall

__all__ = ["AttachmentViewer"]

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.05, 8.0
# A PDF at 100 % shows a point as 96/72 pixels: an A4 page as wide as on paper.
POINT = 96 / 72


class _Canvas(QWidget):
    """Paints one image, scaled to the canvas's size; says when it first painted one."""

    first_paint = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self._painted = False

    def show_image(self, image: QImage, size: QSize) -> None:
        self.image = image
        self.setFixedSize(size)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.image.isNull():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(QRect(QPoint(0, 0), self.size()), self.image)
        painter.end()
        if not self._painted:
            self._painted = True
            self.first_paint.emit()


class AttachmentViewer(QDialog):
    """Shows ``data`` (plaintext bytes) as the kind ``view_kind`` finds for it.

    ``name`` is shown inside the window only; ``kind`` is the attachment's MIME type."""

    def __init__(
        self, data: bytes | bytearray, name: str, kind: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attachment"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._data: bytes | bytearray | None = data
        self.kind = view_kind(kind, name, data)
        self.zoom = 1.0
        self._fit = True
        self._image_full = QSize()
        self._image_scale = 0.0  # the decoded image's scale against its full size
        self._pdf: PdfPages | None = None
        self._render: BackgroundCall | None = None
        self._pending: tuple[int, float] | None = None
        self.page = 0
        self.opened_at = time.perf_counter()

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.name_label = QLabel(name)
        self.name_label.setObjectName(USER_DATA)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        bar.addWidget(self.name_label, 1)
        self.page_field = QSpinBox()
        self.page_field.setKeyboardTracking(False)
        self.page_count = QLabel()
        describe(
            self.page_field, self.tr("Page"), self.tr("The page shown; type a number to go there.")
        )
        self.page_field.valueChanged.connect(lambda value: self.go_to(value - 1))
        bar.addWidget(self.page_field)
        bar.addWidget(self.page_count)
        self.zoom_out_button = QPushButton(self.tr("Zoom out"))
        self.zoom_in_button = QPushButton(self.tr("Zoom in"))
        self.fit_button = QPushButton(self.tr("Fit"))
        self.zoom_label = QLabel()
        describe(
            self.zoom_out_button,
            self.zoom_out_button.text(),
            self.tr("Show it smaller (Ctrl+Minus)."),
        )
        describe(
            self.zoom_in_button, self.zoom_in_button.text(), self.tr("Show it larger (Ctrl+Plus).")
        )
        describe(
            self.fit_button,
            self.fit_button.text(),
            self.tr("Show the whole page or image in the window (Ctrl+0)."),
        )
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.fit_button.clicked.connect(self.fit)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            bar.addWidget(widget)
        close = QPushButton(self.tr("Close"))
        close.setAccessibleDescription(self.tr("Close the attachment (Escape)."))
        close.clicked.connect(self.reject)
        close.setAutoDefault(False)
        bar.addWidget(close)
        layout.addLayout(bar)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.message.hide()
        layout.addWidget(self.message)

        self.canvas = _Canvas()
        self.scroll_area = QScrollArea()
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area.setWidget(self.canvas)
        self.text: QPlainTextEdit | SealedBrowser | None = None
        self._build_content(layout)
        self._shortcuts()
        self.resize(900, 700)
        # The keyboard starts on the content, where the arrows scroll it.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        (self.text or self.scroll_area).setFocus()

    # -- building -------------------------------------------------------------------------

    def _build_content(self, layout: QVBoxLayout) -> None:
        paged = self.kind is ViewKind.PDF
        for widget in (self.page_field, self.page_count):
            widget.setVisible(paged)
        if self.kind in (ViewKind.TEXT, ViewKind.MARKDOWN):
            decoded = decode_text(self._data or b"")
            notes = []
            if decoded.lossy:
                notes.append(self.tr("Some characters are not UTF-8 and show as \ufffd."))
            if decoded.cut:
                notes.append(self.tr("This text is long: only its first 4 MB are shown."))
            if notes:
                self._say(" ".join(notes))
            if self.kind is ViewKind.MARKDOWN:
                self.text = SealedBrowser()
                self.text.show_markdown(decoded.text)
            else:
                self.text = QPlainTextEdit()
                self.text.setReadOnly(True)
                self.text.setPlainText(decoded.text)
            self.text.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByKeyboard
                | Qt.TextInteractionFlag.TextSelectableByMouse
            )
            self.text.setTabChangesFocus(True)  # no keyboard trap
            describe(self.text, self.tr("Attachment text"), "")
            layout.addWidget(self.text, 1)
            self.zoom_label.hide()
            self._data = None  # the widget holds the text now
            return
        describe(self.scroll_area, self.tr("Attachment"), "")
        layout.addWidget(self.scroll_area, 1)
        if self.kind is None:
            self._fail(self.tr("This kind of file cannot be shown here."))
        elif self.kind is ViewKind.PDF:
            try:
                self._pdf = PdfPages(self._data or b"")
            except Unreadable as error:
                self._fail(
                    self.tr("This PDF is protected by a password, so it cannot be shown here.")
                    if error.reason == "password"
                    else self.tr("This PDF cannot be read: it is damaged or not a PDF.")
                )
                return
            self._data = None  # PDFium holds it now
            self.page_field.setRange(1, self._pdf.count)
            self.page_count.setText(self.tr("of {count}").replace("{count}", str(self._pdf.count)))
        else:
            self._image_full = image_size(self._data or b"")

    def _shortcuts(self) -> None:
        bindings: list[tuple[list[QKeySequence | str], Any]] = [
            ([QKeySequence(QKeySequence.StandardKey.ZoomIn), "Ctrl+=", "Ctrl++"], self.zoom_in),
            ([QKeySequence(QKeySequence.StandardKey.ZoomOut), "Ctrl+-"], self.zoom_out),
            (["Ctrl+0"], self.fit),
        ]
        if self.kind is ViewKind.PDF:
            bindings += [
                (["PgDown"], lambda: self.go_to(self.page + 1)),
                (["PgUp"], lambda: self.go_to(self.page - 1)),
                (["Home"], lambda: self.go_to(0)),
                (["End"], lambda: self.go_to(self.page_total - 1)),
            ]
        seen: set[str] = set()
        for keys, slot in bindings:
            for key in keys:
                sequence = QKeySequence(key)
                if sequence.isEmpty() or sequence.toString() in seen:
                    continue
                seen.add(sequence.toString())
                QShortcut(sequence, self).activated.connect(slot)

    # -- showing ---------------------------------------------------------------------------

    @property
    def page_total(self) -> int:
        return self._pdf.count if self._pdf is not None else 0

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.kind in (ViewKind.IMAGE, ViewKind.PDF) and self.canvas.image.isNull():
            self._refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit and self.isVisible() and self.kind in (ViewKind.IMAGE, ViewKind.PDF):
            self._refresh()

    def _viewport(self) -> QSize:
        # The scroll area's inside, less a margin so that a fitted page shows no scroll bar.
        size = self.scroll_area.viewport().size()
        return QSize(max(1, size.width() - 4), max(1, size.height() - 4))

    def _refresh(self) -> None:
        if self.kind is ViewKind.IMAGE and self._data is not None:
            self._show_image()
        elif self.kind is ViewKind.PDF and self._pdf is not None:
            self._show_page()

    def _show_image(self) -> None:
        full = self._image_full
        if not full.isValid() or full.isEmpty():
            self._fail(self.tr("This image cannot be read: it is damaged or of an unknown kind."))
            return
        view = self._viewport()
        if self._fit:
            self.zoom = min(1.0, view.width() / full.width(), view.height() / full.height())
        target = QSize(
            max(1, round(full.width() * self.zoom)), max(1, round(full.height() * self.zoom))
        )
        ratio = self.devicePixelRatioF()
        needed = min(1.0, self.zoom * ratio)
        if needed > self._image_scale + 1e-6 or self.canvas.image.isNull():
            try:
                fit = None if needed >= 1.0 else target * ratio
                image = decode_image(self._data or b"", fit)
            except ImageTooLarge:
                self._fail(
                    self.tr("This image is too large to show here ({width} by {height} pixels).")
                    .replace("{width}", str(full.width()))
                    .replace("{height}", str(full.height()))
                )
                return
            except Unreadable:
                self._fail(
                    self.tr("This image cannot be read: it is damaged or of an unknown kind.")
                )
                return
            self._image_scale = image.width() / full.width()
        else:
            image = self.canvas.image
        self.canvas.show_image(image, target)
        self._show_zoom()

    def _show_page(self) -> None:
        assert self._pdf is not None
        width, height = self._pdf.page_size(self.page)
        if self._fit:
            view = self._viewport()
            self.zoom = min(view.width() / (width * POINT), view.height() / (height * POINT))
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom))
        self._show_zoom()
        self.page_field.blockSignals(True)
        self.page_field.setValue(self.page + 1)
        self.page_field.blockSignals(False)
        self._request(self.page, self.zoom)

    def _request(self, page: int, zoom: float) -> None:
        """Render on a worker; while one runs, only the latest request waits for it."""
        if self._render is not None:
            self._pending = (page, zoom)
            return
        pdf = self._pdf
        if pdf is None:
            return
        scale = zoom * POINT * self.devicePixelRatioF()
        call = BackgroundCall(lambda: (page, zoom, pdf.render(page, scale)), self)
        call.succeeded.connect(self._rendered)
        call.failed.connect(self._render_failed)
        call.finished.connect(self._render_ended)
        self._render = call
        call.start()

    def _rendered(self, result: tuple[int, float, QImage]) -> None:
        page, zoom, image = result
        if self._pdf is None or (page, zoom) != (self.page, self.zoom):
            return  # a newer request is on its way
        width, height = self._pdf.page_size(page)
        size = QSize(max(1, round(width * POINT * zoom)), max(1, round(height * POINT * zoom)))
        self.message.hide()
        self.canvas.show_image(image, size)

    def _render_failed(self, error: BaseException) -> None:
        if not isinstance(error, Unreadable):
            raise error  # a bug: the crash dialog
        self._say(self.tr("This page cannot be drawn: the PDF is damaged."))

    def _render_ended(self) -> None:
        call, self._render = self._render, None
        if call is not None:
            call.deleteLater()
        pending, self._pending = self._pending, None
        if pending is not None:
            self._request(*pending)

    def _show_zoom(self) -> None:
        self.zoom_label.setText(
            self.tr("{percent} %").replace("{percent}", str(round(self.zoom * 100)))
        )

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _fail(self, text: str) -> None:
        """Nothing can be shown: say why, in place of the content."""
        self._say(text)
        self.scroll_area.hide()
        self._data = None
        for widget in (self.zoom_in_button, self.zoom_out_button, self.fit_button, self.zoom_label):
            widget.setEnabled(False)

    # -- zoom and pages ---------------------------------------------------------------------

    def zoom_in(self) -> None:
        self._zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_by(1 / ZOOM_STEP)

    def _zoom_by(self, factor: float) -> None:
        if isinstance(self.text, (QPlainTextEdit, SealedBrowser)):
            if factor > 1:
                self.text.zoomIn(2)
            else:
                self.text.zoomOut(2)
            return
        self._fit = False
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom * factor))
        self._refresh()

    def fit(self) -> None:
        if self.text is not None:
            self.text.setFont(self.font())
            return
        self._fit = True
        self._refresh()

    def go_to(self, page: int) -> None:
        """Show page ``page`` (counted from 0), kept within the document."""
        if self._pdf is None:
            return
        page = max(0, min(self._pdf.count - 1, page))
        if page != self.page:
            self.page = page
            self.scroll_area.verticalScrollBar().setValue(0)
            self._show_page()

    # -- closing ---------------------------------------------------------------------------

    def done(self, result: int) -> None:
        """Closing forgets the content: the image, the PDF, the text."""
        self.forget()
        super().done(result)

    def forget(self) -> None:
        self._data = None
        self.canvas.show_image(QImage(), QSize(0, 0))
        if self._pdf is not None:
            pdf, self._pdf = self._pdf, None
            if self._render is not None:
                self._render.wait()
            pdf.close()
        if self.text is not None:
            self.text.clear()
