"""Every key the Markdown importer reads from YAML front matter, given every kind of
value YAML can build: the front matter is read or left in the body as text, and nothing
else happens (no exception, whatever the value)."""

from __future__ import annotations

import pytest

from hushnote.core.importers.front_matter import LOCATION_KEYS, split_front_matter

KEYS = ("title", "tags", "tag", "aliases", "alias", "created", "date", "updated", "modified",
        *LOCATION_KEYS)  # fmt: skip
# YAML texts for every kind of value the safe loader builds, and its extremes: numbers in
# bases Python prints only in decimal (past 4,300 digits it refuses), infinities, dates
# out of range, binary, sets, ordered maps, anchors, nested and complex keys.
VALUES = (
    "", "~", "true", "0", "-1", "1.5", ".inf", "-.inf", ".nan", "1e400",
    "0x" + "f" * 5000, "0b" + "1" * 20_000, "0o" + "7" * 6000, "1_000", "12:30:00",
    "2026-12-04", "2026-12-04T10:00:00Z", "0001-01-01", "9999-12-31T23:59:59-23:59",
    "!!binary aGVsbG8=", "!!set {a, b}", "!!omap [a: 1, b: 2]", "!!str 5", "!!float 1",
    "[]", "{}", "[a, [b, [c]]]", "{a: {b: c}}", "[0x" + "f" * 5000 + ", x]",
    "[1.5, true, ~, 2026-12-04]", '"\\ud800"', "'x'", "[" * 50 + "]" * 50,
    "&a [x, y]", "[&b x, *b, *b]", "{? [a, b]: c}",
)  # fmt: skip


@pytest.mark.parametrize("key", KEYS)
def test_every_kind_of_value_is_read_or_left_as_text(key: str) -> None:
    for value in VALUES:
        text = f"---\n{key}: {value}\nlat: 1\n---\nbody\n"
        found, body = split_front_matter(text)  # raises nothing
        assert body == "body\n" if found is not None else body == text, value
