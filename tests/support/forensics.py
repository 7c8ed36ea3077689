"""What an examiner with the disk would do: hash every file, grep every byte for a word."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path


def encodings_of(word: str) -> list[bytes]:
    """``word`` as it could sit on disk: UTF-8, and UTF-16 in both byte orders."""
    return [word.encode("utf-8"), word.encode("utf-16-le"), word.encode("utf-16-be")]


def files_under(*roots: Path) -> list[Path]:
    found = []
    for root in roots:
        if root.is_file():
            found.append(root)
            continue
        for folder, _dirs, names in os.walk(root):
            found += [Path(folder) / name for name in names]
    return [path for path in found if not path.is_symlink() and path.is_file()]


def canary_hits(words: Iterable[str], *roots: Path) -> list[tuple[Path, str]]:
    """Every (file, word) where a file under ``roots`` contains ``word`` in any encoding."""
    patterns = [(word, encoded) for word in words for encoded in encodings_of(word)]
    hits = []
    for path in files_under(*roots):
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            continue  # removed while we looked (a temp file being renamed)
        hits += [(path, word) for word, encoded in patterns if encoded in data]
    return sorted(set(hits))


def tree_digest(root: Path) -> dict[str, str]:
    """sha256 of every file under ``root``, by relative path."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in files_under(root)
    }
