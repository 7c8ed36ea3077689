"""The sealed spool a large decrypted archive is kept in: exact bytes back, no name, no
plaintext on disk, and a changed byte noticed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hushnote.core.formats.bundle_spool import CHUNK, Spool, SpoolReader

DATA = os.urandom(5 * CHUNK + 123)


@pytest.mark.parametrize(
    "pieces",
    [
        [DATA],
        [DATA[:10], DATA[10 : CHUNK + 7], DATA[CHUNK + 7 :]],
        [DATA[i : i + 1000] for i in range(0, len(DATA), 1000)],
    ],
    ids=["whole", "uneven", "small"],
)
def test_what_goes_in_comes_back_at_any_offset(tmp_path: Path, pieces: list[bytes]) -> None:
    spool = Spool(tmp_path / "attachments")
    for piece in pieces:
        spool.write(piece)
    spool.finish()
    assert spool.size == len(DATA)
    assert spool.read_at(0, len(DATA)) == DATA
    assert spool.read_at(CHUNK - 5, 10) == DATA[CHUNK - 5 : CHUNK + 5]
    assert spool.read_at(len(DATA) - 3, 10) == DATA[-3:]
    reader = SpoolReader(spool)
    reader.seek(-100, os.SEEK_END)
    assert reader.read(1000) == DATA[-100:]
    spool.close()


def test_the_spool_has_no_name_and_holds_no_plaintext(tmp_path: Path) -> None:
    folder = tmp_path / "attachments"
    spool = Spool(folder)
    spool.write(DATA)
    spool.finish()
    assert os.listdir(folder) == []
    on_disk = os.pread(spool._fd, os.fstat(spool._fd).st_size, 0)
    assert len(on_disk) > len(DATA)
    assert DATA[:64] not in on_disk and DATA[-64:] not in on_disk
    os.pwrite(spool._fd, bytes([on_disk[CHUNK + 40] ^ 1]), CHUNK + 40)
    with pytest.raises(ValueError):
        spool.read_at(0, len(DATA))
    spool.close()
