"""Run a program on a pseudo-terminal and answer its prompts, as a person would."""

from __future__ import annotations

import os
import pty
import select
import signal
import time


def run_in_terminal(argv: list[str], answers: list[str], timeout: float = 30) -> tuple[int, str]:
    """Run ``argv`` on a new pseudo-terminal, typing each answer when a prompt ends in ": "."""
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.execvp(argv[0], argv)
    output = b""
    pending = list(answers)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
            # A prompt ends in ": " exactly; a line ending after it must not count again.
            if pending and output.endswith(b": "):
                os.write(fd, pending.pop(0).encode() + b"\n")
    else:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), output.decode(errors="replace")
