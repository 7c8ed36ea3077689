"""Turning one Evernote note's ENML (an XHTML subset) into Markdown, bounded in depth.

The ENML arrives as text inside the ENEX ``<content>``. Its one expected ``<!DOCTYPE
en-note ...>`` line is cut out as text before parsing; any other document type or entity
declaration is refused (``xml-entity``), so nothing is ever expanded or fetched. HTML's
named character references (``&nbsp;``), which the DTD would define, are rewritten to
numeric ones first. Nesting deeper than ``Limits.max_depth`` is refused (``too-deep``)
while parsing, so the recursive walk below never goes deeper than that.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from html.entities import name2codepoint
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

__all__ = ["ENCRYPTED_LINE", "EnmlError", "enml_to_markdown"]

ENCRYPTED_LINE = "[encrypted text not imported]"

_DOCTYPE = re.compile(rb'<!DOCTYPE\s+en-note\s+SYSTEM\s+"[^"<>]{0,200}"\s*>')
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_NAMED = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")
_XML_NAMED = {b"amp", b"lt", b"gt", b"quot", b"apos"}
_ESCAPE = re.compile(r"([\\`*_\[\]<>])")
_TODOS = ("- [ ] ", "- [x] ")
_BLOCKS = {
    "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
    "pre", "hr", "table", "en-crypt", "center", "dl", "dt", "dd", "address", "section",
}  # fmt: skip


# Quotes and lists nested deeper than this keep their text, without more markers.
_MAX_NESTING = 8


class EnmlError(Exception):
    """ENML that cannot be read; ``reason`` is a key in reasons.py."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _named(match: re.Match[bytes]) -> bytes:
    name = match.group(1)
    if name in _XML_NAMED:
        return match.group(0)
    code = name2codepoint.get(name.decode("ascii"))
    return b"&#%d;" % code if code is not None else match.group(0)


def _parse(content: bytes, max_depth: int) -> Element:
    content = _DOCTYPE.sub(b"", content, count=1)
    if _DECLARATION.search(content):
        raise EnmlError("xml-entity")
    if b"&" in content:
        content = _NAMED.sub(_named, content)
    depth = 0
    root: Element | None = None
    try:
        events = SafeET.iterparse(io.BytesIO(content), events=("start", "end"), forbid_dtd=True)
        for event, element in events:
            if event == "start":
                depth += 1
                if depth > max_depth:
                    raise EnmlError("too-deep")
                if root is None:
                    root = element
            else:
                depth -= 1
    except DefusedXmlException:
        raise EnmlError("xml-entity") from None
    except (ParseError, ValueError, UnicodeError):
        raise EnmlError("bad-xml") from None
    if root is None:
        raise EnmlError("bad-xml")
    return root


def _local(tag: object) -> str:
    name = tag if isinstance(tag, str) else ""
    return name.rsplit("}", 1)[-1].lower()


