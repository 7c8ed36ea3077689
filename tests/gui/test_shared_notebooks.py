"""Shared notebooks in the window: the sidebar mark, the members window, share and join,
the sync status item, the background passes, and what the wipe says it cannot reach.

Two real vaults share one temporary folder: the window's, and a second one driven
through the core, standing for a colleague's computer."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from conftest import VaultSetup
from hushnote.core import FileVerdict, KdfParams, NewContact, SpaceInfo, SpaceReport, Vault
from hushnote.errors import InviteError, SpaceRoleError, SyncFolderError
from hushnote.gui import space_actions, space_members_dialog, workspace_page
from hushnote.gui.main_window import MainWindow
from hushnote.gui.messages import error_text
from hushnote.gui.space_members_dialog import SpaceMembersDialog, grouped_fingerprint
from hushnote.gui.sync_runner import status_lines
from hushnote.gui.workspace_page import SHARED_ROLE, VALUE_ROLE
from support.gui import finish_overwrites, panic_window, unlock_window

COLLEAGUE = "colleague passphrase, long enough"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "synced"
    made.mkdir()
    return made


@pytest.fixture
def colleague(tmp_path: Path, fast_kdf_params: KdfParams) -> Iterator[Vault]:
    vault = Vault.create(tmp_path / "colleague", COLLEAGUE, kdf=fast_kdf_params)
    yield vault
    if not vault.is_locked:
        vault.lock()


@pytest.fixture
def window(
    qtbot: QtBot, window_for: Callable[[Path], MainWindow], fast_kdf_vault: VaultSetup
) -> MainWindow:
    made = window_for(fast_kdf_vault.root)
    unlock_window(qtbot, made, fast_kdf_vault.passphrase)
    return made


def _wait_idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.session.busy, timeout=10_000)


def _share(qtbot: QtBot, window: MainWindow, folder: Path, name: str = "Team") -> None:
    """Share ``name`` the way a person does: through the menu action."""
    vault = window.vault
    assert vault is not None
    vault.notes.create(title="Agenda", body="first line\n", notebook=name)
    window.session.notify("notes")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(space_actions.QInputDialog, "getItem", lambda *args: (name, True))
        patch.setattr(space_actions, "choose_folder", lambda *args: folder)
        assert window.spaces.share()
    _wait_idle(qtbot, window)


def _invite_colleague(window: MainWindow, colleague: Vault, tmp_path: Path) -> Path:
    vault = window.vault
    assert vault is not None
    out = tmp_path / "invitation.age"
    vault.spaces.invite("Team", colleague.age_recipient(), out, label="Bo")
    return out


def _notebook_item(window: MainWindow, name: str):  # type: ignore[no-untyped-def]
    for item in window.workspace._sidebar_items():
        if item.data(0, VALUE_ROLE) == name:
            return item
    raise AssertionError(f"no sidebar item for {name}")


# -- the sidebar ---------------------------------------------------------------------------


def test_a_shared_notebook_is_marked_in_the_sidebar(
    qtbot: QtBot, window: MainWindow, folder: Path
) -> None:
    vault = window.vault
    assert vault is not None
    vault.notes.create(title="Private", body="x", notebook="Mine")
    window.session.notify("notes")
    assert not _notebook_item(window, "Mine").data(0, SHARED_ROLE)
    _share(qtbot, window, folder)
    shared = _notebook_item(window, "Team")
    assert shared.data(0, SHARED_ROLE)
    assert shared.toolTip(0) == "Shared notebook"
    assert "shared notebook" in shared.data(0, Qt.ItemDataRole.AccessibleTextRole)
    assert not shared.icon(0).isNull()
    private = _notebook_item(window, "Mine")
    assert not private.data(0, SHARED_ROLE) and private.icon(0).isNull()


def test_the_members_window_opens_from_the_sidebar_and_the_keyboard(
    qtbot: QtBot, window: MainWindow, folder: Path
) -> None:
    _share(qtbot, window, folder)
    workspace = window.workspace
    workspace.sidebar.setCurrentItem(_notebook_item(window, "Team"))
    assert workspace.current_shared_notebook() == "Team"
    opened: list[str] = []
    workspace.members_requested.connect(opened.append)
    menus: list[QMenu] = []

    class RecordedMenu(QMenu):
        def exec(self, *_args: object) -> None:  # type: ignore[override]
            menus.append(self)

    # The sidebar's context menu (also Shift+F10 / the Menu key) offers it first.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(workspace_page, "QMenu", RecordedMenu)
        item = _notebook_item(window, "Team")
        workspace._sidebar_menu(workspace.sidebar.visualItemRect(item).center())
    first = menus[0].actions()[0]
    assert first.text() == "Members of this shared notebook…"
    first.trigger()
    assert opened == ["Team"]
    # The Vault menu's action opens it for the notebook chosen in the sidebar.
    window.spaces.members_dialog = None
    opened.clear()
    workspace.sidebar.setCurrentItem(_notebook_item(window, "Team"))
    (action,) = [a for a in window.vault_menu.actions() if "members" in a.text()]
    assert action.shortcut().toString() == "Ctrl+Alt+M"
    action.trigger()
    dialog = window.spaces.members_dialog
    assert isinstance(dialog, SpaceMembersDialog) and dialog.notebook == "Team"
    dialog.reject()


# -- the members window --------------------------------------------------------------------


def test_members_show_names_roles_and_monospace_fingerprints(
    qtbot: QtBot, window: MainWindow, folder: Path, colleague: Vault, tmp_path: Path
) -> None:
    _share(qtbot, window, folder)
    _invite_colleague(window, colleague, tmp_path)
    dialog = SpaceMembersDialog(window.session, "Team", parent=window)
    qtbot.addWidget(dialog)
    rows = [
        [dialog.members.topLevelItem(i).text(c) for c in range(3)]  # type: ignore[union-attr]
        for i in range(dialog.members.topLevelItemCount())
    ]
    assert rows[0][1] == "admin, you"
    assert rows[1][0] == "Bo" and rows[1][1] == "not joined yet"
    fingerprint = rows[1][2]
    assert len(fingerprint.replace(" ", "")) == 20 and fingerprint.replace(" ", "").isdigit()
    font = dialog.members.topLevelItem(1).font(2)  # type: ignore[union-attr]
    assert font.family() == _fixed_family()
    assert "aloud" in dialog.advice.text()
    assert dialog.invite_button.isVisibleTo(dialog) and dialog.remove_button.isVisibleTo(dialog)


def _fixed_family() -> str:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()


def test_a_member_who_is_not_admin_sees_no_invite_or_remove(
    qtbot: QtBot,
    window_for: Callable[[Path], MainWindow],
    fast_kdf_vault: VaultSetup,
    colleague: Vault,
    folder: Path,
    tmp_path: Path,
) -> None:
    colleague.notes.create(title="Theirs", body="x", notebook="Team")
    colleague.spaces.create("Team", folder, label="Ana")
    vault = Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase)
    invitation = tmp_path / "inv.age"
    colleague.spaces.invite("Team", vault.age_recipient(), invitation, label="Me")
    vault.lock()
    window = window_for(fast_kdf_vault.root)
    unlock_window(qtbot, window, fast_kdf_vault.passphrase)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(space_actions, "choose_open_path", lambda *args: invitation)
        patch.setattr(space_actions, "choose_folder", lambda *args: folder)
        patch.setattr(space_actions.QMessageBox, "information", lambda *args: None)
        asked: list[str] = []

        def decline(_parent, _title, text, *_buttons):  # type: ignore[no-untyped-def]
            asked.append(text)
            return space_actions.QMessageBox.StandardButton.Cancel

        patch.setattr(space_actions.QMessageBox, "question", decline)
        assert not window.spaces.join()  # declined at the fingerprint: nothing joined
        assert window.vault.spaces.shared_notebooks() == set()  # type: ignore[union-attr]
        assert "Team" in asked[0]
        assert colleague.spaces.members("Team")[0].fingerprint in asked[0]
        patch.setattr(
            space_actions.QMessageBox,
            "question",
            lambda *args: space_actions.QMessageBox.StandardButton.Yes,
        )
        assert window.spaces.join()
    _wait_idle(qtbot, window)
    dialog = SpaceMembersDialog(window.session, "Team", parent=window)
    qtbot.addWidget(dialog)
    assert not dialog.admin
    assert not dialog.invite_button.isVisibleTo(dialog)
    assert not dialog.remove_button.isVisibleTo(dialog)
    roles = [
        dialog.members.topLevelItem(i).text(1)  # type: ignore[union-attr]
        for i in range(dialog.members.topLevelItemCount())
    ]
    assert "admin" in roles and "you" in roles


def test_invite_writes_an_invitation_the_colleague_can_join(
    qtbot: QtBot, window: MainWindow, folder: Path, colleague: Vault, tmp_path: Path
) -> None:
    _share(qtbot, window, folder)
    dialog = SpaceMembersDialog(window.session, "Team", parent=window)
    qtbot.addWidget(dialog)
    out = tmp_path / "for-bo.age"
    vault = window.vault
    assert vault is not None
    vault.contacts.create(NewContact("Bo", age_recipient=colleague.age_recipient()))
    chosen: list[object] = []

    def pick_contact(invite: space_members_dialog.InviteDialog) -> int:
        invite.contact.setCurrentIndex(1)  # the contact with a key
        chosen.append(invite.key.text())
        return 1

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(space_members_dialog.InviteDialog, "exec", pick_contact)
        patch.setattr(space_members_dialog, "choose_save_path", lambda *a, **k: out)
        patch.setattr(space_members_dialog.QMessageBox, "information", lambda *args: None)
        assert dialog.invite()
    assert chosen == [colleague.age_recipient()]
    assert out.is_file()
    assert [m.label for m in vault.spaces.members("Team")][1] == "Bo"
    joined = colleague.spaces.join(out, folder)
    assert joined.notebook == "Team"


def test_remove_says_what_it_does_not_do_and_removes(
    qtbot: QtBot, window: MainWindow, folder: Path, colleague: Vault, tmp_path: Path
) -> None:
    _share(qtbot, window, folder)
    colleague.spaces.join(_invite_colleague(window, colleague, tmp_path), folder)
    dialog = SpaceMembersDialog(window.session, "Team", parent=window)
    qtbot.addWidget(dialog)
    dialog.members.setCurrentItem(dialog.members.topLevelItem(1))
    assert dialog.remove_button.isEnabled()
    said: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        box.done(button)

    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.No))
    assert not dialog.remove_selected()  # No is a no: nothing changed
    assert not any(m.removed for m in window.vault.spaces.members("Team"))  # type: ignore[union-attr]
    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Yes))
    assert dialog.remove_selected()
    assert "keeps everything it already had" in said[0]
    assert "new key" in said[0] and "does not get" in said[0]
    assert dialog.members.topLevelItem(1).text(1) == "removed"  # type: ignore[union-attr]
    assert not dialog.remove_button.isEnabled()


# -- share and join, and their errors ---------------------------------------------------------


def test_joining_with_a_bad_invitation_says_so_in_a_sentence(
    qtbot: QtBot, window: MainWindow, folder: Path, tmp_path: Path
) -> None:
    bogus = tmp_path / "not-an-invitation.age"
    bogus.write_bytes(b"age-encryption.org/v1\nnonsense")
    shown: list[str] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(space_actions, "choose_open_path", lambda *args: bogus)
        patch.setattr(space_actions, "choose_folder", lambda *args: folder)
        patch.setattr(
            "hushnote.gui.main_window.QMessageBox.warning",
            lambda _parent, _title, text: shown.append(text),
        )
        assert not window.spaces.join()
    assert shown == [error_text(InviteError(reason="unreadable"))]
    assert window.vault.spaces.shared_notebooks() == set()  # type: ignore[union-attr]


def test_sharing_into_the_vaults_own_folder_is_refused_calmly(
    qtbot: QtBot, window: MainWindow, fast_kdf_vault: VaultSetup
) -> None:
    shown: list[str] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(space_actions.QInputDialog, "getItem", lambda *args: ("Team", True))
        patch.setattr(space_actions, "choose_folder", lambda *args: fast_kdf_vault.root)
        patch.setattr(
            "hushnote.gui.main_window.QMessageBox.warning",
            lambda _parent, _title, text: shown.append(text),
        )
        assert not window.spaces.share()
    assert shown == [error_text(SyncFolderError(reason="inside-vault"))]


@pytest.mark.parametrize(
    "error",
    [InviteError(reason="unreadable"), SyncFolderError(reason="x"), SpaceRoleError(reason="self")],
)
def test_each_sync_error_has_its_own_sentence(error: Exception, qapp) -> None:  # type: ignore[no-untyped-def]
    texts = {error_text(e) for e in (InviteError(), SyncFolderError(), SpaceRoleError())}
    assert len(texts) == 3 and "{" not in error_text(error)


# -- the status item ---------------------------------------------------------------------------


def _space(problem: str | None = None) -> SpaceInfo:
    return SpaceInfo("Team", Path("/x"), False, 2, None, None, problem, Path("/x/space"))


def test_status_lines_name_each_problem_and_never_a_title(qapp) -> None:  # type: ignore[no-untyped-def]
    assert status_lines([_space()], [SpaceReport("Team")]) == []
    assert status_lines([_space("folder-missing")], []) == ["Shared folder missing"]
    assert status_lines([_space("removed")], []) == ["Removed from this shared notebook"]
    assert status_lines([_space("rolled-back")], []) == [
        "This vault is older than its shared folder: not publishing"
    ]
    forged = SpaceReport("Team", refused=[FileVerdict("d" * 32, 3, "forged")])
    assert status_lines([_space()], [forged]) == ["1 file(s) refused: forged signature"]
    two = SpaceReport("Team", refused=[FileVerdict("d" * 32, n, "damaged") for n in (1, 2)])
    assert status_lines([_space()], [two])[0].startswith("2 file(s) refused: damaged")


def test_the_status_bar_names_the_last_pass_and_a_missing_folder(
    qtbot: QtBot, window: MainWindow, folder: Path
) -> None:
    _share(qtbot, window, folder)
    status = window.spaces.status
    qtbot.waitUntil(lambda: status.text().startswith("Synced at"), timeout=10_000)
    assert "Agenda" not in status.text() + status.toolTip()
    folder.rename(folder.with_name("moved"))
    window.spaces.runner.request()
    qtbot.waitUntil(lambda: "Shared folder missing" in status.text(), timeout=10_000)
    assert "Agenda" not in status.text() + status.toolTip()
    window.lock()
    assert not status.isVisibleTo(window) and status.text() == ""


def test_a_removed_member_is_told_in_the_status_bar(
    qtbot: QtBot,
    window_for: Callable[[Path], MainWindow],
    fast_kdf_vault: VaultSetup,
    colleague: Vault,
    folder: Path,
    tmp_path: Path,
) -> None:
    colleague.notes.create(title="Theirs", body="x", notebook="Team")
    colleague.spaces.create("Team", folder, label="Ana")
    vault = Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase)
    invitation = tmp_path / "inv.age"
    colleague.spaces.invite("Team", vault.age_recipient(), invitation, label="Me")
    vault.spaces.join(invitation, folder)
    vault.spaces.sync()
    vault.lock()
    colleague.spaces.sync()
    colleague.spaces.remove("Team", "Me")
    window = window_for(fast_kdf_vault.root)
    unlock_window(qtbot, window, fast_kdf_vault.passphrase)  # a pass runs at unlock
    status = window.spaces.status
    qtbot.waitUntil(lambda: "Removed from this shared notebook" in status.text(), timeout=10_000)
    assert "Theirs" not in status.text() + status.toolTip()


def test_a_forged_file_is_reported_in_the_status_bar(
    qtbot: QtBot, window: MainWindow, folder: Path, colleague: Vault, tmp_path: Path
) -> None:
    _share(qtbot, window, folder)
    colleague.spaces.join(_invite_colleague(window, colleague, tmp_path), folder)
    colleague.notes.create(title="Theirs", body="hello", notebook="Team")
    colleague.spaces.sync()
    # The colleague's newest file, changed by someone in between: it must not apply.
    newest = max(
        (p for p in folder.rglob("*") if p.is_file() and p.parent.name != "."),
        key=lambda p: p.stat().st_mtime_ns,
    )
    data = bytearray(newest.read_bytes())
    data[-5] ^= 0x01
    newest.write_bytes(bytes(data))
    window.spaces.runner.request()
    status = window.spaces.status
    qtbot.waitUntil(lambda: "refused" in status.text(), timeout=10_000)
    assert "Theirs" not in status.text() + status.toolTip()


# -- passes in the background --------------------------------------------------------------------


def test_a_colleagues_change_arrives_without_freezing_the_window(
    qtbot: QtBot, window: MainWindow, folder: Path, colleague: Vault, tmp_path: Path
) -> None:
    _share(qtbot, window, folder)
    colleague.spaces.join(_invite_colleague(window, colleague, tmp_path), folder)
    colleague.spaces.sync()
    colleague.notes.create(title="From Bo", body="hello", notebook="Team")
    colleague.spaces.sync()
    runner = window.spaces.runner
    before = runner.passes
    runner.request()
    # The pass runs on a worker: the call returned while it holds the database.
    assert window.session.quiet_running or runner.passes > before
    runner.request()  # a second request meanwhile starts no second pass
    qtbot.waitUntil(lambda: runner.passes > before and not window.session.busy, timeout=10_000)
    vault = window.vault
    assert vault is not None
    titles = [n.title for n in vault.notes.summaries(limit=10)]
    assert "From Bo" in titles
    assert window.workspace.note_model.rowCount() >= 2  # the open list followed


def test_the_folder_watcher_and_timer_run_while_unlocked_and_stop_at_lock(
    qtbot: QtBot, window: MainWindow, folder: Path
) -> None:
    _share(qtbot, window, folder)
    runner = window.spaces.runner
    qtbot.waitUntil(lambda: bool(runner.watcher.directories()), timeout=10_000)
    (space,) = window.session.vault.spaces.all()  # type: ignore[union-attr]
    assert str(space.space_folder) in runner.watcher.directories()
    assert len(runner.watcher.directories()) >= 2  # the space's folder, this device's
    assert runner.periodic.isActive() and runner.periodic.interval() == 30_000
    window.lock()
    assert not runner.periodic.isActive() and not runner.debounce.isActive()
    assert runner.watcher.directories() == []
    assert not window.session.busy


def test_a_save_schedules_one_pass_a_second_later(
    qtbot: QtBot, window: MainWindow, folder: Path
) -> None:
    _share(qtbot, window, folder)
    vault = window.vault
    assert vault is not None
    uuid = vault.notes.summaries(limit=1, notebook="Team")[0].uuid
    window.workspace.open_note(uuid)
    editor = window.workspace.note_editor
    editor.body.setPlainText("first line\nsecond\n")
    assert editor.save()
    assert window.spaces.runner.debounce.isActive()
    assert window.spaces.runner.debounce.interval() == 1000


def test_a_pass_keeps_unsaved_text_and_reloads_a_clean_editor(
    qtbot: QtBot, window: MainWindow, folder: Path, colleague: Vault, tmp_path: Path
) -> None:
    _share(qtbot, window, folder)
    colleague.spaces.join(_invite_colleague(window, colleague, tmp_path), folder)
    colleague.spaces.sync()
    vault = window.vault
    assert vault is not None
    uuid = vault.notes.summaries(limit=1, notebook="Team")[0].uuid
    window.workspace.open_note(uuid)
    editor = window.workspace.note_editor
    runner = window.spaces.runner

    def colleague_writes(body: str) -> None:
        theirs = colleague.notes.summaries(limit=1, notebook="Team")[0].uuid
        colleague.notes.update(theirs, body=body)
        colleague.spaces.sync()

    # A clean editor shows the colleague's text after the pass.
    colleague_writes("first line\nfrom Bo\n")
    before = runner.passes
    runner.request()
    qtbot.waitUntil(lambda: runner.passes > before and not window.session.busy, timeout=10_000)
    assert editor.body.toPlainText() == "first line\nfrom Bo\n"
    # Text typed while a pass runs (after the save that starts it) stays, and the
    # colleague's change to the same note is merged into it, not undone by the next save.
    colleague_writes("first line\nfrom Bo again\n")
    editor.body.setPlainText("first line\nfrom Bo\nmine, not saved\n")
    assert editor._dirty
    runner._before_pass = lambda: None  # the typing came after the pass's own save
    before = runner.passes
    runner.request()
    qtbot.waitUntil(lambda: runner.passes > before and not window.session.busy, timeout=10_000)
    assert editor.body.toPlainText() == "first line\nfrom Bo again\nmine, not saved\n"
    assert editor._dirty and editor.save()
    assert vault.notes.get(uuid).body == "first line\nfrom Bo again\nmine, not saved\n"
    before = runner.passes
    runner.request()
    qtbot.waitUntil(lambda: runner.passes > before and not window.session.busy, timeout=10_000)
    colleague.spaces.sync()
    theirs = colleague.notes.summaries(limit=1, notebook="Team")[0].uuid
    assert colleague.notes.get(theirs).body == "first line\nfrom Bo again\nmine, not saved\n"


def test_a_long_job_takes_over_from_a_pass(qtbot: QtBot, window: MainWindow, folder: Path) -> None:
    _share(qtbot, window, folder)
    runner = window.spaces.runner
    runner.request()
    # Whether or not the pass is still running, a user's job runs now, not refused.
    result = window.session.run_job(window, "Working…", lambda _progress: 42)
    assert result == 42
    assert not window.session.busy


def test_a_panic_during_a_pass_stops_it_and_saves_nothing_more(
    qtbot: QtBot,
    fast_kdf_params: KdfParams,
    fast_kdf_vault: VaultSetup,
    folder: Path,
) -> None:
    wiped: list[bool] = []
    window = panic_window(qtbot, fast_kdf_vault.root, fast_kdf_params, wiped)
    unlock_window(qtbot, window, fast_kdf_vault.passphrase)
    _share(qtbot, window, folder)
    vault = window.vault
    assert vault is not None
    uuid = vault.notes.summaries(limit=1, notebook="Team")[0].uuid
    window.workspace.open_note(uuid)
    finished: list[bool] = []
    window.session.job_finished.connect(lambda: finished.append(True))
    before = window.spaces.runner.passes
    window.spaces.runner.request()
    assert window.session.quiet_running
    started = time.monotonic()
    window.panic()
    assert time.monotonic() - started < 2.5  # the two-second rule, and no more
    assert wiped == [True] and window.session.vault is None
    assert not window.session.busy and finished == []  # no save was let loose
    finish_overwrites()
    qtbot.wait(200)  # the pass's last signal arrives and is ignored
    assert finished == [] and window.spaces.runner.passes == before


# -- the wipe ------------------------------------------------------------------------------------


def test_the_wipe_says_what_it_cannot_reach(window: MainWindow) -> None:
    said = window.panic_button.accessibleDescription()
    assert "colleagues' copies of shared notebooks" in said
    assert ".stversions" in said and "Nextcloud" in said
    assert window.panic_button.toolTip() == said


def test_grouped_fingerprint_reads_in_fives() -> None:
    assert grouped_fingerprint("12345678901234567890") == "12345 67890 12345 67890"
    assert grouped_fingerprint("12345 67890 12345 67890") == "12345 67890 12345 67890"


def test_a_save_that_waited_for_a_slow_pass_keeps_the_colleagues_edit(
    qtbot: QtBot, window: MainWindow, colleague: Vault, folder: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The user types while a slow pass brings a colleague's paragraph; the autosave
    waits for the pass and runs first when it ends: it must merge, not write over it."""
    from hushnote.core.sync import spaces as spaces_module

    _share(qtbot, window, folder)
    vault = window.vault
    assert vault is not None
    colleague.spaces.join(_invite_colleague(window, colleague, tmp_path), folder)
    colleague.spaces.sync()
    runner = window.spaces.runner
    runner.request()
    _wait_idle(qtbot, window)
    uuid = vault.notes.summaries(limit=1, notebook="Team")[0].uuid
    window.workspace.open_note(uuid)
    editor = window.workspace.note_editor
    colleague.notes.update(uuid, body="first line\nBO'S PARAGRAPH\n")
    colleague.spaces.sync()
    real = spaces_module.sync_space

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = real(*args, **kwargs)
        time.sleep(2.5)  # a slow share, a busy laptop: longer than the autosave delay
        return result

    monkeypatch.setattr(spaces_module, "sync_space", slow)
    passes = runner.passes
    runner.request()
    assert window.session.quiet_running
    editor.body.setFocus()
    cursor = editor.body.textCursor()
    cursor.setPosition(0)
    editor.body.setTextCursor(cursor)
    qtbot.keyClicks(editor.body, "MY ")
    qtbot.wait(1500)  # the autosave fires while the pass holds the database, and waits
    qtbot.waitUntil(lambda: runner.passes > passes and not window.session.busy, timeout=20_000)
    monkeypatch.setattr(spaces_module, "sync_space", real)
    qtbot.waitUntil(lambda: not editor._dirty, timeout=5_000)
    merged = "MY first line\nBO'S PARAGRAPH\n"
    assert vault.notes.get(uuid).body == merged and editor.body.toPlainText() == merged
    runner.request()
    _wait_idle(qtbot, window)
    colleague.spaces.sync()
    assert colleague.notes.get(uuid).body == merged


