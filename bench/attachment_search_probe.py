"""Costs of searching attachments: ``python -m bench.attachment_search_probe [--quick]``.

Prints, as JSON lines:

- ``pdf``: extracting the text of a large PDF (pages of text, each with a 1 MB image)
  through ``BlobReader``, in a fresh process: seconds, and how far the resident memory
  rose above where it stood after the unlock (Linux: ``VmHWM`` reset through
  ``/proc/self/clear_refs``), against the same process that extracted nothing;
- ``attach``/``remove``: attaching and removing a text file of 1 MB of words (extraction,
  index, and on removal the secure deletion, split keys and WAL scrub) in a vault of
  notes; and a search that finds it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSPHRASE = "bench attachment search passphrase"
_WORDS = "tenant court hearing notice lawyer rent deposit repair landlord witness".split()


def _write_pdf(path: Path, pages: int, image_bytes: int) -> None:
    """A PDF of ``pages`` pages, each a line of text and an uncompressed grey image."""
    side = int(image_bytes**0.5)
    offsets: list[int] = []
    with path.open("wb") as out:
        out.write(b"%PDF-1.7\n")

        def obj(number: int, body: bytes, stream: bytes | None = None) -> None:
            offsets.append(out.tell())
            out.write(b"%d 0 obj\n" % number + body)
            if stream is not None:
                out.write(b"\nstream\n" + stream + b"\nendstream")
            out.write(b"\nendobj\n")

        kids = b" ".join(b"%d 0 R" % (4 + 3 * n) for n in range(pages))
        obj(1, b"<< /Type /Catalog /Pages 2 0 R >>")
        obj(2, b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages)
        obj(3, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        for n in range(pages):
            page, content, image = 4 + 3 * n, 5 + 3 * n, 6 + 3 * n
            obj(
                page,
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
                b"<< /Font << /F1 3 0 R >> /XObject << /Im %d 0 R >> >> /Contents %d 0 R >>"
                % (image, content),
            )
            text = f"Page {n} " + " ".join(_WORDS[(n + i) % 10] for i in range(40))
            data = b"q 500 0 0 500 50 50 cm /Im Do Q BT /F1 10 Tf 72 760 Td (%s) Tj ET" % (
                text.encode()
            )
            obj(content, b"<< /Length %d >>" % len(data), data)
            pixels = os.urandom(side * side)
            obj(
                image,
                b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace "
                b"/DeviceGray /BitsPerComponent 8 /Length %d >>" % (side, side, len(pixels)),
                pixels,
            )
        xref = out.tell()
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1))
        for offset in offsets:
            out.write(b"%010d 00000 n \n" % offset)
        out.write(
            b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(offsets) + 1, xref)
        )


def _child(root: str, uuid: str, extract: bool) -> None:
    """In a fresh process: open the vault, and extract the attachment's text if asked."""
    from hushnote.core import Vault
    from hushnote.core.attachments.text_extract import extract_text

    with Vault.unlock(Path(root), PASSPHRASE) as vault:
        import pypdfium2  # noqa: F401 - its own size is not the extraction's

        # The unlock's Argon2 memory is the process's peak so far: start the peak again.
        Path("/proc/self/clear_refs").write_text("5")
        base = _status_kib("VmRSS")
        start = time.perf_counter()
        text = ""
        if extract:
            with vault.attachments.open(uuid) as reader:
                text = extract_text(reader, "pdf", budget=60.0)
        seconds = time.perf_counter() - start
        peak = _status_kib("VmHWM")
    print(json.dumps({"seconds": seconds, "base_kib": base, "peak_kib": peak, "chars": len(text)}))


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise LookupError(field)


def _measure_pdf(root: Path, quick: bool) -> dict[str, object]:
    from hushnote.core import Vault

    pages = 20 if quick else 200
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "big.pdf"
        _write_pdf(pdf, pages, 1 << 20)
        size = pdf.stat().st_size
        with Vault.unlock(root, PASSPHRASE) as vault:
            note = vault.notes.create(title="big pdf").uuid
            start = time.perf_counter()
            added = vault.attachments.add(note, pdf, keep_metadata=True)
            attach_seconds = time.perf_counter() - start
            uuid = added.attachment.uuid
            pages_indexed = len(vault.searcher.search("tenant", limit=5))
    runs = {}
    for extract in (False, True):
        output = subprocess.run(
            [sys.executable, "-m", "bench.attachment_search_probe", "--child", str(root), uuid]
            + (["--extract"] if extract else []),
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        runs[extract] = json.loads(output)
    return {
        "what": "pdf",
        "pdf_mb": round(size / 1e6, 1),
        "pages": pages,
        "attach_seconds_with_extraction": round(attach_seconds, 2),
        "found": pages_indexed,
        "extract_seconds_no_budget": round(runs[True]["seconds"], 2),
        "chars": runs[True]["chars"],
        "peak_above_start_mib_without": round(
            (runs[False]["peak_kib"] - runs[False]["base_kib"]) / 1024, 1
        ),
        "peak_above_start_mib_with": round(
            (runs[True]["peak_kib"] - runs[True]["base_kib"]) / 1024, 1
        ),
    }


def _measure_text(root: Path, quick: bool) -> list[dict[str, object]]:
    from hushnote.core import Vault
    from hushnote.core.store.note_records import NewNote

    rows = []
    notes = 200 if quick else 10_000
    with Vault.unlock(root, PASSPHRASE) as vault:
        vault.notes.create_many(
            NewNote(title=f"note {n}", body=" ".join(_WORDS[(n * i) % 10] for i in range(80)))
            for n in range(notes)
        )
        note = vault.notes.create(title="with a file").uuid
        # About 1 MB of text with many distinct words (each removal looks them all up).
        words = [f"{_WORDS[n % 10]}{n}" for n in range(120_000)]
        data = " ".join(words).encode()[:1_000_000]
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "big.txt"
            source.write_bytes(data)
            start = time.perf_counter()
            uuid = vault.attachments.add(note, source).attachment.uuid
            attached = time.perf_counter() - start
        start = time.perf_counter()
        hits = vault.searcher.search(words[50_000])
        searched = time.perf_counter() - start
        start = time.perf_counter()
        common = vault.searcher.search("tenant")
        searched_common = time.perf_counter() - start
        start = time.perf_counter()
        vault.attachments.remove(uuid)
        removed = time.perf_counter() - start
        rows.append(
            {
                "what": "text",
                "notes": notes,
                "text_mb": round(len(data) / 1e6, 2),
                "attach_seconds": round(attached, 2),
                "search_rare_ms": round(searched * 1000, 1),
                "rare_hits": len(hits),
                "search_common_ms": round(searched_common * 1000, 1),
                "common_hits": len(common),
                "remove_seconds": round(removed, 2),
            }
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.attachment_search_probe")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("ROOT", "UUID"))
    parser.add_argument("--extract", action="store_true")
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], args.child[1], args.extract)
        return 0
    from hushnote.core import KdfParams, Vault

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "vault"
        fast = KdfParams(memory_kib=64 * 1024, iterations=2, parallelism=2)
        Vault.create(root, PASSPHRASE, kdf=fast).lock()
        print(json.dumps(_measure_pdf(root, args.quick)))
        for row in _measure_text(root, args.quick):
            print(json.dumps(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
