"""``hushnote note pdf``, ``notebook pdf`` and ``journal pdf`` as a user types them."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pikepdf
import pypdfium2
import pytest

from hushnote.core import KdfParams, Vault

from .test_cli_records import Session


@pytest.fixture
def cli(tmp_path: Path, fast_kdf_params: KdfParams) -> Session:
    return Session(tmp_path, fast_kdf_params)


def _text(path: Path) -> str:
    document = pypdfium2.PdfDocument(path.read_bytes())
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def test_note_pdf_is_written_clean_and_never_over_a_file(cli: Session, tmp_path: Path) -> None:
    uuid = cli.ok("note", "add", "--title", "庭审", stdin="# 证人\n\n明天九点见。\n").split()[0]
    out = tmp_path / "note.pdf"
    assert "Wrote" in cli.ok("note", "pdf", uuid[:8], "--out", str(out))
    text = _text(out)
    assert "庭审" in text and "明天九点见。" in text and "# " not in text
    with pikepdf.open(io.BytesIO(out.read_bytes())) as pdf:
        assert "/Info" not in pdf.trailer and "/Metadata" not in pdf.Root

    before = out.read_bytes()
    again = cli.run("note", "pdf", uuid[:8], "--out", str(out))
    assert again.returncode == 54 and "--force" in again.stderr
    assert out.read_bytes() == before
    cli.ok("note", "pdf", uuid[:8], "--out", str(out), "--force", "--title-in-metadata")
    with pikepdf.open(io.BytesIO(out.read_bytes())) as pdf:
        assert str(pdf.trailer.Info.Title) == "庭审"

    inside = cli.run("note", "pdf", uuid[:8], "--out", str(cli.vault / "note.pdf"))
    assert inside.returncode == 54 and "inside the vault folder" in inside.stderr
    assert not (cli.vault / "note.pdf").exists()


def test_notebook_and_journal_month(cli: Session, tmp_path: Path) -> None:
    for title in ("First", "Second"):
        cli.ok("note", "add", "--title", title, "--notebook", "Cases", stdin="body\n")
    cli.ok("note", "add", "--title", "Other", stdin="body\n")
    out = tmp_path / "book.pdf"
    cli.ok("notebook", "pdf", "Cases", "--out", str(out))
    text = _text(out)
    assert "First" in text and "Second" in text and "Other" not in text

    missing = cli.run("notebook", "pdf", "Nope", "--out", str(tmp_path / "n.pdf"))
    assert missing.returncode == 18 and not (tmp_path / "n.pdf").exists()
    assert "no notebook by that name" in missing.stderr and "''" not in missing.stderr

    with Vault.unlock(cli.vault, "cli pass") as vault:
        vault.notes.journal_entry(date(2026, 2, 3))
    month = tmp_path / "month.pdf"
    cli.ok("journal", "pdf", "2026-02", "--out", str(month))
    assert "2026-02-03" in _text(month)
    bad = cli.run("journal", "pdf", "2026-13", "--out", str(month))
    assert bad.returncode != 0 and "Traceback" not in bad.stderr


def test_odd_targets_get_one_line_and_exit_54(cli: Session, tmp_path: Path) -> None:
    import os

    uuid = cli.ok("note", "add", "--title", "t", stdin="b\n").split()[0]
    loop = tmp_path / "loop"
    os.symlink(loop, loop)
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    for out in (loop / "x.pdf", tmp_path / ("n" * 300 + ".pdf"), fifo):
        result = cli.run("note", "pdf", uuid[:8], "--out", str(out), "--force")
        assert result.returncode == 54, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
