"""Markdown from a Standard Notes "Super" note, whose text is Lexical editor JSON.

Blocks (paragraphs, headings, quotes, lists with check boxes, code, rules, tables) become
their Markdown; text keeps bold, italic, strike-through and code (format bits 1, 2, 4,
16); links become ``[text](url)``, never fetched. A node of a type not known here keeps
its text. Nesting deeper than ``max_depth`` is refused (``too-deep``), so the recursion
stays shallow whatever the note.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

__all__ = ["LexicalError", "to_markdown"]

# Characters Markdown reads as markup anywhere in a line; "&" only where it starts an
# entity ("&amp;"), which would show as the character it names.
_ESCAPE = re.compile(r"([\\`*_\[\]<>~]|&(?=#?\w{1,32};))")
# What makes a line a heading, list, quote, rule or heading underline when it starts it.
_LINE_START = re.compile(r"^([ \t]*)(?:(#{1,6})(?=[ \t]|$)|([-+=>])|(\d{1,9})([.)]))")
_BOLD, _ITALIC, _STRIKE, _CODE = 1, 2, 4, 16


class LexicalError(Exception):
    """The note's JSON is broken (``reason`` "bad-json") or too deep ("too-deep")."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def to_markdown(text: str, *, max_depth: int, tick: Callable[[], None]) -> str:
    if not text.strip():
        return ""
    try:
        document = json.loads(text)
    except RecursionError:
        raise LexicalError("too-deep") from None
    except ValueError:
        raise LexicalError("bad-json") from None
    root = document.get("root") if isinstance(document, dict) else None
    if not isinstance(root, dict):
        raise LexicalError("bad-json")
    return "\n\n".join(_Writer(max_depth, tick).blocks(root, 0)).strip() + "\n"


def _children(node: dict[str, Any]) -> list[dict[str, Any]]:
    children = node.get("children")
    if not isinstance(children, list):
        return []
    return [child for child in children if isinstance(child, dict)]


def _kind(node: dict[str, Any]) -> str:
    """A node's type, or "" when it is not a string (a list would not hash)."""
    kind = node.get("type")
    return kind if isinstance(kind, str) else ""


def _fence(code: str) -> str:
    longest = run = 0
    for char in code:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    return "`" * max(3, longest + 1)


