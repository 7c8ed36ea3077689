"""The JSON type sweep (``json_types.py``) over every JSON fuzz target's seeds: each
input is accepted or refused with a ``HushnoteError``, as the fuzz contract says."""

from __future__ import annotations

import pytest

from fuzz import fuzz_dayone
from fuzz.harness import Finding, check, load
from fuzz.json_types import Codec, member, plain, variants, zlib_json

CODECS: dict[str, Codec] = {
    "standardnotes": plain(),
    "sync": zlib_json(),
    "dayone": member(fuzz_dayone.MEMBER_MARK, "Journal.json"),
}


@pytest.mark.parametrize("name", sorted(CODECS))
def test_every_value_of_every_kind_is_accepted_or_refused_clearly(name: str) -> None:
    target = load(name)
    take, put = CODECS[name]
    tried, findings = 0, []
    for seed_name, seed in target.seeds().items():
        text = take(seed)
        if text is None:
            continue
        for what, changed in variants(text):
            tried += 1
            try:
                check(target, put(seed, changed))
            except Finding as finding:
                findings.append(f"{seed_name}: {what}: {finding}")
    assert tried > 100  # the seeds still hold JSON documents
    assert findings == [], "\n".join(findings[:20])
