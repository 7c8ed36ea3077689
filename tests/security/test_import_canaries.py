"""An imported Markdown export's words reach no file outside the encrypted vault."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from hushnote.core import KdfParams, Vault
from support.forensics import canary_hits

WORDS = [
    "ImportCanary-zq7-Delgado",  # in a body
    "TitleCanary-8fk",  # a title
    "TagCanary-u2p",  # a tag
    "FolderCanary-r4d",  # a folder, so a notebook
    "导入金丝雀-何静",  # Chinese text
    "AttachCanary-m1x",  # the content of an attached text file
    "FileNameCanary-w9",  # an attachment's file name
]


def _export(root: Path) -> Path:
    notes = root / "FolderCanary-r4d"
    notes.mkdir(parents=True)
    (notes / "n.md").write_text(
        "---\ntitle: TitleCanary-8fk\ntags: [TagCanary-u2p]\n---\n"
        "ImportCanary-zq7-Delgado 导入金丝雀-何静\n![[FileNameCanary-w9.txt]]\n",
        encoding="utf-8",
    )
    (notes / "FileNameCanary-w9.txt").write_text("AttachCanary-m1x " * 50)
    return root


@pytest.mark.parametrize("packed", [False, True])
def test_an_import_leaves_no_plaintext_outside_the_vault(
    tmp_path: Path, isolated_home: Path, fast_kdf_params: KdfParams, packed: bool
) -> None:
    vault = tmp_path / "vault"
    Vault.create(vault, "vault words", kdf=fast_kdf_params).lock()
    (tmp_path / "pw").write_text("vault words\n")
    (tmp_path / "pw").chmod(0o600)
    export = _export(tmp_path / "export")
    chosen = export
    if packed:
        chosen = tmp_path / "export.zip"
        with zipfile.ZipFile(chosen, "w") as archive:
            for path in sorted(export.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(export).as_posix())
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": f"{root / 'desktop'}{os.pathsep}{root / 'tests'}"}
    for extra in ([], ["--dry-run"]):
        result = subprocess.run(
            [sys.executable, "-m", "hushnote", "--vault", str(vault), "import-from",
             "markdown", str(chosen), "--yes", *extra, "--passphrase-file",
             str(tmp_path / "pw")],
            cwd=cwd, env=env, capture_output=True, text=True, check=False,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        for word in WORDS:  # the terminal shows counts, not the notes' words
            assert word not in result.stdout + result.stderr
    with Vault.unlock(vault, "vault words") as opened:
        (summary,) = opened.notes.summaries()
        assert summary.title == "TitleCanary-8fk"
        (attachment,) = opened.attachments.of_note(summary.uuid)
        assert attachment.name == "FileNameCanary-w9.txt"
    tmpdir = Path(os.environ["TMPDIR"])
    assert canary_hits(WORDS, vault, tmpdir, isolated_home, cwd) == []
