"""The last word typed back on the wizard's key page, as a Chinese input method types it.

The key page compares the word as End travel compares the words (``normalize_travel_key``):
full-width letters and the input method's ，。 do not keep Next off; another word does."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from hushnote.core import normalize_travel_key
from hushnote.gui.travel_key_view import TravelKeyView

WORDS = "apple banana cherry delta echo foxtrot golf hotel india yo-yo"


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@pytest.mark.parametrize(
    "typed",
    [full_width("yo-yo"), full_width("YO-YO"), "yo-yo。", "yo-yo，"],
    ids=["full-width", "full-width-upper", "ideographic-full-stop", "chinese-comma"],
)
def test_the_last_word_as_a_chinese_ime_types_it_is_accepted(qtbot: QtBot, typed: str) -> None:
    # What End travel accepts for the same word:
    assert normalize_travel_key(typed) == "yo-yo"
    view = TravelKeyView()
    qtbot.addWidget(view)
    view.show_key(WORDS)
    view.confirm.setText(typed)
    assert view.confirmed(), f"{typed!r} is refused on the key page"


@pytest.mark.parametrize("typed", ["yo", "india", "yo-yo-yo", full_width("yoyo"), ""])
def test_another_word_is_still_refused(qtbot: QtBot, typed: str) -> None:
    view = TravelKeyView()
    qtbot.addWidget(view)
    view.show_key(WORDS)
    view.confirm.setText(typed)
    assert not view.confirmed()
