"""A check that an importer's work grows in proportion to its input, not faster."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def cpu_time(work: Callable[[], object]) -> float:
    """The CPU time of one run on this thread only, after a collection: another test's
    thread still finishing, or another run's garbage, does not count."""
    gc.collect()
    start = time.thread_time()
    work()
    return time.thread_time() - start


def assert_linear(make: Callable[[int], Callable[[], object]], size: int, bound: float) -> None:
    """Four times the input must take under eight times as long (quadratic work takes
    about sixteen), and the larger run must finish within a generous ``bound`` seconds.
    The sizes alternate, and the best of each counts, so that a busy moment slows both."""
    small_work, large_work = make(size), make(4 * size)
    small = large = float("inf")
    for _ in range(4):
        small = min(small, cpu_time(small_work))
        large = min(large, cpu_time(large_work))
    ratio = large / max(small, 1e-4)
    assert ratio < 8, f"4x the input took {ratio:.1f}x as long"
    assert large < bound, f"4x the input took {large:.2f}s"
