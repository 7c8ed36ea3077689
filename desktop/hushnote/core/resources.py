"""Where the files shipped beside the code (word lists, icons) are found.

Three layouts, tried in order:

- a PyInstaller build: ``packaging/hushnote.spec`` copies them to ``resources/`` inside
  the bundle folder, which the bootloader names in ``sys._MEIPASS``;
- a source checkout (and an editable install): ``resources/`` at the top of the tree;
- an install under a prefix, such as the Flatpak's ``/app``: the package sits in
  ``<prefix>/lib/pythonX.Y/site-packages`` and the files in ``<prefix>/share/hushnote``.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["resource_path"]


def _roots() -> list[Path]:
    here = Path(__file__).resolve()
    roots = []
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and isinstance(bundle, str):
        roots.append(Path(bundle) / "resources")
    roots.append(here.parents[3] / "resources")
    if len(here.parents) > 5:
        roots.append(here.parents[5] / "share" / "hushnote")
    return roots


def resource_path(*parts: str) -> Path:
    """The shipped file ``<parts...>`` in the first layout that exists (else the first)."""
    roots = _roots()
    for root in roots:
        if root.is_dir():
            return root.joinpath(*parts)
    return roots[0].joinpath(*parts)
