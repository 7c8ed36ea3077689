"""Notes, contacts, lists and search through the CLI, as a user types them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hushnote.core import KdfParams, Vault

DATA = Path(__file__).parents[1] / "data" / "contacts"


class Session:
    def __init__(self, tmp_path: Path, params: KdfParams) -> None:
        self.vault = tmp_path / "vault"
        self.pw = tmp_path / "pw"
        self.pw.write_text("cli pass\n")
        self.pw.chmod(0o600)
        Vault.create(self.vault, "cli pass", kdf=params).lock()

    def run(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        # The passphrase option belongs to the last subcommand; put it right after it.
        argv = [
            sys.executable,
            "-m",
            "hushnote",
            "--vault",
            str(self.vault),
            *args,
            "--passphrase-file",
            str(self.pw),
        ]
        result = subprocess.run(argv, input=stdin, capture_output=True, text=True, check=False)
        assert "Traceback" not in result.stderr
        return result

    def ok(self, *args: str, stdin: str = "") -> str:
        result = self.run(*args, stdin=stdin)
        assert result.returncode == 0, result.stderr
        return result.stdout


@pytest.fixture
def cli(tmp_path: Path, fast_kdf_params: KdfParams) -> Session:
    return Session(tmp_path, fast_kdf_params)


def test_add_search_edit_trash_purge(cli: Session) -> None:
    uuid = cli.ok(
        "note",
        "add",
        "--title",
        "Eviction hearing",
        "--notebook",
        "Case 12",
        "--tag",
        "legal",
        stdin="Met María about the eviction.\n律师明天来。\n",
    ).strip()
    assert len(uuid) == 36
    listing = cli.ok("note", "list")
    assert uuid[:8] in listing and "Eviction hearing" in listing and "Case 12" in listing
    shown = cli.ok("note", "show", uuid[:8])
    assert "Title:    Eviction hearing" in shown and "律师明天来。" in shown

    found = cli.ok("search", "律师")
    assert uuid[:8] in found and "[律师]" in found
    assert "[María]" in cli.ok("search", "maria")

    cli.ok("note", "edit", uuid[:8], "--title", "Hearing moved", stdin="New date: Friday.\n")
    assert "New date: Friday." in cli.ok("note", "show", uuid)
    assert "No matches." in cli.ok("search", "eviction")

    cli.ok("note", "rm", uuid[:8])
    assert cli.ok("note", "list") == ""
    assert uuid[:8] in cli.ok("note", "list", "--trash")
    assert "No matches." in cli.ok("search", "friday")
    cli.ok("note", "restore", uuid[:8])
    assert uuid[:8] in cli.ok("search", "friday")

    cli.ok("note", "purge", uuid[:8], "--yes")
    missing = cli.run("note", "show", uuid[:8])
    assert missing.returncode == 18
    assert missing.stderr.startswith("hushnote: error: no note matches")


def test_purge_without_a_terminal_needs_yes(cli: Session) -> None:
    uuid = cli.ok("note", "add", "--title", "t", stdin="b").strip()
    refused = cli.run("note", "purge", uuid)
    assert refused.returncode == 22
    assert uuid[:8] in cli.ok("note", "list")


def test_editing_to_an_empty_body_needs_a_flag(cli: Session) -> None:
    uuid = cli.ok("note", "add", "--title", "t", stdin="keep me").strip()
    assert cli.run("note", "edit", uuid, stdin="").returncode == 20
    assert "keep me" in cli.ok("note", "show", uuid)
    cli.ok("note", "edit", uuid, "--allow-empty", stdin="")


def test_journal_today_is_created_once(cli: Session) -> None:
    first = cli.ok("journal", "today")
    second = cli.ok("journal", "today")
    assert first == second
    assert "Journal:" in first
    assert "1 entry" in cli.ok("journal", "month")


def test_contacts_lists_and_numbers(cli: Session) -> None:
    rosa = cli.ok(
        "contact",
        "add",
        "--name",
        "Rosa Delgado",
        "--phone",
        "cell=+1 555-0100",
        "--signal",
        "@rosa.01",
        "--org",
        "Street Medics",
        "--tag",
        "medic",
    ).strip()
    ben = cli.ok("contact", "add", "--name", "Ben", "--phone", "+1 555-0200").strip()
    shown = cli.ok("contact", "show", rosa[:8])
    assert "Phone (cell): +1 555-0100" in shown and "Signal:" in shown
    cli.ok("list", "create", "Medics")
    cli.ok("list", "add", "Medics", rosa[:8])
    cli.ok("list", "add", "medics", ben[:8])
    assert cli.ok("list", "numbers", "Medics").splitlines() == ["+1 555-0200", "+1 555-0100"]
    assert "Rosa Delgado" in cli.ok("list", "show", "Medics")
    assert "Medics" in cli.ok("list", "show")
    assert "Lists: Medics" in cli.ok("contact", "show", rosa[:8])
    assert rosa[:8] in cli.ok("search", "0100")
    # Finding a contact as the picker does: the start of each word, any field.
    found = cli.ok("contact", "find", "ros", "medic")
    assert rosa[:8] in found and ben[:8] not in found
    assert "No matches." in cli.ok("contact", "find", "zzz")
    note = cli.ok("note", "add", "--title", "Shift plan", stdin="x").strip()
    cli.ok("note", "link", note[:8], rosa[:8])
    assert "Shift plan" in cli.ok("contact", "show", rosa[:8])
    assert "Rosa Delgado" in cli.ok("note", "show", note[:8])
    cli.ok("contact", "rm", rosa[:8], "--yes")
    assert "Rosa" not in cli.ok("list", "show", "Medics")
    assert "Shift plan" in cli.ok("note", "show", note[:8])


def test_import_and_export(cli: Session, tmp_path: Path) -> None:
    imported = cli.ok("contact", "import", str(DATA / "apple-3.0.vcf"))
    assert "Imported 2 contacts." in imported
    again = cli.ok("contact", "import", str(DATA / "apple-3.0.vcf"))
    assert "Imported 0 contacts." in again and "Skipped 2" in again
    cli.ok("contact", "import", str(DATA / "google.csv"))
    out = tmp_path / "export.vcf"
    refused = cli.run("contact", "export", "--format", "vcf", "--out", str(out))
    assert refused.returncode == 22
    assert "UNENCRYPTED" in refused.stderr
    assert not out.exists()
    cli.ok("contact", "export", "--format", "vcf", "--out", str(out), "--yes")
    assert out.stat().st_mode & 0o777 == 0o600
    assert out.read_bytes().count(b"BEGIN:VCARD") == 5
    csv_out = tmp_path / "export.csv"
    cli.ok("contact", "export", "--format", "csv", "--out", str(csv_out), "--yes")
    assert "Rosa María Delgado" in csv_out.read_text(encoding="utf-8-sig")


def test_a_malformed_import_names_the_line_and_imports_nothing(cli: Session) -> None:
    result = cli.run("contact", "import", str(DATA / "broken" / "no-colon.vcf"))
    assert result.returncode == 21
    assert "line 4" in result.stderr and "nothing was imported" in result.stderr
    assert cli.ok("contact", "list") == ""


def test_ambiguous_and_invalid_references(cli: Session) -> None:
    with Vault.unlock(cli.vault, "cli pass") as vault:
        vault.notes.create(title="a", uuid="abcd1111-0000-4000-8000-000000000001")
        vault.notes.create(title="b", uuid="abcd2222-0000-4000-8000-000000000002")
    ambiguous = cli.run("note", "show", "abcd")
    assert ambiguous.returncode == 19
    assert "type more of the id" in ambiguous.stderr
    assert cli.run("contact", "add", "--name", "  ").returncode == 20
    assert cli.run("list", "show", "Nope").returncode == 18


def test_search_finds_a_note_by_its_attachment(cli: Session) -> None:
    import io

    uuid = cli.ok("note", "add", "--title", "Housing", stdin="nothing here\n").strip()
    with Vault.unlock(cli.vault, "cli pass") as vault:
        vault.attachments.add(uuid, io.BytesIO("房东 Abernathy".encode()), name="lease.txt")
    found = cli.ok("search", "房东")
    assert uuid[:8] in found and "Housing" in found
    assert "in lease.txt: [房东] Abernathy" in found
    assert "in lease.txt: [lease].txt" in cli.ok("search", "lease")
