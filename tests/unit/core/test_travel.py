"""Travel mode in the core: marks, the plan, start (seal, verify, purge) and end."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pyrage import x25519

from hushnote.core import NewContact, Scope, Vault, travel_key_words
from hushnote.errors import (
    BundleDecryptionError,
    BundleWriteError,
    CancelledError,
    InvalidRecordError,
    NothingMarkedError,
    RecordNotFoundError,
    TravelBundleError,
)

pytestmark = pytest.mark.usefixtures("fast_scrypt")  # passphrase bundles: conftest.py


def _fill(vault: Vault) -> dict[str, str]:
    """A vault with a notebook and a list that stay home, and things that do not."""
    notes = vault.notes
    away = notes.create(title="Safehouse plan", body="zyqwex meeting", notebook="Cases",
                                tags=("xqzvault",))  # fmt: skip
    trashed = notes.create(title="Old lead", body="binned", notebook="Cases")
    notes.trash(trashed.uuid)
    home = notes.create(title="Groceries", body="milk", notebook="Daily")
    vault.attachments.add(away.uuid, io.BytesIO(b"witness statement"), name="statement.txt")
    contacts = vault.contacts
    medic = contacts.create(NewContact(display_name="Jyx Medic"))
    both = contacts.create(NewContact(display_name="Shared Friend"))
    vault.lists.create("Medics")
    vault.lists.create("Friends")
    vault.lists.add("Medics", medic.uuid)
    vault.lists.add("Medics", both.uuid)
    vault.lists.add("Friends", both.uuid)
    vault.links.link(away.uuid, both.uuid)
    vault.settings.set("last_note", away.uuid)
    vault.travel.mark_notebook("Cases")
    vault.travel.mark_list("Medics")
    return {"away": away.uuid, "trashed": trashed.uuid, "home": home.uuid,
            "medic": medic.uuid, "both": both.uuid}  # fmt: skip


def test_marks_are_set_listed_and_cleared(open_vault: Vault) -> None:
    _fill(open_vault)
    assert open_vault.travel.marked() == (["Cases"], ["Medics"])
    open_vault.travel.unmark_list("Medics")
    assert open_vault.travel.marked() == (["Cases"], [])
    with pytest.raises(RecordNotFoundError):
        open_vault.travel.mark_notebook("Nowhere")
    with pytest.raises(RecordNotFoundError):
        open_vault.travel.mark_list("Nobody")


def test_the_plan_says_exactly_what_leaves(open_vault: Vault) -> None:
    _fill(open_vault)
    plan = open_vault.travel.plan()
    [notebook] = plan.notebooks
    assert (notebook.name, notebook.notes, notebook.trashed, notebook.attachments) == (
        "Cases", 1, 1, 1,
    )  # fmt: skip
    assert not notebook.shared
    assert [(item.name, item.members) for item in plan.lists] == [("Medics", 2)]
    # On Friends too, so Shared Friend stays.
    assert plan.contacts == ["Jyx Medic"]
    assert plan.note_count == 2


def test_travel_with_a_key_purges_and_brings_everything_back(
    open_vault: Vault, tmp_path: Path
) -> None:
    ids = _fill(open_vault)
    words = travel_key_words()
    assert len(words.split()) == 10
    shown: list[bool] = []
    out = tmp_path / "trip.hnb"
    receipt = open_vault.travel.start(out, passphrase=words,
                                      confirm_key=lambda: shown.append(True) or True)  # fmt: skip
    assert shown == [True]
    assert receipt.files == [out] and receipt.travel_key
    assert receipt.counts["notes"] == 2 and receipt.counts["attachments"] == 1
    # Gone: the notebook, its notes (the trash too), the list, the contact only on it,
    # the setting that named a note that left; what stays, stays.
    vault = open_vault
    assert [n for n, _ in vault.notes.notebooks()] == ["Daily"]
    assert vault.db.row("SELECT count(*) FROM notes")[0] == 1
    assert [item.name for item in vault.lists.all()] == ["Friends"]
    assert [c.display_name for c in vault.contacts.summaries()] == ["Shared Friend"]
    assert vault.db.row("SELECT count(*) FROM attachments")[0] == 0
    assert vault.settings.get("last_note") is None
    assert not list(vault.paths.attachments.glob("*"))
    assert vault.travel.marked() == ([], [])
    assert vault.travel.reminder is None
    # On the road: a new note in a notebook of the same name.
    road = vault.notes.create(title="Road note", body="written away", notebook="Cases")
    report = vault.travel.end(out, passphrase=words.upper() + "  ")
    assert sorted(report.notebooks) == ["Cases"] and report.lists == ["Medics"]
    back = vault.notes.get(ids["away"])
    assert back.title == "Safehouse plan" and back.notebook == "Cases"
    assert vault.notes.get(ids["trashed"]).trashed_at is not None
    assert vault.notes.get(road.uuid).notebook == "Cases"
    assert vault.travel.marked() == (["Cases"], ["Medics"])
    assert {c.display_name for c in vault.lists.members("Medics")} == {"Jyx Medic", "Shared Friend"}
    [attachment] = vault.attachments.of_note(ids["away"])
    assert vault.attachments.read(attachment.uuid, limit=1000) == b"witness statement"
    assert [c.display_name for c in vault.links.contacts_of(ids["away"])] == ["Shared Friend"]
    assert vault.check() == []


def test_travel_to_a_colleague_opens_with_their_key_after_re_encryption(
    open_vault: Vault, tmp_path: Path
) -> None:
    _fill(open_vault)
    colleague = x25519.Identity.generate()
    open_vault.contacts.create(NewContact(display_name="Colleague",
                                          age_recipient=str(colleague.to_public())))  # fmt: skip
    out = tmp_path / "trip.hnb"
    receipt = open_vault.travel.start(out, recipient="colleague")
    assert not receipt.travel_key
    import pyrage

    plain = pyrage.decrypt(out.read_bytes(), [colleague])
    back = tmp_path / "back.hnb"
    back.write_bytes(pyrage.encrypt(plain, [x25519.Recipient.from_str(open_vault.age_recipient())]))
    with pytest.raises(BundleDecryptionError):
        open_vault.travel.end(out)  # still sealed to the colleague only
    open_vault.travel.end(back)
    assert open_vault.travel.marked() == (["Cases"], ["Medics"])


def test_nothing_marked_refuses_and_writes_nothing(open_vault: Vault, tmp_path: Path) -> None:
    open_vault.notes.create(title="x", body="y", notebook="Daily")
    with pytest.raises(NothingMarkedError):
        open_vault.travel.start(tmp_path / "t.hnb", passphrase=travel_key_words())
    assert not list(tmp_path.glob("t.hnb*"))


def test_an_existing_file_is_never_replaced(open_vault: Vault, tmp_path: Path) -> None:
    _fill(open_vault)
    out = tmp_path / "old.hnb"
    out.write_bytes(b"an earlier trip")
    with pytest.raises(BundleWriteError):
        open_vault.travel.start(out, passphrase=travel_key_words())
    assert out.read_bytes() == b"an earlier trip"
    assert open_vault.notes.notebooks()


def test_a_declined_key_removes_the_bundle_and_keeps_everything(
    open_vault: Vault, tmp_path: Path
) -> None:
    ids = _fill(open_vault)
    out = tmp_path / "trip.hnb"
    with pytest.raises(CancelledError):
        open_vault.travel.start(out, passphrase=travel_key_words(), confirm_key=lambda: False)
    assert not out.exists()
    assert open_vault.notes.get(ids["away"]).title == "Safehouse plan"


def test_a_cancel_during_the_export_keeps_everything(open_vault: Vault, tmp_path: Path) -> None:
    ids = _fill(open_vault)
    with pytest.raises(CancelledError):
        open_vault.travel.start(tmp_path / "t.hnb", passphrase=travel_key_words(),
                                progress=lambda _f: False)  # fmt: skip
    assert not list(tmp_path.glob("t.hnb*"))
    assert open_vault.notes.get(ids["away"]).title == "Safehouse plan"


def test_a_recipient_that_is_not_a_key_is_refused(open_vault: Vault, tmp_path: Path) -> None:
    _fill(open_vault)
    open_vault.contacts.create(NewContact(display_name="Keyless"))
    with pytest.raises(InvalidRecordError):
        open_vault.travel.start(tmp_path / "t.hnb", recipient="age1notakey")
    with pytest.raises(InvalidRecordError):
        open_vault.travel.start(tmp_path / "t.hnb", recipient="Keyless")
    with pytest.raises(RecordNotFoundError):
        open_vault.travel.start(tmp_path / "t.hnb", recipient="Nobody At All")
    assert not list(tmp_path.glob("t.hnb*"))


def test_an_ordinary_bundle_is_not_a_travel_bundle(open_vault: Vault, tmp_path: Path) -> None:
    open_vault.notes.create(title="x", body="y")
    out = tmp_path / "plain.hnb"
    open_vault.export_bundle(out, passphrase="some words here")
    with pytest.raises(TravelBundleError):
        open_vault.travel.end(out, passphrase="some words here")
    assert open_vault.notes.count() == 1


def test_the_wrong_key_changes_nothing(open_vault: Vault, tmp_path: Path) -> None:
    _fill(open_vault)
    out = tmp_path / "trip.hnb"
    open_vault.travel.start(out, passphrase=travel_key_words())
    before = open_vault.counts()
    with pytest.raises(BundleDecryptionError):
        open_vault.travel.end(out, passphrase=travel_key_words())
    assert open_vault.counts() == before


def test_a_reminder_is_kept_only_when_asked_for(open_vault: Vault, tmp_path: Path) -> None:
    _fill(open_vault)
    words = travel_key_words()
    out = tmp_path / "trip.hnb"
    open_vault.travel.start(out, passphrase=words, reminder="bundle on the blue stick")
    assert open_vault.travel.reminder == "bundle on the blue stick"
    open_vault.travel.end(out, passphrase=words)
    assert open_vault.travel.reminder is None


def test_compaction_leaves_a_file_the_size_of_one_that_never_held_it(
    open_vault: Vault, tmp_path: Path
) -> None:
    for n in range(300):
        open_vault.notes.create(title=f"case {n}", body="statement " * 300, notebook="Cases")
    open_vault.notes.create(title="home", body="stays", notebook="Daily")
    open_vault.travel.mark_notebook("Cases")
    grown = open_vault.paths.database.stat().st_size
    words = travel_key_words()
    out = tmp_path / "trip.hnb"
    receipt = open_vault.travel.start(out, passphrase=words, compact=True)
    assert receipt.compact_error is None
    assert open_vault.paths.database.stat().st_size < grown / 4
    assert open_vault.check() == []
    open_vault.travel.end(out, passphrase=words)
    assert open_vault.notes.count() == 301


def test_cancel_stops_within_half_a_second_and_keeps_everything(
    open_vault: Vault, tmp_path: Path
) -> None:
    import os
    import time

    for n in range(200):
        note = open_vault.notes.create(title=f"case {n}", body="words " * 2000, notebook="Cases")
        if n % 50 == 0:
            open_vault.attachments.add(note.uuid, io.BytesIO(os.urandom(3 << 20)), name="f.bin")
    open_vault.travel.mark_notebook("Cases")
    for share in (0.2, 0.5, 0.7, 0.9):  # writing, then checking the bundle
        asked: list[float] = []

        def progress(fraction: float, share: float = share, asked: list[float] = asked) -> bool:
            if fraction >= share and not asked:
                asked.append(time.monotonic())
            return not asked

        with pytest.raises(CancelledError):
            open_vault.travel.start(tmp_path / "t.hnb", passphrase=travel_key_words(),
                                    progress=progress)  # fmt: skip
        assert asked and time.monotonic() - asked[0] < 0.5, share
        assert not list(tmp_path.glob("t.hnb*"))
        assert open_vault.notes.count(notebook="Cases") == 200


def test_a_cancel_after_the_check_cannot_stop_the_purge_half_way(
    open_vault: Vault, tmp_path: Path
) -> None:
    """The front end's Cancel also interrupts the statement running: past the check, it
    must neither stop the purge nor make the run say that nothing changed."""
    import threading

    ids = _fill(open_vault)
    stop, interrupts = threading.Event(), [0]

    def keep_interrupting() -> None:
        while not stop.is_set():
            open_vault.db.interrupt()
            interrupts[0] += 1

    spinner = threading.Thread(target=keep_interrupting)

    def point(name: str) -> None:
        if name == "confirmed":
            spinner.start()
        elif name == "purged":
            stop.set()

    out = tmp_path / "trip.hnb"
    words = travel_key_words()
    try:
        receipt = open_vault.travel.start(out, passphrase=words, kill_point=point,
                                          reminder="blue stick")  # fmt: skip
    finally:
        stop.set()
        if spinner.is_alive():
            spinner.join()
    assert interrupts[0] > 0
    assert receipt.files == [out] and out.is_file()
    assert open_vault.travel.reminder == "blue stick"
    with pytest.raises(RecordNotFoundError):
        open_vault.notes.get(ids["away"])
    # Outside the step, an interrupt works again.
    assert open_vault.notes.get(ids["home"]).title == "Groceries"
    open_vault.travel.end(out, passphrase=words)
    assert open_vault.notes.get(ids["away"]).title == "Safehouse plan"


def test_a_cancelled_compaction_still_reports_that_travel_started(
    open_vault: Vault, tmp_path: Path
) -> None:
    ids = _fill(open_vault)
    with open_vault.db.transaction() as connection:  # enough rows for the rewrite's progress
        connection.executemany("INSERT INTO settings (key, value) VALUES (?, ?)",
                               [(f"filler.{n}", "x") for n in range(20_000)])  # fmt: skip
    out = tmp_path / "trip.hnb"
    purged: list[str] = []

    def point(name: str) -> None:
        if name == "purged":
            purged.append(name)

    # Cancel from the first report after the purge: the rewrite's.
    receipt = open_vault.travel.start(out, passphrase=travel_key_words(), compact=True,
                                      progress=lambda _fraction: not purged,
                                      kill_point=point)  # fmt: skip
    assert isinstance(receipt.compact_error, CancelledError)
    assert out.is_file()
    with pytest.raises(RecordNotFoundError):
        open_vault.notes.get(ids["away"])
    # The rotation is whole or not done: no copy left behind, the vault sound.
    assert not open_vault.paths.rekey_database.exists()
    assert open_vault.check() == []


@pytest.mark.parametrize("large", [False, True], ids=["bundle", "bundle-and-key-file"])
def test_a_file_that_arrives_at_the_target_during_start_is_never_replaced(
    open_vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, large: bool
) -> None:
    """The place may be a shared folder where others write: a file that arrives under
    the target's name while the bundle is written is kept, and nothing leaves the vault."""
    from hushnote.core.formats import bundle_export

    if large:
        monkeypatch.setattr(bundle_export, "IN_MEMORY_LIMIT", 200)  # a key file too
    ids = _fill(open_vault)
    out = tmp_path / "inbox" / "trip.hnb"
    out.parent.mkdir()
    earlier = b"an earlier trip's bundle, the only copy"
    arriving = out.with_name("trip.hnb.key") if large else out

    def progress(_fraction: float) -> bool:
        if not arriving.exists():
            arriving.write_bytes(earlier)
        return True

    with pytest.raises(BundleWriteError) as error:
        open_vault.travel.start(out, passphrase=travel_key_words(), progress=progress)
    assert error.value.context == {"path": str(arriving), "reason": "exists"}
    assert arriving.read_bytes() == earlier
    assert [path.name for path in out.parent.iterdir()] == [arriving.name]
    assert open_vault.notes.get(ids["away"]).title == "Safehouse plan"


