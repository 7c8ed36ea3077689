"""Every field of every kind of bundle record, given every odd value in turn or left out:
``check_record`` returns the record or raises ``BundleFormatError``, nothing else.

The archive fuzz target mutates the same way but reaches only the members of its seeds;
this sweep covers each member the reader checks, history and travel included (a travel
record's kind given as a list once raised ``TypeError``).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest

from fuzz.archives import CONTACT, LINK, LIST, NOTE, ODD_VALUES
from hushnote.core.formats.bundle_records import check_record
from hushnote.errors import BundleFormatError

_TIME = NOTE["created_at"]
_UUID = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"
SAMPLES: dict[str, list[dict[str, Any]]] = {
    "notes.jsonl": [NOTE],
    "contacts.jsonl": [CONTACT],
    "lists.jsonl": [LIST],
    "links.jsonl": [LINK],
    "attachments.jsonl": [
        {
            "uuid": _UUID,
            "note": NOTE["uuid"],
            "name": "statement.txt",
            "kind": "text",
            "size": 23,
            "sha256": "0" * 64,
            "removed": [],
            "created_at": _TIME,
            "file": f"attachments/{_UUID}/statement.txt",
        }
    ],
    "history.jsonl": [
        {
            "note": NOTE["uuid"],
            "number": 1,
            "made_at": _TIME,
            "reason": "edit",
            "title": "Hearing",
            "body": "Friday",
        }
    ],
    "travel.jsonl": [
        {"kind": "notebook", "name": "Cases"},
        {"kind": "list", "uuid": LIST["uuid"], "name": "Medics"},
        {"kind": "trashed", "uuid": NOTE["uuid"], "at": _TIME},
    ],
}


def _places(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key)
            yield from _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield (*path, index)
            yield from _places(item, (*path, index))


_LEAVE_OUT = object()


def _changed(record: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(record)
    holder: Any = changed
    for step in path[:-1]:
        holder = holder[step]
    if value is _LEAVE_OUT:
        del holder[path[-1]]
    else:
        holder[path[-1]] = value
    return changed


@pytest.mark.parametrize("member", sorted(SAMPLES))
def test_every_field_with_every_odd_value_is_kept_or_refused_as_damage(member: str) -> None:
    tried, escaped = 0, []
    for record in SAMPLES[member]:
        assert check_record(member, 1, copy.deepcopy(record)) is not None  # valid as it is
        for path in _places(record):
            removable = isinstance(path[-1], str)
            for value in (*ODD_VALUES, *([_LEAVE_OUT] if removable else [])):
                tried += 1
                try:
                    check_record(member, 1, _changed(record, path, value))
                except BundleFormatError:
                    pass
                except Exception as error:  # the contract's breach, collected
                    escaped.append(f"{path} = {str(value)[:20]!r}: {error!r}")
    assert tried >= 2 * len(ODD_VALUES)  # every field of the samples was reached
    assert escaped == [], "\n".join(escaped[:20])
