"""The guide's translations keep up with the English one, its links land, and the copy the
app ships is docs/ itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hushnote.app.user_guide import (
    ENGLISH,
    GUIDE_DIR,
    GUIDE_FILES,
    TRAVEL_ANCHOR,
    anchor_ids,
    guide_file,
    markdown_headings,
)

DOCS = Path(__file__).parents[3] / "docs"
TRANSLATIONS = [name for language, name in GUIDE_FILES.items() if language != "en"]
_FENCED = re.compile(r"^([ \t]*)(```|~~~)[^\n]*\n(.*?)^\1\2\s*$", re.MULTILINE | re.DOTALL)
_LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")


def read(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def code_blocks(markdown: str) -> list[str]:
    """Every fenced block, its indentation removed (a block may sit in a list item)."""
    blocks = []
    for match in _FENCED.finditer(markdown):
        indent = len(match.group(1))
        lines = match.group(3).splitlines()
        blocks.append("\n".join(line[indent:] for line in lines))
    return blocks


def test_the_outline_parser_and_anchors_follow_github() -> None:
    text = "# Top\n```sh\n# not a heading\n```\n## What `--to self` is for\n### Notes\n### Notes\n"
    headings = markdown_headings(text)
    assert headings == [(1, "Top"), (2, "What --to self is for"), (3, "Notes"), (3, "Notes")]
    assert anchor_ids([t for _, t in headings]) == ["top", "what---to-self-is-for", "notes",
                                                    "notes-1"]  # fmt: skip
    assert anchor_ids(["交接工作：数据包"]) == ["交接工作数据包"]


@pytest.mark.parametrize("name", TRANSLATIONS)
def test_a_translation_has_the_english_outline(name: str) -> None:
    """Heading for heading, same levels in the same order: a section added to or removed
    from the English guide shows here until the translation follows."""
    english = markdown_headings(read(ENGLISH))
    translated = markdown_headings(read(name))
    for index, (source, target) in enumerate(zip(english, translated, strict=False)):
        assert source[0] == target[0], (
            f"heading {index + 1}: English {'#' * source[0]} {source[1]!r}, "
            f"{name} {'#' * target[0]} {target[1]!r}"
        )
    assert len(translated) == len(english), (
        f"{name} has {len(translated)} headings, the English guide {len(english)}; "
        f"first unmatched: {(english + translated)[min(len(english), len(translated))]}"
    )


@pytest.mark.parametrize("name", TRANSLATIONS)
def test_a_translation_keeps_every_command(name: str) -> None:
    english = code_blocks(read(ENGLISH))
    assert len(english) > 10
    assert code_blocks(read(name)) == english


@pytest.mark.parametrize("name", [ENGLISH, *TRANSLATIONS])
def test_every_link_inside_a_guide_lands_on_one_of_its_headings(name: str) -> None:
    text = read(name)
    anchors = set(anchor_ids([t for _, t in markdown_headings(text)]))
    fragments = [t[1:] for t in _LINK_TARGET.findall(text) if t.startswith("#")]
    assert len(fragments) > 30
    assert [f for f in fragments if f not in anchors] == []
    # Images are the guide's own screenshots, which ship with it.
    images = re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", text)
    assert all((DOCS / image).is_file() for image in images), images


def test_help_travel_notes_names_an_english_heading() -> None:
    assert TRAVEL_ANCHOR in anchor_ids([t for _, t in markdown_headings(read(ENGLISH))])


@pytest.mark.parametrize("name", [ENGLISH, *TRANSLATIONS])
def test_the_shipped_guide_is_docs_itself(name: str) -> None:
    shipped = GUIDE_DIR / name
    assert shipped.is_file(), f"{shipped} is missing: run `make translations`"
    assert shipped.read_bytes() == (DOCS / name).read_bytes(), (
        f"{shipped} differs from docs/{name}: run `make translations`"
    )


def test_a_language_without_a_guide_gets_the_english_one(tmp_path: Path) -> None:
    (tmp_path / ENGLISH).write_text("# Guide\n", encoding="utf-8")
    assert guide_file("zh_TW", tmp_path) == tmp_path / ENGLISH
    assert guide_file("en", GUIDE_DIR) == GUIDE_DIR / ENGLISH
    assert guide_file("zh_CN", GUIDE_DIR) == GUIDE_DIR / GUIDE_FILES["zh_CN"]
