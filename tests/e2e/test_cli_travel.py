"""Travel mode from the command line, as a user types it, with hostile inputs."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from hushnote.core import KdfParams, Vault
from support.mounts import fill, read_only, tmpfs
from support.terminal import run_in_terminal

pytestmark = pytest.mark.usefixtures("fast_scrypt")  # passphrase bundles: conftest.py

needs_age = pytest.mark.skipif(shutil.which("age") is None, reason="the age tool is missing")
WORDS = "vault words"


class Cli:
    def __init__(self, tmp_path: Path, params: KdfParams) -> None:
        self.tmp = tmp_path
        self.pw = tmp_path / "pw"
        self.pw.write_text(WORDS + "\n")
        self.pw.chmod(0o600)
        self.vault = tmp_path / "vault"
        with Vault.create(self.vault, WORDS, kdf=params) as vault:
            self.away = vault.notes.create(
                title="Qzyx hearing", body="Friday, room 3", notebook="Cases"
            ).uuid
            vault.notes.create(title="Shopping", body="milk", notebook="Daily")
            vault.lists.create("Medics")

    def run(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        argv = [sys.executable, "-m", "hushnote", "--vault", str(self.vault), *args,
                "--passphrase-file", str(self.pw)]  # fmt: skip
        result = subprocess.run(argv, capture_output=True, text=True, check=False,
                                input=stdin)  # fmt: skip
        assert "Traceback" not in result.stderr
        return result

    def titles(self) -> set[str]:
        with Vault.unlock(self.vault, WORDS) as opened:
            return {n.title for n in opened.notes.summaries()}

    def start(self, out: Path) -> tuple[subprocess.CompletedProcess[str], str]:
        result = self.run("travel", "start", "--travel-key", "--print-words",
                          "--out", str(out), "--yes")  # fmt: skip
        lines = result.stdout.splitlines()
        words = ""
        if "Travel key" in result.stdout:
            words = lines[lines.index(next(x for x in lines if x.startswith("Travel key"))) + 1]
        return result, words.strip()


@pytest.fixture
def cli(tmp_path: Path, fast_kdf_params: KdfParams) -> Cli:
    made = Cli(tmp_path, fast_kdf_params)
    assert made.run("travel", "mark", "--notebook", "Cases").returncode == 0
    assert made.run("travel", "mark", "--list", "Medics").returncode == 0
    return made


def test_mark_plan_start_end(cli: Cli) -> None:
    plan = cli.run("travel", "plan")
    assert plan.returncode == 0, plan.stderr
    assert "Cases" in plan.stdout and "Medics" in plan.stdout and "Daily" not in plan.stdout
    out = cli.tmp / "trip.hnb"
    result, words = cli.start(out)
    assert result.returncode == 0, result.stderr
    assert len(words.split()) == 10
    assert "\u2588" not in result.stdout  # no QR code into a pipe
    assert cli.titles() == {"Shopping"}
    assert "Nothing is marked" in cli.run("travel", "plan").stdout
    key = cli.tmp / "key"
    key.write_text(words + "\n")
    key.chmod(0o600)
    ended = cli.run("travel", "end", str(out), "--key-file", str(key))
    assert ended.returncode == 0, ended.stderr
    assert "notes: 1 added" in ended.stdout
    assert cli.titles() == {"Shopping", "Qzyx hearing"}


def test_unmark_and_unknown_names(cli: Cli) -> None:
    assert cli.run("travel", "unmark", "--list", "Medics").returncode == 0
    missing = cli.run("travel", "mark", "--notebook", "Nowhere")
    assert missing.returncode == 18 and "no notebook" in missing.stderr


@needs_age
def test_age_opens_the_bundle_with_the_words(cli: Cli) -> None:
    out = cli.tmp / "trip.hnb"
    _, words = cli.start(out)
    plain = cli.tmp / "plain.zip"
    # age reads a passphrase from a terminal only.
    code, screen = run_in_terminal(["age", "-d", "-o", str(plain), str(out)], [words])
    assert code == 0, screen
    with zipfile.ZipFile(plain) as archive:
        assert "travel.jsonl" in archive.namelist()
        assert b"Qzyx hearing" in archive.read("notes.jsonl")


def test_the_wrong_key_and_damaged_bundles_change_nothing(cli: Cli) -> None:
    out = cli.tmp / "trip.hnb"
    _, words = cli.start(out)
    wrong = cli.tmp / "wrong"
    wrong.write_text("these are not the words at all but ten of them anyway ok\n")
    result = cli.run("travel", "end", str(out), "--key-file", str(wrong))
    assert result.returncode == 24 and "cannot open this bundle" in result.stderr
    key = cli.tmp / "key"
    key.write_text(words + "\n")
    data = out.read_bytes()
    cut = cli.tmp / "cut.hnb"
    cut.write_bytes(data[: len(data) // 2])
    assert cli.run("travel", "end", str(cut), "--key-file", str(key)).returncode == 24
    tampered = cli.tmp / "tampered.hnb"
    tampered.write_bytes(data[:-40] + bytes(b ^ 1 for b in data[-40:]))
    assert cli.run("travel", "end", str(tampered), "--key-file", str(key)).returncode == 24
    assert cli.titles() == {"Shopping"}
    assert cli.run("travel", "end", str(out), "--key-file", str(key)).returncode == 0


def test_an_ordinary_bundle_is_refused(cli: Cli) -> None:
    plain = cli.tmp / "plain.hnb"
    secret = cli.tmp / "bundle-pw"
    secret.write_text("bundle words\n")
    secret.chmod(0o600)
    cli.run("export", "--out", str(plain), "--bundle-passphrase-file", str(secret))
    result = cli.run("travel", "end", str(plain), "--key-file", str(secret))
    assert result.returncode == 50 and "not a travel bundle" in result.stderr


def test_hostile_targets_and_recipients_leave_the_vault_whole(cli: Cli) -> None:
    inside = cli.run("travel", "start", "--travel-key", "--print-words", "--yes",
                     "--out", str(cli.vault / "trip.hnb"))  # fmt: skip
    assert inside.returncode == 34 and "inside the vault folder" in inside.stderr
    existing = cli.tmp / "old.hnb"
    existing.write_text("an earlier trip")
    again = cli.run("travel", "start", "--travel-key", "--print-words", "--yes",
                    "--out", str(existing))  # fmt: skip
    assert again.returncode == 34 and "already exists" in again.stderr
    assert existing.read_text() == "an earlier trip"
    for recipient in ("age1notakey", "AGE-SECRET-KEY-1QQQQ"):
        bad = cli.run("travel", "start", "--to", recipient, "--yes",
                      "--out", str(cli.tmp / "t.hnb"))  # fmt: skip
        assert bad.returncode == 20, bad.stderr
    nobody = cli.run("travel", "start", "--to", "Nobody", "--yes", "--out", str(cli.tmp / "t.hnb"))
    assert nobody.returncode == 18
    assert "Travel key" not in inside.stdout + again.stdout
    assert not list(cli.tmp.glob("t.hnb*"))
    assert cli.titles() == {"Shopping", "Qzyx hearing"}


def test_without_a_terminal_only_yes_starts(cli: Cli) -> None:
    result = cli.run("travel", "start", "--travel-key", "--print-words",
                     "--out", str(cli.tmp / "t.hnb"))  # fmt: skip
    assert result.returncode == 22
    assert not (cli.tmp / "t.hnb").exists()
    assert cli.titles() == {"Shopping", "Qzyx hearing"}


def test_the_words_never_go_to_a_file_or_a_pipe_unless_asked(cli: Cli) -> None:
    """Redirected, the travel key would sit in a file beside the laptop it must stay
    away from: without --print-words nothing is written and nothing leaves the vault."""
    result = cli.run("travel", "start", "--travel-key", "--yes", "--out", str(cli.tmp / "t.hnb"))
    assert result.returncode == 22
    assert "not a terminal" in result.stderr and "--print-words" in result.stderr
    assert result.stdout == ""
    assert not list(cli.tmp.glob("t.hnb*"))
    assert cli.titles() == {"Shopping", "Qzyx hearing"}


def test_a_full_or_read_only_disk_keeps_everything(cli: Cli) -> None:
    with tmpfs(cli.tmp / "disk", 256) as disk:
        fill(disk)
        full = cli.run("travel", "start", "--travel-key", "--print-words", "--yes",
                       "--out", str(disk / "t.hnb"))  # fmt: skip
        assert full.returncode == 15, full.stderr
        assert "Travel key" not in full.stdout
        assert not list(disk.glob("t.hnb*"))
    with tmpfs(cli.tmp / "stick", 256) as stick:
        read_only(stick)
        ro = cli.run("travel", "start", "--travel-key", "--print-words", "--yes",
                     "--out", str(stick / "t.hnb"))  # fmt: skip
        assert ro.returncode == 14, ro.stderr
    assert cli.titles() == {"Shopping", "Qzyx hearing"}


def test_on_a_terminal_the_qr_code_shows_and_the_words_are_asked_for(cli: Cli) -> None:
    out = cli.tmp / "trip.hnb"
    base = [sys.executable, "-m", "hushnote", "--vault", str(cli.vault)]
    code, screen = run_in_terminal(
        [*base, "travel", "start", "--travel-key", "--yes", "--out", str(out)], [WORDS], 60
    )
    assert code == 0, screen
    assert "\u2588" in screen  # the QR code, on the terminal
    lines = screen.splitlines()
    words = lines[next(i for i, x in enumerate(lines) if x.startswith("Travel key")) + 1].strip()
    assert len(words.split()) == 10
    code, screen = run_in_terminal([*base, "travel", "end", str(out)], [WORDS, words], 60)
    assert code == 0, screen
    assert words not in screen.split("Travel key words: ")[-1]  # typed without echo
    assert cli.titles() == {"Shopping", "Qzyx hearing"}


def test_a_large_bundle_without_its_key_file_is_named_not_called_wrong(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hushnote.core import travel_key_words
    from hushnote.core.formats import bundle_export

    monkeypatch.setattr(bundle_export, "IN_MEMORY_LIMIT", 200)  # a key file beside it
    with Vault.unlock(cli.vault, WORDS) as vault:
        vault.travel.mark_notebook("Cases")
        receipt = vault.travel.start(cli.tmp / "trip.hnb", passphrase=travel_key_words())
    receipt.files[1].unlink()
    result = cli.run("travel", "end", str(cli.tmp / "trip.hnb"))
    assert result.returncode == 24, result.stderr  # BundleDecryptionError
    assert "trip.hnb.key" in result.stderr and "beside it" in result.stderr
    assert cli.titles() == {"Shopping"}
