"""Process hardening, checked in a fresh interpreter so the test run itself is unaffected."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import os, resource
from hushnote.core.process import harden_process, is_dumpable
assert is_dumpable()
harden_process()
print(resource.getrlimit(resource.RLIMIT_CORE), is_dumpable(), oct(os.umask(0)))
"""


def test_hardening_disables_core_dumps_and_sets_a_private_umask() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["(0,", "0)", "False", "0o77"]


def test_the_cli_hardens_itself_before_doing_anything() -> None:
    probe = (
        "import sys, resource; from hushnote.cli import main as m; "
        "from hushnote.core.process import is_dumpable; "
        "m.main(['version']); print(resource.getrlimit(resource.RLIMIT_CORE), is_dumpable())"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines()[-1] == "(0, 0) False"
