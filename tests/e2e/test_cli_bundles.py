"""Bundles from the command line, and both ways with the reference age tool."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from hushnote.core import KdfParams, NewNote, Vault
from support.terminal import run_in_terminal

needs_age = pytest.mark.skipif(shutil.which("age") is None, reason="the age tool is missing")


class Cli:
    def __init__(self, tmp_path: Path, params: KdfParams) -> None:
        self.tmp = tmp_path
        self.pw = tmp_path / "pw"
        self.pw.write_text("vault words\n")
        self.pw.chmod(0o600)
        self.bundle_pw = tmp_path / "bundle-pw"
        self.bundle_pw.write_text("bundle words\n")
        self.bundle_pw.chmod(0o600)
        self.source, self.target = tmp_path / "source", tmp_path / "target"
        for root in (self.source, self.target):
            Vault.create(root, "vault words", kdf=params).lock()
        with Vault.unlock(self.source, "vault words") as vault:
            note = vault.notes.create(
                title="Hearing", body="Friday, room 3", notebook="Case 12", tags=["legal"]
            )
            other = vault.notes.create(title="Shopping", body="milk")
            self.note, self.other = note.uuid, other.uuid

    def run(self, vault: Path, *args: str) -> subprocess.CompletedProcess[str]:
        argv = [
            sys.executable,
            "-m",
            "hushnote",
            "--vault",
            str(vault),
            *args,
            "--passphrase-file",
            str(self.pw),
        ]
        result = subprocess.run(argv, capture_output=True, text=True, check=False)
        assert "Traceback" not in result.stderr
        return result

    def titles(self, vault: Path) -> set[str]:
        with Vault.unlock(vault, "vault words") as opened:
            return {n.title for n in opened.notes.summaries()}


@pytest.fixture
def cli(tmp_path: Path, fast_kdf_params: KdfParams) -> Cli:
    return Cli(tmp_path, fast_kdf_params)


def test_identity_export_import_between_two_vaults(cli: Cli) -> None:
    recipient = cli.run(cli.target, "identity").stdout.strip()
    assert recipient.startswith("age1")
    out = cli.tmp / "case.hnb"
    exported = cli.run(
        cli.source, "export", "--out", str(out), "--to", recipient, "--notebook", "Case 12"
    )
    assert exported.returncode == 0, exported.stderr
    assert "1 notes" in exported.stdout
    imported = cli.run(cli.target, "import", str(out))
    assert imported.returncode == 0, imported.stderr
    assert "notes: 1 added, 0 updated, 0 skipped" in imported.stdout
    assert cli.titles(cli.target) == {"Hearing"}
    again = cli.run(cli.target, "import", str(out))
    assert "notes: 0 added, 0 updated, 1 skipped" in again.stdout


def test_passphrase_bundle_and_chosen_notes(cli: Cli) -> None:
    out = cli.tmp / "one.hnb"
    result = cli.run(
        cli.source,
        "export",
        "--out",
        str(out),
        "--bundle-passphrase-file",
        str(cli.bundle_pw),
        "--note",
        cli.other[:8],
    )
    assert result.returncode == 0, result.stderr
    assert cli.run(cli.target, "import", str(out)).returncode == 24  # no passphrase given
    result = cli.run(cli.target, "import", str(out), "--bundle-passphrase-file", str(cli.bundle_pw))
    assert result.returncode == 0, result.stderr
    assert cli.titles(cli.target) == {"Shopping"}


def _bundle_records(cli: Cli, path: Path, member: str) -> list[dict[str, object]]:
    """A bundle's records, read with the core reader and the source vault's own key."""
    from hushnote.core.formats.bundle import open_bundle

    with Vault.unlock(cli.source, "vault words") as vault:
        identity = vault.age_identity()
    return list(open_bundle(path, identities=[identity]).records(member))


def test_a_notebook_goes_without_its_people_unless_the_flag_asks(cli: Cli) -> None:
    from hushnote.core import NewContact

    with Vault.unlock(cli.source, "vault words") as vault:
        sam = vault.contacts.create(NewContact("Sam Okafor", notes="legal observer"))
        vault.contacts.create(NewContact("Kate Lin"))  # linked to nothing
        vault.links.link(cli.note, sam.uuid)
    plain, people = cli.tmp / "plain.hnb", cli.tmp / "people.hnb"
    args = ("export", "--to", "self", "--notebook", "Case 12", "--out")
    result = cli.run(cli.source, *args, str(plain))
    assert result.returncode == 0, result.stderr
    assert "0 contacts" in result.stdout
    assert _bundle_records(cli, plain, "contacts.jsonl") == []
    assert _bundle_records(cli, plain, "links.jsonl") == [{"note": cli.note, "contact": sam.uuid}]
    result = cli.run(cli.source, *args, str(people), "--with-linked-contacts")
    assert result.returncode == 0, result.stderr
    assert "1 contacts" in result.stdout
    (record,) = _bundle_records(cli, people, "contacts.jsonl")
    assert record["display_name"] == "Sam Okafor"


def test_notes_in_the_trash_are_not_exported(cli: Cli) -> None:
    with Vault.unlock(cli.source, "vault words") as vault:
        vault.notes.trash(cli.other)
    out = cli.tmp / "b.hnb"
    args = ("export", "--to", "self", "--out", str(out), "--note")
    refused = cli.run(cli.source, *args, cli.other[:8])
    assert refused.returncode == 20
    assert "in the trash" in refused.stderr and "Nothing was written" in refused.stderr
    assert not out.exists()
    result = cli.run(cli.source, *args, cli.other[:8], "--note", cli.note[:8])
    assert result.returncode == 0, result.stderr
    assert [r["title"] for r in _bundle_records(cli, out, "notes.jsonl")] == ["Hearing"]


def test_a_damaged_bundle_is_refused_with_its_own_code(cli: Cli) -> None:
    out = cli.tmp / "b.hnb"
    cli.run(cli.source, "export", "--out", str(out), "--to", "self")
    data = bytearray(out.read_bytes())
    data[-20] ^= 1
    out.write_bytes(bytes(data))
    result = cli.run(cli.source, "import", str(out))
    assert result.returncode == 24
    assert "changed or cut short" in result.stderr


def test_a_bad_recipient(cli: Cli) -> None:
    result = cli.run(cli.source, "export", "--out", str(cli.tmp / "x.hnb"), "--to", "bob")
    assert result.returncode == 20


def test_a_bad_recipient_aimed_at_the_vault_key_loses_nothing(cli: Cli) -> None:
    """A typo in --to with --out pointing at the vault's key file destroyed the key."""
    header = cli.source / "vault.key"
    result = cli.run(cli.source, "export", "--to", "age1typo", "--out", str(header))
    assert result.returncode == 20 and "cannot be used" in result.stderr
    assert header.read_bytes().startswith(b"HUSHNOTE")  # (each unlock rewrites it)
    assert cli.titles(cli.source) == {"Hearing", "Shopping"}  # the vault still opens


