"""A photo with its faces blurred, as the content an attach stores in the original's place.

Both front ends use it the same way: the command line blurs every face found
(``--blur-faces``), the desktop app the boxes the user reviewed. The result is a new file
built from the pixels alone (``faces.encode``): no metadata, no thumbnail, nothing of the
original but what the picture shows outside the boxes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import IO

from hushnote.core.attachments.faces import Box, apply_blur, detect, encode, load
from hushnote.errors import ImageTooLargeError

__all__ = ["MAX_PHOTO_BYTES", "BlurTransform", "blur_transform"]

# A photo is decoded whole to be blurred; files larger than this are no photo a phone or
# camera makes, and are refused before they are read.
MAX_PHOTO_BYTES = 256 * 1024 * 1024


class BlurTransform:
    """The ``transform`` for ``AttachmentStore.add``: blur ``boxes`` (every face the
    detector finds when None) and return the new file's bytes (PNG for a PNG, else JPEG).

    ``removed`` says what the store records once it has run: ``faces`` when at least one
    box was blurred, else ``pixels-only`` (the file was still rebuilt from its pixels, so
    no metadata is left), which the person must be told rather than "faces blurred".
    ``found``, if given, receives the boxes blurred."""

    def __init__(
        self,
        boxes: Sequence[Box] | None,
        check: Callable[[], None] | None,
        found: list[Box] | None,
    ) -> None:
        self._boxes = boxes
        self._check = check
        self._found = found
        self.blurred = 0

    @property
    def removed(self) -> tuple[str, ...]:
        return ("faces",) if self.blurred else ("pixels-only",)

    def __call__(self, source: IO[bytes]) -> bytes:
        check = self._check
        data = source.read(MAX_PHOTO_BYTES + 1)
        if len(data) > MAX_PHOTO_BYTES:
            raise ImageTooLargeError(maximum=MAX_PHOTO_BYTES)
        photo = load(data, check=check)
        chosen = list(self._boxes) if self._boxes is not None else detect(photo, check=check)
        if self._found is not None:
            self._found.extend(chosen)
        blurred = apply_blur(photo, chosen, check=check)
        self.blurred = len(chosen)
        return encode(blurred, "png" if data.startswith(b"\x89PNG") else "jpeg", check=check)


def blur_transform(
    boxes: Sequence[Box] | None = None,
    *,
    check: Callable[[], None] | None = None,
    found: list[Box] | None = None,
) -> BlurTransform:
    """A ``BlurTransform`` for these boxes (None: every face found)."""
    return BlurTransform(boxes, check, found)
