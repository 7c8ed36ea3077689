"""Where a PDF goes: only the chosen name is touched, odd targets are refused clearly."""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pytest

from hushnote.core import PdfScope, Vault
from hushnote.errors import PdfWriteError, StorageError


def _scope(vault: Vault) -> PdfScope:
    return PdfScope("note", vault.notes.create(title="n", body="b").uuid)


def test_force_touches_no_other_name(open_vault: Vault, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    out.write_bytes(b"old printout")
    neighbours = {name: f"user's own {name}".encode() for name in
                  ("report.pdf.old", "report.pdf.new", "report.pdf.tmp")}  # fmt: skip
    for name, data in neighbours.items():
        (tmp_path / name).write_bytes(data)
    open_vault.export_pdf(out, _scope(open_vault), force=True)
    assert out.read_bytes().startswith(b"%PDF")
    for name, data in neighbours.items():
        assert (tmp_path / name).read_bytes() == data
    made = {p.name for p in tmp_path.iterdir()} - {*neighbours, "report.pdf"}
    assert all(not name.startswith("report.pdf") for name in made)


def test_a_failed_force_removes_only_its_temporary(
    open_vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report.pdf"
    out.write_bytes(b"keep")
    (tmp_path / "report.pdf.old").write_bytes(b"mine")
    before = set(tmp_path.iterdir())

    def broken(*args: object) -> None:
        raise OSError(5, "I/O error")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(StorageError):
        open_vault.export_pdf(out, _scope(open_vault), force=True)
    assert set(tmp_path.iterdir()) == before
    assert out.read_bytes() == b"keep" and (tmp_path / "report.pdf.old").read_bytes() == b"mine"


@pytest.mark.parametrize("kind", ["fifo", "socket", "device"])
def test_force_refuses_what_is_not_a_regular_file(
    open_vault: Vault, tmp_path: Path, kind: str
) -> None:
    scope = _scope(open_vault)
    if kind == "fifo":
        out = tmp_path / "pipe.pdf"
        os.mkfifo(out)
    elif kind == "socket":
        out = tmp_path / "s.pdf"
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(out))
        server.close()  # the name stays
    else:  # a name for a device (through a link: never replace a real device node)
        out = tmp_path / "device.pdf"
        out.symlink_to("/dev/null")
    result: list[BaseException | None] = []

    def export() -> None:
        try:
            open_vault.export_pdf(out, scope, force=True)
            result.append(None)
        except BaseException as error:
            result.append(error)

    worker = threading.Thread(target=export, daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():  # unblock it so the test run can go on
        os.close(os.open(out, os.O_RDONLY | os.O_NONBLOCK))
        pytest.fail("the export blocked on a non-regular target")
    assert isinstance(result[0], PdfWriteError)
    assert result[0].context["reason"] == "not-a-file"
    assert not out.is_file() and os.path.lexists(out)


def test_odd_names_are_refused_clearly(open_vault: Vault, tmp_path: Path) -> None:
    scope = _scope(open_vault)
    loop = tmp_path / "loop"
    os.symlink(loop, loop)
    cases = {
        loop / "x.pdf": "loop",
        loop: "loop",
        tmp_path / ("n" * 300 + ".pdf"): "name-too-long",
        Path(str(tmp_path / "a\0b.pdf")): "invalid-name",
    }
    for out, reason in cases.items():
        for force in (False, True):
            with pytest.raises(PdfWriteError) as caught:
                open_vault.export_pdf(out, scope, force=force)
            assert caught.value.context["reason"] == reason, out