@pytest.mark.parametrize("name", ["vault.key", "backup.hnb"])
def test_an_export_into_the_vault_folder_is_refused(cli: Cli, name: str) -> None:
    result = cli.run(cli.source, "export", "--to", "self", "--out", str(cli.source / name))
    assert result.returncode == 34, result.stderr
    assert "inside the vault folder" in result.stderr
    assert not (cli.source / "backup.hnb").exists()
    assert (cli.source / "vault.key").read_bytes().startswith(b"HUSHNOTE")
    assert cli.titles(cli.source) == {"Hearing", "Shopping"}


@pytest.mark.parametrize("how", ["key", "passphrase"])
def test_a_folder_as_the_target_is_refused_and_nothing_is_left(cli: Cli, how: str) -> None:
    folder = cli.tmp / "out" / "d.hnb"
    folder.mkdir(parents=True)
    to = ["--to", "self"] if how == "key" else ["--bundle-passphrase-file", str(cli.bundle_pw)]
    result = cli.run(cli.source, "export", "--out", str(folder), *to)
    assert result.returncode == 34, result.stderr
    assert "is a folder" in result.stderr
    assert os.listdir(cli.tmp / "out") == ["d.hnb"] and os.listdir(folder) == []


def test_a_full_disk_is_reported_and_keeps_the_file_there(cli: Cli) -> None:
    from support.mounts import fill, tmpfs

    with tmpfs(cli.tmp / "disk", 256) as disk:
        out = disk / "b.hnb"
        out.write_bytes(b"the previous bundle")
        with Vault.unlock(cli.source, "vault words") as vault:
            vault.notes.create_many(NewNote(title=str(n), body="x" * 400) for n in range(2000))
        fill(disk)
        result = cli.run(cli.source, "export", "--to", "self", "--out", str(out))
        assert result.returncode == 15, result.stderr
        assert "no space left" in result.stderr and "internal error" not in result.stderr
        assert out.read_bytes() == b"the previous bundle"
        assert sorted(os.listdir(disk)) == ["b.hnb", "filler"]


