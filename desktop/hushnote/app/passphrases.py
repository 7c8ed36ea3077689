"""Word passphrases to suggest, and a strength estimate for the ones people type.

The estimate is deliberately conservative and simple: it credits a generated passphrase
with exactly its entropy, and a typed one with what an attacker who knows common patterns
would still have to search. It is a guide for the strength meter, not a guarantee.
"""

from __future__ import annotations

import math
import re
import secrets
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from hushnote.app.resources import resource_path

__all__ = ["Strength", "estimate_strength", "generate_passphrase", "wordlist"]

DEFAULT_WORDS = 6
_WORDLIST = resource_path("wordlists", "eff_large_wordlist.txt")


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


def generate_passphrase(words: int = DEFAULT_WORDS) -> str:
    """``words`` random words joined by spaces: 12.9 bits each, 77.5 bits for six."""
    return " ".join(secrets.choice(wordlist()) for _ in range(words))


def estimate_strength(passphrase: str) -> Strength:
    """A conservative estimate of how hard ``passphrase`` is to guess."""
    if not passphrase:
        return Strength(0.0, "weak")
    known = set(wordlist())
    tokens = passphrase.lower().split()
    if tokens and all(token in known for token in tokens):
        bits = len(tokens) * math.log2(len(known))
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