def test_ending_twice_duplicates_nothing(open_vault: Vault, tmp_path: Path) -> None:
    _fill(open_vault)
    words = travel_key_words()
    out = tmp_path / "trip.hnb"
    open_vault.travel.start(out, passphrase=words)
    open_vault.travel.end(out, passphrase=words)
    counts = open_vault.counts()
    report = open_vault.travel.end(out, passphrase=words)
    assert report.merge.count("notes", "added") == 0
    assert open_vault.counts() == counts
    assert open_vault.check() == []


def test_history_leaves_and_comes_back_and_both_sides_of_a_note_are_kept(
    open_vault: Vault, tmp_path: Path
) -> None:
    vault = open_vault
    ids = _fill(vault)
    vault.notes.update(ids["away"], body="second version", reason="revert")
    vault.notes.update(ids["away"], body="third version", reason="revert")
    assert len(vault.history.revisions(ids["away"])) == 2
    other = vault.notes.create(title="Twice", body="as exported", notebook="Cases")
    early = tmp_path / "early.hnb"
    vault.export_bundle(early, passphrase="early words", scope=Scope("notebook", "Cases"))
    vault.notes.update(other.uuid, body="as it left", reason="revert")
    plan = vault.travel.plan()
    assert plan.notebooks[0].revisions == 3
    words = travel_key_words()
    out = tmp_path / "trip.hnb"
    receipt = vault.travel.start(out, passphrase=words)
    assert receipt.counts["history"] == 3
    assert vault.db.row("SELECT count(*) FROM note_revisions")[0] == 0
    # On the road the early bundle brings two of the notes back; one is edited again.
    vault.import_bundle(early, passphrase="early words")
    vault.notes.update(ids["away"], body="edited on the road")
    vault.travel.end(out, passphrase=words)
    # The road's edit is newer: it stays, and the text that left is a revision.
    away = vault.notes.get(ids["away"])
    assert away.body == "edited on the road"
    texts = [
        vault.history.text(ids["away"], r.number)[1] for r in vault.history.revisions(away.uuid)
    ]
    assert "third version" in texts and "second version" in texts
    # The text that left is newer than the early copy: it wins, the early one is kept.
    assert vault.notes.get(other.uuid).body == "as it left"
    texts = [
        vault.history.text(other.uuid, r.number)[1] for r in vault.history.revisions(other.uuid)
    ]
    assert "as exported" in texts
    assert vault.check() == []


