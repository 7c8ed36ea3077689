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

__all__ = ["MAX_PHOTO_BYTES", "blur_transform"]

# A photo is decoded whole to be blurred; files larger than this are no photo a phone or
# camera makes, and are refused before they are read.
MAX_PHOTO_BYTES = 256 * 1024 * 1024


def blur_transform(
    boxes: Sequence[Box] | None = None,
    *,
    check: Callable[[], None] | None = None,
    found: list[Box] | None = None,
) -> Callable[[IO[bytes]], bytes]:
    """The ``transform`` for ``AttachmentStore.add``: blur ``boxes`` (every face the
    detector finds when None) and return the new file's bytes (PNG for a PNG, else JPEG).

    ``found``, if given, receives the boxes blurred: none means nothing was blurred, which
    the person must be told rather than "faces blurred"."""

    def transform(source: IO[bytes]) -> bytes:
        data = source.read(MAX_PHOTO_BYTES + 1)
        if len(data) > MAX_PHOTO_BYTES:
            raise ImageTooLargeError(maximum=MAX_PHOTO_BYTES)
        photo = load(data, check=check)
        chosen = list(boxes) if boxes is not None else detect(photo, check=check)
        if found is not None:
            found.extend(chosen)
        blurred = apply_blur(photo, chosen, check=check)
        return encode(blurred, "png" if data.startswith(b"\x89PNG") else "jpeg", check=check)

    return transform
