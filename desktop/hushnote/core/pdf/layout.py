"""Laying out notes on PDF pages: Markdown blocks, inline styles, attachments.

Markdown is parsed by markdown-it-py with raw HTML off, and drawn by hand with fpdf2's
text calls: nothing a note says is ever handed to fpdf2 as a path, a URL or HTML, so a
note cannot make the export read a file or open a connection. An image written in
Markdown prints as its alt text and address; pictures come only from attachments, as
bytes already decrypted in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from hushnote.core.pdf.fonts import SlowCall
from hushnote.core.pdf.text import MAX_NESTING, flatten, pieces

__all__ = ["AttachedFile", "Layout"]

BODY_SIZE = 11.0
_HEADING_SIZES = {"h1": 20.0, "h2": 17.0, "h3": 15.0, "h4": 13.0, "h5": 12.0, "h6": 11.5}
CODE_SIZE = 9.5
_INDENT = 7.0  # mm per level of list or quotation
_MAX_DEPTH = 8  # deeper nesting prints at this indent: the page keeps room for text
_PICTURE_HEIGHT = 110.0  # mm: the tallest a picture is drawn
_PICTURE_PIXELS = 1600  # pictures are scaled down to this many pixels on their long side
_MM_PER_PT = 0.3528
_PARSE_APART = 10_000  # characters: a body longer is parsed through ``run`` (at worst 0.1 s)


@dataclass(frozen=True)
class AttachedFile:
    """An attachment as the layout sees it: a decoded picture (a Pillow image), or
    only its name and size."""

    name: str
    size: int
    picture: Any = None


def _size_text(size: int) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return str(size)


def _line_height(size: float) -> float:
    return size * _MM_PER_PT * 1.45


class Layout:
    """Draws notes one after another on an ``fpdf.FPDF`` whose fonts are registered;
    ``tick`` is called after every block, so long work can report and be cancelled.
    ``run`` runs a slow call (parsing a long note: 150,000 list items take five seconds)
    while the caller goes on checking for Cancel."""

    def __init__(self, pdf: Any, tick: Callable[[], None], run: SlowCall | None = None) -> None:
        self._pdf = pdf
        self._tick = tick
        self._run: SlowCall = run or (lambda work: work())
        self._parser = MarkdownIt("commonmark", {"html": False}).enable("strikethrough")
        self._parser.options["maxNesting"] = MAX_NESTING
        self._styles = set(pdf.fonts)  # keys such as "sans", "sansB"
        self._mono = "mono" if "mono" in self._styles else "sans"

    # -- a note --------------------------------------------------------------------

    def note(
        self, title: str, subtitle: str, body: str, attachments: Sequence[AttachedFile]
    ) -> None:
        pdf = self._pdf
        pdf.add_page()
        self._font("sans", "B", _HEADING_SIZES["h1"])
        self._lines(title or "—", _HEADING_SIZES["h1"])
        if subtitle:
            self._font("sans", "", 9.0)
            pdf.set_text_color(90, 90, 90)
            self._lines(subtitle, 9.0)
            pdf.set_text_color(0, 0, 0)
        pdf.ln(3)
        self._markdown(body)
        if attachments:
            self._attachments(attachments)

    def _attachments(self, attachments: Sequence[AttachedFile]) -> None:
        pdf = self._pdf
        pdf.ln(4)
        self._font("sans", "B", _HEADING_SIZES["h4"])
        self._lines("Attachments", _HEADING_SIZES["h4"])
        for attached in attachments:
            if attached.picture is not None:
                self._picture(attached)
            self._font("sans", "", BODY_SIZE)
            self._lines(f"• {attached.name} ({_size_text(attached.size)})", BODY_SIZE)
            self._tick()

    def _lines(self, text: str, size: float, *, code: bool = False) -> None:
        """A block of text in the current font, wrapped, ending at the left margin; a
        long one in pieces, with a tick between."""
        for piece in pieces(text, lines=True):
            self._pdf.multi_cell(0, _line_height(size), piece, align="L", fill=code,
                                 wrapmode="CHAR" if code else "WORD",
                                 new_x="LMARGIN", new_y="NEXT")  # fmt: skip
            self._tick()

    def _write(self, height: float, text: str) -> None:
        """Text flowing on from where the last ended; a long one in pieces, with a tick
        between."""
        for piece in pieces(text):
            self._pdf.write(height, piece)
            self._tick()

    def _picture(self, attached: AttachedFile) -> None:
        pdf = self._pdf
        picture = attached.picture
        picture.thumbnail((_PICTURE_PIXELS, _PICTURE_PIXELS))
        if picture.mode not in ("RGB", "L"):
            picture = picture.convert("RGB")
        width_px, height_px = picture.size
        width = min(pdf.epw, width_px * 25.4 / 150)  # never enlarged past 150 dpi
        height = width * height_px / max(1, width_px)
        if height > _PICTURE_HEIGHT:
            height = _PICTURE_HEIGHT
            width = height * width_px / max(1, height_px)
        if pdf.get_y() + height > pdf.page_break_trigger:
            pdf.add_page()
        pdf.image(picture, x=pdf.l_margin, w=width, h=height)
        pdf.ln(1)

    # -- Markdown ------------------------------------------------------------------

    def _markdown(self, body: str) -> None:
        pdf = self._pdf
        lists: list[list[Any]] = []  # per open list: [ordered, next number]
        depth = 0
        item_start = False
        size = BODY_SIZE
        if len(body) < _PARSE_APART:
            tokens = self._parse(body)
        else:
            tokens = self._run(lambda: self._parse(body))
        for token in tokens:
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                lists.append([kind == "ordered_list_open", int(token.attrGet("start") or 1)])
                depth += 1
            elif kind in ("bullet_list_close", "ordered_list_close"):
                lists.pop()
                depth -= 1
                if not lists:
                    pdf.ln(1)
            elif kind == "list_item_open":
                item_start = True
            elif kind == "blockquote_open":
                depth += 1
            elif kind == "blockquote_close":
                depth -= 1
            elif kind == "heading_open":
                size = _HEADING_SIZES.get(token.tag, BODY_SIZE)
                pdf.ln(2)
            elif kind in ("heading_close", "paragraph_close"):
                size = BODY_SIZE
                pdf.ln(_line_height(BODY_SIZE) * (0.4 if token.hidden else 0.8))
            elif kind == "inline":
                self._indent(depth)
                prefix = ""
                if item_start and lists:
                    ordered = lists[-1]
                    prefix = f"{ordered[1]}. " if ordered[0] else "• "
                    if ordered[0]:
                        ordered[1] += 1
                    item_start = False
                bold = size != BODY_SIZE
                self._inline(token.children or [], size, prefix, bold=bold)
            elif kind in ("fence", "code_block"):
                self._indent(depth)
                self._font(self._mono, "", CODE_SIZE)
                pdf.set_fill_color(240, 240, 240)
                self._lines(token.content.rstrip("\n") or " ", CODE_SIZE, code=True)
                pdf.ln(2)
            elif kind == "hr":
                self._indent(depth)
                pdf.ln(2)
                y = pdf.get_y()
                pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
                pdf.ln(3)
            self._tick()
        self._indent(0)

    def _parse(self, body: str) -> list[Token]:
        tokens: list[Token] = self._parser.parse(body)
        if any(token.level >= MAX_NESTING - 1 for token in tokens):
            # markdown-it drops what lies past its limit: never let text vanish.
            tokens = self._parser.parse(flatten(body))
        return tokens

    def _indent(self, depth: int) -> None:
        pdf = self._pdf
        margin = 15.0 + _INDENT * min(depth, _MAX_DEPTH)
        pdf.set_left_margin(margin)
        pdf.set_x(margin)

    def _inline(self, children: list[Token], size: float, prefix: str, *, bold: bool) -> None:
        pdf = self._pdf
        height = _line_height(size)
        strong = 1 if bold else 0
        emphasis = 0
        struck = 0
        links: list[str] = []
        if prefix:
            self._font("sans", "B" if strong else "", size)
            pdf.write(height, prefix)
        for child in children:
            kind = child.type
            if kind == "strong_open":
                strong += 1
            elif kind == "strong_close":
                strong -= 1
            elif kind == "em_open":
                emphasis += 1
            elif kind == "em_close":
                emphasis -= 1
            elif kind in ("s_open", "s_close"):
                struck += 1 if kind == "s_open" else -1
            elif kind == "link_open":
                links.append(str(child.attrGet("href") or ""))
            elif kind == "link_close" and links:
                href = links.pop()
                self._font("sans", "", size)
                pdf.write(height, f" ({href})" if href else "")
            elif kind in ("softbreak", "hardbreak"):
                pdf.write(height, " " if kind == "softbreak" else "\n")
            elif kind == "image":
                # Never fetched nor read: its alt text and address, as text.
                self._font("sans", "I", size)
                alt = child.content or "image"
                pdf.write(height, f"[{alt}: {child.attrGet('src') or ''}]")
            elif kind in ("text", "code_inline", "html_inline"):
                style = (
                    ("B" if strong else "") + ("I" if emphasis else "") + ("S" if struck else "")
                )
                family = self._mono if kind == "code_inline" else "sans"
                self._font(family, style, size * (0.92 if kind == "code_inline" else 1.0))
                self._write(height, child.content)
        pdf.ln(height)

    def _font(self, family: str, style: str, size: float) -> None:
        """Set a face, falling back to the family's regular when a style is not
        installed (the fallback fonts still draw what the face lacks); an S in ``style``
        strikes the text through."""
        face = style.replace("S", "")
        if f"{family}{face}" not in self._styles:
            face = ""
        self._pdf.set_font(family, face + ("S" if "S" in style else ""), size)
