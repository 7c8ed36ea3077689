"""Hostile text in a printed note: linear layout, progress inside long lines, controls shown."""

from __future__ import annotations

import contextlib
import gc
import io
import itertools
import os
import sys
import time
from typing import Any

import pypdfium2
import pytest

from hushnote.core import PDFIUM_LOCK, PdfScope, Vault, pdf_workers_running
from hushnote.core.pdf.document import _close_fonts
from hushnote.core.pdf.fonts import find_fonts
from hushnote.core.pdf.layout import Layout
from hushnote.core.pdf.workers import SWITCH_INTERVAL
from hushnote.errors import CancelledError


def _text(data: bytes) -> str:
    with PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(data)
        try:
            return "".join(page.get_textpage().get_text_range() for page in document)
        finally:
            document.close()


def _pdf() -> Any:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(True, margin=15)
    find_fonts().register(pdf, lambda work: work())
    return pdf


def _cpu_time(vault: Vault, body: str) -> float:
    note = vault.notes.create(title="t", body=body)
    best = float("inf")
    for _ in range(3):
        gc.collect()
        start = time.process_time()
        vault.render_pdf(PdfScope("note", note.uuid))
        best = min(best, time.process_time() - start)
    return best


def test_combining_marks_lay_out_in_linear_time(open_vault: Vault) -> None:
    def body(size: int) -> str:  # one huge stack, then many Zalgo lines
        zalgo = "Z" + "".join(chr(0x300 + n) for n in range(40))
        return "a" + "\u0301" * size + "\n\n" + "\n\n".join([zalgo] * (size // 82))

    open_vault.render_pdf(PdfScope("note", open_vault.notes.create(title="w", body="w").uuid))
    small = _cpu_time(open_vault, body(12_500))
    large = _cpu_time(open_vault, body(50_000))  # about 200 KB of marks in UTF-8
    assert large < 30
    assert large / small < 8, (small, large)


def test_cancel_inside_a_one_megabyte_line(open_vault: Vault) -> None:
    calls: list[float] = []

    def tick() -> None:
        calls.append(time.monotonic())
        if len(calls) > 1:
            raise CancelledError()

    pdf = _pdf()
    layout = Layout(pdf, tick)
    start = time.monotonic()
    try:
        with pytest.raises(CancelledError):
            layout.note("t", "", "x" * 1_000_000, [])
    finally:
        _close_fonts(pdf)
    assert calls[0] - start < 0.5 and time.monotonic() - calls[0] < 0.5


@pytest.mark.parametrize(
    "body",
    ["word " * 2000 + "y" * 1_000_000, "字 " * 2000 + "字" * 200_000],
    ids=["latin", "chinese"],  # Chinese: the CJK faces are read when first needed
)
def test_a_one_megabyte_line_reports_progress_often(open_vault: Vault, body: str) -> None:
    note = open_vault.notes.create(title="t", body=body)
    seen: list[float] = []

    def progress(share: float) -> bool:
        seen.append(time.monotonic())
        return True

    start = time.monotonic()
    open_vault.render_pdf(PdfScope("note", note.uuid), progress=progress)
    marks = [start, *seen, time.monotonic()]  # from the call to the first report, and on
    gaps = [later - earlier for earlier, later in itertools.pairwise(marks)]
    assert len(seen) > 20 and max(gaps) < 0.5, max(gaps)


def _font_files_open() -> list[str]:
    names = []
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(FileNotFoundError):  # the listing's own descriptor
            names.append(os.readlink(f"/proc/self/fd/{fd}"))
    return [name for name in names if name.endswith((".ttf", ".ttc", ".otf"))]


def test_cancel_during_a_long_parse_returns_at_once_and_the_fonts_close_after(
    open_vault: Vault,
) -> None:
    # 100,000 list items: markdown-it parses them in one call of about three seconds.
    note = open_vault.notes.create(title="t", body="- item\n" * 100_000)
    start = time.monotonic()
    answered: list[float] = []

    def progress(share: float) -> bool:
        if time.monotonic() - start < 1.0:
            return True
        answered.append(time.monotonic())
        return False

    with pytest.raises(CancelledError):
        open_vault.render_pdf(PdfScope("note", note.uuid), progress=progress)
    assert time.monotonic() - answered[0] < 0.2
    assert pdf_workers_running() == 1  # the parse goes on, its result unused
    deadline = time.monotonic() + 60
    while pdf_workers_running() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert pdf_workers_running() == 0 and _font_files_open() == []


def test_control_characters_are_printed_visibly(open_vault: Vault) -> None:
    note = open_vault.notes.create(title="bell\x07", body="esc\x1b[31m del\x7f nel\x85 ok\r\nnext")
    text = _text(open_vault.render_pdf(PdfScope("note", note.uuid)))
    for shown in ("bell\\u{07}", "esc\\u{1B}[31m", "del\\u{7F}", "nel\\u{85}"):
        assert shown in text
    assert "\\u{0D}" not in text and "next" in text


@pytest.mark.parametrize(
    "body",
    [
        "> " * 40 + "CANARY quoted",
        "".join("  " * n + "- level\n" for n in range(40)) + "  " * 40 + "- CANARY listed\n",
        "".join("1. " * 40) + "CANARY numbered",
        "> - " * 30 + "CANARY mixed",
        "> " * 300 + "CANARY deepest",
        "".join("\t" * n + "- l\n" for n in range(120)) + "\t" * 120 + "- CANARY tabs\n",
        "- 1. > " * 100 + "CANARY\n" + "- 1. > " * 100 + "again",
    ],
)
def test_deep_nesting_never_drops_text(open_vault: Vault, body: str) -> None:
    note = open_vault.notes.create(title="t", body=body)
    text = _text(open_vault.render_pdf(PdfScope("note", note.uuid)))
    assert "CANARY" in "".join(text.split())  # a narrow line may wrap inside the word


def test_strike_through_is_drawn_as_a_line(open_vault: Vault) -> None:
    import pikepdf

    def drawing(body: str) -> bytes:
        note = open_vault.notes.create(title="t", body=body)
        data = open_vault.render_pdf(PdfScope("note", note.uuid))
        assert "~~" not in _text(data) and "gone" in _text(data)
        with pikepdf.open(io.BytesIO(data)) as pdf:
            return bytes(pdf.pages[0].Contents.read_bytes())

    plain, struck = drawing("keep gone keep"), drawing("keep ~~gone~~ keep")
    assert struck.count(b" re f") > plain.count(b" re f")


def test_the_switch_interval_is_short_only_while_a_worker_runs_and_never_overrides_another(
    open_vault: Vault,
) -> None:
    interval = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)
        note = open_vault.notes.create(title="t", body="- item\n" * 20_000)
        during: list[float] = []

        def progress(share: float) -> bool:
            if pdf_workers_running():
                during.append(sys.getswitchinterval())
            return True

        open_vault.render_pdf(PdfScope("note", note.uuid), progress=progress)
        assert pdf_workers_running() == 0  # counted out before the call returned
        assert during and set(during) == {SWITCH_INTERVAL}
        assert sys.getswitchinterval() == pytest.approx(0.005, abs=1e-5)

        def change(share: float) -> bool:  # another part of the program sets its own
            if pdf_workers_running():
                sys.setswitchinterval(0.02)
            return True

        open_vault.render_pdf(PdfScope("note", note.uuid), progress=change)
        assert sys.getswitchinterval() == pytest.approx(0.02, abs=1e-5)  # kept
    finally:
        sys.setswitchinterval(interval)
