"""A shared notebook between two vaults, carried by two real Syncthing daemons.

Vault A creates a shared notebook on daemon A's folder and invites vault B; B joins on
daemon B's folder. A note goes from A to B, an edit and a new note come back, all as a
user would type the commands, with Syncthing (on 127.0.0.1 only) doing the carrying.
Then an examiner's grep: no title, body or notebook name, in UTF-8 or UTF-16, in any file
of the shared folders, of Syncthing's own homes (config, database, log) or of the invite.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from pathlib import Path

import pytest

from e2e.test_cli_records import Session
from hushnote.core import KdfParams
from support.forensics import canary_hits
from support.syncthing import (
    Cluster,
    SyncthingError,
    available,
    missing,
    syncthing_cluster,
    wait_until,
)

pytestmark = pytest.mark.skipif(missing(), reason="syncthing is not installed (Debian: syncthing)")

# Each `sync` and `note list` starts the CLI and unlocks the vault (about 0.5 s each), so
# a poll takes about a second; Syncthing itself delivers within a second or two here.
ARRIVAL_TIMEOUT_S = 25.0


def session(root: Path, params: KdfParams) -> Session:
    root.mkdir()
    return Session(root, params)


def header(shown: str, name: str) -> str:
    """The value of one ``Name: value`` line of ``note show``."""
    for line in shown.splitlines():
        if line.startswith(f"{name}:"):
            return line.split(":", 1)[1].strip()
    return ""


def batches(folder: Path) -> list[Path]:
    """The change files in a shared folder, leaving out Syncthing's marker and temp files."""
    return [
        path.relative_to(folder)
        for path in folder.rglob("*")
        if path.is_file()
        and ".stfolder" not in path.parts
        and not path.name.startswith(".syncthing.")
    ]


def members_by_fingerprint(cli: Session, space: str) -> dict[str, str]:
    """``space members`` as {fingerprint: role}."""
    table = cli.ok("space", "members", space).splitlines()[1:]
    found = {}
    for row in table:
        match = re.search(r"\s(\d{5}(?: \d{5}){3})\s*", row)
        assert match, row
        found[match.group(1)] = row[: match.start()].split(None, 1)[1].strip()
    return found


def sync_until(cli: Session, pair: Cluster, arrived: Callable[[], bool], what: str) -> list[str]:
    """Run ``sync`` on ``cli``'s vault until ``arrived()``; fail saying what was seen.

    Returns what each pass printed.
    """
    passes: list[str] = []

    def synced() -> bool:
        passes.append(cli.ok("sync"))
        return arrived()

    try:
        wait_until(synced, ARRIVAL_TIMEOUT_S, lambda: "")
    except SyncthingError:
        last = passes[-1] if passes else "(no sync ran)"
        pytest.fail(
            f"{what} did not arrive in {ARRIVAL_TIMEOUT_S:.0f} s after {len(passes)} sync "
            f"passes; the last printed:\n{last}\n{pair.describe()}"
        )
    return passes


def test_a_shared_notebook_round_trip_leaves_no_plaintext(
    tmp_path: Path, fast_kdf_params: KdfParams, isolated_home: Path
) -> None:
    if not available():
        pytest.fail("CI installs syncthing (.ci/run), and it is missing")
    tag = secrets.token_hex(6)
    space = f"CANARY-SPACE-{tag}"
    title, body = f"CANARY-TITLE-{tag}", f"CANARY-BODY-{tag} 律师明天来。"
    reply_title, reply_body = f"CANARY-REPLY-TITLE-{tag}", f"CANARY-REPLY-BODY-{tag}"
    edit = f"CANARY-EDIT-{tag}"
    canaries = [space, title, body, f"CANARY-BODY-{tag}", reply_title, reply_body, edit]

    base = tmp_path / "syncthing"
    invite = tmp_path / "invite"
    a = session(tmp_path / "a", fast_kdf_params)
    b = session(tmp_path / "b", fast_kdf_params)
    with syncthing_cluster(base) as pair:
        alpha, bravo = pair.daemons
        a.ok("space", "create", space, "--folder", str(alpha.folder))
        note = a.ok("note", "add", "--title", title, "--notebook", space, stdin=body).strip()
        a.ok("sync")

        recipient = b.ok("identity").strip()
        assert recipient.startswith("age1")
        invited = a.ok("space", "invite", space, "--to", recipient, "--out", str(invite))
        b_print = re.search(r"Their fingerprint: ([\d ]+?)\s+\(", invited)
        assert b_print, invited
        a.ok("sync")
        joined = b.ok("space", "join", str(invite), "--folder", str(bravo.folder), "--yes")
        a_print = re.search(r"from the key with fingerprint ([\d ]+\d)", joined)
        assert a_print, joined

        passes = sync_until(b, pair, lambda: title in b.ok("note", "list"), "A's note")
        shown = b.ok("note", "show", note[:8])
        assert header(shown, "Title") == title and header(shown, "Notebook") == space
        assert body in shown
        assert members_by_fingerprint(b, space) == {
            a_print.group(1): "admin",
            b_print.group(1): "member (you)",
        }

        b.ok("note", "add", "--title", reply_title, "--notebook", space, stdin=reply_body)
        b.ok("note", "edit", note[:8], stdin=f"{body}\n{edit}\n")
        b.ok("sync")

        passes += sync_until(
            a,
            pair,
            lambda: reply_title in a.ok("note", "list") and edit in a.ok("note", "show", note),
            "B's note and edit",
        )
        # B's hello, carried back by Syncthing, told A that B joined.
        assert members_by_fingerprint(a, space) == {
            a_print.group(1): "admin (you)",
            b_print.group(1): "member",
        }
        assert not [line for line in passes if "refused:" in line], passes
        shown = a.ok("note", "show", note[:8])
        assert body in shown and edit in shown
        assert reply_title in a.ok("note", "list", "--notebook", space)
        for daemon in pair.daemons:
            # <folder>/<space-id>/<device-id>/<seq>: both devices' batches on both sides.
            devices = {path.parts[-2] for path in batches(daemon.folder)}
            assert len(devices) == 2, (daemon.name, sorted(map(str, batches(daemon.folder))))

    # With the daemons stopped, their databases and logs are complete on disk. The CLI's
    # own HOME, XDG folders and TMPDIR (the isolated home's parent) are searched too.
    assert canary_hits(canaries, base, invite, isolated_home.parent) == []
