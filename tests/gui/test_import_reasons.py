"""Every reason an importer can give has a sentence the GUI translates."""

from __future__ import annotations

from hushnote.core.importers.reasons import REASONS
from hushnote.gui.import_reasons import import_reason_sentence, known_reasons


def test_every_reason_key_has_a_translatable_sentence() -> None:
    assert known_reasons() == set(REASONS)
    for key, english in REASONS.items():
        assert import_reason_sentence(key) == english  # no catalogue loaded: the source
    assert import_reason_sentence("no-such-key") == "no-such-key"