def test_a_large_bundle_and_its_key_file_are_both_written_checked_and_reported(
    open_vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hushnote.core.formats import bundle_export

    monkeypatch.setattr(bundle_export, "IN_MEMORY_LIMIT", 200)  # anything is "large" now
    ids = _fill(open_vault)
    words = travel_key_words()
    out = tmp_path / "trip.hnb"
    # Declined: both files go, and nothing is purged.
    with pytest.raises(CancelledError):
        open_vault.travel.start(out, passphrase=words, confirm_key=lambda: False)
    assert not list(tmp_path.glob("trip.hnb*"))
    receipt = open_vault.travel.start(out, passphrase=words)
    key_file = tmp_path / "trip.hnb.key"
    assert receipt.files == [out, key_file] and key_file.exists()
    # Brought back without its key file: the error names the file, not the words.
    aside = tmp_path / "elsewhere.key"
    key_file.rename(aside)
    with pytest.raises(BundleDecryptionError) as error:
        open_vault.travel.end(out, passphrase=words)
    assert error.value.context == {"reason": "key-file-missing", "path": "trip.hnb.key"}
    aside.rename(key_file)
    with pytest.raises(BundleDecryptionError) as error:  # the wrong words still say so
        open_vault.travel.end(out, passphrase=travel_key_words())
    assert error.value.context.get("reason") != "key-file-missing"
    open_vault.travel.end(out, passphrase=words)
    assert open_vault.notes.get(ids["away"]).title == "Safehouse plan"


def test_a_bundle_changed_on_the_disk_after_writing_is_caught_and_nothing_purged(
    open_vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk that returns other bytes than were written (a failing stick, say)."""
    from hushnote.core.formats import bundle_export
    from hushnote.errors import TravelVerifyError

    ids = _fill(open_vault)
    real_commit = bundle_export._commit

    def commit_then_damage(
        renames: list[tuple[Path, Path]], created: list[Path], replace: bool
    ) -> None:
        real_commit(renames, created, replace)
        for _, target in renames:
            data = bytearray(target.read_bytes())
            data[len(data) // 2] ^= 1
            target.write_bytes(bytes(data))

    monkeypatch.setattr(bundle_export, "_commit", commit_then_damage)
    for kwargs in ({"passphrase": travel_key_words()},
                   {"recipient": str(x25519.Identity.generate().to_public())}):  # fmt: skip
        with pytest.raises(TravelVerifyError):
            open_vault.travel.start(tmp_path / "trip.hnb", **kwargs)  # type: ignore[arg-type]
        assert not (tmp_path / "trip.hnb").exists()
        assert open_vault.notes.get(ids["away"]).title == "Safehouse plan"


@pytest.mark.parametrize("name", ["Off", "Forever"])
def test_a_notebook_named_like_a_setting_takes_no_setting_with_it(
    open_vault: Vault, tmp_path: Path, name: str
) -> None:
    vault = open_vault
    vault.history.set_retention("off" if name == "Off" else "forever")
    chosen = vault.history.retention
    vault.notes.create(title="x", body="y", notebook=name)
    away = vault.notes.create(title="z", body="w", notebook=name)
    vault.settings.set("last_note", away.uuid)
    vault.travel.mark_notebook(name)
    words = travel_key_words()
    vault.travel.start(tmp_path / "trip.hnb", passphrase=words)
    assert vault.history.retention == chosen
    assert vault.settings.get("last_note") is None  # it held the id of a note that left
    vault.travel.end(tmp_path / "trip.hnb", passphrase=words)
    assert vault.history.retention == chosen


def test_an_earlier_key_file_beside_the_target_is_never_replaced(
    open_vault: Vault, tmp_path: Path
) -> None:
    _fill(open_vault)
    earlier = tmp_path / "trip.hnb.key"
    earlier.write_bytes(b"an earlier trip's key file")
    with pytest.raises(BundleWriteError):
        open_vault.travel.start(tmp_path / "trip.hnb", passphrase=travel_key_words())
    assert earlier.read_bytes() == b"an earlier trip's key file"
    assert not (tmp_path / "trip.hnb").exists()
    assert "Cases" in [name for name, _ in open_vault.notes.notebooks()]


def test_the_vaults_own_key_is_refused_as_a_recipient(open_vault: Vault, tmp_path: Path) -> None:
    _fill(open_vault)
    own = open_vault.age_recipient()
    keyed = open_vault.contacts.create(NewContact(display_name="Me Myself"))
    open_vault.contacts.set_key(keyed.uuid, own)
    for recipient in (own, "Me Myself"):
        with pytest.raises(InvalidRecordError) as caught:
            open_vault.travel.start(tmp_path / "trip.hnb", recipient=recipient)
        assert caught.value.context["reason"] == "own-key"
    assert not (tmp_path / "trip.hnb").exists()
    assert "Cases" in [name for name, _ in open_vault.notes.notebooks()]


def test_a_staying_notes_link_to_a_person_who_leaves_comes_back(
    open_vault: Vault, tmp_path: Path
) -> None:
    ids = _fill(open_vault)
    open_vault.links.link(ids["home"], ids["medic"])  # Jyx Medic is only on Medics
    words = travel_key_words()
    open_vault.travel.start(tmp_path / "trip.hnb", passphrase=words)
    assert open_vault.links.contacts_of(ids["home"]) == []
    open_vault.travel.end(tmp_path / "trip.hnb", passphrase=words)
    assert [c.uuid for c in open_vault.links.contacts_of(ids["home"])] == [ids["medic"]]


def test_the_words_typed_back_with_chinese_punctuation_or_full_width_letters_still_open(
    open_vault: Vault, tmp_path: Path
) -> None:
    from hushnote.core.travel.travel_key import normalize_travel_key

    words = "drop-down ebony T-Shirt yeah"
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in "DROP-DOWN")  # as an IME types it
    assert normalize_travel_key(f"{full_width}\uff0cebony\u3001 t-shirt\u3002yeah\n") == (
        normalize_travel_key(words)
    )
    ids = _fill(open_vault)
    key = travel_key_words()
    open_vault.travel.start(tmp_path / "trip.hnb", passphrase=key)
    typed = "\uff0c".join(word.upper() for word in key.split())
    open_vault.travel.end(tmp_path / "trip.hnb", passphrase=typed)
    assert open_vault.notes.get(ids["away"]).title == "Safehouse plan"