@needs_age
def test_the_age_tool_opens_a_bundle_sent_to_its_key(cli: Cli) -> None:
    key = cli.tmp / "colleague.txt"
    subprocess.run(["age-keygen", "-o", str(key)], check=True, capture_output=True)
    recipient = next(
        line.split()[-1] for line in key.read_text().splitlines() if "public key" in line
    )
    out = cli.tmp / "handover.hnb"
    assert cli.run(cli.source, "export", "--out", str(out), "--to", recipient).returncode == 0
    archive = cli.tmp / "handover.zip"
    subprocess.run(["age", "-d", "-i", str(key), "-o", str(archive), str(out)], check=True)
    with zipfile.ZipFile(archive) as zipped:
        manifest = json.loads(zipped.read("manifest.json"))
        assert manifest["format"] == "hushnote-bundle"
        assert manifest["counts"]["notes"] == 2
        titles = {json.loads(line)["title"] for line in zipped.read("notes.jsonl").splitlines()}
    assert titles == {"Hearing", "Shopping"}


@needs_age
def test_a_bundle_made_by_the_age_tool_imports(cli: Cli) -> None:
    # Make the archive the way a colleague without Hushnote could: from the format alone.
    out = cli.tmp / "by-hushnote.hnb"
    cli.run(cli.source, "export", "--out", str(out), "--to", "self")
    with Vault.unlock(cli.source, "vault words") as vault:
        from hushnote.core.formats.bundle import open_bundle

        archive = open_bundle(out, identities=[vault.age_identity()]).archive
        plain = cli.tmp / "plain.zip"
        with zipfile.ZipFile(plain, "w") as copy:
            for name in archive.namelist():
                copy.writestr(name, archive.read(name))
    recipient = cli.run(cli.target, "identity").stdout.strip()
    by_age = cli.tmp / "by-age.hnb"
    subprocess.run(["age", "-r", recipient, "-o", str(by_age), str(plain)], check=True)
    result = cli.run(cli.target, "import", str(by_age))
    assert result.returncode == 0, result.stderr
    assert cli.titles(cli.target) == {"Hearing", "Shopping"}


@needs_age
def test_the_age_tool_opens_a_passphrase_bundle(cli: Cli) -> None:
    out = cli.tmp / "p.hnb"
    cli.run(cli.source, "export", "--out", str(out), "--bundle-passphrase-file", str(cli.bundle_pw))
    archive = cli.tmp / "p.zip"
    code, screen = run_in_terminal(["age", "-d", "-o", str(archive), str(out)], ["bundle words"])
    assert code == 0, screen
    assert zipfile.ZipFile(archive).read("manifest.json").startswith(b"{")


