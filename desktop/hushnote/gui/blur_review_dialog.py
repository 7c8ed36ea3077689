"""Blur the faces in a photo before it is attached: the boxes found are shown for review.

The photo is shown scaled to fit, with a box on every face the detector found. The
person removes false boxes and adds missed ones, then applies: only the blurred picture
is stored, the original never is. That cannot be undone, and the dialog says so.

Mouse: click a box to select it, drag on the photo to draw a new one. Keyboard: Tab
walks the boxes (then leaves the photo), Delete removes the selected box, Insert (or the
"Add box" button) puts a new box in the middle, the arrow keys move the selected box and
Shift+arrows resize it (Right and Down grow it), in steps of 1/50 of the photo, or 1/200
with Ctrl. Moving a box by keys keeps it inside the photo.

The detector is passed in (``detect(image) -> boxes``; the core's ``detect_faces`` in
the app). When it cannot run (``FaceDetectorUnavailableError``: onnxruntime or the model
missing), or finds nothing, faces are marked by hand. Blurring is the core's
``blur_transform``, the same the command line uses.
"""

from __future__ import annotations

import inspect
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hushnote.core import FaceBox, detect_faces
from hushnote.core import blur_transform as core_blur_transform
from hushnote.core import load_photo as core_load_photo
from hushnote.errors import CancelledError, HushnoteError
from hushnote.gui.accessibility import describe
from hushnote.gui.attach_flow import Source, choose_files
from hushnote.gui.messages import error_text
from hushnote.gui.task_dialog import run_with_progress

__all__ = [
    "PHOTO_KINDS",
    "BlurReviewDialog",
    "Box",
    "blur_transform",
    "face_detector",
    "load_photo",
    "photo_kind",
    "review_photo",
]

PHOTO_KINDS = frozenset({"jpeg", "png", "webp"})
_PHOTO_FORMATS = {"JPEG": "jpeg", "PNG": "png", "WEBP": "webp"}  # Pillow's names
# Photos larger than this are not read into memory for review.
MAX_PHOTO_BYTES = 256 * 1024 * 1024

Detector = Callable[..., Sequence[Any]]  # detect(image[, check=]) -> boxes


@dataclass(frozen=True)
class Box:
    """A rectangle in the photo's own pixels (the face module's ``Box`` has the same
    fields); ``score`` is 1.0 for a box drawn by hand."""

    x: int
    y: int
    w: int
    h: int
    score: float = 1.0


def face_detector() -> Detector:
    """The core's face detector (``detect_faces``)."""
    return detect_faces


def load_photo(data: bytes) -> Any:
    """The photo as an upright Pillow image (EXIF orientation applied), refusing a
    decompression bomb before decoding it."""
    return core_load_photo(data)


def blur_transform(boxes: Sequence[Any], kind: str) -> Callable[[IO[bytes]], bytes]:
    """The ``transform`` for ``AttachmentStore.add``: the core's, with the reviewed boxes
    (the new file is PNG for a PNG, else JPEG, with no metadata at all). ``kind`` is the
    kind the review saw; the core tells the encoding from the bytes themselves."""
    del kind
    chosen = [FaceBox(int(b.x), int(b.y), int(b.w), int(b.h), float(b.score)) for b in boxes]
    return core_blur_transform(chosen)


