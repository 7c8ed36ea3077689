"""Run inside a fresh process by bench.viewer_bench: viewer timings, printed as JSON.

``python -m bench.viewer_probe image|pdf FILE REPEATS``. Each opening is timed from
creating the viewer to its first paint of the content (the canvas's ``first_paint``).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def _first_paint(app: object, data: bytes, name: str, kind: str) -> float:
    from PySide6.QtCore import QEventLoop, QTimer

    from hushnote.gui.attachment_viewer import AttachmentViewer

    loop = QEventLoop()
    start = time.perf_counter()
    viewer = AttachmentViewer(bytearray(data), name, kind)
    viewer.canvas.first_paint.connect(loop.quit)
    QTimer.singleShot(10_000, loop.quit)
    viewer.show()
    loop.exec()
    seconds = time.perf_counter() - start
    viewer.close()
    viewer.deleteLater()
    return seconds


def _next_page(data: bytes) -> float:
    from PySide6.QtCore import QEventLoop, QTimer

    from hushnote.gui.attachment_viewer import AttachmentViewer

    loop = QEventLoop()
    viewer = AttachmentViewer(bytearray(data), "long.pdf", "application/pdf")
    viewer.canvas.first_paint.connect(loop.quit)
    viewer.show()
    loop.exec()
    loop = QEventLoop()
    painted = viewer.canvas.image
    start = time.perf_counter()
    viewer.go_to(1)
    poll = QTimer()
    poll.timeout.connect(lambda: viewer.canvas.image is not painted and loop.quit())
    poll.start(1)
    loop.exec()
    seconds = time.perf_counter() - start
    viewer.close()
    return seconds


def main() -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImageReader
    from PySide6.QtWidgets import QApplication

    what, path, repeats = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    data = path.read_bytes()
    app = QApplication([])
    name, kind = ("photo.jpg", "image/jpeg") if what == "image" else ("long.pdf", "application/pdf")
    cold = [_first_paint(app, data, name, kind)]
    warm = [_first_paint(app, data, name, kind) for _ in range(repeats)]
    baseline = []
    for _ in range(repeats):
        start = time.perf_counter()
        if what == "image":
            array = QByteArray(data)  # QBuffer does not own it: keep it alive
            buffer = QBuffer(array)
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            QImageReader(buffer).read()
        else:
            import pypdfium2 as pdfium

            document = pdfium.PdfDocument(data)
            page = document[0]
            page.render(scale=0.85 * 96 / 72).close()
            page.close()
            document.close()
        baseline.append(time.perf_counter() - start)
    result = {"cold": cold, "warm": warm, "baseline": baseline}
    if what == "pdf":
        result["next"] = [_next_page(data)]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
