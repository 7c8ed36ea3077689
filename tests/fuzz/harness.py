"""The contract every fuzz target is held to, and the bookkeeping of a fuzzing run.

A parser given hostile bytes may return anything or raise a ``HushnoteError``. Any other
exception (``KeyError``, ``RecursionError``, ``zlib.error``, ``MemoryError``...), an input
of up to 1 MiB taking longer than ``TIME_CEILING``, or one that pushes the process past
``MEMORY_CEILING_MB`` is a finding. ``Harness`` is what atheris calls for each input; the
tests call ``check`` directly on regression files and Hypothesis examples.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import math
import pkgutil
import resource
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FUZZ_DIR = Path(__file__).parent
CORPUS_DIR = FUZZ_DIR / "corpus"
REGRESSIONS_DIR = FUZZ_DIR / "regressions"

# Coverage comes from these packages: Hushnote, and the pure-Python parsers of the
# standard library that it hands hostile bytes to (csv, json and zlib are C).
INSTRUMENTED = ("hushnote", "zipfile", "quopri")
TIME_CEILING = 2.0  # seconds, for any input of up to BOUNDED_SIZE bytes
BOUNDED_SIZE = 1 << 20
MEMORY_CEILING_MB = 1024  # peak RSS a single input may drive the process to
# Slower than this many medians (and than the floor) is recorded for a look, not failed:
# on a shared two-core machine a garbage collection or a neighbour's burst costs that much.
OUTLIER_FACTOR = 1000
OUTLIER_FLOOR = 0.05
_BUCKETS_PER_OCTAVE = 4  # timing histogram resolution: 19% steps


@dataclass(frozen=True)
class Target:
    """One parser under fuzzing: how to feed it bytes, and how to start its corpus."""

    name: str
    parse: Callable[[bytes], object]  # the return value is opaque: only raising matters
    seeds: Callable[[], dict[str, bytes]]  # small valid (and a few invalid) inputs
    max_len: int  # libFuzzer's -max_len
    mutator: Callable[[bytes, int, int], bytes] | None = None  # structure-aware, optional
    dictionary: tuple[bytes, ...] = ()  # tokens libFuzzer splices in
    time_ceiling: float = TIME_CEILING


class Finding(Exception):
    """A parser broke the contract on one input: ``kind`` is crash, slow or memory."""

    def __init__(self, kind: str, signature: str, where: str, detail: str) -> None:
        super().__init__(f"{kind}: {signature} at {where}: {detail}")
        self.kind = kind
        self.signature = signature
        self.where = where
        self.detail = detail

    @property
    def exception(self) -> str:
        """The exception type of a crash (slow or memory otherwise): what known.py matches,
        since the function that raises moves when the code is reorganised."""
        return self.signature.split(" in ")[0] if self.kind == "crash" else self.kind


def signature_of(error: BaseException) -> tuple[str, str]:
    """A stable name for a crash (exception type and innermost Hushnote function), and
    the file and line that raised it or called into the code that did."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [frame for frame in frames if "/hushnote/" in frame.filename]
    kind = type(error)
    type_name = (
        kind.__qualname__
        if kind.__module__ == "builtins"
        else (f"{kind.__module__}.{kind.__qualname__}")
    )
    if not ours:
        last = frames[-1] if frames else None
        return type_name, f"{last.filename}:{last.lineno}" if last else "?"
    frame = ours[-1]
    path = frame.filename[frame.filename.rindex("/hushnote/") + 1 :]
    module = path.removesuffix(".py").replace("/", ".")
    return f"{type_name} in {module}.{frame.name}", f"{path}:{frame.lineno}"


def check(target: Target, data: bytes) -> tuple[str, float]:
    """Run ``target`` on ``data``: ("accepted" | "rejected", seconds), or raise Finding."""
    from hushnote.errors import HushnoteError  # after the fuzzer has instrumented imports

    start = time.perf_counter()
    try:
        target.parse(data)
        outcome = "accepted"
    except HushnoteError:
        outcome = "rejected"
    except KeyboardInterrupt:
        raise
    except BaseException as error:  # MemoryError, RecursionError, a Rust panic: all bugs
        signature, where = signature_of(error)
        raise Finding("crash", signature, where, repr(error)[:300]) from error
    elapsed = time.perf_counter() - start
    if elapsed > target.time_ceiling and len(data) <= BOUNDED_SIZE:
        raise Finding(
            "slow", f"slow input in {target.name}", target.name,
            f"{elapsed:.2f} s for {len(data)} bytes (ceiling {target.time_ceiling} s)",
        )  # fmt: skip
    return outcome, elapsed


def peak_rss_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


