"""Faces in a photo, found on this computer and blurred beyond recovery before storing.

Photos of a protest identify the people in them: police match faces against databases.
The workflow is ``load`` (or the caller's own Pillow image, EXIF orientation applied),
``detect`` to propose boxes, the person adds boxes the detector missed and drops false
ones, ``apply_blur`` with the final list, and ``encode`` for the bytes to store: no EXIF,
no GPS, no thumbnail, no colour profile.

Detection runs CenterFace (``face_model``) with onnxruntime on a copy scaled so that its
longer side is at most ``DETECT_MAX_SIDE``; boxes come back in the original's pixels. If
the detector is not installed, ``detect`` raises ``FaceDetectorUnavailableError`` and the
rest still works: boxes drawn by hand are blurred the same way.

Every step refuses more than ``MAX_PIXELS`` pixels before decoding, and calls ``check``
between stages: a callback that raises (``CancelledError``, say) to stop.
"""

from __future__ import annotations

import io
import secrets
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from hushnote.errors import ImageFormatError, ImageTooLargeError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    from PIL import Image

__all__ = [
    "DETECT_MAX_SIDE",
    "MAX_PIXELS",
    "Box",
    "apply_blur",
    "detect",
    "encode",
    "grown",
    "load",
]

# 64 megapixels: a 48 or 50 MP phone photo passes; each RGB copy of it is 192 MB.
MAX_PIXELS = 64_000_000
# The network sees the photo at most this wide or high (see docs for the measurements).
DETECT_MAX_SIDE = 1600
# CenterFace's heatmap score above which a point is a face. Low on purpose: a face left
# unblurred is worse than a blurred elbow, which the person can remove.
THRESHOLD = 0.3
# Each side of a box grows by this share of its larger side, to cover hair, ears and chin.
MARGIN = 0.3
# A blurred box keeps at most this many average colours along its longer side.
CELLS = 4
_NOISE_SIGMA = 10.0
_STRIDE = 32  # the network's input must be a multiple of this
_NMS_OVERLAP = 0.3

Check = Callable[[], None]


@dataclass(frozen=True)
class Box:
    """A face's rectangle in the original image's pixels; ``score`` is 1.0 when drawn by hand."""

    x: int
    y: int
    w: int
    h: int
    score: float = 1.0


