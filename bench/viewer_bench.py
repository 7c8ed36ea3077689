"""The attachment viewer: first paint of a large photo, and of a long PDF's first page.

Targets: a 24-megapixel JPEG and the first page of a 200-page PDF each paint within
300 ms of the viewer being opened. Each figure comes from a fresh process on Qt's
offscreen platform (``bench.viewer_probe``), opening the viewer several times; the first
opening, which also loads PDFium, is reported apart. Baselines: decoding the whole JPEG
with ``QImageReader``, and PDFium opening the PDF and rendering its first page.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from tempfile import mkdtemp

from bench.report import Row

ROOT = Path(__file__).resolve().parents[1]
WORDS = (
    "meeting notes legal aid rota bail fund medic shift witness statement address "
    "phone number follow up Tuesday court hearing translator volunteer"
).split()


def photo(width: int, height: int) -> bytes:
    """A JPEG of smooth gradients with sensor-like noise, as a camera would save it."""
    import numpy as np
    from PIL import Image

    rows = np.linspace(0, 255, height, dtype=np.float32)[:, None]
    columns = np.linspace(0, 255, width, dtype=np.float32)[None, :]
    noise = np.random.default_rng(7).normal(0, 12, (height, width, 3)).astype(np.float32)
    planes = [rows * 0.5 + columns * 0.5, np.broadcast_to(rows, (height, width))]
    planes.append(np.broadcast_to(columns, (height, width)))
    pixels = np.clip(np.stack(planes, -1) + noise, 0, 255).astype(np.uint8)
    out = io.BytesIO()
    Image.fromarray(pixels).save(out, "JPEG", quality=90)
    return out.getvalue()


def text_pdf(pages: int) -> bytes:
    """An A4 PDF of ``pages`` pages, each of 48 lines of text and a ruled box."""
    objects: list[bytes] = []
    page_ids = [4 + 2 * index for index in range(pages)]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = b" ".join(b"%d 0 R" % page for page in page_ids)
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for index in range(pages):
        lines = []
        for line in range(48):
            words = " ".join(WORDS[(index * 7 + line * 3 + k) % len(WORDS)] for k in range(11))
            lines.append(b"(%d.%d %s) Tj T*" % (index + 1, line + 1, words.encode()))
        stream = b"0.2 w 50 50 495 742 re S BT /F1 10 Tf 14 TL 60 770 Td %s ET" % b" ".join(lines)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (page_ids[index] + 1)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
    out.write(trailer % (len(objects) + 1, xref))
    return out.getvalue()


def _probe(*args: str) -> dict[str, list[float]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT / "desktop")}
    result = subprocess.run(
        [sys.executable, "-m", "bench.viewer_probe", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    values: dict[str, list[float]] = json.loads(result.stdout.strip().splitlines()[-1])
    return values


def run_viewer_benchmarks(*, quick: bool) -> tuple[list[Row], list[tuple[str, str]]]:
    width, height = (1600, 1200) if quick else (6000, 4000)
    pages = 20 if quick else 200
    repeats = 2 if quick else 7
    work = Path(mkdtemp(prefix="hushnote-bench-"))
    try:
        (work / "photo.jpg").write_bytes(photo(width, height))
        (work / "long.pdf").write_bytes(text_pdf(pages))
        image = _probe("image", str(work / "photo.jpg"), str(repeats))
        pdf = _probe("pdf", str(work / "long.pdf"), str(repeats))
    finally:
        shutil.rmtree(work)
    megapixels = width * height / 1e6
    rows = [
        Row(
            f"viewer: first paint, {megapixels:.0f} MP JPEG",
            image["warm"],
            "QImageReader full decode",
            image["baseline"],
        ),
        Row(
            f"viewer: first paint, page 1 of a {pages}-page PDF",
            pdf["warm"],
            "PDFium open + render page 1",
            pdf["baseline"],
        ),
    ]
    facts = [
        (
            "viewer: first opening in a process (JPEG, PDF, loads PDFium)",
            f"{image['cold'][0] * 1000:.0f} ms, {pdf['cold'][0] * 1000:.0f} ms",
        ),
        ("viewer: next page of the PDF, painted", f"{pdf['next'][0] * 1000:.0f} ms"),
    ]
    return rows, facts