@dataclass
class Stats:
    """What a run saw, written as JSON for the runner's summary."""

    target: str
    executions: int = 0
    accepted: int = 0
    rejected: int = 0
    findings: dict[str, dict[str, Any]] = field(default_factory=dict)
    slowest: dict[str, Any] = field(default_factory=dict)
    outliers: int = 0
    histogram: dict[int, int] = field(default_factory=dict)

    def record_time(self, elapsed: float) -> None:
        bucket = math.floor(math.log2(max(elapsed, 1e-7) * 1e6) * _BUCKETS_PER_OCTAVE)
        self.histogram[bucket] = self.histogram.get(bucket, 0) + 1

    def median(self) -> float:
        """The median time of the inputs that kept the contract, to one histogram step."""
        half, seen = sum(self.histogram.values()) / 2, 0
        for bucket in sorted(self.histogram):
            seen += self.histogram[bucket]
            if seen >= half:
                return float(2 ** (bucket / _BUCKETS_PER_OCTAVE) / 1e6)
        return 0.0

    def summary(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "executions": self.executions,
            "accepted": self.accepted,
            "rejected": self.rejected,
            "median_seconds": self.median(),
            "slowest": self.slowest,
            "outliers": self.outliers,
            "peak_rss_mb": peak_rss_mb(),
            "findings": self.findings,
        }


class Harness:
    """The callable atheris runs per input.

    Without ``keep_going`` the first finding is raised, so libFuzzer stops and saves the
    input. With it, findings are tallied by signature (the first few inputs of each saved
    under ``artifacts``) and fuzzing goes on: a long campaign must not end at a crash
    already reported in another module.
    """

    def __init__(
        self, target: Target, *, artifacts: Path, stats_file: Path | None, keep_going: bool
    ) -> None:
        self.target = target
        self.artifacts = artifacts
        self.stats_file = stats_file
        self.keep_going = keep_going
        self.stats = Stats(target.name)
        self._rss_before = peak_rss_mb()
        self._last_flush = time.monotonic()

    def __call__(self, data: bytes) -> None:
        stats = self.stats
        stats.executions += 1
        try:
            outcome, elapsed = check(self.target, data)
        except Finding as finding:
            self._found(finding, data)
            return
        finally:
            self._check_memory(data)
        setattr(stats, outcome, getattr(stats, outcome) + 1)
        stats.record_time(elapsed)
        if elapsed > stats.slowest.get("seconds", 0.0):
            stats.slowest = {"seconds": elapsed, "size": len(data), "sha1": _sha1(data)}
            if elapsed > OUTLIER_FLOOR:
                self._save("slowest", data)
        outlier = max(OUTLIER_FLOOR, OUTLIER_FACTOR * stats.median())
        if stats.executions > 1000 and elapsed > outlier:
            stats.outliers += 1
            self._save("outlier", data)
        if time.monotonic() - self._last_flush > 30:
            self.flush()

    def _check_memory(self, data: bytes) -> None:
        rss = peak_rss_mb()
        crossed = self._rss_before <= MEMORY_CEILING_MB < rss
        self._rss_before = rss
        if crossed:
            self._found(
                Finding("memory", f"memory in {self.target.name}", self.target.name,
                        f"peak RSS {rss} MB (ceiling {MEMORY_CEILING_MB} MB)"),
                data,
            )  # fmt: skip

    def _found(self, finding: Finding, data: bytes) -> None:
        entry = self.stats.findings.setdefault(
            finding.signature,
            {"kind": finding.kind, "exception": finding.exception, "where": finding.where,
             "detail": finding.detail, "count": 0, "examples": []},
        )  # fmt: skip
        entry["count"] += 1
        if len(entry["examples"]) < 3:
            entry["examples"].append(str(self._save(finding.kind, data)))
            self.flush()
        if not self.keep_going:
            raise finding

    def _save(self, kind: str, data: bytes) -> Path:
        self.artifacts.mkdir(parents=True, exist_ok=True)
        path = self.artifacts / f"{kind}-{_sha1(data)}"
        path.write_bytes(data)
        return path

    def flush(self) -> None:
        self._last_flush = time.monotonic()
        if self.stats_file is not None:
            self.stats_file.write_text(json.dumps(self.stats.summary(), indent=2) + "\n")


def _sha1(data: bytes) -> str:
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()


def target_names() -> list[str]:
    """Every target: one ``fuzz_<name>.py`` module each, found by name."""
    return sorted(
        info.name.removeprefix("fuzz_")
        for info in pkgutil.iter_modules([str(FUZZ_DIR)])
        if info.name.startswith("fuzz_")
    )


def load(name: str) -> Target:
    target: Target = importlib.import_module(f".fuzz_{name}", __package__).TARGET
    return target


def corpus(name: str) -> Iterator[tuple[str, bytes]]:
    """The committed seed files of one target."""
    folder = CORPUS_DIR / name
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        yield path.name, path.read_bytes()


def mutate_inside_zlib(data: bytes, max_size: int, seed: int) -> bytes:
    """Mutate the JSON inside a zlib stream, so the fuzzer gets past decompression (the
    decoy payload and a shared folder's batches are both compressed JSON)."""
    import zlib

    import atheris

    try:
        plain = zlib.decompress(data)
    except zlib.error:
        return bytes(atheris.Mutate(data, max_size))
    if seed % 5 == 0:
        return bytes(atheris.Mutate(data, max_size))
    mutated = bytes(atheris.Mutate(plain, max(2 * len(plain), 64)))
    return zlib.compress(mutated, 9)[:max_size]
