"""The sentence said after an attach: every removed-metadata code has words."""

from __future__ import annotations

import pytest

from hushnote.gui.metadata_words import (
    CLEANED_KINDS,
    metadata_phrase,
    outcome_sentence,
    removed_sentence,
)

KNOWN = [
    "gps",
    "camera-serial",
    "camera",
    "owner",
    "author",
    "date-taken",
    "software",
    "thumbnail",
    "xmp",
    "iptc",
    "comment",
    "title",
    "subject",
    "keywords",
    "creator-tool",
]


def test_the_codes_become_one_sentence_in_their_order() -> None:
    assert (
        removed_sentence(["gps", "camera-serial", "author"])
        == "Removed: GPS position, camera serial number, author."
    )


def test_every_known_code_has_its_own_words() -> None:
    phrases = [metadata_phrase(code) for code in KNOWN]
    assert len(set(phrases)) == len(KNOWN)
    assert "other identifying data" not in phrases


@pytest.mark.parametrize("code", ["maker-notes", "", "GPS"])
def test_an_unknown_code_is_still_said(code: str) -> None:
    assert removed_sentence([code]) == "Removed: other identifying data."


def test_unknown_codes_are_said_once() -> None:
    assert removed_sentence(["x", "gps", "y"]) == "Removed: other identifying data, GPS position."


def test_nothing_found_is_said_as_such() -> None:
    assert removed_sentence([]) == "Nothing identifying was found."


def test_nothing_sounds_safer_than_it_is() -> None:
    assert outcome_sentence("jpeg", (), cleaned=False).startswith("Stored with its metadata")
    assert outcome_sentence("pdf", (), cleaned=True) == "Nothing identifying was found."
    assert outcome_sentence("other", (), cleaned=True).startswith(
        "Stored as it is: metadata is removed only from photos and PDFs"
    )
    assert "plain text" in outcome_sentence("text", (), cleaned=True)
    assert "made anew" in outcome_sentence("png", ("everything",), cleaned=True)


def test_the_kinds_said_to_be_cleaned_are_the_stores() -> None:
    from hushnote.core.attachments.store import CLEANABLE

    assert CLEANED_KINDS == CLEANABLE
