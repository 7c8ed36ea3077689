"""``hushnote import-from`` as a user types it: preview, dry run, import, broken exports."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from hushnote.core import KdfParams, Vault


class Cli:
    def __init__(self, tmp_path: Path, params: KdfParams) -> None:
        self.tmp = tmp_path
        self.pw = tmp_path / "pw"
        self.pw.write_text("vault words\n")
        self.pw.chmod(0o600)
        self.vault = tmp_path / "vault"
        Vault.create(self.vault, "vault words", kdf=params).lock()
        self.export = tmp_path / "export"
        (self.export / "Work").mkdir(parents=True)
        (self.export / "root.md").write_text("---\ntags: [a]\nlat: 1\nlon: 2\n---\nhello")
        (self.export / "Work" / "plan.md").write_text("# Plan\nsteps #todo")

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        argv = [sys.executable, "-m", "hushnote", "--vault", str(self.vault), "import-from",
                *args, "--passphrase-file", str(self.pw)]  # fmt: skip
        result = subprocess.run(
            argv, capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL
        )
        assert "Traceback" not in result.stderr
        return result

    def notes(self) -> dict[str, str | None]:
        with Vault.unlock(self.vault, "vault words") as vault:
            return {n.title: n.notebook for n in vault.notes.summaries()}


@pytest.fixture
def cli(tmp_path: Path, fast_kdf_params: KdfParams) -> Cli:
    return Cli(tmp_path, fast_kdf_params)


def test_dry_run_writes_nothing(cli: Cli) -> None:
    result = cli.run("markdown", str(cli.export), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "Notes: 2 new, 0 updated, 0 unchanged" in result.stdout
    assert "Work" not in result.stdout and "plan" not in result.stdout  # no names by default
    assert "2 notebooks" in result.stdout and "--show-names" in result.stdout
    assert "Location data was dropped" in result.stdout
    assert "Dry run: nothing was changed." in result.stdout
    assert cli.notes() == {}
    with Vault.unlock(cli.vault, "vault words") as vault:
        assert vault.settings.items() == {}  # not even the import's id key
    assert (cli.export / "root.md").exists()


def test_without_a_terminal_an_import_needs_yes(cli: Cli) -> None:
    refused = cli.run("markdown", str(cli.export))
    assert refused.returncode == 22
    assert cli.notes() == {}
    done = cli.run("markdown", str(cli.export), "--yes")
    assert done.returncode == 0, done.stderr
    assert "Imported." in done.stdout
    assert cli.notes() == {"root": None, "Plan": "Work"}
    again = cli.run("markdown", str(cli.export), "--yes")
    assert "Nothing new to import." in again.stdout
    assert (cli.export / "root.md").exists()  # --yes alone never deletes


def test_an_export_folder_holding_the_vault_is_imported_but_never_deleted(cli: Cli) -> None:
    (cli.tmp / "top.md").write_text("a note kept beside the vault")
    vault_files = [p for p in cli.vault.rglob("*") if p.is_file()]
    result = cli.run("markdown", str(cli.tmp), "--yes", "--delete-source", "--show-names")
    assert result.returncode == 0, result.stderr
    assert f"Not deleted: {cli.tmp} (the vault's own folder" in result.stdout
    assert (cli.tmp / "top.md").exists() and cli.export.exists()
    assert all(p.exists() for p in vault_files)
    assert "top" in cli.notes()  # the vault still opens, with the import in it
    assert "The export was overwritten and deleted." not in result.stdout


def test_delete_source_scrubs_the_export_and_says_what_it_cannot_reach(cli: Cli) -> None:
    result = cli.run("markdown", str(cli.export), "--yes", "--delete-source")
    assert result.returncode == 0, result.stderr
    assert not cli.export.exists()
    assert "The export was overwritten and deleted." in result.stdout
    assert "SSD" in result.stdout and "backups" in result.stdout
    assert "other app" in result.stdout


def test_a_broken_export_exits_51_with_one_line(cli: Cli) -> None:
    broken = cli.tmp / "broken.zip"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("n.md", "x" * 1000)
    broken.write_bytes(broken.read_bytes()[:60])
    result = cli.run("markdown", str(broken), "--yes")
    assert result.returncode == 51
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "nothing was imported" in lines[0]
    assert cli.notes() == {}


def _on_terminal(argv: list[str], answers: list[str], timeout: float = 60) -> tuple[int, str]:
    """Run ``argv`` on a pseudo-terminal, typing each answer when a question ends "] "."""
    import os
    import pty
    import select
    import time

    pid, fd = pty.fork()
    if pid == 0:  # child
        os.execvp(argv[0], argv)
    output, pending = b"", list(answers)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
        if pending and output.rstrip(b" ").endswith(b"]"):
            os.write(fd, pending.pop(0).encode() + b"\n")
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), output.decode(errors="replace")


@pytest.mark.parametrize("delete", [False, True])
def test_on_a_terminal_it_asks_to_import_then_to_delete(cli: Cli, delete: bool) -> None:
    argv = [sys.executable, "-m", "hushnote", "--vault", str(cli.vault), "import-from",
            "markdown", str(cli.export), "--passphrase-file", str(cli.pw)]  # fmt: skip
    code, screen = _on_terminal(argv, ["y", "y" if delete else "n"])
    assert code == 0, screen
    assert "Import these notes? [y/N]" in screen and "Delete the export now? [y/N]" in screen
    assert "cannot reach" in screen
    assert cli.notes() == {"root": None, "Plan": "Work"}
    assert cli.export.exists() is not delete


def test_an_encrypted_standard_notes_backup_takes_its_passphrase_from_a_file(cli: Cli) -> None:
    from unit.core.importers.sn_builder import encrypted_backup, note

    backup = cli.tmp / "backup.txt"
    backup.write_bytes(encrypted_backup([note("n1", "秘密", "hidden text")], "correct horse"))
    without = cli.run("standardnotes", str(backup), "--yes")
    assert without.returncode == 51 and "passphrase" in without.stderr
    words = cli.tmp / "export-words"
    words.write_text("correct horse\n")
    words.chmod(0o600)
    done = cli.run("standardnotes", str(backup), "--yes", "--export-passphrase-file", str(words))
    assert done.returncode == 0, done.stderr
    assert cli.notes() == {"秘密": None}


def test_names_from_the_export_are_printed_only_with_show_names(cli: Cli) -> None:
    named = cli.run("markdown", str(cli.export), "--dry-run", "--show-names")
    assert named.returncode == 0, named.stderr
    assert "Work: 1 new" in named.stdout and "(default notebook): 1 new" in named.stdout
    broken = cli.tmp / "cases.zip"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("Witness Rosa/statement.md", b"\xff\xfe not UTF-8")
    quiet = cli.run("markdown", str(broken), "--yes")
    assert quiet.returncode == 51
    assert "Rosa" not in quiet.stderr + quiet.stdout and "statement" not in quiet.stderr
    assert "text that is not UTF-8" in quiet.stderr and "--show-names" in quiet.stderr
    assert len(quiet.stderr.strip().splitlines()) == 1
    loud = cli.run("markdown", str(broken), "--yes", "--show-names")
    assert loud.returncode == 51 and "Witness Rosa/statement.md" in loud.stderr
    assert cli.notes() == {}
