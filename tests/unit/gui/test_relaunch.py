"""The fresh start after a lock: its command line, environment, and exec (no Qt needed)."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from hushnote.cli.main import build_parser
from hushnote.errors import AuthenticationError, VaultBusyError
from hushnote.gui.relaunch import (
    Relaunch,
    error_for_code,
    parse_geometry,
    relaunch_argv,
    relaunch_environment,
    threads_still_writing,
)

VAULT = Path("/home/ana/.local/share/hushnote")
GEOMETRY = bytes.fromhex("01d9d0cb000300000000000000000000044b000002bb")


def test_from_source_the_interpreter_runs_the_package() -> None:
    argv = relaunch_argv(
        Relaunch(VAULT, GEOMETRY, "active"), frozen=False, executable="/venv/bin/python"
    )
    assert argv == [
        "/venv/bin/python", "-m", "hushnote",
        "--vault", str(VAULT),
        "--window-geometry", GEOMETRY.hex(),
        "--window-state", "active",
    ]  # fmt: skip


def test_frozen_the_app_is_its_own_executable() -> None:
    argv = relaunch_argv(
        Relaunch(VAULT, state="minimized", unlock_error="authentication-failed"),
        frozen=True,
        executable="/opt/hushnote/hushnote",
    )
    assert argv == [
        "/opt/hushnote/hushnote",
        "--vault", str(VAULT),
        "--window-state", "minimized",
        "--unlock-error", "authentication-failed",
    ]  # fmt: skip


@pytest.mark.parametrize("frozen", [False, True])
def test_the_real_parser_reads_the_command_line_as_a_gui_start(frozen: bool) -> None:
    request = Relaunch(VAULT, GEOMETRY, "inactive", "vault-busy")
    argv = relaunch_argv(request, frozen=frozen, executable="/x/hushnote")
    args = build_parser().parse_args(argv[1 if frozen else 3 :])
    assert not hasattr(args, "func")  # no command: the desktop app starts
    assert args.vault == VAULT
    assert parse_geometry(args.window_geometry) == GEOMETRY
    assert args.window_state == "inactive"
    assert args.unlock_error == "vault-busy"


def test_the_hidden_options_stay_out_of_the_help() -> None:
    text = build_parser().format_help()
    for option in ("--window-geometry", "--window-state", "--unlock-error"):
        assert option not in text


def test_a_frozen_build_is_told_to_start_as_a_new_instance() -> None:
    environ = {"HUSHNOTE_HOME": "/srv/v", "LANG": "zh_CN.UTF-8", "DISPLAY": ":0"}
    assert relaunch_environment(environ, frozen=False) == environ
    # What the bootloader leaves behind: its folder first, the user's value kept aside.
    bundled = {"LD_LIBRARY_PATH": "/opt/hushnote/_internal", **environ}
    assert relaunch_environment(bundled, frozen=True) == {
        **environ,
        "PYINSTALLER_RESET_ENVIRONMENT": "1",
    }
    users = {
        **environ,
        "LD_LIBRARY_PATH": "/opt/hushnote/_internal:/home/ana/lib",
        "LD_LIBRARY_PATH_ORIG": "/home/ana/lib",
    }
    assert relaunch_environment(users, frozen=True) == {
        **environ,
        "LD_LIBRARY_PATH": "/home/ana/lib",
        "PYINSTALLER_RESET_ENVIRONMENT": "1",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (GEOMETRY.hex(), GEOMETRY),
        (None, b""),
        ("", b""),
        ("not hex", b""),
        ("ab" * 513, b""),  # longer than any geometry Qt writes
    ],
)
def test_a_malformed_geometry_means_the_default_place(text: str | None, expected: bytes) -> None:
    assert parse_geometry(text) == expected


def test_error_codes_come_back_as_their_errors() -> None:
    assert isinstance(error_for_code("authentication-failed"), AuthenticationError)
    assert isinstance(error_for_code("vault-busy"), VaultBusyError)
    for code in (None, "", "no-such-code", "Authentication-Failed", "a" * 100, "x'00'"):
        assert error_for_code(code) is None


def test_non_daemon_threads_hold_the_relaunch_back() -> None:
    release = threading.Event()
    writer = threading.Thread(target=release.wait, name="overwrite", daemon=False)
    helper = threading.Thread(target=release.wait, name="helper", daemon=True)
    writer.start()
    helper.start()
    try:
        assert writer in threads_still_writing()
        assert helper not in threads_still_writing()
    finally:
        release.set()
        writer.join()
        helper.join()
    assert writer not in threads_still_writing()


# Run in a fresh interpreter: they mark descriptors and exec, which the test run must not.
SWEEP = """
import os, sys
from hushnote.gui.relaunch import mark_descriptors_close_on_exec
read, write = os.pipe()
os.set_inheritable(read, True)
os.set_inheritable(write, True)
mark_descriptors_close_on_exec()
listing = "import os; print(sorted(int(fd) for fd in os.listdir('/proc/self/fd')))"
os.execv(sys.executable, [sys.executable, "-c", listing])
"""

FAILED_EXEC = """
import sys
from pathlib import Path
from hushnote.gui.relaunch import Relaunch, exec_relaunch
sys.executable = sys.argv[1]
exec_relaunch(Relaunch(Path("/srv/vault")))
print("still here")
"""


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_nothing_the_old_process_opened_crosses_the_exec() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SWEEP], capture_output=True, text=True, check=True
    )
    # 0-2 and the listing's own descriptor; the inheritable pipe (3 and 4 at most) is gone.
    descriptors = [int(fd) for fd in result.stdout.strip("[]\n").split(", ")]
    assert descriptors[:3] == [0, 1, 2]
    assert len(descriptors) == 4


def test_a_failed_exec_returns_and_says_why(tmp_path: Path) -> None:
    missing = tmp_path / "replaced-by-an-update" / "python"
    result = subprocess.run(
        [sys.executable, "-c", FAILED_EXEC, str(missing)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == "still here\n"
    assert result.stderr == (
        "hushnote: could not restart after locking (No such file or directory); "
        "this window stays locked\n"
    )


# The passphrase offered again after a wrong one: through an inherited pipe only.
HANDOVER_EXEC = """
import sys
from pathlib import Path
from hushnote.gui.relaunch import Relaunch, exec_relaunch
sys.frozen = True  # so that the "app" exec'd is the fake one named on the command line
sys.executable = sys.argv[1]
text = sys.stdin.readline().rstrip("\\n")  # never on this test's own command line
exec_relaunch(Relaunch(Path("/srv/vault"), retry_passphrase=text))
print("still here")
"""

FAKE_APP = """#!{python}
import json, os, sys
from hushnote.gui.relaunch import PASSPHRASE_FD_OPTION, read_handover
fd = int(sys.argv[sys.argv.index(PASSPHRASE_FD_OPTION) + 1])
with open("/proc/self/cmdline", "rb") as f:
    cmdline = f.read()
