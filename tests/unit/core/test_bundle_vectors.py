"""Every reference bundle in tests/vectors does what its expectation says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyrage import x25519

from hushnote import errors
from hushnote.core.formats.bundle import open_bundle

VECTORS = Path(__file__).parents[2] / "vectors"
EXPECTATIONS = json.loads((VECTORS / "expectations.json").read_text())
IDENTITY = x25519.Identity.from_str((VECTORS / "identity.txt").read_text().split()[-1])


def test_every_vector_file_has_an_expectation() -> None:
    files = {path.name for path in VECTORS.glob("*.hnb")}
    assert files == set(EXPECTATIONS)
    assert len(files) >= 12


@pytest.mark.parametrize("name", sorted(EXPECTATIONS))
def test_vector(name: str) -> None:
    expectation = EXPECTATIONS[name]
    path = VECTORS / name
    passphrase = expectation.get("passphrase")
    identities = [] if passphrase else [IDENTITY]
    if expectation["expect"] == "accept":
        contents = open_bundle(path, identities=identities, passphrase=passphrase)
        for kind in ("notes", "contacts", "lists", "links", "history"):
            if kind in expectation:
                assert len(list(contents.records(f"{kind}.jsonl"))) == expectation[kind]
        if "attachments" in expectation:
            assert len(contents.attachments) == expectation["attachments"]
            for record in contents.attachments:
                with contents.open_member(record["file"]) as stream:
                    assert len(stream.read()) == record["size"]
        return
    error = getattr(errors, expectation["expect"])
    with pytest.raises(error) as caught:
        open_bundle(path, identities=identities, passphrase=passphrase)
    for key in ("member", "line"):
        if key in expectation:
            assert caught.value.context[key] == expectation[key]
