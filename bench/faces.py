"""Face detection measured on photos with known faces: recall, false boxes, time.

``python -m bench.faces [--quick]``. Three public-domain faces (tests/data/faces/README.md)
are pasted onto a photo at widths from 24 to 400 pixels, plain and mirrored-and-darkened,
so that every face's box is known. A face counts as found when a detected box's centre
lies in its box and the two widths are within a factor of 2.5; as covered when the
detected boxes, grown as ``apply_blur`` grows them, cover 95% of it. A detected box whose
centre lies in no face is a false one.

OpenCV's Haar cascade (``haarcascade_frontalface_default.xml``) is measured beside
CenterFace when an OpenCV that still ships it (4.x) is importable: OpenCV 5 dropped both
the cascades and ``CascadeClassifier``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np
from PIL import Image, ImageEnhance, ImageOps

from hushnote.core.attachments import faces
from hushnote.core.attachments.faces import DETECT_MAX_SIDE, Box, detect, grown

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "faces"
# Each file's face box (x, y, w, h) inside it, marked by hand.
PEOPLE = {
    "astronaut": (53, 56, 89, 122),
    "hopper": (111, 104, 186, 208),
    "cameraman": (33, 39, 56, 78),
}
WIDTHS = (24, 32, 48, 64, 96, 128, 200, 300, 400)
QUICK_WIDTHS = (32, 64, 128, 200)
Truth = tuple[int, int, int, int]


@dataclass(frozen=True)
class Scene:
    """A composed photo and the boxes of the faces in it."""

    image: Image.Image
    faces: list[Truth]


def face_image(person: str, variant: str) -> tuple[Image.Image, Truth]:
    """One person's photo, plain or mirrored and darkened, and the face's box in it."""
    with Image.open(DATA / f"{person}.jpg") as opened:
        image = opened.convert("RGB")
    x, y, w, h = PEOPLE[person]
    if variant == "mirrored-dark":
        image = ImageEnhance.Brightness(ImageOps.mirror(image)).enhance(0.55)
        x = image.width - x - w
    return image, (x, y, w, h)


def compose(placements: list[tuple[str, str, int]], size: tuple[int, int], seed: int) -> Scene:
    """Paste each (person, variant, face width) at a free random place on the coffee photo."""
    rng = np.random.default_rng(seed)
    with Image.open(DATA / "coffee.jpg") as opened:
        canvas = opened.convert("RGB").resize(size, Image.Resampling.BICUBIC)
    taken: list[tuple[int, int, int, int]] = []
    faces: list[Truth] = []
    for person, variant, width in sorted(placements, key=lambda p: -p[2]):
        photo, (fx, fy, fw, fh) = face_image(person, variant)
        ratio = width / fw
        pasted = photo.resize(
            (max(1, round(photo.width * ratio)), max(1, round(photo.height * ratio))),
            Image.Resampling.LANCZOS,
        )
        for _ in range(5000):
            left = int(rng.integers(0, max(1, size[0] - pasted.width)))
            top = int(rng.integers(0, max(1, size[1] - pasted.height)))
            spot = (left, top, left + pasted.width, top + pasted.height)
            if not any(_overlap(spot, other) for other in taken):
                break
        else:
            raise RuntimeError(f"no room for a {width}-pixel face on {size}")
        canvas.paste(pasted, (left, top))
        taken.append(spot)
        faces.append(
            (
                left + round(fx * ratio),
                top + round(fy * ratio),
                round(fw * ratio),
                round(fh * ratio),
            )
        )
    return Scene(canvas, faces)


def scenes(widths: tuple[int, ...], size: tuple[int, int]) -> list[Scene]:
    """Every person at every width in both variants, one width of each a scene."""
    people = list(PEOPLE)
    out = []
    for v, variant in enumerate(("plain", "mirrored-dark")):
        for shift in range(len(people)):
            placements = [
                (people[(i + shift) % len(people)], variant, width)
                for i, width in enumerate(widths)
            ]
            out.append(compose(placements, size, seed=10 * v + shift))
    return out


@dataclass
class Tally:
    """Found and covered faces by width, and false boxes, over several scenes."""

    found: dict[int, list[bool]]
    covered: dict[int, list[bool]]
    false_boxes: list[int]
    seconds: list[float]

    def recall(self, of: dict[int, list[bool]]) -> float:
        hits = [hit for row in of.values() for hit in row]
        return sum(hits) / len(hits)


def score(
    detector: Callable[[Image.Image], list[Box]], all_scenes: list[Scene], widths: tuple[int, ...]
) -> Tally:
    """Run ``detector`` on each scene and match its boxes to the known faces."""
    tally = Tally({w: [] for w in widths}, {w: [] for w in widths}, [], [])
    for scene in all_scenes:
        start = time.perf_counter()
        boxes = detector(scene.image)
        tally.seconds.append(time.perf_counter() - start)
        mask = np.zeros((scene.image.height, scene.image.width), dtype=bool)
        for box in boxes:
            area = grown(box, scene.image.size)
            mask[area.y : area.y + area.h, area.x : area.x + area.w] = True
        for truth in scene.faces:
            x, y, w, h = truth
            width = _nearest(widths, w)
            tally.found[width].append(any(_matches(box, truth) for box in boxes))
            tally.covered[width].append(bool(mask[y : y + h, x : x + w].mean() >= 0.95))
        tally.false_boxes.append(
            sum(1 for box in boxes if not any(_inside(box, face) for face in scene.faces))
        )
    return tally


def haar_detector() -> Callable[[Image.Image], list[Box]] | None:
    """OpenCV's frontal-face Haar cascade, if an OpenCV with cascades is importable."""
    try:
        import cv2  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return None
    folder = getattr(getattr(cv2, "data", None), "haarcascades", "")
    path = Path(folder) / "haarcascade_frontalface_default.xml"
    if not hasattr(cv2, "CascadeClassifier") or not path.is_file():
        return None
    cascade = cv2.CascadeClassifier(str(path))

    def run(image: Image.Image) -> list[Box]:
        gray = np.asarray(image.convert("L"))
        found = cascade.detectMultiScale(gray, scaleFactor=1.1, minNeighbors=5, minSize=(20, 20))
        return [Box(int(x), int(y), int(w), int(h), 1.0) for x, y, w, h in found]

    return run


