"""``contact import`` with cards and rows that cannot be read: the rest is imported, and
each one left out is named on stderr with its line and reason, never its content."""

from __future__ import annotations

from pathlib import Path

import pytest

from hushnote.core import KdfParams

from .test_cli_records import DATA, Session


@pytest.fixture
def cli(tmp_path: Path, fast_kdf_params: KdfParams) -> Session:
    return Session(tmp_path, fast_kdf_params)


def card(*lines: str) -> str:
    return "\r\n".join(["BEGIN:VCARD", "VERSION:2.1", *lines, "END:VCARD"]) + "\r\n"


def test_cards_that_cannot_be_read_are_listed_and_the_rest_imported(
    cli: Session, tmp_path: Path
) -> None:
    path = tmp_path / "book.vcf"
    path.write_bytes(
        card("FN:Ana").encode()
        + card("FN;CHARSET=UTF-8:Secret\xe9Name").encode("latin-1")
        + card("FN:Nul\x00Person").encode()
        + card("FN:Eve").encode()
    )
    result = cli.run("contact", "import", str(path))
    assert result.returncode == 0, result.stderr
    assert "Imported 2 contacts." in result.stdout
    assert "Skipped 2 cards that could not be read" in result.stdout
    assert "Skipped card at line 5: a value that is not valid text" in result.stderr
    assert "(line 7)" in result.stderr
    assert "Skipped card at line 9: a name or value with control characters" in result.stderr
    assert "Secret" not in result.stderr + result.stdout
    assert "Person" not in result.stderr + result.stdout


def test_a_file_where_nothing_can_be_read_is_an_error(cli: Session) -> None:
    result = cli.run("contact", "import", str(DATA / "broken" / "no-name.vcf"))
    assert result.returncode == 21
    assert "Skipped card at line 1: a contact without a name" in result.stderr
    assert "nothing was imported" in result.stderr
    assert cli.ok("contact", "list") == ""


def test_real_exports_in_legacy_encodings_import(cli: Session) -> None:
    for name in ("outlook-2.1-windows-1252.vcf", "apple-addressbook-utf16be-nobom.vcf",
                 "thebat-2.1-windows-1251.vcf", "outlook-windows-1252.csv"):  # fmt: skip
        result = cli.run("contact", "import", str(DATA / name))
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
    names = cli.ok("contact", "list")
    for expected in ("Jürgen Müller", "Zoë Ångström", "陈伟", "Иван Петров", "Ольга Смирнова"):
        assert expected in names
