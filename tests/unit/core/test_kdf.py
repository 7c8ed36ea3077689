"""Argon2id bounds, passphrase encoding and calibration."""

from __future__ import annotations

import os
import time
import unicodedata

import pytest

from hushnote.core.vault.key_schedule import (
    MIB,
    KdfParams,
    calibrate,
    check_params,
    derive_key,
    encode_passphrase,
)
from hushnote.errors import KdfLimitError, PassphraseError

SALT = bytes(range(32))


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        (KdfParams(63 * MIB, 2, 1), "memory_mib"),
        (KdfParams(64 * MIB, 1, 1), "iterations"),
        (KdfParams(64 * MIB, 2, 0), "parallelism"),
        (KdfParams(2049 * MIB, 2, 1), "memory_mib"),
        (KdfParams(64 * MIB, 17, 1), "iterations"),
        (KdfParams(64 * MIB, 2, 17), "parallelism"),
        (KdfParams(2048 * MIB, 3, 1), "work"),
        (KdfParams(1024 * MIB, 6, 1), "work"),
    ],
)
def test_parameters_outside_the_bounds_are_refused(params: KdfParams, parameter: str) -> None:
    with pytest.raises(KdfLimitError) as caught:
        check_params(params)
    assert caught.value.context["parameter"] == parameter


def test_the_floor_and_the_ceiling_themselves_are_accepted() -> None:
    check_params(KdfParams(64 * MIB, 2, 1))
    check_params(KdfParams(2048 * MIB, 2, 16))
    check_params(KdfParams(1024 * MIB, 5, 16))


def test_every_cost_the_calibration_can_choose_is_within_the_ceiling() -> None:
    # A vault made on a fast machine must open on a slow one.
    for available in (None, 300 * MIB, 700 * MIB, 64 * 1024 * MIB):
        for seconds in (1e-4, 0.01, 0.5, 5.0, 50.0):
            check_params(calibrate(available_kib=available, measure=lambda _p, s=seconds: s))


def test_memory_beyond_what_is_free_is_refused_before_allocating() -> None:
    with pytest.raises(KdfLimitError) as caught:
        check_params(KdfParams(1024 * MIB, 2, 1), available_kib=512 * MIB)
    assert caught.value.context["parameter"] == "available_memory_mib"


def test_a_hostile_cost_is_refused_without_running_argon2() -> None:
    start = time.perf_counter()
    with pytest.raises(KdfLimitError):
        derive_key("pw", SALT, KdfParams(4096 * MIB, 32, 1))
    with pytest.raises(KdfLimitError):
        derive_key("pw", SALT, KdfParams(2048 * MIB, 16, 1))
    assert time.perf_counter() - start < 0.05


def test_derivation_is_deterministic_and_salted(fast_kdf_params: KdfParams) -> None:
    first = derive_key("pass phrase", SALT, fast_kdf_params)
    again = derive_key("pass phrase", SALT, fast_kdf_params)
    other_salt = derive_key("pass phrase", bytes(32), fast_kdf_params)
    assert len(first) == 32
    assert first == again
    assert first != other_salt


def test_composed_and_decomposed_accents_derive_the_same_key(fast_kdf_params: KdfParams) -> None:
    composed = "caf\u00e9 \u4e2d\u6587"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert derive_key(composed, SALT, fast_kdf_params) == derive_key(
        decomposed, SALT, fast_kdf_params
    )


def test_empty_passphrase_is_refused() -> None:
    with pytest.raises(PassphraseError):
        encode_passphrase("")


def test_calibration_keeps_512_mib_and_scales_iterations_to_the_target() -> None:
    seen = []

    def measure(params: KdfParams) -> float:
        seen.append(params)
        return 0.4  # 0.2 s a pass

    params = calibrate(target_seconds=1.0, available_kib=16 * 1024 * MIB, measure=measure)
    assert seen[0].memory_kib == 512 * MIB
    assert params.memory_kib == 512 * MIB
    assert params.iterations == 5


def test_calibration_never_goes_below_two_passes_on_a_slow_machine() -> None:
    params = calibrate(available_kib=16 * 1024 * MIB, measure=lambda _: 5.0)
    assert params.iterations == 2


def test_calibration_steps_memory_down_but_not_below_256_mib() -> None:
    tight = calibrate(available_kib=600 * MIB, measure=lambda _: 0.5)
    assert 256 * MIB <= tight.memory_kib < 512 * MIB
    starved = calibrate(available_kib=100 * MIB, measure=lambda _: 0.5)
    assert starved.memory_kib == 256 * MIB


@pytest.mark.slow
def test_real_calibration_lands_near_one_second() -> None:
    params = calibrate()
    assert params.memory_kib >= 512 * MIB
    assert params.iterations >= 2
    start = time.perf_counter()
    derive_key("pw", os.urandom(32), params)
    assert 0.3 < time.perf_counter() - start < 4.0
