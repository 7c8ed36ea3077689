"""The CLI as a user types it: a real subprocess, real Argon2id at the floor cost."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hushnote.core import Vault, VaultPaths
from support.terminal import run_in_terminal

FAST = ["--kdf-memory-mib", "64", "--kdf-iterations", "2"]


class Cli:
    def __init__(self, tmp_path: Path) -> None:
        self.tmp = tmp_path
        self.vault = tmp_path / "vault"

    def passphrase_file(self, text: str, name: str | None = None) -> str:
        path = self.tmp / (name or f"pw-{abs(hash(text))}")
        path.write_text(text + "\n")
        path.chmod(0o600)
        return str(path)

    def run(self, *args: str, vault: Path | None = None) -> subprocess.CompletedProcess[str]:
        argv = [sys.executable, "-m", "hushnote", "--vault", str(vault or self.vault), *args]
        result = subprocess.run(
            argv,
            capture_output=True,
            text=True,
            check=False,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        assert "Traceback" not in result.stderr
        return result

    def init(self, passphrase: str = "first pass") -> None:
        result = self.run("init", "--passphrase-file", self.passphrase_file(passphrase), *FAST)
        assert result.returncode == 0, result.stderr


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path)


def error_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("hushnote: error: ")
    return lines[0]


# -- the happy path -----------------------------------------------------------------


def test_init_info_passwd_rotate_check(cli: Cli) -> None:
    first, second = cli.passphrase_file("first pass"), cli.passphrase_file("second pass")
    created = cli.run("init", "--passphrase-file", first, *FAST)
    assert created.returncode == 0
    assert "Argon2id, 64 MiB, 2 passes" in created.stdout

    info = cli.run("info")
    assert info.returncode == 0
    assert "Key slots:" in info.stdout and "8" in info.stdout
    assert "Schema version" not in info.stdout  # no passphrase, no unlock

    unlocked = cli.run("info", "--passphrase-file", first)
    assert "Schema version:" in unlocked.stdout
    assert "Settings:" in unlocked.stdout

    changed = cli.run("passwd", "--passphrase-file", first, "--new-passphrase-file", second)
    assert changed.returncode == 0, changed.stderr
    assert cli.run("check", "--passphrase-file", first).returncode == 3
    assert cli.run("rotate-key", "--passphrase-file", second).returncode == 0
    checked = cli.run("check", "--passphrase-file", second)
    assert checked.returncode == 0
    assert checked.stdout.startswith("ok")


def test_version(cli: Cli) -> None:
    result = cli.run("version")
    assert result.returncode == 0
    assert result.stdout.startswith("hushnote ")
    assert "SQLCipher 4." in result.stdout


def test_every_command_has_help_and_the_exit_codes_are_listed(cli: Cli) -> None:
    main_help = cli.run("--help")
    assert "exit codes:" in main_help.stdout
    assert "AuthenticationError" in main_help.stdout
    for command in ("init", "info", "passwd", "rotate-key", "check", "version"):
        result = cli.run(command, "--help")
        assert result.returncode == 0, command
        assert "usage: hushnote" in result.stdout


# -- every error, with its own exit code ----------------------------------------------


def test_wrong_passphrase(cli: Cli) -> None:
    cli.init()
    result = cli.run("check", "--passphrase-file", cli.passphrase_file("nope"))
    assert result.returncode == 3
    assert "wrong passphrase" in error_line(result)
    assert "nope" not in result.stderr


def test_missing_vault(cli: Cli) -> None:
    result = cli.run("info")
    assert result.returncode == 4
    assert "hushnote init" in error_line(result)


def test_init_twice(cli: Cli) -> None:
    cli.init()
    result = cli.run("init", "--passphrase-file", cli.passphrase_file("x"), *FAST)
    assert result.returncode == 5


def test_init_into_a_folder_with_other_files(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "cv.odt").write_text("x")
    result = cli.run(
        "init", "--passphrase-file", cli.passphrase_file("x"), *FAST, vault=tmp_path / "docs"
    )
    assert result.returncode == 6
    assert "not-empty" in error_line(result)


def test_vault_busy(cli: Cli) -> None:
    cli.init("pw")
    with Vault.unlock(cli.vault, "pw"):
        result = cli.run("check", "--passphrase-file", cli.passphrase_file("pw"))
    assert result.returncode == 8
    assert "another Hushnote process" in error_line(result)


def test_damaged_database(cli: Cli) -> None:
    cli.init("pw")
    path = VaultPaths(cli.vault).database
    data = bytearray(path.read_bytes())
    data[200] ^= 0xFF
    path.write_bytes(bytes(data))
    result = cli.run("check", "--passphrase-file", cli.passphrase_file("pw"))
    assert result.returncode == 9
    assert "hushnote check" in error_line(result)


def test_garbage_header(cli: Cli) -> None:
    cli.init("pw")
    VaultPaths(cli.vault).header.write_bytes(b"garbage")
    result = cli.run("check", "--passphrase-file", cli.passphrase_file("pw"))
    assert result.returncode == 10
    assert "header" in error_line(result)


def test_newer_header_version(cli: Cli) -> None:
    cli.init("pw")
    path = VaultPaths(cli.vault).header
    data = bytearray(path.read_bytes())
    data[9] = 9
    path.write_bytes(bytes(data))
    result = cli.run("info")
    assert result.returncode == 11
    assert "newer Hushnote" in error_line(result)


def test_kdf_below_the_floor(cli: Cli) -> None:
    result = cli.run("init", "--passphrase-file", cli.passphrase_file("x"), "--kdf-memory-mib", "8")
    assert result.returncode == 12
    assert "minimum 64" in error_line(result)
    assert not cli.vault.exists()


def test_hostile_header_parameters(cli: Cli) -> None:
    cli.init("pw")
    path = VaultPaths(cli.vault).header
    data = bytearray(path.read_bytes())
    data[16:20] = (64 * 1024 * 1024).to_bytes(4, "big")  # 64 GiB of memory
    path.write_bytes(bytes(data))
    start = time.perf_counter()
    result = cli.run("check", "--passphrase-file", cli.passphrase_file("pw"))
    assert result.returncode == 12
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize("content", [b"", b"\n", b"\xff\xfe bad utf8\n"])
def test_unusable_passphrase_files(cli: Cli, content: bytes) -> None:
    path = cli.tmp / "bad-pw"
    path.write_bytes(content)
    path.chmod(0o600)
    result = cli.run("init", "--passphrase-file", str(path), *FAST)
    assert result.returncode == 13
    error_line(result)
    assert not cli.vault.exists()


def test_missing_passphrase_file(cli: Cli) -> None:
    result = cli.run("init", "--passphrase-file", str(cli.tmp / "absent"), *FAST)
    assert result.returncode == 13


def test_no_terminal_and_no_file(cli: Cli) -> None:
    result = cli.run("init", *FAST)
    assert result.returncode == 13
    assert "--passphrase-file" in error_line(result)


def test_passphrase_file_keeps_spaces_but_not_the_line_ending(cli: Cli) -> None:
    path = cli.tmp / "spaced"
    path.write_bytes(b" spaced pass \r\nsecond line ignored\n")
    assert cli.run("init", "--passphrase-file", str(path), *FAST).returncode == 0
    Vault.unlock(cli.vault, " spaced pass ").lock()


def test_a_byte_order_mark_is_not_part_of_the_passphrase(cli: Cli) -> None:
    """Notepad saves UTF-8 with a BOM: the passphrase failed as a wrong one, and each
    try counted toward wipe-after-N."""
    plain, marked = cli.tmp / "plain", cli.tmp / "marked"
    plain.write_bytes("mot de passe été\n".encode())
    marked.write_bytes(b"\xef\xbb\xbf" + "mot de passe été\r\n".encode())
    for path in (plain, marked):
        path.chmod(0o600)
    assert cli.run("init", "--passphrase-file", str(plain), *FAST).returncode == 0
    assert cli.run("note", "list", "--passphrase-file", str(marked)).returncode == 0


@pytest.mark.parametrize("command", [("import",), ("contact", "import")])
def test_importing_from_a_pipe_refuses_instead_of_hanging(
    cli: Cli, command: tuple[str, ...]
) -> None:
    cli.init()
    fifo = cli.tmp / ("pipe.csv" if command[0] == "contact" else "pipe.hnb")
    os.mkfifo(fifo)
    result = cli.run(*command, str(fifo), "--passphrase-file", cli.passphrase_file("first pass"))
    assert result.returncode in (21, 25), result.stderr
    assert "regular file" in error_line(result)


def test_a_world_readable_passphrase_file_gets_a_warning(cli: Cli) -> None:
    path = cli.tmp / "loose"
    path.write_text("pw\n")
    path.chmod(0o644)
    result = cli.run("init", "--passphrase-file", str(path), *FAST)
    assert result.returncode == 0
    assert "warning" in result.stderr


def test_usage_error(cli: Cli) -> None:
    assert cli.run("no-such-command").returncode == 2


def test_a_folder_where_the_header_should_be_gets_a_clear_error(cli: Cli) -> None:
    cli.vault.mkdir()
    (cli.vault / "vault.key").mkdir()
    result = cli.run("info")
    assert result.returncode == 30
    assert "not a regular file" in error_line(result)


def test_internal_errors_show_no_traceback_unless_asked(cli: Cli) -> None:
    # A bug, planted: the core raising something that is not a HushnoteError.
    bug = (
        "import sys, hushnote.core.vault.header_file as v\n"
        "def broken(root): raise KeyError('quoted data')\n"
        "v.read_info = broken\n"
        "from hushnote.cli.main import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    for debug, shown in (("", False), ("1", True)):
        result = subprocess.run(
            [sys.executable, "-c", bug, "--vault", str(cli.vault), "info"],
            capture_output=True, text=True, check=False,
            env={**os.environ, "HUSHNOTE_DEBUG": debug},
        )  # fmt: skip
        assert result.returncode == 1
        assert "internal error (KeyError)" in result.stderr
        assert ("Traceback" in result.stderr) is shown
        assert ("quoted data" in result.stderr) is shown


# -- a person at a terminal -------------------------------------------------------------


def test_interactive_init_asks_twice_without_echo(cli: Cli) -> None:
    secret = "typed-secret-words"
    argv = [sys.executable, "-m", "hushnote", "--vault", str(cli.vault), "init", *FAST]
    code, screen = run_in_terminal(argv, [secret, secret])
    assert code == 0, screen
    assert "New passphrase:" in screen and "Repeat the passphrase:" in screen
    assert secret not in screen
    Vault.unlock(cli.vault, secret).lock()


def test_interactive_mismatch_creates_nothing(cli: Cli) -> None:
    argv = [sys.executable, "-m", "hushnote", "--vault", str(cli.vault), "init", *FAST]
    code, screen = run_in_terminal(argv, ["one thing", "another"])
    assert code == 13
    assert "do not match" in screen
    assert not cli.vault.exists()


# -- where the vault lives ------------------------------------------------------------


def _run_without_vault_flag(
    *args: str, env_extra: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **env_extra}
    return subprocess.run(
        [sys.executable, "-m", "hushnote", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def test_hushnote_home_moves_the_vault(cli: Cli, tmp_path: Path) -> None:
    home = tmp_path / "elsewhere"
    pw = cli.passphrase_file("pw")
    result = _run_without_vault_flag(
        "init", "--passphrase-file", pw, *FAST, env_extra={"HUSHNOTE_HOME": str(home)}
    )
    assert result.returncode == 0, result.stderr
    assert VaultPaths(home).header.exists()


def test_default_vault_is_in_the_user_data_folder(cli: Cli, isolated_home: Path) -> None:
    pw = cli.passphrase_file("pw")
    result = _run_without_vault_flag("init", "--passphrase-file", pw, *FAST, env_extra={})
    assert result.returncode == 0, result.stderr
    expected = Path(os.environ["XDG_DATA_HOME"]) / "hushnote"
    assert VaultPaths(expected).header.exists()
    assert str(expected) in result.stdout
