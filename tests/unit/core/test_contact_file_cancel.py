"""Cancel stops reading a contact file within half a second, however hostile the file:
progress is reported while decoding, for every physical line and every card or row."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from hushnote.core import read_contact_file
from hushnote.core.formats.contact_files import MAX_FILE_BYTES
from hushnote.errors import CancelledError

SIZE = MAX_FILE_BYTES - 1024
CARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {0}\r\nTEL:+1 555 {0}\r\nEND:VCARD\r\n"

FILES: dict[str, Callable[[], bytes]] = {
    # Each 8-bit line decoded on its own: 8 s before the first report, once.
    "latin1.csv": lambda: (
        b"Name,Phone\r\n" + "Jos\xe9 M\xfcller,+1 555 0100\r\n".encode("latin-1") * (SIZE // 28)
    ),
    "folded.vcf": lambda: (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nNOTE:"
        + b"x\r\n " * (SIZE // 4)
        + b"\r\nEND:VCARD\r\n"
    ),
    "many.vcf": lambda: "".join(CARD.format(n) for n in range(SIZE // 75)).encode(),
    "utf16.vcf": lambda: "".join(CARD.format(n) for n in range(SIZE // 160)).encode("utf-16"),
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_cancel_stops_reading_a_large_contact_file_within_half_a_second(
    tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(FILES[name]()[:MAX_FILE_BYTES])
    start = time.monotonic()
    asked: list[float] = []

    def progress(fraction: float) -> bool:
        asked.append(time.monotonic())
        return False  # Cancel, at the first report

    with pytest.raises(CancelledError):
        read_contact_file(path, progress)
    assert asked and asked[0] - start < 0.5  # the first chance to cancel comes early
    assert time.monotonic() - asked[0] < 0.5
