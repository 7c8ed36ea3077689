"""The fuzzing command line: run targets under atheris and summarise what they found.

    PYTHONPATH=tests .venv/bin/python -m fuzz.run --target vcard --runs 1000000
    PYTHONPATH=tests .venv/bin/python -m fuzz.run --all --runs 1000000 --keep-going
    PYTHONPATH=tests .venv/bin/python -m fuzz.run --write-seeds   # refresh corpus/<target>/

Each target runs in its own process (libFuzzer owns the process it runs in), one at a
time. New corpus entries, crash inputs and logs go under ``--workdir`` (build/fuzz);
the committed seeds in tests/fuzz/corpus/<target>/ are only read. The summary of each
run (executions, exec/s, coverage, peak RSS, slowest input, findings) is printed and
appended to <workdir>/results.jsonl.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from .harness import CORPUS_DIR, FUZZ_DIR, INSTRUMENTED, Harness, load, target_names

ROOT = FUZZ_DIR.parents[1]
DEFAULT_WORKDIR = ROOT / "build" / "fuzz"
# libFuzzer's own limits, a backstop to the harness's per-input checks: -timeout kills an
# input that never returns (well above the harness's ceiling, which records slow inputs
# and goes on), -rss_limit_mb a process that keeps growing. -malloc_limit_mb
# is passed too, but needs sanitizer malloc hooks a Python process does not have.
TIMEOUT_SECONDS = 30
RSS_LIMIT_MB = 2048
# A hard cap on address space, so one absurd allocation raises MemoryError (a finding)
# instead of swapping a shared machine; far above what any bounded input needs.
ADDRESS_SPACE_LIMIT = 8 << 30
SCRYPT_LOG_N_CAP = 14  # 16 MiB and a few milliseconds of scrypt per passphrase attempt
_STATUS = re.compile(
    r"^#(\d+)\s+(\w+)\s+cov: (\d+) ft: (\d+) corp: (\d+)/(\S+).*? exec/s: (\d+) rss: (\d+)Mb"
)


def _dictionary_line(token: bytes) -> str:
    escaped = "".join(
        chr(b) if 32 <= b < 127 and b not in (34, 92) else f"\\x{b:02x}" for b in token
    )
    return f'"{escaped}"'


def run_target(
    name: str,
    *,
    runs: int | None,
    seconds: int | None,
    workdir: Path,
    keep_going: bool,
    extra: list[str],
    echo: bool = True,
) -> dict[str, Any]:
    """Fuzz one target in a child process; return its summary."""
    target = load(name)
    work = workdir / name
    for folder in ("corpus", "artifacts"):
        (work / folder).mkdir(parents=True, exist_ok=True)
    stats_file = work / "stats.json"
    stats_file.unlink(missing_ok=True)
    arguments = [
        f"-max_len={target.max_len}",
        f"-timeout={TIMEOUT_SECONDS}",
        f"-rss_limit_mb={RSS_LIMIT_MB}",
        f"-malloc_limit_mb={RSS_LIMIT_MB}",
        f"-artifact_prefix={work / 'artifacts'}/",
        "-print_final_stats=1",
        "-reload=0",
    ]
    if runs is not None:
        arguments.append(f"-runs={runs}")
    if seconds is not None:
        arguments.append(f"-max_total_time={seconds}")
    if target.dictionary:
        dictionary = work / f"{name}.dict"
        dictionary.write_text("".join(_dictionary_line(t) + "\n" for t in target.dictionary))
        arguments.append(f"-dict={dictionary}")
    arguments += [*extra, str(work / "corpus"), str(CORPUS_DIR / name)]
    command = [sys.executable, "-m", "fuzz.run", "--child", name, "--stats", str(stats_file)]
    command += ["--keep-going"] if keep_going else []
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(FUZZ_DIR.parent), os.environ.get("PYTHONPATH", "")]),
        "HUSHNOTE_FUZZ_SCRATCH": str(_scratch(work, name)),
        # The age target's inputs may claim any scrypt cost (see fuzz_age.py).
        "HUSHNOTE_FUZZ_SCRYPT_LOG_N_CAP": str(SCRYPT_LOG_N_CAP),
    }
    log = work / "fuzz.log"
    started = time.monotonic()
    try:
        with log.open("wb") as output:
            child = subprocess.run(
                [*command, "--", *arguments], stdout=output, stderr=subprocess.STDOUT,
                env=environment, check=False,
            )  # fmt: skip
    finally:
        shutil.rmtree(environment["HUSHNOTE_FUZZ_SCRATCH"], ignore_errors=True)
    wall = time.monotonic() - started
    summary = _summarise(name, log, stats_file, wall, child.returncode)
    if echo:
        print(json.dumps(summary, indent=2), flush=True)
    with (workdir / "results.jsonl").open("a") as results:
        results.write(json.dumps(summary) + "\n")
    return summary


def _scratch(work: Path, name: str) -> Path:
    """Where a target writes the files it opens: in memory when the system has a tmpfs
    (an open there costs 20 µs, on this disk 1 ms), and the inputs are synthetic anyway."""
    memory = Path("/dev/shm")
    if memory.is_dir() and os.access(memory, os.W_OK):
        return memory / f"hushnote-fuzz-{name}-{os.getpid()}"
    return work / "scratch"


def _summarise(name: str, log: Path, stats_file: Path, wall: float, code: int) -> dict[str, Any]:
    text = log.read_text(errors="replace")
    status = [m for line in text.splitlines() if (m := _STATUS.match(line))]
    final = {key: int(value) for key, value in re.findall(r"^stat::(\w+):\s+(\d+)", text, re.M)}
    stats = json.loads(stats_file.read_text()) if stats_file.exists() else {}
    last = status[-1] if status else None
    executions = final.get("number_of_executed_units", stats.get("executions", 0))
    summary: dict[str, Any] = {
        "target": name,
        "exit_code": code,
        "executions": executions,
        "wall_seconds": round(wall, 1),
        "exec_per_second": round(executions / wall) if wall else 0,
        "cov": int(last[3]) if last else None,
        "ft": int(last[4]) if last else None,
        "corpus": int(last[5]) if last else None,
        "peak_rss_mb": final.get("peak_rss_mb", stats.get("peak_rss_mb")),
        "median_seconds": stats.get("median_seconds"),
        "slowest": stats.get("slowest"),
        "outliers": stats.get("outliers"),
        "accepted": stats.get("accepted"),
        "rejected": stats.get("rejected"),
        "findings": stats.get("findings", {}),
        "log": str(log),
    }
    if code != 0 and not summary["findings"]:
        # libFuzzer stopped on its own (timeout, out of memory, a signal): say which.
        reason = re.findall(
            r"ERROR: libFuzzer: ([^\n]+)|(ALARM: [^\n]+)|(Uncaught Python[^\n]*)", text
        )
        summary["stopped"] = ["".join(r) for r in reason][:3] or [text[-500:]]
    return summary


def child(name: str, stats_file: Path, keep_going: bool, arguments: list[str]) -> None:
    """Inside the child: instrument, load the target and hand the process to libFuzzer."""
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT))
    import atheris

    early = [module for module in INSTRUMENTED if module in sys.modules]
    if early:
        raise SystemExit(f"imported before instrumentation, so not instrumented: {early}")
    with atheris.instrument_imports(include=list(INSTRUMENTED)):
        target = load(name)
    harness = Harness(
        target, artifacts=stats_file.parent / "artifacts", stats_file=stats_file,
        keep_going=keep_going,
    )  # fmt: skip

    # libFuzzer ends the process with exit(), which skips Python's atexit: register the
    # final flush with the C library instead.
    def flush(_: int | None) -> None:
        harness.flush()

    # Referenced by this frame, which atheris.Fuzz() never returns to.
    flush_at_exit = ctypes.CFUNCTYPE(None, ctypes.c_void_p)(flush)
    ctypes.CDLL(None).__cxa_atexit(flush_at_exit, None, None)
    harness.flush()
    options: dict[str, Any] = {}
    if target.mutator is not None:
        options["custom_mutator"] = target.mutator
    atheris.Setup([sys.argv[0], *arguments], harness, **options)
    atheris.Fuzz()


def write_seeds(names: list[str]) -> None:
    """Write each target's generated seeds into its committed corpus folder."""
    for name in names:
        folder = CORPUS_DIR / name
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.iterdir():
            stale.unlink()
        for seed, data in load(name).seeds().items():
            (folder / seed).write_bytes(data)
        print(f"{name}: {len(list(folder.iterdir()))} seeds")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    passthrough: list[str] = []
    if "--" in argv:
        passthrough = argv[argv.index("--") + 1 :]
        argv = argv[: argv.index("--")]
    parser = argparse.ArgumentParser(prog="python -m fuzz.run", description=__doc__.split("\n")[0])
    parser.add_argument("--target", action="append", choices=target_names(), default=[])
    parser.add_argument("--all", action="store_true", help="every target, one after another")
    parser.add_argument("--runs", type=int, help="executions per target (default 1,000,000)")
    parser.add_argument("--seconds", type=int, help="wall-time limit per target")
    parser.add_argument(
        "--keep-going",
        action="store_true",
        help="tally findings by signature instead of stopping at the first",
    )
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--write-seeds", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--stats", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        child(options.child, options.stats, options.keep_going, passthrough)
        return 0
    names = target_names() if options.all else options.target
    if not names:
        parser.error("name a --target, or --all")
    if options.write_seeds:
        write_seeds(names)
        return 0
    runs = options.runs if options.runs or options.seconds else 1_000_000
    failed = False
    for name in names:
        summary = run_target(
            name, runs=runs, seconds=options.seconds, workdir=options.workdir,
            keep_going=options.keep_going, extra=passthrough,
        )  # fmt: skip
        failed |= summary["exit_code"] != 0 or bool(summary["findings"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
