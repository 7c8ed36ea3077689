"""The two ways the reliability tests interrupt an operation, over any ``crash_scenes`` scene.

- ``sweep_calls``: kill it, or fail it with an errno, at its N-th file-system call, for
  every N until it finishes without reaching N (the long proof), or at a few sampled N
  (the smoke run); each trial on a fresh copy of the template vault.
- ``random_kills``: SIGKILL it at random moments while it runs.
"""

from __future__ import annotations

import errno
import itertools
import os
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from support.crash_scenes import Scene, cli_error
from support.fault_injection import (
    KILL,
    MAX_POINTS,
    ChildRun,
    Injector,
    call_kind,
    long_proof,
    stride,
)
from support.trial_tally import Tally

TESTS = Path(__file__).parents[1]
# The smoke run does not time the operation first: it kills within this many seconds.
SMOKE_WINDOW = 1.5


def sweep_calls(
    injector: Injector,
    scene: Scene,
    mechanism: str,
    code: int,
    tally: Tally,
    rng: random.Random,
) -> None:
    """Interrupt ``scene`` at its N-th call (``code``: KILL or an errno).

    The long proof first runs the operation unfaulted (which must succeed, make at least
    ``scene.calls`` calls and pass the checks), then tries N = 1, 2, … until a run
    finishes without reaching N. The smoke run tries one N below ``scene.calls``.
    """
    floor = scene.calls[mechanism]
    if long_proof():
        root = scene.fresh()
        census = injector.run(mechanism, root, scene.module, scene.args(root), code=code,
                              stdin=scene.stdin())  # fmt: skip
        if census.returncode != 0:
            tally.violation(f"{mechanism} unfaulted run", census.describe())
            return
        tally.violation(f"{mechanism} unfaulted run", scene.verify(root, census)[1])
        if (census.total or 0) < floor:
            tally.violation(mechanism, f"only {census.total} calls seen, expected {floor}+")
        scene.discard(root)
        points: Iterator[int] = itertools.count(1, stride())
    else:
        points = iter([rng.randint(1, floor)])
    for at in points:
        if at > MAX_POINTS:
            tally.violation(mechanism, f"still not finished after {MAX_POINTS} calls")
            break
        root = scene.fresh()
        run = injector.run(mechanism, root, scene.module, scene.args(root), at=at, code=code,
                           stdin=scene.stdin())  # fmt: skip
        if run.fault is None:
            scene.discard(root)
            if not long_proof():
                tally.violation(mechanism, f"finished before call {at}: {run.describe()}")
            break  # it finished without reaching call N: every point was tried
        where = f"{mechanism} {'kill' if code == KILL else errno.errorcode[code]} at {run.fault}"
        if code == KILL and not run.killed:
            tally.violation(where, f"not killed: {run.describe()}")
        if code != KILL:
            tally.violation(where, cli_error(run, scene.allowed))
        outcome, wrong = scene.verify(root, run)
        tally.trial(call_kind(run.fault), outcome)
        tally.violation(where, wrong)
        scene.discard(root)


def _argv(scene: Scene, root: Path) -> list[str]:
    return [sys.executable, "-m", scene.module, *scene.args(root)]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(TESTS), env.get("PYTHONPATH")]))
    return env


def random_kills(
    scene: Scene,
    runs: int,
    tally: Tally,
    rng: random.Random,
    *,
    chained: bool,
    window: float | None = None,
) -> None:
    """SIGKILL ``scene`` ``runs`` times, each at a random moment of its run; ``chained``
    trials go on from the vault the last one left.

    The moment is drawn from one timed unfaulted run (in the smoke run, from
    ``SMOKE_WINDOW``); a command that never ends by itself (the save loop) is given
    ``window`` seconds from the moment it says it has unlocked.
    """
    env = _env()
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import hushnote.cli.main"], check=True, env=env)
    startup = time.perf_counter() - start
    root = scene.fresh()
    loop = window is not None
    if window is None and not long_proof():
        window = SMOKE_WINDOW
    if window is None:
        start = time.perf_counter()
        finished = subprocess.run(_argv(scene, root), input=scene.stdin(), capture_output=True,
                                  text=True, env=env, check=False)  # fmt: skip
        window = time.perf_counter() - start
        run = ChildRun(finished.returncode, finished.stdout, finished.stderr)
        if run.returncode != 0:
            tally.violation("unfaulted run", run.describe())
            return
        tally.violation("unfaulted run", scene.verify(root, run)[1])
        if not chained:
            scene.discard(root)
    interrupted = 0
    feed = scene.folder / "stdin"
    for trial in range(runs):
        if not chained:
            root = scene.fresh()
        feed.write_text(scene.stdin())
        with feed.open() as stdin:
            process = subprocess.Popen(
                _argv(scene, root), stdin=stdin, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, text=True, env=env,
            )  # fmt: skip
        first = ""
        if loop and process.stdout is not None:
            # Timed from its first unlock, so that a loaded machine's slow start does not
            # make every kill land before the first save.
            first = process.stdout.readline()
            time.sleep(rng.random() * window)
        else:
            time.sleep(startup * 0.8 + rng.random() * max(0.0, window - startup * 0.8))
        process.kill()
        out, err = process.communicate()
        run = ChildRun(process.returncode, first + out, err)
        interrupted += run.killed
        outcome, wrong = scene.verify(root, run)
        tally.trial("random moment" if run.killed else "finished first", outcome)
        tally.violation(f"random kill {trial + 1}", wrong)
        if not chained:
            scene.discard(root)
    if runs >= 4 and interrupted < runs // 2:
        tally.violation("random kills", f"only {interrupted} of {runs} landed before the end")
