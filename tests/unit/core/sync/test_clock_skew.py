"""Devices whose clocks differ by a day reach the same outcome as if they agreed: the
hybrid clock moves past every stamp a device has seen, so an edit made after seeing
another wins over it, whatever the wall clocks say (docs/sync-format.md#merging).

Concurrent edits of the *same* field are settled by the hybrid clock, last writer wins:
there, a clock a day ahead wins over an edit made later in real time on a device that
has not yet seen it (``test_same_field_concurrent_edits_follow_the_hybrid_clock``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from hushnote.core import KdfParams, SpaceStore, Vault
from hushnote.core.clock import system_clock
from support.sync_vaults import BOOK, assert_converged, settle, shared_vaults

DAY = timedelta(days=1)
BODY = "one\n\ntwo\n\nthree\n"


def _skewed(vault: Vault, offset: timedelta) -> SpaceStore:
    clock: Callable[[], datetime] = lambda: system_clock() + offset  # noqa: E731
    return SpaceStore(vault.db, vault.notes, vault.age_identity, clock=clock)


def _sync(*stores: SpaceStore) -> None:
    for _ in range(2):
        for store in stores:
            store.sync()


@pytest.mark.parametrize("skew", [-DAY, DAY])
def test_a_later_edit_wins_whatever_the_clock_says(
    tmp_path: Path, fast_kdf_params: KdfParams, skew: timedelta
) -> None:
    with shared_vaults(tmp_path, fast_kdf_params, 2) as ((a, b), _):
        sa, sb = _skewed(a, timedelta(0)), _skewed(b, skew)
        note = a.notes.create(title="first", body=BODY, notebook=BOOK, tags=["x"])
        _sync(sa, sb)
        a.notes.update(note.uuid, title="a's title", tags=["a"], pinned=True)
        _sync(sa, sb)
        b.notes.update(note.uuid, title="b's later title", tags=["b"], pinned=False)
        _sync(sb, sa)
        final = assert_converged([a, b])
        assert final[note.uuid][0] == "b's later title"
        assert final[note.uuid][2:4] == (("b",), False)
        # And back again: a, behind or ahead of b, still wins with its later edit.
        a.notes.update(note.uuid, title="a again")
        _sync(sa, sb)
        assert assert_converged([a, b])[note.uuid][0] == "a again"


@pytest.mark.parametrize("skew", [-DAY, DAY])
def test_concurrent_body_and_field_edits_are_all_kept(
    tmp_path: Path, fast_kdf_params: KdfParams, skew: timedelta
) -> None:
    with shared_vaults(tmp_path, fast_kdf_params, 3) as (vaults, _):
        a, b, c = vaults
        stores = [_skewed(a, timedelta(0)), _skewed(b, skew), _skewed(c, -skew)]
        note = a.notes.create(title="t", body=BODY, notebook=BOOK)
        _sync(*stores)
        a.notes.update(note.uuid, body=BODY.replace("one", "one (a)"), title="a's title")
        b.notes.update(note.uuid, body=BODY.replace("two", "two (b)"), tags=["b"])
        c.notes.update(note.uuid, body=BODY.replace("three", "three (c)"), archived=True)
        _sync(*stores)
        final = assert_converged(vaults)[note.uuid]
        assert final[:6] == (
            "a's title",
            "one (a)\n\ntwo (b)\n\nthree (c)\n",
            ("b",),
            False,
            True,
            False,
        )


def test_same_field_concurrent_edits_follow_the_hybrid_clock(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    """Documented behaviour, not a wish: b's clock is a day ahead; a edits the title after
    b did (in real time) but before seeing b's edit, and b's title wins everywhere."""
    with shared_vaults(tmp_path, fast_kdf_params, 2) as ((a, b), _):
        sa, sb = _skewed(a, timedelta(0)), _skewed(b, DAY)
        note = a.notes.create(title="t", body=BODY, notebook=BOOK)
        _sync(sa, sb)
        b.notes.update(note.uuid, title="b, earlier but a day ahead")
        sb.sync()
        a.notes.update(note.uuid, title="a, later in real time")
        sa.sync()  # publishes before it applies b's file: the edits are concurrent
        _sync(sa, sb)
        assert assert_converged([a, b])[note.uuid][0] == "b, earlier but a day ahead"
        settle([a, b])