class _Writer:
    """Walks the parsed ENML into Markdown blocks (paragraphs, headings, lists...)."""

    def __init__(self, media: Callable[[str], str], encrypted: Callable[[], None]) -> None:
        self.media = media
        self.encrypted = encrypted
        self.nesting = 0  # quotes and lists around the element being read

    # Inline content: text with emphasis, links, media and to-do boxes.
    def inline(self, element: Element, *, first: bool, in_list: bool) -> str:
        parts = [self.text(element.text or "")]
        seen = bool(parts[0].strip())
        for child in element:
            parts.append(self.inline_one(child, first=first and not seen, in_list=in_list))
            parts.append(self.text(child.tail or ""))
            seen = seen or bool(parts[-2].strip() or parts[-1].strip())
        return "".join(parts)

    def inline_one(self, child: Element, *, first: bool, in_list: bool) -> str:
        tag = _local(child.tag)
        if tag == "br":
            return "\n"
        if tag == "en-todo":
            box = "[x] " if child.get("checked", "").lower() == "true" else "[ ] "
            return box if in_list or not first else "- " + box
        if tag == "en-media":
            return self.media(child.get("hash", "").lower())
        if tag == "en-crypt":
            self.encrypted()
            return ENCRYPTED_LINE
        inner = self.inline(child, first=first, in_list=in_list)
        if tag in _BLOCKS:
            # A block inside inline content (a div in a table cell): keep it on a line.
            return " " + inner.strip() + " "
        return _wrap(tag, inner, child)

    @staticmethod
    def text(raw: str) -> str:
        if not raw:
            return ""
        words = " ".join(raw.split())  # HTML's white space: every run is one space
        if not words:
            return " "
        lead = " " if raw[0].isspace() else ""
        trail = " " if raw[-1].isspace() else ""
        return lead + _ESCAPE.sub(r"\\\1", words) + trail

    # Block content.
    def blocks(self, element: Element, out: list[str], *, in_list: bool = False) -> None:
        run = Element("span")
        run.text = element.text

        def flush() -> None:
            line = _tidy(self.inline(run, first=True, in_list=in_list))
            if line:
                out.append(line)
            run.clear()

        for child in element:
            tag = _local(child.tag)
            if tag not in _BLOCKS:
                run.append(child)
                continue
            tail, child.tail = child.tail, None
            flush()
            self.block(tag, child, out)
            run.text = tail
        flush()

    def block(self, tag: str, element: Element, out: list[str]) -> None:
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            text = _tidy(self.inline(element, first=False, in_list=True)).replace("\n", " ")
            if text:
                out.append("#" * int(tag[1]) + " " + text)
        elif tag == "hr":
            out.append("---")
        elif tag == "en-crypt":
            self.encrypted()
            out.append(ENCRYPTED_LINE)
        elif tag == "pre":
            code = "".join(element.itertext()).strip("\n")
            fence = "~~~~" if "```" in code else "```"
            out.append(f"{fence}\n{code}\n{fence}")
        elif tag in ("blockquote", "ul", "ol") and self.nesting >= _MAX_NESTING:
            # Each level re-prefixes every line inside it: past this depth the text is
            # kept flat, so the work stays linear (a 1 MB note 62 quotes deep took 2.7 s).
            self.blocks(element, out)
        elif tag == "blockquote":
            inner: list[str] = []
            self.nesting += 1
            self.blocks(element, inner)
            self.nesting -= 1
            if inner:
                quoted = "\n\n".join(inner).split("\n")
                out.append("\n".join(f"> {line}" if line else ">" for line in quoted))
        elif tag in ("ul", "ol"):
            self.nesting += 1
            lines = self.list_lines(element, ordered=tag == "ol")
            self.nesting -= 1
            if lines:
                out.append("\n".join(lines))
        elif tag == "table":
            table = self.table(element)
            if table:
                out.append(table)
        else:
            self.blocks(element, out)

    def list_lines(self, element: Element, *, ordered: bool) -> list[str]:
        lines: list[str] = []
        number = 0
        for item in element:
            if _local(item.tag) != "li":
                continue
            number += 1
            marker = f"{number}. " if ordered else "- "
            inner: list[str] = []
            self.blocks(item, inner, in_list=True)
            text = "\n".join(inner) or ""
            pad = " " * len(marker)
            first, *rest = text.split("\n") if text else [""]
            lines.append(marker + first)
            lines.extend(pad + line if line else "" for line in rest)
        return lines

    def table(self, element: Element) -> str:
        rows: list[list[str]] = []
        for tr in element.iter():
            if _local(tr.tag) != "tr":
                continue
            cells = [
                _tidy(self.inline(cell, first=False, in_list=True))
                .replace("\n", " ")
                .replace("|", "\\|")
                for cell in tr
                if _local(cell.tag) in ("td", "th")
            ]
            rows.append(cells)
        if not rows:
            return ""
        width = max(len(row) for row in rows) or 1
        # Only the header is padded to the widest row (Markdown fills short rows itself):
        # padding every row would make n short rows and one of n cells n * n cells.
        header = rows[0] + [""] * (width - len(rows[0]))
        lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * width]
        lines += ["| " + " | ".join(cells) + " |" for cells in rows[1:]]
        return "\n".join(lines)


def _wrap(tag: str, inner: str, element: Element) -> str:
    core = inner.strip()
    if not core:
        return inner
    lead = " " if inner[:1].isspace() else ""
    trail = " " if inner[-1:].isspace() else ""
    if tag in ("b", "strong"):
        core = f"**{core}**"
    elif tag in ("i", "em", "cite"):
        core = f"*{core}*"
    elif tag in ("s", "strike", "del"):
        core = f"~~{core}~~"
    elif tag == "code":
        core = "`" + core.replace("\\", "") + "`"
    elif tag == "a":
        href = element.get("href", "").strip()
        if href:
            href = href.replace(" ", "%20").replace(")", "%29").replace("(", "%28")
            core = f"[{core}]({href})"
    # Underline, font, span and the rest have no Markdown: their text is kept.
    return lead + core + trail


def _tidy(text: str) -> str:
    lines = [line.strip() for line in text.split("\n")]
    start, end = 0, len(lines)
    while start < end and not lines[start]:
        start += 1
    while end > start and not lines[end - 1]:
        end -= 1
    return "\n".join(lines[start:end])


def enml_to_markdown(
    content: bytes,
    *,
    max_depth: int,
    media: Callable[[str], str],
    encrypted: Callable[[], None],
) -> str:
    """The note's Markdown. ``media(md5_hex)`` gives the text standing for an
    ``en-media``; ``encrypted()`` is called once per ``en-crypt``. Raises ``EnmlError``."""
    root = _parse(content, max_depth)
    out: list[str] = []
    try:
        _Writer(media, encrypted).blocks(root, out)
    except RecursionError:  # only with a max_depth far above the default
        raise EnmlError("too-deep") from None
    return _join(out)


def _join(blocks: list[str]) -> str:
    """Blocks apart by a blank line, but a run of to-do lines (one ``div`` each in
    Evernote) as one list."""
    parts: list[str] = []
    for index, block in enumerate(blocks):
        if index:
            todo = block.startswith(_TODOS) and blocks[index - 1].split("\n")[-1].startswith(_TODOS)
            parts.append("\n" if todo else "\n\n")
        parts.append(block)
    return "".join(parts)
