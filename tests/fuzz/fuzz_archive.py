"""The bundle archive after decryption: the ZIP, the manifest and every JSON line.

``_check_archive`` is what ``open_bundle`` runs on the decrypted bytes; a bundle it
accepts is then read record by record with ``BundleContents.records``, as the importer
does, and must yield as many records as the manifest counts.
"""

from __future__ import annotations

from typing import Any

from hushnote.core.formats import bundle

from . import archives
from .harness import Target


def read_all(contents: Any) -> None:
    """Every record of an accepted bundle, counted against its manifest."""
    for member in archives.DATA_MEMBERS:
        count = sum(1 for _ in contents.records(member))
        expected = contents.manifest["counts"][member.removesuffix(".jsonl")]
        assert count == expected, f"records() read {count} lines of {member}, the check {expected}"


def _parse(data: bytes) -> object:
    contents = bundle._check_archive(bytearray(data))
    read_all(contents)
    return contents


TARGET = Target(
    name="archive",
    parse=_parse,
    seeds=archives.seeds,
    max_len=128 * 1024,
    mutator=archives.mutate,
    dictionary=(
        b"PK\x03\x04",
        b"PK\x01\x02",
        b"PK\x05\x06",
        b"PK\x06\x06",
        b"PK\x06\x07",
        b"notes.jsonl",
        b"contacts.jsonl",
        b"lists.jsonl",
        b"links.jsonl",
        b"manifest.json",
        b'"hushnote-bundle"',
        b'"version"',
        b'"members"',
        b'"counts"',
        b'"sha256"',
    ),
)
