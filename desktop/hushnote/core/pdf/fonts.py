"""The installed fonts a PDF embeds: DejaVu for Latin text, Noto Sans CJK for Chinese.

Fonts are found by file name in the standard font folders, read-only; nothing is cached
on disk. The CJK faces, slow to read and to subset, are added only when some text needs
them. Text that no found font can draw is refused (``PdfFontError``) rather than printed
as empty boxes.
"""

from __future__ import annotations

import functools
import os
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hushnote.errors import PdfFontError

__all__ = ["Coverage", "FontFile", "FontSet", "find_fonts"]

# Runs one slow library call (reading a face) and returns its result; the caller may keep
# checking for Cancel meanwhile.
SlowCall = Callable[[Callable[[], Any]], Any]

_FOLDERS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")
# (family, style) -> file names to look for, best first.
_WANTED: dict[tuple[str, str], tuple[str, ...]] = {
    ("sans", ""): ("DejaVuSans.ttf",),
    ("sans", "B"): ("DejaVuSans-Bold.ttf",),
    ("sans", "I"): ("DejaVuSans-Oblique.ttf",),
    ("sans", "BI"): ("DejaVuSans-BoldOblique.ttf",),
    ("mono", ""): ("DejaVuSansMono.ttf",),
    ("cjk", ""): ("NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf", "wqy-microhei.ttc"),
    ("cjk", "B"): ("NotoSansCJK-Bold.ttc", "NotoSansCJKsc-Bold.otf"),
}
_FALLBACK = "cjk"  # the family added only for text the others cannot draw
# In a collection, the face drawn for Chinese: Simplified Chinese forms first.
_PREFERRED_FACES = ("SC", "TC", "HK", "Micro Hei")


@dataclass(frozen=True)
class FontFile:
    """One face of a font file: its path and its number inside a collection (.ttc)."""

    path: Path
    number: int = 0


@dataclass(frozen=True)
class FontSet:
    """The faces found, by (family, style); "sans" regular is always there."""

    faces: dict[tuple[str, str], FontFile]

    def register(self, pdf: Any, run: SlowCall) -> Coverage:
        """Add the Latin faces to an ``fpdf.FPDF``, each through ``run``; the CJK faces
        wait for the first text that needs them (``Coverage.require``)."""
        for key, face in self.faces.items():
            if key[0] != _FALLBACK:
                _add(pdf, key, face, run)
        return Coverage(self, pdf, run)

    def families(self) -> set[str]:
        return {family for family, _ in self.faces}


class Coverage:
    """What the faces added to one PDF can draw, grown by the CJK faces on demand."""

    def __init__(self, fonts: FontSet, pdf: Any, run: SlowCall) -> None:
        self._fonts = fonts
        self._pdf = pdf
        self._run = run
        self._covered = _covered(pdf)
        self._fallback = False

    def require(self, texts: Iterable[str]) -> None:
        """Make every character of ``texts`` drawable: the CJK faces are added, as the
        fallback of every family, at the first text that has a character the others
        lack. ``PdfFontError`` if one is still missing: a PDF with empty boxes would
        look complete and say less than the note."""
        missing = {char for text in texts for char in set(text)} - self._covered
        missing = {char for char in missing if not _invisible(char)}
        if missing and not self._fallback and (_FALLBACK, "") in self._fonts.faces:
            self._fallback = True
            for key, face in self._fonts.faces.items():
                if key[0] == _FALLBACK:
                    _add(self._pdf, key, face, self._run)
            self._pdf.set_fallback_fonts([_FALLBACK], exact_match=False)
            self._covered = _covered(self._pdf)
            missing -= self._covered
        if missing:
            raise PdfFontError(reason="missing-glyphs")


def _add(pdf: Any, key: tuple[str, str], face: FontFile, run: SlowCall) -> None:
    family, style = key
    run(lambda: pdf.add_font(family, style, str(face.path), collection_font_number=face.number))


def _covered(pdf: Any) -> set[str]:
    chars: set[str] = set()
    for font in pdf.fonts.values():
        chars.update(chr(code) for code in getattr(font, "cmap", {}))
    return chars


def _invisible(char: str) -> bool:
    """Whitespace and format characters (joiners, marks of direction) draw nothing."""
    return char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp")


@functools.cache
def find_fonts() -> FontSet:
    """The faces installed on this system (looked up once per process)."""
    wanted = {name for names in _WANTED.values() for name in names}
    found: dict[str, Path] = {}
    for folder in _FOLDERS:
        root = Path(os.path.expanduser(folder))
        if not root.is_dir():
            continue
        for directory, _, files in os.walk(root):
            for name in files:
                if name in wanted and name not in found:
                    found[name] = Path(directory) / name
    faces: dict[tuple[str, str], FontFile] = {}
    for key, names in _WANTED.items():
        path = next((found[name] for name in names if name in found), None)
        if path is not None:
            faces[key] = FontFile(path, _face_number(path))
    if ("sans", "") not in faces:
        raise PdfFontError(reason="no-font")
    return FontSet(faces)


def _face_number(path: Path) -> int:
    """In a collection, the face for Chinese; 0 for a single font."""
    if path.suffix.lower() != ".ttc":
        return 0
    from fontTools.ttLib import TTCollection  # type: ignore[import-untyped]

    collection = TTCollection(str(path), lazy=True)
    try:
        names = [str(font["name"].getDebugName(1) or "") for font in collection.fonts]
    finally:
        collection.close()
    for wanted in _PREFERRED_FACES:
        for number, name in enumerate(names):
            if name.endswith(wanted):
                return number
    return 0