def print_tally(name: str, tally: Tally, widths: tuple[int, ...]) -> None:
    print(f"{name}: found (covered) by face width in pixels")
    print("  " + " ".join(f"{w:>7}" for w in widths))
    print(
        "  "
        + " ".join(
            f"{sum(tally.found[w])}/{len(tally.found[w])}({sum(tally.covered[w])})".rjust(7)
            for w in widths
        )
    )
    print(
        f"  recall {tally.recall(tally.found):.1%}, covered {tally.recall(tally.covered):.1%}, "
        f"false boxes per image {statistics.mean(tally.false_boxes):.2f}, "
        f"median {statistics.median(tally.seconds) * 1000:.0f} ms per image"
    )


def large_photos(quick: bool) -> tuple[Tally, tuple[int, ...]]:
    """Detection on 24-megapixel photos (6000x4000): what was found, and how fast."""
    if quick:
        widths: tuple[int, ...] = (64, 800)
        all_scenes = [
            compose([("hopper", "plain", 64), ("astronaut", "plain", 800)], (6000, 4000), seed=7)
        ]
    else:
        widths = (24, 32, 48, 64, 96, 200, 400, 800)
        all_scenes = scenes(widths, (6000, 4000))
    return score(detect, all_scenes, widths), widths


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.faces")
    parser.add_argument("--quick", action="store_true", help="few faces: proves it runs")
    parser.add_argument(
        "--max-side", type=int, action="append", help="detect at this size (repeatable)"
    )
    parser.add_argument(
        "--threshold", type=float, help="CenterFace's score threshold instead of the default"
    )
    parser.add_argument("--no-large", action="store_true", help="skip the 24-megapixel photos")
    parser.add_argument(
        "--negatives", type=Path, help="also count false boxes on the photos in this folder"
    )
    args = parser.parse_args()
    if args.threshold is not None:
        faces.THRESHOLD = args.threshold
    widths = QUICK_WIDTHS if args.quick else WIDTHS
    size = (1200, 800) if args.quick else (2400, 1600)
    all_scenes = scenes(widths, size)[: 1 if args.quick else None]
    count = sum(len(s.faces) for s in all_scenes)
    print(f"{len(all_scenes)} photos of {size[0]}x{size[1]}, {count} faces")
    detect(Image.new("RGB", (64, 64)))  # load the model once, outside the timings
    for max_side in args.max_side or [DETECT_MAX_SIDE]:
        tally = score(partial(detect, max_side=max_side), all_scenes, widths)
        print_tally(f"CenterFace, max side {max_side}, threshold {faces.THRESHOLD}", tally, widths)
    haar = None if args.quick else haar_detector()
    if haar is not None:
        print_tally("Haar cascade (OpenCV 4), full size", score(haar, all_scenes, widths), widths)
    if args.negatives is not None:
        false = {}
        for path in sorted(args.negatives.glob("*.*")):
            if path.suffix.lower() in (".png", ".jpg", ".jpeg"):
                with Image.open(path) as photo:
                    false[path.name] = len(detect(photo))
        print(
            f"false boxes on {len(false)} photos without faces: {sum(false.values())} "
            f"{ {name: n for name, n in false.items() if n} }"
        )
    if args.no_large:
        return 0
    large, large_widths = large_photos(args.quick)
    print_tally("CenterFace on 24-megapixel photos (6000x4000)", large, large_widths)
    print(f"detect on a 24-megapixel photo: {statistics.median(large.seconds):.2f} s")
    return 0


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _matches(box: Box, truth: Truth) -> bool:
    return _inside(box, truth) and 1 / 2.5 <= box.w / truth[2] <= 2.5


def _inside(box: Box, truth: Truth) -> bool:
    cx, cy = box.x + box.w / 2, box.y + box.h / 2
    return truth[0] <= cx <= truth[0] + truth[2] and truth[1] <= cy <= truth[1] + truth[3]


def _nearest(widths: tuple[int, ...], width: int) -> int:
    return min(widths, key=lambda w: abs(w - width))


if __name__ == "__main__":
    sys.exit(main())
