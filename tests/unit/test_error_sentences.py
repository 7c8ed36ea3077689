"""Every error the core can raise has a sentence in both front ends.

An error without one reached the GUI's crash dialog ("an unexpected problem") and the
CLI's bare error code, for failures that are expected: a full disk, a locked vault.
"""

from __future__ import annotations

import inspect

import pytest

from hushnote import errors
from hushnote.cli.messages import message_for
from hushnote.errors import HushnoteError

# Every fact an error may carry, so that no template lacks one.
CONTEXT = {
    "path": "/home/a/vault",
    "reason": "unknown",
    "kind": "note",
    "reference": "3f2a",
    "field": "title",
    "member": "notes.jsonl",
    "line": 3,
    "what": "file",
    "version": 2,
    "parameter": "memory_mib",
    "value": 9999,
    "maximum": 2048,
    "minimum": 64,
    "names": "vault.db",
    "keys": "destroyed",
    "errno": "EIO",
    "log_n": 22,
    "size": 5000,
}
RAISED = sorted(
    (
        cls
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, HushnoteError) and cls.exit_code > 1
    ),
    key=lambda cls: cls.exit_code,
)


def test_the_error_tree_is_walked() -> None:
    assert len(RAISED) >= 30
    assert len({cls.exit_code for cls in RAISED}) == len(RAISED)  # one exit code each


@pytest.mark.parametrize("cls", RAISED, ids=lambda cls: cls.code)
def test_the_cli_has_a_sentence(cls: type[HushnoteError]) -> None:
    line = message_for(cls(**CONTEXT))
    assert line != cls.code and " " in line, f"{cls.__name__} has no CLI sentence"
    assert "{" not in line


@pytest.mark.parametrize("cls", RAISED, ids=lambda cls: cls.code)
def test_the_gui_has_a_sentence(cls: type[HushnoteError], qapp) -> None:  # type: ignore[no-untyped-def]
    from hushnote.gui.messages import error_text

    class Unmapped(HushnoteError):
        code = "no-such-code"

    generic = {error_text(RuntimeError("a bug")), error_text(Unmapped())}
    text = error_text(cls(**CONTEXT))
    assert text and text not in generic, f"{cls.__name__} has no GUI sentence"
    assert "{" not in text