def test_a_contact_card_left_open_keeps_a_colleagues_correction(
    qtbot: QtBot, window: MainWindow, colleague: Vault, folder: Path, tmp_path: Path
) -> None:
    """A pass stores a colleague's new number for the card on screen; the user adds a
    remark and saves: the number stays the colleague's, here and there."""
    from hushnote.core import ContactMethod, MethodKind

    vault = window.vault
    assert vault is not None
    maria = vault.contacts.create(
        NewContact("Maria", (ContactMethod(MethodKind.SIGNAL, "+1 555 0100"),))
    )
    vault.lists.create("Medics")
    vault.lists.add("Medics", maria.uuid)
    _share(qtbot, window, folder)
    vault.spaces.share_list("Team", "Medics")
    colleague.spaces.join(_invite_colleague(window, colleague, tmp_path), folder)
    runner = window.spaces.runner

    def a_pass() -> None:
        passes = runner.passes
        runner.request()
        qtbot.waitUntil(lambda: runner.passes > passes and not window.session.busy, timeout=10_000)

    colleague.spaces.sync()
    a_pass()
    colleague.spaces.sync()
    window.workspace.open_contact(maria.uuid)
    editor = window.workspace.contact_editor
    new_number = (ContactMethod(MethodKind.SIGNAL, "+1 555 0199"),)
    colleague.contacts.update(maria.uuid, NewContact("Maria", new_number))
    colleague.spaces.sync()
    a_pass()
    editor.notes.setFocus()
    qtbot.keyClicks(editor.notes, "met at the clinic")
    assert editor.save()
    a_pass()
    colleague.spaces.sync()
    for side in (vault, colleague):
        card = side.contacts.get(maria.uuid)
        assert [m.value for m in card.methods] == ["+1 555 0199"]
        assert card.notes == "met at the clinic"