def load(data: bytes, *, check: Check | None = None) -> Image.Image:
    """Decode a photo, upright (EXIF orientation applied), refusing oversized ones first."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    step = check or _no_check
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            _refuse_oversized(image)
            step()
            image.load()
            upright = ImageOps.exif_transpose(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageTooLargeError(maximum=MAX_PIXELS) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ImageFormatError(reason="unreadable") from None
    step()
    return upright


def detect(
    image: Image.Image, *, check: Check | None = None, max_side: int = DETECT_MAX_SIDE
) -> list[Box]:
    """Boxes around the faces in ``image``, best first, in its own pixels.

    ``image`` must already be upright: apply its EXIF orientation first (``load`` does),
    or boxes land beside the faces. Raises ``FaceDetectorUnavailableError`` when the
    detector is not installed, ``ImageTooLargeError`` past ``MAX_PIXELS``.
    """
    import numpy as np

    from hushnote.core.attachments.face_model import INPUT, OUTPUTS, session

    step = check or _no_check
    _refuse_oversized(image)
    network = session()
    step()
    scale = min(1.0, max_side / max(image.width, image.height))
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    small = _decoded(lambda: image.convert("RGB").resize(size, reducing_gap=3.0))
    step()
    height = -(-size[1] // _STRIDE) * _STRIDE
    width = -(-size[0] // _STRIDE) * _STRIDE
    batch = np.zeros((1, 3, height, width), dtype=np.float32)  # padded, not stretched
    batch[0, :, : size[1], : size[0]] = np.asarray(small, dtype=np.float32).transpose(2, 0, 1)
    heatmap, scales, offsets, _ = network.run(list(OUTPUTS), {INPUT: batch})
    step()
    x_scale, y_scale = size[0] / image.width, size[1] / image.height
    return [
        _clipped(x0 / x_scale, y0 / y_scale, x1 / x_scale, y1 / y_scale, score, image.size)
        for x0, y0, x1, y1, score in _decode(heatmap, scales, offsets)
    ]


def grown(box: Box, size: tuple[int, int]) -> Box:
    """``box`` with ``MARGIN`` added on every side, inside an image of ``size``."""
    pad = round(MARGIN * max(box.w, box.h))
    return _clipped(
        box.x - pad, box.y - pad, box.x + box.w + pad, box.y + box.h + pad, box.score, size
    )


def apply_blur(
    image: Image.Image, boxes: Sequence[Box], *, check: Check | None = None
) -> Image.Image:
    """A new RGB image where every box, grown by ``MARGIN``, is replaced beyond recovery.

    Each grown box is reduced to at most ``CELLS`` average colours along its longer side,
    scaled back up smoothly, and covered with random noise. Only those few averages of the
    original survive; the face's shapes are gone, so no deblurring can bring them back (a
    Gaussian blur, by contrast, keeps them, attenuated, and can be partly inverted).
    Pixels outside the grown boxes are unchanged. ``boxes`` may be any list: detected,
    drawn by hand, or both.
    """
    import numpy as np
    from PIL import Image

    step = check or _no_check
    _refuse_oversized(image)
    rgb = _decoded(lambda: image.convert("RGB"))
    pixels = np.array(rgb, dtype=np.uint8)  # a copy: the caller's image is not touched
    noise = np.random.default_rng(secrets.randbits(128))
    for box in boxes:
        step()
        area = grown(box, rgb.size)
        if area.w == 0 or area.h == 0:
            continue
        region = rgb.crop((area.x, area.y, area.x + area.w, area.y + area.h))
        longer = max(area.w, area.h)
        cells = (max(1, round(CELLS * area.w / longer)), max(1, round(CELLS * area.h / longer)))
        coarse = region.resize(cells, Image.Resampling.BOX)  # exact cell averages
        smooth = np.asarray(coarse.resize((area.w, area.h), Image.Resampling.BILINEAR))
        grain = noise.normal(0.0, _NOISE_SIGMA, size=smooth.shape)
        pixels[area.y : area.y + area.h, area.x : area.x + area.w] = _to_bytes(smooth + grain)
    step()
    return Image.fromarray(pixels, mode="RGB")


def encode(
    image: Image.Image, kind: Literal["jpeg", "png"] = "jpeg", *, check: Check | None = None
) -> bytes:
    """The image's pixels as a JPEG or PNG file with no metadata at all.

    A new image is built from the pixels alone, so nothing the original carried (EXIF with
    GPS, camera serial and thumbnail, XMP, ICC profile, comments) can follow it.
    """
    import numpy as np
    from PIL import Image

    step = check or _no_check
    _refuse_oversized(image)
    pixels = np.asarray(_decoded(lambda: image.convert("RGB")), dtype=np.uint8)
    bare = Image.fromarray(pixels, mode="RGB")
    step()
    out = io.BytesIO()
    if kind == "jpeg":
        bare.save(out, format="JPEG", quality=90, optimize=True)
    else:
        bare.save(out, format="PNG", optimize=False)
    step()
    return out.getvalue()


def _decode(
    heatmap: npt.NDArray[np.float32],
    scales: npt.NDArray[np.float32],
    offsets: npt.NDArray[np.float32],
) -> list[tuple[float, float, float, float, float]]:
    """Corner boxes (in network pixels) and scores from CenterFace's outputs, overlaps removed."""
    import numpy as np

    rows, cols = np.nonzero(heatmap[0, 0] > THRESHOLD)
    if rows.size == 0:
        return []
    scores = heatmap[0, 0, rows, cols]
    box_h = np.exp(scales[0, 0, rows, cols]) * 4
    box_w = np.exp(scales[0, 1, rows, cols]) * 4
    centre_y = (rows + offsets[0, 0, rows, cols] + 0.5) * 4
    centre_x = (cols + offsets[0, 1, rows, cols] + 0.5) * 4
    corners = np.stack(
        [centre_x - box_w / 2, centre_y - box_h / 2, centre_x + box_w / 2, centre_y + box_h / 2],
        axis=1,
    )
    kept = []
    order = np.argsort(-scores)
    areas = box_w * box_h
    while order.size:
        best, rest = order[0], order[1:]
        kept.append(best)
        low = np.maximum(corners[best, :2], corners[rest, :2])
        high = np.minimum(corners[best, 2:], corners[rest, 2:])
        overlap = np.prod(np.clip(high - low, 0, None), axis=1)
        union = areas[best] + areas[rest] - overlap
        order = rest[overlap / union < _NMS_OVERLAP]
    return [
        (float(x0), float(y0), float(x1), float(y1), float(scores[i]))
        for i in kept
        for x0, y0, x1, y1 in [corners[i]]
    ]


def _clipped(
    x0: float, y0: float, x1: float, y1: float, score: float, size: tuple[int, int]
) -> Box:
    import math

    left, top = max(0, math.floor(x0)), max(0, math.floor(y0))
    right, bottom = min(size[0], math.ceil(x1)), min(size[1], math.ceil(y1))
    return Box(left, top, max(0, right - left), max(0, bottom - top), score)


def _to_bytes(values: npt.NDArray[np.float64]) -> npt.NDArray[np.uint8]:
    import numpy as np

    return np.clip(np.rint(values), 0, 255).astype(np.uint8)


def _decoded(work: Callable[[], Image.Image]) -> Image.Image:
    """Run Pillow work that may decode the file lazily; a broken file is a typed error."""
    try:
        return work()
    except (OSError, SyntaxError, ValueError):
        raise ImageFormatError(reason="unreadable") from None


def _refuse_oversized(image: Image.Image) -> None:
    pixels = image.width * image.height
    if pixels > MAX_PIXELS:
        raise ImageTooLargeError(size=pixels, maximum=MAX_PIXELS)


def _no_check() -> None:
    return None