with open("/proc/self/environ", "rb") as f:
    environ = f.read()
inherited = sorted(int(n) for n in os.listdir("/proc/self/fd"))
text = read_handover(fd)
try:
    os.fstat(fd)
    closed = False
except OSError:
    closed = True
print(json.dumps({{"text": text, "argv": sys.argv[1:], "inherited": inherited,
    "closed": closed, "cmdline": cmdline.decode("utf-8", "replace"),
    "environ": environ.decode("utf-8", "replace"), "again": read_handover(fd)}}))
"""


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_the_retry_passphrase_crosses_the_exec_through_a_pipe_only(tmp_path: Path) -> None:
    import json
    import os

    text = "correct horse battery stapel 你好"
    app = tmp_path / "hushnote"
    app.write_text(FAKE_APP.format(python=sys.executable))
    app.chmod(0o700)
    desktop = str(Path(__file__).resolve().parents[3] / "desktop")
    env = {**os.environ, "PYTHONPATH": desktop}
    result = subprocess.run(
        [sys.executable, "-c", HANDOVER_EXEC, str(app)],
        input=text + "\n",
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    seen = json.loads(result.stdout)
    assert seen["text"] == text
    assert seen["closed"]  # read once, then closed
    assert seen["again"] is None
    # Only its number is on the command line; neither there nor in the environment is
    # the text, which /proc/PID/cmdline and environ would show to the same user.
    fd = int(seen["argv"][seen["argv"].index("--passphrase-fd") + 1])
    assert seen["inherited"][:3] == [0, 1, 2] and fd in seen["inherited"]
    assert len(seen["inherited"]) == 5  # 0-2, the pipe, and the listing's own descriptor
    for part in ("stapel", "你好"):
        assert part not in seen["cmdline"]
        assert part not in seen["environ"]
    assert "stapel" not in repr(Relaunch(VAULT, retry_passphrase=text))


def test_the_handover_reads_only_a_pipe(tmp_path: Path) -> None:
    import os

    from hushnote.gui.relaunch import MAX_HANDOVER_BYTES, handover_pipe, read_handover

    fd = handover_pipe("one typo")
    assert fd is not None and os.get_inheritable(fd)
    assert read_handover(fd) == "one typo"
    assert handover_pipe("x" * (MAX_HANDOVER_BYTES + 1)) is None
    assert handover_pipe("") is None
    file = tmp_path / "not-a-pipe"
    file.write_text("secret")
    assert read_handover(os.open(file, os.O_RDONLY)) is None
    assert read_handover(None) is None
    assert read_handover(1) is None  # stdout is never read, nor closed


def test_the_descriptor_number_goes_on_the_command_line() -> None:
    argv = relaunch_argv(
        Relaunch(VAULT, retry_passphrase="secret words"),
        frozen=True,
        executable="/opt/hushnote/hushnote",
        passphrase_fd=7,
    )
    assert argv[-2:] == ["--passphrase-fd", "7"]
    assert "secret words" not in " ".join(argv)
    args = build_parser().parse_args(argv[1:])
    assert args.passphrase_fd == 7