def photo_kind(data: bytes) -> str | None:
    """ "jpeg", "png" or "webp" if ``data`` is such a photo (told by Pillow from its
    header, nothing decoded yet), else None."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            return _PHOTO_FORMATS.get(image.format or "")
    except (UnidentifiedImageError, OSError, ValueError):
        return None


# -- the review --------------------------------------------------------------------------


def _qimage(image: Any) -> QImage:
    rgb = image.convert("RGB")
    data = rgb.tobytes()
    shown = QImage(data, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888)
    return shown.copy()  # own the pixels: ``data`` is freed when this returns


class BoxCanvas(QWidget):
    """The photo scaled to fit, its boxes drawn over it; boxes are edited here."""

    changed = Signal()

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = image
        self.boxes: list[Box] = []
        self.selected: int | None = None
        self._drag_from: QPointF | None = None
        self._drag_to: QPointF | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    # -- geometry: image pixels <-> widget pixels --

    def _frame(self) -> tuple[float, float, float]:
        scale = min(self.width() / self.image.width(), self.height() / self.image.height())
        left = (self.width() - self.image.width() * scale) / 2
        top = (self.height() - self.image.height() * scale) / 2
        return scale, left, top

    def to_widget(self, box: Box) -> QRectF:
        scale, left, top = self._frame()
        return QRectF(left + box.x * scale, top + box.y * scale, box.w * scale, box.h * scale)

    def to_image(self, point: QPointF) -> QPointF:
        scale, left, top = self._frame()
        x = min(max((point.x() - left) / scale, 0), self.image.width())
        y = min(max((point.y() - top) / scale, 0), self.image.height())
        return QPointF(x, y)

    # -- editing --

    def select(self, index: int | None) -> None:
        self.selected = index
        self.update()
        self.changed.emit()

    def add(self, box: Box) -> None:
        self.boxes.append(self._inside(box))
        self.select(len(self.boxes) - 1)

    def add_centred(self) -> None:
        side = max(8, min(self.image.width(), self.image.height()) // 5)
        self.add(
            Box((self.image.width() - side) // 2, (self.image.height() - side) // 2, side, side)
        )

    def remove_selected(self) -> None:
        if self.selected is None:
            return
        del self.boxes[self.selected]
        self.select(min(self.selected, len(self.boxes) - 1) if self.boxes else None)

    def _inside(self, box: Box) -> Box:
        width, height = self.image.width(), self.image.height()
        w, h = min(max(box.w, 2), width), min(max(box.h, 2), height)
        return Box(min(max(box.x, 0), width - w), min(max(box.y, 0), height - h), w, h, box.score)

    def _nudge(self, dx: int, dy: int, resize: bool) -> None:
        if self.selected is None:
            return
        box = self.boxes[self.selected]
        if resize:
            moved = Box(box.x, box.y, box.w + dx, box.h + dy, box.score)
        else:
            moved = Box(box.x + dx, box.y + dy, box.w, box.h, box.score)
        self.boxes[self.selected] = self._inside(moved)
        self.update()
        self.changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = Qt.Key(event.key()), event.modifiers()
        larger = max(self.image.width(), self.image.height())
        step = max(1, larger // (200 if mods & Qt.KeyboardModifier.ControlModifier else 50))
        resize = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        moves = {
            Qt.Key.Key_Left: (-step, 0),
            Qt.Key.Key_Right: (step, 0),
            Qt.Key.Key_Up: (0, -step),
            Qt.Key.Key_Down: (0, step),
        }
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_selected()
        elif key == Qt.Key.Key_Insert:
            self.add_centred()
        elif key in moves and self.selected is not None:
            self._nudge(*moves[key], resize)
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab walks the boxes first; past the last (or first) it leaves the photo."""
        if self.boxes:
            if self.selected is None:
                following: int | None = 0 if forward else len(self.boxes) - 1
            else:
                following = self.selected + (1 if forward else -1)
            if following is not None and 0 <= following < len(self.boxes):
                self.select(following)
                return True
            self.select(None)
        return super().focusNextPrevChild(forward)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        point = event.position()
        for index in reversed(range(len(self.boxes))):
            if self.to_widget(self.boxes[index]).contains(point):
                self.select(index)
                return
        self._drag_from = self._drag_to = point

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None:
            self._drag_to = event.position()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        start, self._drag_from = self._drag_from, None
        if start is None:
            return
        end = event.position()
        self._drag_to = None
        a, b = self.to_image(start), self.to_image(end)
        rect = QRectF(a, b).normalized()
        if rect.width() * self._frame()[0] < 4 or rect.height() * self._frame()[0] < 4:
            self.select(None)  # a click on the photo, not a drag
            return
        self.add(Box(round(rect.x()), round(rect.y()), round(rect.width()), round(rect.height())))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        scale, left, top = self._frame()
        target = QRectF(left, top, self.image.width() * scale, self.image.height() * scale)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, self.image)
        for index, box in enumerate(self.boxes):
            chosen = index == self.selected
            pen = QPen(QColor("#ffd400" if chosen else "#e0301e"), 4 if chosen else 2)
            if chosen and self.hasFocus():
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(QColor(224, 48, 30, 60))
            painter.drawRect(self.to_widget(box))
        if self._drag_from is not None and self._drag_to is not None:
            painter.setPen(QPen(QColor("#ffd400"), 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self._drag_from, self._drag_to).normalized())
        painter.end()

    def box_at_widget(self, index: int) -> QRect:
        """Where box ``index`` is drawn, in widget pixels (for tests and accessibility)."""
        return self.to_widget(self.boxes[index]).toAlignedRect()

    def widget_point(self, x: float, y: float) -> QPoint:
        """The widget point showing image pixel (x, y)."""
        scale, left, top = self._frame()
        return QPoint(round(left + x * scale), round(top + y * scale))


