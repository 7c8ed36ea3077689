"""A check that an importer's work grows in proportion to its input, not faster."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def best_time(work: Callable[[], object]) -> float:
    """The least CPU time of three runs, each after a collection, so that another
    run's garbage or other work on the machine does not count."""
    best = float("inf")
    for _ in range(3):
        gc.collect()
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def assert_linear(make: Callable[[int], Callable[[], object]], size: int, bound: float) -> None:
    """Four times the input must take under eight times as long (quadratic work takes
    about sixteen), and the larger run must finish within a generous ``bound`` seconds."""
    small, large = best_time(make(size)), best_time(make(4 * size))
    ratio = large / max(small, 1e-4)
    assert ratio < 8, f"4x the input took {ratio:.1f}x as long"
    assert large < bound, f"4x the input took {large:.2f}s"
