"""The text search takes from an attached file: PDFs and text, bounded, never failing."""

from __future__ import annotations

import io
import itertools

import pytest

from hushnote.core.attachments.text_extract import MAX_TEXT, extract_text
from support.pdf_text import text_pdf

ENGLISH = "The eviction hearing moved to Tuesday"
CHINESE = "我们的律师明天去法院"


def test_a_pdf_gives_its_english_and_chinese_text_page_by_page() -> None:
    pdf = text_pdf([(ENGLISH, CHINESE), ("Second page here", "")])
    text = extract_text(io.BytesIO(pdf), "pdf")
    assert text.splitlines() == [ENGLISH, CHINESE, "Second page here"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda pdf: pdf[: len(pdf) // 2],  # cut short
        lambda pdf: pdf.replace(b"obj", b"jbo"),  # objects unreadable
        lambda pdf: b"%PDF-1.7\n" + bytes(range(256)) * 40,  # noise behind the magic
        lambda pdf: b"",
    ],
)
def test_a_broken_pdf_gives_no_text_and_no_error(damage) -> None:
    pdf = damage(text_pdf([(ENGLISH, CHINESE)]))
    text = extract_text(io.BytesIO(pdf), "pdf")
    assert isinstance(text, str)
    assert "Tuesday" not in text or text.startswith(ENGLISH)


def test_an_encrypted_pdf_gives_no_text() -> None:
    import pikepdf

    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(text_pdf([(ENGLISH, "")]))) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(owner="o", user="secret"))
    assert extract_text(io.BytesIO(out.getvalue()), "pdf") == ""


class _FailingFile(io.BytesIO):
    """A file whose reads fail after ``good`` bytes (a damaged blob chunk)."""

    def __init__(self, data: bytes, good: int) -> None:
        super().__init__(data)
        self.good = good

    def readinto(self, buffer) -> int:  # type: ignore[override]
        from hushnote.errors import AttachmentDamagedError

        if self.tell() + len(buffer) > self.good:
            raise AttachmentDamagedError(reason="authentication")
        return super().readinto(buffer)


def test_a_read_error_inside_pdfium_ends_quietly(recwarn: pytest.WarningsRecorder) -> None:
    pdf = text_pdf([(ENGLISH, "")] * 3)
    assert extract_text(_FailingFile(pdf, good=len(pdf) // 3), "pdf") == ""
    assert not recwarn.list  # nothing raised inside the ctypes callback


def test_pages_stop_at_the_time_budget() -> None:
    pdf = text_pdf([(f"page number {n}", "") for n in range(10)])
    ticks = itertools.count()
    # Each look at the clock is one second later: the budget allows a few pages (the
    # clock is read between pages and before each read PDFium makes).
    text = extract_text(io.BytesIO(pdf), "pdf", budget=25, clock=lambda: float(next(ticks)))
    pages = text.splitlines()
    assert 0 < len(pages) < 10
    assert pages == [f"page number {n}" for n in range(len(pages))]


def test_reopening_the_pdf_to_free_memory_reads_the_same_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pypdfium2

    from hushnote.core.attachments import text_extract

    pdf = text_pdf([(f"page number {n}", "第二页") for n in range(6)])
    whole = extract_text(io.BytesIO(pdf), "pdf")
    opened = []
    real = pypdfium2.PdfDocument

    def counting(*args, **kwargs):
        opened.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(pypdfium2, "PdfDocument", counting)
    monkeypatch.setattr(text_extract, "REOPEN_AFTER", 1)  # afresh before every page
    assert extract_text(io.BytesIO(pdf), "pdf") == whole
    assert len(opened) == 1 + 6  # opened, then afresh before each page


def test_pdf_text_stops_at_the_limit() -> None:
    pdf = text_pdf([(f"page number {n} " + "x" * 60, "") for n in range(10)])
    text = extract_text(io.BytesIO(pdf), "pdf", limit=200)
    assert len(text) <= 200 and text.startswith("page number 0")


def test_text_is_streamed_with_replacement_and_capped() -> None:
    data = "律师 eviction ".encode() * 3 + b"\xff\xfe broken " + "é".encode() * 200_000
    text = extract_text(io.BytesIO(data), "text")
    assert text == data.decode("utf-8", "replace")
    assert text.startswith("律师 eviction 律师") and "\ufffd\ufffd broken " in text
    assert extract_text(io.BytesIO(data), "text", limit=1000) == text[:1000]
    # A character cut between two blocks is not mangled.
    many = ("律" * 100_000).encode()
    assert extract_text(io.BytesIO(many), "markdown") == "律" * 100_000


def test_a_nul_after_the_sniffed_head_becomes_a_space() -> None:
    data = b"a" * 70_000 + b"\x00Zanzibar"
    assert extract_text(io.BytesIO(data), "text").endswith("a Zanzibar")


def test_a_huge_text_file_is_capped_in_bounded_time() -> None:
    import time

    data = io.BytesIO(b"word " * (4 * MAX_TEXT))  # 20 MB
    started = time.perf_counter()
    text = extract_text(data, "text")
    assert len(text) == MAX_TEXT
    assert data.tell() < 2 * MAX_TEXT  # it stopped reading at the limit
    assert time.perf_counter() - started < 1.0
    ticks = itertools.count()
    slow = extract_text(io.BytesIO(b"x" * MAX_TEXT), "text", budget=3, clock=lambda: next(ticks))
    assert 0 < len(slow) < MAX_TEXT


@pytest.mark.parametrize("kind", ["jpeg", "png", "other", "heic"])
def test_other_kinds_give_no_text(kind: str) -> None:
    assert extract_text(io.BytesIO(b"words words"), kind) == ""