@needs_age
def test_the_age_tool_opens_a_large_passphrase_bundle_with_its_key_file(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hushnote.core.formats import bundle_export as bundle

    monkeypatch.setattr(bundle, "IN_MEMORY_LIMIT", 100)  # anything is "large" now
    out = cli.tmp / "big.hnb"
    with Vault.unlock(cli.source, "vault words") as vault:
        report = vault.export_bundle(out, passphrase="bundle words")
    assert report.files == [out, cli.tmp / "big.hnb.key"]
    archive = cli.tmp / "big.zip"
    code, screen = run_in_terminal(
        ["age", "-d", "-i", str(cli.tmp / "big.hnb.key"), "-o", str(archive), str(out)],
        ["bundle words"],
    )
    assert code == 0, screen
    assert len(zipfile.ZipFile(archive).namelist()) == 5
    result = cli.run(cli.target, "import", str(out), "--bundle-passphrase-file", str(cli.bundle_pw))
    assert result.returncode == 0, result.stderr


def test_a_dry_run_prints_what_the_import_then_does_and_changes_nothing(cli: Cli) -> None:
    out = cli.tmp / "b.hnb"
    recipient = cli.run(cli.target, "identity").stdout.strip()
    cli.run(cli.source, "export", "--out", str(out), "--to", recipient)
    preview = cli.run(cli.target, "import", str(out), "--dry-run")
    assert preview.returncode == 0, preview.stderr
    assert "notes: 2 added, 0 updated, 0 skipped" in preview.stdout
    assert "new tags: 1, new notebooks: 1" in preview.stdout
    assert "nothing was changed" in preview.stdout
    assert "Hearing" not in preview.stdout  # counts only, never a title
    assert cli.titles(cli.target) == set()
    imported = cli.run(cli.target, "import", str(out))
    counts = [line for line in preview.stdout.splitlines() if ": " in line and "added" in line]
    assert counts == imported.stdout.splitlines()


def test_a_dry_run_of_a_damaged_bundle_fails_with_the_usual_code(cli: Cli) -> None:
    out = cli.tmp / "b.hnb"
    cli.run(cli.source, "export", "--out", str(out), "--to", "self")
    data = bytearray(out.read_bytes())
    data[-20] ^= 1
    out.write_bytes(bytes(data))
    result = cli.run(cli.source, "import", str(out), "--dry-run")
    assert result.returncode == 24
    assert "changed or cut short" in result.stderr


def test_attached_files_are_counted_by_export_dry_run_and_import(cli: Cli) -> None:
    with Vault.unlock(cli.source, "vault words") as vault:
        vault.attachments.add(cli.note, io.BytesIO(b"statement\n"), name="statement.txt")
    out = cli.tmp / "files.hnb"
    exported = cli.run(cli.source, "export", "--out", str(out), "--to", "self")
    assert exported.returncode == 0, exported.stderr
    assert "1 attachments" in exported.stdout
    assert "larger than Hushnote can import" not in exported.stdout
    with Vault.unlock(cli.source, "vault words") as vault:
        out_target = cli.tmp / "to-target.hnb"
        recipient = cli.run(cli.target, "identity").stdout.strip()
        vault.export_bundle(out_target, recipients=[recipient])
    preview = cli.run(cli.target, "import", str(out_target), "--dry-run")
    assert "attachments: 1 added, 0 updated, 0 skipped" in preview.stdout
    assert "statement" not in preview.stdout  # counts only, never a name
    imported = cli.run(cli.target, "import", str(out_target))
    assert "attachments: 1 added, 0 updated, 0 skipped" in imported.stdout
    again = cli.run(cli.target, "import", str(out_target))
    assert "attachments: 0 added, 0 updated, 1 skipped" in again.stdout
