"""How a note's revisions are stored compactly: a reverse delta chain of zlib streams.

The newest revision of a note is compressed alone (a *keyframe*). Each older one is
compressed with the text of the next newer revision as zlib's preset dictionary
(``zdict``), so the words it shares with that revision cost a few bits each. Adding a
revision re-encodes the previous newest (until then a keyframe) against the new one.
Because every delta points to a *newer* revision, expiring the oldest ones never breaks
a chain; reading revision k decodes from the first keyframe at or above k down to k.
A run of deltas is cut by a keyframe every ``KEYFRAME_EVERY`` revisions, so reading
any one revision decodes at most that many streams.

zlib's window is 32 KiB: a dictionary longer than that contributes only its last
32 KiB, so a note much larger than that gains less (docs/history.md has the figures).
A stream that does not decode, or decodes against the wrong dictionary (zlib checks its
Adler-32), is damage and raised as such; decoding is bounded by the largest body a note
may hold, so a crafted stream cannot exhaust memory.
"""

from __future__ import annotations

import zlib

from hushnote.core.store.note_records import MAX_BODY
from hushnote.errors import VaultCorruptedError

__all__ = ["KEYFRAME_EVERY", "compress", "decompress"]

# At most this many streams decoded to read one revision: 32 keeps a read well under a
# millisecond for a typical note, while a keyframe costs a whole compressed copy.
KEYFRAME_EVERY = 32
# 9: the streams are small and written once per few minutes of editing; the extra CPU
# over level 6 is a few hundred microseconds on an 8 KB note. (A test sets 0, stored
# blocks, so that a page scan can also look for the words themselves.)
_LEVEL = 9
# UTF-8 takes at most 4 bytes a character.
_MAX_BYTES = 4 * MAX_BODY


def compress(text: str, dictionary: str | None) -> bytes:
    """``text`` as a zlib stream, against ``dictionary`` (the next newer revision's
    text) if given; alone (a keyframe) if not."""
    if dictionary is None:
        encoder = zlib.compressobj(_LEVEL)
    else:
        encoder = zlib.compressobj(_LEVEL, zdict=dictionary.encode())
    return encoder.compress(text.encode()) + encoder.flush()


def decompress(data: bytes, dictionary: str | None) -> str:
    """The text of a stream ``compress`` made with the same ``dictionary``."""
    try:
        if dictionary is None:
            decoder = zlib.decompressobj()
        else:
            decoder = zlib.decompressobj(zdict=dictionary.encode())
        raw = decoder.decompress(data, _MAX_BYTES + 1)
        if len(raw) > _MAX_BYTES or not decoder.eof or decoder.unused_data:
            raise zlib.error("not one whole stream within bounds")
        return raw.decode()
    except (zlib.error, UnicodeDecodeError, ValueError) as error:
        raise VaultCorruptedError(reason="revision") from error
