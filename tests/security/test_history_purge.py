"""A purged revision leaves no trace: neither its words nor any stretch of its stored
(compressed) bytes in any page of the database or frame of the WAL, decrypted by hand
with the data key as an examiner would.

Compressed revisions do not show their words as plain text, so the words alone could
never fail this test: a 24-byte slice of every stored stream is taken before the purge
and searched for after it. The same is run with zlib at level 0 (stored blocks), where
the words themselves are in the pages until the purge.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from conftest import VaultSetup
from hushnote.core import HistoryStore, NoteStore, Vault
from hushnote.core.store import revision_codec
from support.sqlcipher_pages import decrypted_pages

_SLICE = 24
_WORDS = "tenancy hearing landlord deposit eviction notice court appeal rent repair".split()


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Scene:
    vault: Vault
    notes: NoteStore
    history: HistoryStore
    clock: Clock
    uuids: dict[str, str]
    words: dict[str, list[str]]

    @property
    def pages(self) -> list[bytes]:
        self.vault.db.checkpoint()  # what a later lock would fold in must be seen too
        return decrypted_pages(self.vault.paths.database, bytes(self.vault.keyring().data_key))

    def slices(self, name: str) -> list[bytes]:
        """A stretch from the middle of every stream stored for note ``name``."""
        rows = self.vault.db.rows(
            "SELECT content FROM note_revisions WHERE note_id = "
            "(SELECT id FROM notes WHERE uuid = ?)",
            (self.uuids[name],),
        )
        found = []
        for (content,) in rows:
            data = bytes(content)
            assert len(data) >= _SLICE
            middle = (len(data) - _SLICE) // 2
            found.append(data[middle : middle + _SLICE])
        return found


def _canary(name: str, number: int) -> str:
    # Letters no filler uses, one per short run, never the same run twice.
    return f"{name}qzjx{number}wyqz{name[::-1]}jxw"


def _text(name: str, number: int) -> str:
    # Each note and revision its own sentences: two notes edited alike would otherwise
    # compress to the same bytes against their dictionaries.
    rng = random.Random(f"{name}-{number}")
    filler = " ".join(rng.choice(_WORDS) + str(rng.randrange(10_000)) for _ in range(300))
    return f"{filler}\nwitness {_canary(name, number)} said {number * 7919} things\n"


@pytest.fixture(params=[9, 0], ids=["zlib-9", "zlib-0"])
def scene(
    fast_kdf_vault: VaultSetup, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Scene]:
    monkeypatch.setattr(revision_codec, "_LEVEL", request.param)
    clock = Clock()
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        notes = NoteStore(vault.db, clock=clock)
        history = HistoryStore(vault.db, clock=clock)
        uuids, words = {}, {}
        for name in ("alpha", "bravo"):
            uuids[name] = notes.create(title=f"case {name}", body=_text(name, 0)).uuid
            words[name] = [_canary(name, 0)]
        for number in range(1, 5):
            clock.now += timedelta(minutes=6)
            for name in ("alpha", "bravo"):
                notes.update(uuids[name], body=_text(name, number))
                words[name].append(_canary(name, number))
        for name in ("alpha", "bravo"):  # the current text holds none of the canaries
            clock.now += timedelta(minutes=6)
            notes.update(uuids[name], body=f"final text of {name}")
        scene = Scene(vault, notes, history, clock, uuids, words)
        assert len(history.revisions(uuids["alpha"])) == 5
        yield scene


def _found(pages: list[bytes], needles: list[bytes]) -> list[bytes]:
    return [needle for needle in needles if any(needle in page for page in pages)]


def _word_bytes(words: list[str]) -> list[bytes]:
    return [word.encode() for word in words]


def _assert_gone(scene: Scene, action: Callable[[], object], gone: list[str]) -> None:
    """Run ``action``; the revisions of the ``gone`` notes must then leave no trace,
    and the others' must still be found (the scan is able to see them)."""
    level = revision_codec._LEVEL
    before = {name: scene.slices(name) for name in scene.uuids}
    assert not set(before["alpha"]) & set(before["bravo"])
    pages = scene.pages
    for name in scene.uuids:
        assert _found(pages, before[name]) == before[name]
        words = _word_bytes(scene.words[name])
        if level == 0:  # stored blocks: the words themselves are there until the purge
            assert _found(pages, words) == words
    action()
    pages = scene.pages
    for name in scene.uuids:
        if name in gone:
            assert _found(pages, before[name]) == []
            assert _found(pages, _word_bytes(scene.words[name])) == []
        else:
            assert _found(pages, before[name]) == before[name]


@pytest.mark.parametrize(
    ("how", "gone"),
    [
        ("purge the note's history", ["alpha"]),
        ("purge all history", ["alpha", "bravo"]),
        ("purge the note", ["alpha"]),
        ("empty the trash", ["alpha"]),
        ("retention off", ["alpha", "bravo"]),
        ("expiry", ["alpha", "bravo"]),
    ],
)
def test_purged_history_leaves_no_trace(scene: Scene, how: str, gone: list[str]) -> None:
    alpha = scene.uuids["alpha"]
    actions = {
        "purge the note's history": lambda: scene.history.purge(alpha),
        "purge all history": scene.history.purge_all,
        "purge the note": lambda: scene.notes.purge(alpha),
        "empty the trash": lambda: (scene.notes.trash(alpha), scene.notes.empty_trash()),
        "retention off": lambda: scene.history.set_retention("off"),
        "expiry": lambda: scene.history.expire(
            int((scene.clock.now + timedelta(days=31)).timestamp() * 1000)
        ),
    }
    _assert_gone(scene, actions[how], gone)
    assert scene.vault.check() == []
    for name in gone:
        if how not in ("purge the note", "empty the trash"):
            assert scene.history.revisions(scene.uuids[name]) == []


def test_a_failed_save_leaves_neither_the_change_nor_its_revision(
    scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The revision is written in the change's own transaction: a save that fails after
    it (here the index update, as a crash would) takes both back."""
    from hushnote.core.store import notes as notes_module

    alpha = scene.uuids["alpha"]
    before = scene.notes.get(alpha)
    count = len(scene.history.revisions(alpha))
    scene.clock.now += timedelta(minutes=6)

    def failing(*args: object, **kwargs: object) -> object:
        raise OSError("power cut")

    monkeypatch.setattr(notes_module, "index_note", failing)
    with pytest.raises(OSError):
        scene.notes.update(alpha, body="never saved")
    monkeypatch.undo()
    assert scene.notes.get(alpha).body == before.body
    assert len(scene.history.revisions(alpha)) == count
    scene.notes.update(alpha, body="saved")
    assert len(scene.history.revisions(alpha)) == count + 1
