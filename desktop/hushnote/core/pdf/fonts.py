"""The installed fonts a PDF embeds: DejaVu for Latin text, Noto Sans CJK for Chinese.

Fonts are found by file name in the standard font folders, read-only; nothing is cached
on disk. Text that no found font can draw is refused (``PdfFontError``) rather than
printed as empty boxes.
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

__all__ = ["FontFile", "FontSet", "find_fonts"]

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

    def register(self, pdf: Any, check: Callable[[], None]) -> None:
        """Add every face to an ``fpdf.FPDF``, with CJK as the fallback of every family;
        ``check`` runs between faces (a CJK face takes about half a second to read)."""
        for (family, style), face in self.faces.items():
            pdf.add_font(family, style, str(face.path), collection_font_number=face.number)
            check()
        if ("cjk", "") in self.faces:
            pdf.set_fallback_fonts(["cjk"], exact_match=False)

    def families(self) -> set[str]:
        return {family for family, _ in self.faces}


def check_coverage(pdf: Any, texts: Iterable[str]) -> None:
    """Refuse text that has a character no registered face draws (``PdfFontError``):
    a PDF with empty boxes would look complete and say less than the note."""
    covered = _covered(pdf)
    for text in texts:
        for char in set(text):
            if char not in covered and not _invisible(char):
                raise PdfFontError(reason="missing-glyphs")


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
