"""Taking out of a PDF, in memory, what says who made it, where and when.

fpdf2 writes an Info dictionary (Producer, CreationDate); pikepdf removes it, and any XMP
packet, and gives the file an identifier derived from its content rather than the clock.
"""

from __future__ import annotations

import io

__all__ = ["clean_pdf"]


def clean_pdf(data: bytes, *, title: str | None = None) -> bytes:
    """``data`` without an Info dictionary or XMP; with only ``/Title`` when a title is
    given (the one thing the user may ask to keep)."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        if "/Info" in pdf.trailer:
            del pdf.trailer["/Info"]
        if "/Metadata" in pdf.Root:
            del pdf.Root["/Metadata"]
        if "/ID" in pdf.trailer:
            # fpdf2 made it from the file and the time to the second: kept, it would let
            # anyone with the same fpdf2 find when the PDF was made. Without one, qpdf
            # derives it from the content alone.
            del pdf.trailer["/ID"]
        if title:
            info = pikepdf.Dictionary(Title=pikepdf.String(title))
            pdf.trailer["/Info"] = pdf.make_indirect(info)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, fix_metadata_version=False)
    return out.getvalue()
