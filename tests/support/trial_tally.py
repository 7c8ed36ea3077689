"""Count the trials of one reliability test, the points they hit and what went wrong.

A test records every trial and every violation, then calls ``finish``, which fails with
*all* the violations at once (not only the first) and, when ``HUSHNOTE_RELIABILITY_LOG``
names a file, appends one JSON line with the figures docs/reliability.md quotes (and a
progress line every 100 trials, so a long run cut short still says how far it got).

A violation that matches a bug in ``KNOWN_BUGS`` is counted under its name instead of
failing the test: each has a minimal ``xfail(strict=True)`` test in tests/reliability
that turns red once the core is fixed, and then its entry here goes.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections import Counter
from dataclasses import dataclass, field

import pytest

# name -> a pattern over "operation | where: what" that only that bug produces.
KNOWN_BUGS: dict[str, re.Pattern[str]] = {
    # None open. Each bug the sweeps found is fixed and pinned by a test in
    # tests/reliability/test_known_bugs.py; docs/reliability.md lists them.
}


@dataclass
class Tally:
    """The figures of one (operation, attack) pair."""

    operation: str
    attack: str
    seed: int | None = None
    trials: int = 0
    points: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)
    violations: list[str] = field(default_factory=list)
    known: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)
    stopped: float | None = None

    def trial(self, point: str | None = None, outcome: str | None = None) -> None:
        self.trials += 1
        if point is not None:
            self.points[point] += 1
        if outcome is not None:
            self.outcomes[outcome] += 1
        if self.trials % 100 == 0:
            self._log(partial=True)

    def violation(self, where: str, what: list[str] | str) -> None:
        for text in [what] if isinstance(what, str) else what:
            line = f"{where}: {text}"
            bug = next(
                (name for name, pattern in KNOWN_BUGS.items()
                 if pattern.search(f"{self.operation} | {line}")),
                None,
            )  # fmt: skip
            if bug is None:
                self.violations.append(line)
            else:
                self.known[bug] += 1

    def stop(self) -> None:
        """The trials are over (``finish`` may come later, after other tallies ran)."""
        self.stopped = time.perf_counter()

    def finish(self, *, minimum_trials: int = 1) -> None:
        """Log the figures; fail listing every violation, or if too few trials ran."""
        self._log(partial=False)
        if self.violations:
            shown = "\n".join(self.violations[:40])
            more = len(self.violations) - 40
            pytest.fail(
                f"{self.operation}, {self.attack}: {len(self.violations)} violations in "
                f"{self.trials} trials (seed {self.seed}):\n{shown}"
                + (f"\n… and {more} more" if more > 0 else ""),
                pytrace=False,
            )
        assert self.trials >= minimum_trials, f"only {self.trials} trials ran"

    def _log(self, *, partial: bool) -> None:
        seconds = (self.stopped or time.perf_counter()) - self.started
        log = os.environ.get("HUSHNOTE_RELIABILITY_LOG")
        if log:
            line = {
                "partial": partial,
                "known": dict(self.known),
                "operation": self.operation,
                "attack": self.attack,
                "trials": self.trials,
                "points": dict(self.points),
                "outcomes": dict(self.outcomes),
                "violations": self.violations,
                "seconds": round(seconds, 1),
                "seed": self.seed,
            }
            with open(log, "a", encoding="utf-8") as out:
                out.write(json.dumps(line, sort_keys=True) + "\n")
