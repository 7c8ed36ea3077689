"""A PDF's pages as pictures, for a printer that takes pictures (the GUI's print dialog).

The GUI prints the very PDF the CLI writes: the pages are drawn by PDFium, in memory.
"""

from __future__ import annotations

from collections.abc import Iterator

from hushnote.core.attachments.text_extract import PDFIUM_LOCK

__all__ = ["pdf_pages"]


def pdf_pages(data: bytes, *, dpi: int = 150) -> Iterator[tuple[int, int, bytes]]:
    """Each page of ``data`` as (width, height, RGB bytes, 3 per pixel, row by row)."""
    import pypdfium2

    with PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(data)
        count = len(document)
    try:
        for number in range(count):
            with PDFIUM_LOCK:
                page = document[number]
                bitmap = page.render(scale=dpi / 72)
                image = bitmap.to_pil().convert("RGB")
                page.close()
            yield image.width, image.height, image.tobytes()
    finally:
        with PDFIUM_LOCK:
            document.close()
