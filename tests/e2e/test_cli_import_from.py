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
    assert "Work: 1 new" in result.stdout
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
