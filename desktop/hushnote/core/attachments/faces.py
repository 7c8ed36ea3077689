"""Faces in a photo, found on this computer and blurred beyond recovery before storing.

Photos of a protest identify the people in them: police match faces against databases.
The workflow is ``load`` (or the caller's own Pillow image, EXIF orientation applied),
``detect`` to propose boxes, the person adds boxes the detector missed and drops false
ones, ``apply_blur`` with the final list, and ``encode`` for the bytes to store: no EXIF,
no GPS, no thumbnail, no colour profile.

Detection runs CenterFace (``face_model``) with onnxruntime on a copy scaled so that its
longer side is at most ``DETECT_MAX_SIDE``, in tiles; boxes come back in the original's
pixels. If
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

    from hushnote.core.attachments.face_model import Session

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
# The photo is searched scaled to at most this wide or high (see docs for the measurements),
# in tiles of TILE pixels that overlap by TILE_OVERLAP: a tile bounds the network's memory.
DETECT_MAX_SIDE = 3200
TILE = 800
TILE_OVERLAP = 160
# CenterFace's heatmap score above which a point is a face. Low on purpose: a face left
# unblurred is worse than a blurred elbow, which the person can remove.
THRESHOLD = 0.3
# Each side of a box grows by this share of its larger side, to cover hair, ears and chin.
MARGIN = 0.3
# A blurred box keeps at most this many average colours along its longer side.
CELLS = 4
_NOISE_SIGMA = 10.0
_STRIDE = 32  # the network's input must be a multiple of this
# Two boxes are one face when this share of the smaller lies inside the larger.
_SAME_FACE = 0.5

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
    or boxes land beside the faces. A photo larger than ``max_side`` is scaled down to
    it and searched in overlapping tiles, plus once whole at tile size for the faces too
    large for a tile. Raises ``FaceDetectorUnavailableError`` when the detector is not
    installed, ``ImageTooLargeError`` past ``MAX_PIXELS``.
    """
    import numpy as np

    from hushnote.core.attachments.face_model import session

    step = check or _no_check
    _refuse_oversized(image)
    network = session()
    step()
    scaled = _decoded(lambda: _fitted(image.convert("RGB"), max_side))
    step()
    found = []
    if max(scaled.size) > TILE:
        found += _search(network, _fitted(scaled, TILE), image.size, (0, 0))
        step()
    reach = TILE - TILE_OVERLAP
    for top in range(0, max(1, scaled.height - TILE_OVERLAP), reach):
        for left in range(0, max(1, scaled.width - TILE_OVERLAP), reach):
            tile = scaled.crop(
                (left, top, min(left + TILE, scaled.width), min(top + TILE, scaled.height))
            )
            found += _search(network, tile, image.size, (left, top), scaled.size)
            step()
    if not found:
        return []
    corners = np.array([candidate[:4] for candidate in found], dtype=np.float64)
    scores = np.array([candidate[4] for candidate in found], dtype=np.float64)
    return [
        _clipped(x0, y0, x1, y1, score, image.size)
        for x0, y0, x1, y1, score in _merged(corners, scores)
    ]


def _search(
    network: Session,
    picture: Image.Image,
    original: tuple[int, int],
    origin: tuple[int, int],
    whole: tuple[int, int] | None = None,
) -> list[tuple[float, float, float, float, float]]:
    """Faces in ``picture``, a tile at ``origin`` of a copy of size ``whole`` (or the whole
    photo scaled), as corners in the original's pixels, and scores."""
    import numpy as np

    from hushnote.core.attachments.face_model import INPUT, OUTPUTS

    width, height = picture.size
    batch = np.zeros(  # padded to the stride, not stretched
        (1, 3, -(-height // _STRIDE) * _STRIDE, -(-width // _STRIDE) * _STRIDE), np.float32
    )
    batch[0, :, :height, :width] = np.asarray(picture, dtype=np.float32).transpose(2, 0, 1)
    heatmap, scales, offsets, _ = network.run(list(OUTPUTS), {INPUT: batch})
    copy = whole or picture.size
    x_ratio, y_ratio = original[0] / copy[0], original[1] / copy[1]
    return [
        (
            (x0 + origin[0]) * x_ratio,
            (y0 + origin[1]) * y_ratio,
            (x1 + origin[0]) * x_ratio,
            (y1 + origin[1]) * y_ratio,
            score,
        )
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
    return _merged(corners.astype(np.float64), scores.astype(np.float64))


def _merged(
    corners: npt.NDArray[np.float64], scores: npt.NDArray[np.float64]
) -> list[tuple[float, float, float, float, float]]:
    """Overlapping boxes as one, best first: the best one's score, and a box enclosing
    them all, so that half a face seen at a tile's edge widens the box and never wins."""
    import numpy as np

    merged = []
    order = np.argsort(-scores)
    areas = (corners[:, 2] - corners[:, 0]) * (corners[:, 3] - corners[:, 1])
    while order.size:
        best, rest = order[0], order[1:]
        low = np.maximum(corners[best, :2], corners[rest, :2])
        high = np.minimum(corners[best, 2:], corners[rest, 2:])
        overlap = np.prod(np.clip(high - low, 0, None), axis=1)
        smaller = np.minimum(areas[best], areas[rest])
        same = overlap / np.maximum(smaller, 1e-9) >= _SAME_FACE
        group = corners[np.concatenate(([best], rest[same]))]
        x0, y0 = group[:, :2].min(axis=0)
        x1, y1 = group[:, 2:].max(axis=0)
        merged.append((float(x0), float(y0), float(x1), float(y1), float(scores[best])))
        order = rest[~same]
    return merged


def _fitted(picture: Image.Image, side: int) -> Image.Image:
    scale = min(1.0, side / max(picture.width, picture.height))
    if scale == 1.0:
        return picture
    size = (max(1, round(picture.width * scale)), max(1, round(picture.height * scale)))
    return picture.resize(size, reducing_gap=3.0)


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
