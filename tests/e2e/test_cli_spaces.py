"""``hushnote space …`` and ``hushnote sync`` as two users type them."""

from __future__ import annotations

from pathlib import Path

from hushnote.core import KdfParams

from .test_cli_records import Session


def test_two_vaults_share_a_notebook_through_a_folder(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = Session(tmp_path / "a", fast_kdf_params)
    b = Session(tmp_path / "b", fast_kdf_params)
    shared = tmp_path / "shared"
    shared.mkdir()
    assert "Shared notebook 'Cases'" in a.ok("space", "create", "Cases", "--folder", str(shared))
    note = a.ok("note", "add", "--title", "Statement 证词", "--notebook", "Cases",
                stdin="first paragraph\n").split()[0]  # fmt: skip
    recipient = b.ok("identity").strip()
    invitation = tmp_path / "b.invite"
    out = a.ok("space", "invite", "Cases", "--to", recipient, "--out", str(invitation),
               "--label", "Bea")  # fmt: skip
    fingerprint = out.split("Their fingerprint: ")[1].split("  ")[0]
    admin_fingerprint = a.ok("identity", "--fingerprint").split("Fingerprint: ")[1].strip()
    asked = b.run("space", "join", str(invitation), "--folder", str(shared))
    assert asked.returncode == 22 and "'Cases'" in asked.stdout  # no terminal, no --yes
    assert b.ok("space", "list").count("Cases") == 0
    joined = b.ok("space", "join", str(invitation), "--folder", str(shared), "--yes")
    assert "Joined shared notebook 'Cases'" in joined and admin_fingerprint in joined
    assert "Statement 证词" in b.ok("note", "list")

    b.ok("note", "edit", note, "--title", "Statement (checked)", "--keep-body")
    b.ok("sync")
    assert "1 note change(s)" in a.ok("sync")
    assert "Statement (checked)" in a.ok("note", "list")
    members = a.ok("space", "members", "Cases")
    assert fingerprint in members and "Bea" in members and "admin (you)" in members

    refused = a.run("space", "remove", "Cases", "Bea")
    assert refused.returncode == 22  # no terminal, no --yes: nothing changed
    a.ok("space", "remove", "Cases", "Bea", "--yes")
    assert "removed from the shared notebook" in b.ok("sync")
    assert b.run("space", "invite", "Cases", "--to", recipient, "--out",
                 str(tmp_path / "x")).returncode == 47  # fmt: skip
    wrong = a.run("space", "join", str(invitation), "--folder", str(shared), "--yes")
    assert wrong.returncode == 45 and "not encrypted to this vault" in wrong.stderr
