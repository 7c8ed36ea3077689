"""A single JSON document is parsed in one call: progress is reported just before and
just after it, and a Cancel during the parse is honoured as soon as it returns."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hushnote.core.importers import dayone, standardnotes
from hushnote.errors import CancelledError
from unit.core.importers.sn_builder import backup, note

_ORIGINAL_LOADS = json.loads


def _dayone(tmp_path: Path) -> Path:
    folder = tmp_path / "dayone"
    folder.mkdir()
    entry = {"uuid": "A" * 32, "creationDate": "2023-01-05T23:20:30Z", "text": "x"}
    (folder / "Journal.json").write_text(json.dumps({"entries": [entry]}))
    return folder


def _standardnotes(tmp_path: Path) -> Path:
    path = tmp_path / "backup.txt"
    path.write_bytes(backup([note("n1", "A", "t")]))
    return path


@pytest.mark.parametrize(
    ("reader", "make"),
    [(dayone.read, _dayone), (standardnotes.read, _standardnotes)],
    ids=["dayone", "standardnotes"],
)
def test_cancel_during_the_parse_is_honoured_right_after_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    reader: Callable[..., Any],
    make: Callable[[Path], Path],
) -> None:
    events: list[str] = []

    def loads(text: Any, **options: Any) -> Any:
        events.append("parse")
        return _ORIGINAL_LOADS(text, **options)

    def progress(fraction: float) -> bool:
        events.append("progress")
        return "parse" not in events  # Cancel pressed while the parse ran

    path = make(tmp_path)
    monkeypatch.setattr(json, "loads", loads)
    with pytest.raises(CancelledError):
        reader([path], progress=progress)
    first = events.index("parse")
    assert events[first - 1] == "progress"
    assert events[first + 1] == "progress"
    assert events.count("parse") == 1
