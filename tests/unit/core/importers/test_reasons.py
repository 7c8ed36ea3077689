"""Every reason key an importer raises has its sentence in ``reasons.py``."""

from __future__ import annotations

import re
from pathlib import Path

from hushnote.core.importers.reasons import REASONS, reason_text

PACKAGE = Path(__file__).resolve().parents[4] / "desktop" / "hushnote" / "core" / "importers"
# reason="key", and files.error("key", ...) / self.error("key", ...)
_RAISED = re.compile(r'reason="([a-z0-9-]+)"|\berror\(\s*"([a-z0-9-]+)"')


def test_every_raised_reason_is_worded() -> None:
    raised = set()
    for module in PACKAGE.glob("*.py"):
        for match in _RAISED.finditer(module.read_text(encoding="utf-8")):
            raised.add(match.group(1) or match.group(2))
    assert raised, "the pattern found no reason at all"
    assert raised - set(REASONS) == set()
    assert reason_text("front-matter") != "front-matter"
