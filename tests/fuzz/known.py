"""Findings reported to the owner of the code and not fixed yet, and how regressions replay.

Every ``Known`` entry names a file in regressions/<target>/ that ``test_regressions.py``
replays as a strict xfail: the day the code is fixed the test passes, strictness fails the
run, and the entry is deleted (the file stays, as a plain regression). The short fuzzing
runs of the normal suite accept the exceptions listed here for their target and fail on
any other. regressions/README.md lists every file and what it once broke.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Known:
    """One reported finding: which input shows it, what it raises, and why it is wrong."""

    file: str  # regressions/<target>/<file>
    exception: str  # the exception type it raises (Finding.exception), or slow, or memory
    reason: str  # what is wrong, and where it was when found


KNOWN: tuple[Known, ...] = ()

# Regressions that would be slow or huge if the bug came back: replayed in a child process
# under a deadline and an address-space limit, so that a relapse fails instead of stalling.
BOUNDED_REPLAY = frozenset({"archive/no-newline-16mib.zip"})
# Regressions with a test of their own, which the generic replay skips.
OWN_TEST = {
    "age/scrypt-log-n-23.hnb": "test_excessive_scrypt_work_is_refused_unspent",
    "age/passphrase-1-7kb.hnb": "test_a_small_passphrase_bundle_needs_little_memory",
}

# Targets that run another's code: the age target opens the archive inside.
_RUNS_INSIDE = {"age": ("archive",)}


def known_exceptions(target: str) -> set[str]:
    targets = (target, *_RUNS_INSIDE.get(target, ()))
    return {k.exception for k in KNOWN if k.file.split("/")[0] in targets}


def known_file(target: str, name: str) -> Known | None:
    return next((k for k in KNOWN if k.file == f"{target}/{name}"), None)
