"""A contact's age key through the CLI: set, show, refuse junk, and export to the contact."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519

from hushnote.core import KdfParams, Vault, key_fingerprint


class Session:
    def __init__(self, tmp_path: Path, params: KdfParams) -> None:
        self.vault, self.pw = tmp_path / "vault", tmp_path / "pw"
        self.pw.write_text("cli pass\n")
        self.pw.chmod(0o600)
        Vault.create(self.vault, "cli pass", kdf=params).lock()

    def run(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        argv = [sys.executable, "-m", "hushnote", "--vault", str(self.vault), *args,
                "--passphrase-file", str(self.pw)]  # fmt: skip
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


def test_a_contact_key_is_set_shown_exported_to_and_removed(cli: Session, tmp_path: Path) -> None:
    colleague = x25519.Identity.generate()
    key = str(colleague.to_public())
    chen = cli.ok("contact", "add", "--name", "Chen Wei", "--age-key", key).strip()
    shown = cli.ok("contact", "show", chen[:8])
    assert "Age key:" in shown and key in shown and key_fingerprint(key) in shown
    assert cli.ok("contact", "key", chen[:8]).splitlines() == [
        key,
        f"Fingerprint: {key_fingerprint(key)}",
    ]
    cli.ok("note", "add", "--title", "Hearing", stdin="body")
    out = tmp_path / "b.hnb"
    cli.ok("export", "--out", str(out), "--to-contact", chen[:8])
    assert b"Hearing" in pyrage.decrypt(out.read_bytes(), [colleague])
    assert "has no age key" in cli.ok("contact", "key", chen[:8], "--remove")
    refused = cli.run("export", "--out", str(out), "--to-contact", chen[:8])
    assert refused.returncode != 0 and "that contact has none" in refused.stderr


def test_a_bad_or_secret_key_is_refused_with_a_clear_message(cli: Session) -> None:
    chen = cli.ok("contact", "add", "--name", "Chen").strip()
    bad = cli.run("contact", "key", chen[:8], "age1notakey")
    assert bad.returncode != 0 and "not an age public key" in bad.stderr
    secret = str(x25519.Identity.generate())
    leaked = cli.run("contact", "key", chen[:8], secret)
    assert leaked.returncode != 0 and "SECRET key" in leaked.stderr
    assert secret not in leaked.stderr
    assert "has no age key" in cli.ok("contact", "key", chen[:8])


def test_identity_prints_the_fingerprint_colleagues_compare(cli: Session) -> None:
    key, line = cli.ok("identity", "--fingerprint").splitlines()
    assert line == f"Fingerprint: {key_fingerprint(key)}"
    assert cli.ok("identity").strip() == key


def test_an_import_that_renames_a_keyed_contact_counts_the_removed_key(
    cli: Session, tmp_path: Path
) -> None:
    from support.bundles import CONTACT, IDENTITY, archive, line, seal

    with Vault.unlock(cli.vault, "cli pass") as vault:
        vault.settings.set("age_identity", str(IDENTITY))
        vault.import_bundle(seal(tmp_path / "a.hnb", archive({"contacts.jsonl": line(CONTACT)})))
        vault.contacts.set_key(CONTACT["uuid"], str(x25519.Identity.generate().to_public()))
    renamed = line(CONTACT, display_name="Rosa Delgado", updated_at=4102444800000)
    path = seal(tmp_path / "b.hnb", archive({"contacts.jsonl": renamed}))
    preview = cli.ok("import", str(path), "--dry-run")
    assert "contacts renamed by the bundle would lose their saved key: 1" in preview
    assert "Rosa" not in preview  # counts only, as for titles
    done = cli.ok("import", str(path))
    assert "contacts renamed by the bundle lost their saved key: 1" in done
    assert "has no age key" in cli.ok("contact", "key", CONTACT["uuid"][:8])
