"""No note text reaches the shared folder, or any file outside the vaults, in any
encoding: titles, bodies and tags travel only inside sealed change files."""

from __future__ import annotations

import os
from pathlib import Path

from hushnote.core import KdfParams
from support.forensics import canary_hits
from support.sync_vaults import BOOK, settle, shared_vaults, state

CANARIES = [
    "CANARY-sync-title-Rosa-Delgado",
    "canary 同步 何静 13800138000",
    "CanarySyncTag-observer-42",
    "canary-body-同步正文-🙂-payload",
]


def test_the_grep_sees_a_canary_in_the_shared_folder(tmp_path: Path) -> None:
    (tmp_path / "f").write_text(CANARIES[3], encoding="utf-16")
    assert [word for _, word in canary_hits(CANARIES, tmp_path)] == [CANARIES[3]]


def test_no_canary_in_the_shared_folder_or_outside_the_vaults(
    tmp_path: Path, isolated_home: Path, fast_kdf_params: KdfParams
) -> None:
    with shared_vaults(tmp_path, fast_kdf_params, 3) as (vaults, folder):
        a, b, c = vaults
        for n, vault in enumerate(vaults):
            vault.notes.create(
                title=f"{CANARIES[0]} {n}",
                body=f"{CANARIES[3]}\n{CANARIES[1] * 20}\n",
                notebook=BOOK,
                tags=[CANARIES[2], f"{CANARIES[1]}-{n}"],
            )
        settle(vaults)
        uuid = next(iter(state(a)))
        b.notes.update(uuid, title=CANARIES[1], body=CANARIES[0] * 3)
        c.notes.trash(next(u for u in state(c) if u != uuid))
        settle(vaults)
        assert len({repr(sorted(state(v).items())) for v in vaults}) == 1
        assert any(CANARIES[3] in note[1] for note in state(c).values())
        assert canary_hits(CANARIES, folder) == []
        outside = [
            path
            for path in tmp_path.iterdir()
            if not path.name.startswith("vault") and path != folder
        ]
        assert canary_hits(CANARIES, *outside, isolated_home, Path(os.environ["TMPDIR"])) == []
    assert canary_hits(CANARIES, folder) == []