class BlurReviewDialog(QDialog):
    """Review the face boxes of one photo, then apply (``transform()`` after exec)."""

    def __init__(
        self,
        image: Any,
        kind: str,
        detect: Detector | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Blur faces"))  # never the file's name
        self.image = image
        self.kind = kind
        self.canvas = BoxCanvas(_qimage(image))
        describe(
            self.canvas,
            self.tr("Photo with face boxes"),
            self.tr(
                "Tab walks the boxes; Delete removes one; Insert adds one; arrows move it "
                "and Shift+arrows resize it. Drag with the mouse to draw a box."
            ),
        )
        self.found = QLabel()
        self.found.setWordWrap(True)
        self.count = QLabel()
        warning = QLabel(
            self.tr(
                "Blurring cannot be undone: only the blurred photo is stored, never the "
                "original. Check every face is covered, in the background and in "
                "reflections too."
            )
        )
        warning.setWordWrap(True)
        warning.setStyleSheet("background: #fff4ce; color: #3d2e00; padding: 6px;")
        self.add_button = QPushButton(self.tr("&Add box"))
        describe(
            self.add_button,
            self.tr("Add box"),
            self.tr("Put a new box in the middle of the photo; move it with the arrow keys."),
        )
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton(self.tr("&Remove box"))
        describe(
            self.remove_button,
            self.tr("Remove box"),
            self.tr("Remove the selected box: that part stays sharp."),
        )
        self.remove_button.clicked.connect(self.canvas.remove_selected)
        self.apply_button = QPushButton(self.tr("&Blur and attach"))
        describe(
            self.apply_button,
            self.tr("Blur and attach"),
            self.tr("Blur every box for good and attach only the blurred photo."),
        )
        self.apply_button.clicked.connect(self.accept)
        cancel = QPushButton(self.tr("Cancel"))
        describe(cancel, self.tr("Cancel"), self.tr("Close without attaching anything."))
        cancel.clicked.connect(self.reject)
        for button in (self.add_button, self.remove_button, self.apply_button, cancel):
            button.setAutoDefault(False)  # Enter must not blur and attach by surprise
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.found)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.count)
        layout.addWidget(warning)
        layout.addLayout(buttons)
        self.canvas.changed.connect(self._show_count)
        self.resize(820, 640)
        self._find(detect)
        self._show_count()

    def _find(self, detect: Detector | None) -> None:
        if detect is None:
            self.found.setText(
                self.tr(
                    "Faces cannot be found automatically: the face finder is not installed. "
                    "Mark each face by hand."
                )
            )
            return
        image = self.image
        # The face module's detect takes ``check``, which raises to stop: Cancel works.
        takes_check = "check" in inspect.signature(detect).parameters

        def work(progress: Callable[[float], bool]) -> Sequence[Any]:
            def check() -> None:
                if not progress(0.5):
                    raise CancelledError()

            return detect(image, check=check) if takes_check else detect(image)

        try:
            boxes = run_with_progress(self.parentWidget(), self.tr("Looking for faces…"), work)
        except CancelledError:
            self.found.setText(self.tr("The search for faces was stopped. Mark faces by hand."))
            return
        except HushnoteError as error:  # the detector is missing or damaged, say
            self.found.setText(error_text(error))
            return
        self.canvas.boxes = [
            Box(int(b.x), int(b.y), int(b.w), int(b.h), float(b.score)) for b in boxes
        ]
        self.canvas.update()
        self.found.setText(
            self.tr(
                "%n face(s) found. Remove wrong boxes, and add any face that was missed.",
                "",
                len(boxes),
            )
        )

    def _add(self) -> None:
        self.canvas.add_centred()
        self.canvas.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_count(self) -> None:
        self.count.setText(self.tr("%n box(es) will be blurred.", "", len(self.canvas.boxes)))
        self.remove_button.setEnabled(self.canvas.selected is not None)

    @property
    def boxes(self) -> list[Box]:
        return list(self.canvas.boxes)

    def transform(self) -> Callable[[IO[bytes]], bytes]:
        return blur_transform(self.boxes, self.kind)


