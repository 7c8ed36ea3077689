"""Every test the threat model names exists, so a claim cannot outlive its proof.

A row names its evidence as `tests/path.py::test_name`; `…::other` means the same file as
the reference before it, and `…/other.py` a file in the same folder. A renamed or
deleted test would otherwise leave a claim that nothing checks.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
THREAT_MODEL = ROOT / "docs" / "threat-model.md"


def references(text: str) -> list[tuple[str, str, str]]:
    """(as written, file, test name or "") for each test reference in the table rows."""
    found: list[tuple[str, str, str]] = []
    for line in text.splitlines():
        if not line.startswith("|"):
            continue
        last: str | None = None
        for ref in re.findall(r"`([^`]*)`", line):
            if not ref.startswith(("tests/", "…")):
                continue
            path, _, name = ref.partition("::")
            if path.startswith("…"):
                rest = path[1:]
                if rest.startswith("/") and last is not None:
                    path = str(Path(last).parent) + rest
                elif not rest and last is not None:
                    path = last
                else:
                    path = rest or "(nothing before it)"
            found.append((ref, path, name.split("[")[0]))
            if not (ROOT / path).is_dir():
                last = path
    return found


def missing(refs: list[tuple[str, str, str]]) -> list[str]:
    """A line for each reference whose file or test does not exist."""
    out = []
    for ref, path, name in refs:
        file = ROOT / path
        if file.is_dir():
            continue
        if not file.is_file():
            out.append(f"{ref}: no file {path}")
        elif name and not re.search(rf"def {re.escape(name)}\b", file.read_text("utf-8")):
            out.append(f"{ref}: no test {name} in {path}")
    return out


def test_every_named_test_exists() -> None:
    refs = references(THREAT_MODEL.read_text(encoding="utf-8"))
    # The table backs dozens of claims; finding few means the parsing broke, not the doc.
    assert len(refs) > 100
    assert missing(refs) == []


def test_a_reference_to_a_missing_test_or_file_is_found() -> None:
    row = (
        "| a claim | a defence | `tests/unit/test_layering.py::test_no_such_thing`,"
        " `…::test_core_and_cli_import_without_qt`, `…/test_no_such_file.py` |"
    )
    assert missing(references(row)) == [
        "tests/unit/test_layering.py::test_no_such_thing: no test test_no_such_thing"
        " in tests/unit/test_layering.py",
        "…/test_no_such_file.py: no file tests/unit/test_no_such_file.py",
    ]
