"""Timing helpers and the table every benchmark prints."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One operation, measured on Hushnote and on its baseline in the same run."""

    operation: str
    measured: list[float]
    baseline_name: str
    baseline: list[float]
    unit: str = "s"

    @property
    def median(self) -> float:
        return statistics.median(self.measured)

    @property
    def baseline_median(self) -> float:
        return statistics.median(self.baseline)

    @property
    def ratio(self) -> float:
        return self.median / self.baseline_median


def timed(
    function: Callable[[], object], repeats: int, setup: Callable[[], object] | None = None
) -> list[float]:
    """Seconds for each of ``repeats`` calls; ``setup`` runs untimed before each."""
    samples = []
    for _ in range(repeats):
        if setup is not None:
            setup()
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return samples


def paired(
    operation: str,
    function: Callable[[], object],
    baseline_name: str,
    baseline: Callable[[], object],
    repeats: int,
) -> Row:
    """Alternate the two, so drift on a noisy machine hits both sides alike."""
    measured: list[float] = []
    base: list[float] = []
    for _ in range(repeats):
        measured += timed(function, 1)
        base += timed(baseline, 1)
    return Row(operation, measured, baseline_name, base)


def _format(value: float, unit: str) -> str:
    if unit != "s":
        return f"{value:.1f} {unit}"
    return f"{value * 1000:.1f} ms" if value < 10 else f"{value:.1f} s"


def print_table(rows: list[Row]) -> None:
    header = ("operation", "hushnote (median)", "baseline", "baseline (median)", "ratio", "n")
    lines = [
        (
            row.operation,
            _format(row.median, row.unit),
            row.baseline_name,
            _format(row.baseline_median, row.unit),
            f"{row.ratio:.2f}x",
            str(len(row.measured)),
        )
        for row in rows
    ]
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *lines, strict=True)]
    for line in (header, tuple("-" * width for width in widths), *lines):
        print(" | ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)))


def print_facts(facts: list[tuple[str, str]]) -> None:
    """Figures that are not a ratio: percentiles, sizes, memory."""
    width = max(len(name) for name, _ in facts)
    for name, value in facts:
        print(f"{name:<{width}}  {value}")