def review_photo(parent: QWidget | None, detect: Detector | None = None) -> Source | None:
    """Choose a photo, review its face boxes, and return what to attach (with the blur as
    its transform), or None."""
    paths = choose_files(
        parent,
        QCoreApplication.translate("BlurReviewDialog", "Attach photo with faces blurred"),
        QCoreApplication.translate("BlurReviewDialog", "Photos (*.jpg *.jpeg *.png *.webp)"),
    )
    if not paths:
        return None
    path = paths[0]
    try:
        if path.stat().st_size > MAX_PHOTO_BYTES:
            QMessageBox.information(
                parent,
                QCoreApplication.translate("BlurReviewDialog", "Photo too large"),
                QCoreApplication.translate(
                    "BlurReviewDialog", "Photos of up to 256 MiB can be blurred."
                ),
            )
            return None
        data = path.read_bytes()
        kind = photo_kind(data)
        if kind is None:
            QMessageBox.information(
                parent,
                QCoreApplication.translate("BlurReviewDialog", "Not a photo"),
                QCoreApplication.translate("BlurReviewDialog", "Choose a JPEG, PNG or WebP photo."),
            )
            return None
        image = run_with_progress(
            parent,
            QCoreApplication.translate("BlurReviewDialog", "Opening the photo…"),
            lambda _p: load_photo(data),
        )
    except CancelledError:
        return None
    except (HushnoteError, OSError, ValueError) as error:
        text = (
            error_text(error)
            if isinstance(error, HushnoteError)
            else QCoreApplication.translate(
                "BlurReviewDialog", "That photo cannot be read: it may be damaged."
            )
        )
        QMessageBox.warning(
            parent, QCoreApplication.translate("BlurReviewDialog", "Cannot blur it"), text
        )
        return None
    dialog = BlurReviewDialog(image, kind, detect or face_detector(), parent)
    try:
        if not dialog.exec():
            return None
        transform = dialog.transform()
    finally:
        dialog.deleteLater()
    name = path.name
    if kind == "webp":
        name = str(Path(name).with_suffix(".jpg"))
    # The bytes that were reviewed, not the path: a file changed on disk meanwhile (a sync
    # client, a camera import) would otherwise be stored with the boxes of another photo.
    return Source(name=name, data=data, transform=transform)
