"""A one-time travel key: words from the EFF large word list, and their QR code.

The words are an age passphrase (scrypt), so the standard ``age -d`` opens the bundle
with them. Ten words of 7,776 give 129 bits: more than the X25519 key a colleague's
recipient would give, so the key is never the weak part, and few enough to copy by hand.
The list is the one shipped for passphrase suggestions (``resources/wordlists``), read
here because the core may not use the desktop app's helpers.
"""

from __future__ import annotations

import secrets
from functools import lru_cache

from hushnote.core.resources import resource_path

__all__ = ["TRAVEL_KEY_WORDS", "normalize_travel_key", "qr_matrix", "travel_key_words"]

TRAVEL_KEY_WORDS = 10
_LIST_SIZE = 7776


@lru_cache(maxsize=1)
def _wordlist() -> tuple[str, ...]:
    path = resource_path("wordlists", "eff_large_wordlist.txt")
    words = tuple(
        line.split("\t")[1].strip() for line in path.read_text("utf-8").splitlines() if "\t" in line
    )
    if len(words) != _LIST_SIZE:
        raise RuntimeError("the word list is damaged")
    return words


def travel_key_words(count: int = TRAVEL_KEY_WORDS) -> str:
    """``count`` random words joined by single spaces: a fresh travel key."""
    words = _wordlist()
    return " ".join(secrets.choice(words) for _ in range(count))


def normalize_travel_key(text: str) -> str:
    """The key as typed back: case, extra spaces, line breaks, full-width letters and
    punctuation between the words (a Chinese input method's ，、。 say) do not matter. A
    hyphen stays: it is part of some words of the list."""
    import unicodedata

    folded = unicodedata.normalize("NFKC", text).lower()
    spaced = "".join(
        " " if unicodedata.category(c).startswith("P") and c != "-" else c for c in folded
    )
    return " ".join(spaced.split())


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR code of ``text`` as rows of dark (True) and light modules, with its quiet
    zone; the front ends draw it (on screen only, never to a file)."""
    import segno

    code = segno.make(text, error="m", micro=False)
    return [[bool(module) for module in row] for row in code.matrix_iter(scale=1, border=2)]
