"""Suggested passphrases, the strength estimate, and an attacker's cost to guess one."""

from __future__ import annotations

import math

import pytest

from hushnote.app.attack_cost import ATTACKER_MEMORY_KIB, attack_cost, time_one_guess
from hushnote.app.passphrases import (
    SAFE_BITS,
    SUGGESTION_KINDS,
    chinese_wordlist,
    estimate_strength,
    suggest,
    wordlist,
)
from hushnote.core import KdfParams


@pytest.mark.parametrize("script", ["zh_CN", "zh_TW"])
def test_each_chinese_list_has_2048_distinct_single_characters(script: str) -> None:
    characters = chinese_wordlist(script)
    assert len(characters) == 2048
    assert len(set(characters)) == 2048
    assert all(len(character) == 1 and not character.isascii() for character in characters)


def test_the_two_chinese_lists_are_different_scripts() -> None:
    assert chinese_wordlist("zh_CN")[:3] == ("的", "一", "是")
    assert chinese_wordlist("zh_CN") != chinese_wordlist("zh_TW")


@pytest.mark.parametrize("kind", SUGGESTION_KINDS)
def test_every_suggestion_has_at_least_77_bits_and_the_meter_agrees(kind: str) -> None:
    suggestion = suggest(kind)
    assert suggestion.bits >= 77
    strength = estimate_strength(suggestion.text)
    assert strength.verdict == "strong"
    assert strength.bits >= SAFE_BITS


def test_a_chinese_suggestion_is_seven_characters_of_its_list_in_two_groups() -> None:
    suggestion = suggest("zh_TW")
    first, second = suggestion.text.split(" ")
    assert (len(first), len(second)) == (4, 3)
    assert set(first + second) <= set(chinese_wordlist("zh_TW"))
    assert suggestion.bits == pytest.approx(7 * math.log2(2048))


def test_suggestions_do_not_repeat() -> None:
    assert len({suggest("zh_CN").text for _ in range(20)}) == 20
    assert len({suggest("en").text for _ in range(20)}) == 20


def test_a_typed_chinese_phrase_is_not_credited_as_drawn_characters() -> None:
    # All seven are among the 2,048 commonest characters, but typed as one phrase.
    assert estimate_strength("我爱北京天安门").verdict == "weak"


def test_common_passphrases_are_below_the_safe_level() -> None:
    for typed in ("password", "letmein1", "qwerty123"):
        assert estimate_strength(typed).bits < SAFE_BITS
    assert len(wordlist()) == 7776


def test_the_attackers_rate_scales_with_memory_and_measured_time() -> None:
    params = KdfParams(memory_kib=512 * 1024, iterations=4, parallelism=4)
    cost = attack_cost(params, seconds_here=1.0, bits=21.0)
    # 1 TiB / 512 MiB = 2,048 guesses in flight, 10 times faster than here: 20,480 a second.
    assert cost.guesses_per_second == pytest.approx(ATTACKER_MEMORY_KIB / params.memory_kib * 10)
    assert cost.seconds == pytest.approx(2**20 / cost.guesses_per_second)
    # Twice the memory halves the guesses in flight; twice as slow halves the rate.
    bigger = KdfParams(memory_kib=1024 * 1024, iterations=4, parallelism=4)
    assert attack_cost(bigger, 1.0, 21.0).guesses_per_second == pytest.approx(
        cost.guesses_per_second / 2
    )
    assert attack_cost(params, 2.0, 21.0).seconds == pytest.approx(2 * cost.seconds)


def test_one_guess_is_timed_with_real_argon2id(fast_kdf_params: KdfParams) -> None:
    seconds = time_one_guess(fast_kdf_params)
    assert 0.001 < seconds < 30


@pytest.mark.parametrize(
    "typed",
    [
        "password password password password password",
        "zoom zoom zoom zoom zoom",
        "我爱北京 天安门",
        "中华人民共和国 万岁",
    ],
)
def test_repeated_words_and_familiar_phrases_are_not_strong(typed: str) -> None:
    """A word said again, or a phrase typed from the common characters a suggestion is
    drawn from, earns none of a random draw's bits."""
    assert estimate_strength(typed).bits < SAFE_BITS


@pytest.mark.parametrize("kind", ["zh_CN", "zh_TW"])
def test_a_drawn_chinese_suggestion_keeps_its_bits(kind: str) -> None:
    drawn = suggest(kind)  # a character drawn twice by chance takes nothing from the draw
    assert estimate_strength(drawn.text).bits == round(drawn.bits, 1) == 77
