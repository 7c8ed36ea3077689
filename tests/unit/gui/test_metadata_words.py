"""The sentence said after an attach: every removed-metadata code has words."""

from __future__ import annotations

import pytest

from hushnote.core.attachments.metadata import CODES
from hushnote.gui.metadata_words import (
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


def test_the_codes_become_one_sentence_the_most_identifying_first() -> None:
    assert (
        removed_sentence(["author", "camera-serial", "gps"])
        == "Removed: GPS position, camera serial number, author."
    )


def test_every_known_code_has_its_own_words() -> None:
    phrases = [metadata_phrase(code) for code in KNOWN]
    assert len(set(phrases)) == len(KNOWN)
    assert "other identifying data" not in phrases


def test_every_code_the_cleaner_reports_has_words() -> None:
    """A code added to the cleaner fails here until it is given words ("other" is the
    cleaner's own catch-all, said as such)."""
    generic = metadata_phrase("other")
    phrases = {code: metadata_phrase(code) for code in CODES if code != "other"}
    assert generic not in phrases.values()
    assert len(set(phrases.values())) == len(phrases)


@pytest.mark.parametrize("code", ["maker-notes", "", "GPS"])
def test_an_unknown_code_is_still_said(code: str) -> None:
    assert removed_sentence([code]) == "Removed: other identifying data."


def test_unknown_codes_are_said_once() -> None:
    assert removed_sentence(["x", "gps", "y"]) == "Removed: GPS position, other identifying data."


def test_nothing_found_is_said_as_such() -> None:
    assert removed_sentence([]) == "Nothing identifying was found."


def test_nothing_sounds_safer_than_it_is() -> None:
    kept = outcome_sentence("jpeg", (), cleaned=False, kept=True)
    assert kept == "Stored with its metadata, unchanged, as you chose."
    assert outcome_sentence("pdf", (), cleaned=True) == "Nothing identifying was found."
    # Not looked into: an office file, or a HEIC photo this version cannot clean.
    for kind in ("other", "heic"):
        assert outcome_sentence(kind, (), cleaned=False).startswith(
            "Stored as it is: metadata is removed only from JPEG, PNG and WebP photos and PDFs"
        )
    assert "plain text" in outcome_sentence("text", (), cleaned=False)
    assert outcome_sentence("jpeg", ("gps",), cleaned=True) == "Removed: GPS position."
    assert "faces (blurred)" in outcome_sentence("png", ("faces",), cleaned=True)