class _Writer:
    def __init__(self, max_depth: int, tick: Callable[[], None]) -> None:
        self._max_depth = max_depth
        self._tick = tick

    def _enter(self, depth: int) -> None:
        if depth > self._max_depth:
            raise LexicalError("too-deep")
        self._tick()

    def blocks(self, node: dict[str, Any], depth: int) -> list[str]:
        """Each child block of ``node`` as Markdown, inline runs kept together."""
        self._enter(depth)
        out: list[str] = []
        run: list[dict[str, Any]] = []
        for child in _children(node):
            if _kind(child) in _INLINE or "text" in child:
                run.append(child)
                continue
            if run:
                out.append(self.inline(run, depth + 1))
                run = []
            block = self.block(child, depth + 1)
            if block.strip() or child.get("type") == "paragraph":
                out.append(block)
        if run:
            out.append(self.inline(run, depth + 1))
        return out

    def block(self, node: dict[str, Any], depth: int) -> str:
        self._enter(depth)
        kind = node.get("type")
        if kind == "heading":
            tag = str(node.get("tag", "h1"))
            level = int(tag[1]) if len(tag) == 2 and tag[1] in "123456" else 1
            return "#" * level + " " + self.inline(_children(node), depth + 1)
        if kind == "quote":
            text = self.inline(_children(node), depth + 1)
            return "\n".join("> " + line for line in text.split("\n"))
        if kind == "list":
            return "\n".join(self.list_lines(node, depth + 1))
        if kind == "code":
            code = "".join(self.plain(child, depth + 1) for child in _children(node))
            fence = _fence(code)
            language = node.get("language")
            info = language if isinstance(language, str) and language.isalnum() else ""
            return f"{fence}{info}\n{code}\n{fence}"
        if kind == "horizontalrule":
            return "---"
        if kind == "table":
            return self.table(node, depth + 1)
        if kind == "paragraph":
            return self.inline(_children(node), depth + 1)
        # Anything else (collapsibles, embeds): its blocks, or its text.
        return "\n\n".join(self.blocks(node, depth + 1))

    def list_lines(self, node: dict[str, Any], depth: int) -> list[str]:
        kind = node.get("listType")
        start = node.get("start")
        number = start if isinstance(start, int) and 0 <= start < 10**9 else 1
        lines: list[str] = []
        for item in _children(node):
            self._enter(depth + 1)
            parts = _children(item)
            nested = [part for part in parts if part.get("type") == "list"]
            inline = [part for part in parts if part.get("type") != "list"]
            if kind == "number":
                marker = f"{number}. "
            elif kind == "check":
                marker = "- [x] " if item.get("checked") is True else "- [ ] "
            else:
                marker = "- "
            indent = " " * (len(marker) if kind == "number" else 2)
            if inline or not nested:
                text = self.inline(inline, depth + 2)
                first, *rest = text.split("\n")
                lines.append(marker + first)
                lines.extend(indent + line for line in rest)
                if kind == "number":
                    number += 1
            for sub in nested:
                lines.extend(indent + line for line in self.list_lines(sub, depth + 2))
        return lines

    def table(self, node: dict[str, Any], depth: int) -> str:
        rows: list[list[str]] = []
        for row in _children(node):
            self._enter(depth)
            cells = []
            for cell in _children(row):
                text = " ".join(self.blocks(cell, depth + 1))
                cells.append(text.replace("\n", " ").replace("|", "\\|").strip())
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

    def plain(self, node: dict[str, Any], depth: int) -> str:
        """A node's text with no formatting (code blocks)."""
        self._enter(depth)
        if node.get("type") == "linebreak":
            return "\n"
        if node.get("type") == "tab":
            return "\t"
        text = node.get("text")
        if isinstance(text, str):
            return text
        return "".join(self.plain(child, depth + 1) for child in _children(node))

    def inline(self, nodes: list[dict[str, Any]], depth: int) -> str:
        """The nodes' text as Markdown. Text is escaped so that it stays text, and what
        starts a line ("# ", "- ", "1. ") is escaped only there."""
        out: list[str] = []
        pending, pending_format = "", 0
        start = True  # the next piece begins a line

        def flush() -> None:
            nonlocal start
            piece = _styled(pending, pending_format, start)
            out.append(piece)
            start = piece.endswith("\n") if piece else start

        for node in nodes:
            self._enter(depth)
            kind = node.get("type")
            text = node.get("text")
            if kind in ("text", "code-highlight", "hashtag") and isinstance(text, str):
                fmt = node.get("format")
                fmt = fmt if isinstance(fmt, int) else 0
                if fmt == pending_format:
                    pending += text
                    continue
                flush()
                pending, pending_format = text, fmt
                continue
            flush()
            pending, pending_format = "", 0
            if kind == "linebreak":
                out.append("\n")
            elif kind == "tab":
                out.append("\t")
            elif kind in ("link", "autolink", "auto-link"):
                label = self.inline(_children(node), depth + 1)
                url = node.get("url")
                if isinstance(url, str) and url and not any(c in url for c in " ()\n<>"):
                    out.append(f"[{label}]({url})")
                else:
                    out.append(label)
            elif isinstance(text, str):
                out.append(_escape(text, start))
            else:
                out.append(self.inline(_children(node), depth + 1))
            start = out[-1].endswith("\n") if out[-1] else start
        flush()
        return "".join(out)


_INLINE = frozenset(
    {"text", "linebreak", "tab", "link", "autolink", "auto-link", "hashtag", "code-highlight"}
)


def _escape(text: str, at_line_start: bool) -> str:
    """``text`` escaped to stay text: markup characters everywhere, and what would make
    a block of a line (a heading's "#", a list's "-" or "1.", a quote's ">") at the start
    of each of its lines (its first only when it starts a line)."""
    lines = _ESCAPE.sub(r"\\\1", text).split("\n")
    for index, line in enumerate(lines):
        if index or at_line_start:
            lines[index] = _LINE_START.sub(_escaped_start, line, count=1)
    return "\n".join(lines)


def _escaped_start(match: re.Match[str]) -> str:
    lead, hashes, mark, digits, dot = match.groups()
    if digits:
        return f"{lead}{digits}\\{dot}"
    return f"{lead}\\{hashes or mark}"


def _styled(text: str, fmt: int, at_line_start: bool = False) -> str:
    if not text:
        return ""
    if fmt & _CODE:
        fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
        pad = " " if text.startswith("`") or text.endswith("`") else ""
        return f"{fence}{pad}{text}{pad}{fence}"
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    core = _escape(core, at_line_start)
    if fmt & _STRIKE:
        core = f"~~{core}~~"
    if fmt & _ITALIC:
        core = f"*{core}*"
    if fmt & _BOLD:
        core = f"**{core}**"
    return lead + core + trail
