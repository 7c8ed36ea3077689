"""Word passphrases to suggest, and a strength estimate for the ones people type.

The estimate is deliberately conservative and simple: it credits a generated passphrase
with exactly its entropy, and a typed one with what an attacker who knows common patterns
would still have to search. It is a guide for the strength meter, not a guarantee.
"""

from __future__ import annotations

import hmac
import math
import re
import secrets
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from hushnote.app.resources import resource_path

__all__ = [
    "SAFE_BITS",
    "SUGGESTION_KINDS",
    "Strength",
    "Suggestion",
    "chinese_wordlist",
    "estimate_strength",
    "generate_passphrase",
    "suggest",
    "wordlist",
]

DEFAULT_WORDS = 6
# Seven characters of 2,048 give 77 bits, as six EFF words give 77.5.
CHINESE_CHARACTERS = 7
# Below this the meter's verdict is "fair" or "weak", and setting it needs a second yes.
SAFE_BITS = 60.0
_WORDLIST = resource_path("wordlists", "eff_large_wordlist.txt")
_CHINESE = {
    "zh_CN": resource_path("wordlists", "chinese_simplified.txt"),
    "zh_TW": resource_path("wordlists", "chinese_traditional.txt"),
}
# What a suggestion is drawn from: English words, or BIP-39 Chinese characters.
SUGGESTION_KINDS = ("en", "zh_CN", "zh_TW")


@dataclass(frozen=True)
class Strength:
    """Estimated bits of entropy and a verdict: "weak", "fair", "good" or "strong"."""

    bits: float
    verdict: str


@lru_cache(maxsize=1)
def wordlist(path: Path = _WORDLIST) -> tuple[str, ...]:
    """The EFF large word list (7,776 words)."""
    words = tuple(
        line.split("\t")[1].strip() for line in path.read_text("utf-8").splitlines() if "\t" in line
    )
    if len(words) != 7776:
        raise RuntimeError("the word list is damaged")
    return words


@lru_cache(maxsize=2)
def chinese_wordlist(script: str) -> tuple[str, ...]:
    """A BIP-39 Chinese word list, ``zh_CN`` (simplified) or ``zh_TW`` (traditional):
    2,048 distinct single characters, 11 bits each."""
    characters = tuple(
        line.strip() for line in _CHINESE[script].read_text("utf-8").splitlines() if line.strip()
    )
    if len(characters) != 2048 or len(set(characters)) != 2048:
        raise RuntimeError("the word list is damaged")
    return characters


def generate_passphrase(words: int = DEFAULT_WORDS) -> str:
    """``words`` random words joined by spaces: 12.9 bits each, 77.5 bits for six."""
    return " ".join(secrets.choice(wordlist()) for _ in range(words))


@dataclass(frozen=True)
class Suggestion:
    """A generated passphrase and the entropy it was drawn with (not an estimate)."""

    text: str
    bits: float


def suggest(kind: str = "en") -> Suggestion:
    """A passphrase of at least 77 bits from the list ``kind`` (``SUGGESTION_KINDS``).

    Chinese characters are drawn one by one, so they rarely make words; they are grouped
    4 + 3 with a space between, the way a phone number is grouped, to be read and typed
    in two chunks.
    """
    if kind == "en":
        size = len(wordlist())
        return Suggestion(generate_passphrase(), DEFAULT_WORDS * math.log2(size))
    characters = chinese_wordlist(kind)
    drawn = "".join(secrets.choice(characters) for _ in range(CHINESE_CHARACTERS))
    text = drawn[:4] + " " + drawn[4:]
    bits = CHINESE_CHARACTERS * math.log2(2048)
    _DRAWN[_mark(text)] = bits
    return Suggestion(text, bits)


# Chinese characters drawn here, remembered as keyed hashes for this process only (the key
# dies with it): the meter credits 11 bits a character to a drawn suggestion, never to a
# phrase a person typed from the same 2,048 common characters ("我爱北京 天安门").
_DRAWN_KEY = secrets.token_bytes(32)
_DRAWN: dict[bytes, float] = {}


def _mark(text: str) -> bytes:
    return hmac.digest(_DRAWN_KEY, text.encode(), "sha256")


def estimate_strength(passphrase: str) -> Strength:
    """A conservative estimate of how hard ``passphrase`` is to guess."""
    if not passphrase:
        return Strength(0.0, "weak")
    known = set(wordlist())
    tokens = passphrase.lower().split()
    # Drawn by ``suggest``: the draw's entropy, whatever characters it happened to give.
    drawn = _DRAWN.get(_mark(" ".join(tokens)))
    if tokens and all(token in known for token in tokens):
        # A word said again adds nothing an attacker must search.
        bits = len(set(tokens)) * math.log2(len(known))
    elif drawn is not None:
        bits = drawn
    else:
        bits = _character_bits(passphrase)
    return Strength(round(bits, 1), _verdict(bits))


def _character_bits(text: str) -> float:
    pool = 0
    if re.search(r"[a-z]", text):
        pool += 26
    if re.search(r"[A-Z]", text):
        pool += 26
    if re.search(r"[0-9]", text):
        pool += 10
    if re.search(r"[^A-Za-z0-9\s]", text):
        pool += 33
    if re.search(r"[^\x00-\x7f]", text):
        pool += 100
    if re.search(r"\s", text):
        pool += 1
    # Repeats and runs ("aaaa", "1234") add almost nothing an attacker must search.
    distinct = len(re.sub(r"(.)\1+", r"\1", text))
    runs = len(re.findall(r"(?:0123|1234|2345|3456|4567|5678|6789|abcd|qwer|asdf)", text.lower()))
    effective = max(1, distinct - 3 * runs)
    # Typed text is far from random: credit half the naive entropy.
    return 0.5 * effective * math.log2(max(pool, 2))


def _verdict(bits: float) -> str:
    if bits < 40:
        return "weak"
    if bits < 60:
        return "fair"
    if bits < 75:
        return "good"
    return "strong"
