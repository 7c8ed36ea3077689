"""Small PDFs with known text, written by hand: Latin in Helvetica, Chinese through a
Type0 font whose ToUnicode map says which character each glyph is (no font embedded,
so nothing on the machine is needed to make or to read them)."""

from __future__ import annotations


def _objects(pages: list[tuple[str, str]]) -> list[bytes]:
    """Catalog, pages, two fonts, a ToUnicode map, then a page and its content each."""
    chinese = sorted({char for _, text in pages for char in text})
    cid = {char: index + 1 for index, char in enumerate(chinese)}
    cmap = "\n".join(
        [
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
            "1 begincodespacerange <0000> <FFFF> endcodespacerange",
            f"{len(chinese)} beginbfchar" if chinese else "0 beginbfchar",
            *(f"<{cid[char]:04X}> <{ord(char):04X}>" for char in chinese),
            "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end",
        ]
    ).encode()
    first_page = 6
    kids = " ".join(f"{first_page + 2 * n} 0 R" for n in range(len(pages)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /NotoSansSC /Encoding /Identity-H "
        b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NotoSansSC "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor << /Type /FontDescriptor /FontName /NotoSansSC /Flags 4 "
        b"/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 "
        b"/CapHeight 700 /StemV 80 >> /DW 1000 >>] /ToUnicode 5 0 R >>",
        _stream(cmap),
    ]
    for index, (latin, text) in enumerate(pages):
        content = f"BT /F1 12 Tf 72 720 Td ({latin}) Tj ET".encode()
        if text:
            glyphs = "".join(f"{cid[char]:04X}" for char in text)
            content += f"\nBT /F2 12 Tf 72 690 Td <{glyphs}> Tj ET".encode()
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
            f"/Contents {first_page + 2 * index + 1} 0 R >>".encode()
        )
        objects.append(_stream(content))
    return objects


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def text_pdf(pages: list[tuple[str, str]]) -> bytes:
    """A PDF whose page ``i`` shows ``pages[i]``: a line of Latin text (no parentheses or
    backslashes) and a line of Chinese (may be empty)."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(_objects(pages), start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(offsets) + 1,
        xref,
    )
    return bytes(out)
