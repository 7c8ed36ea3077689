"""Travel mode from the desktop app: marking, the start wizard, ending travel.

A real vault (fast KDF fixture) and the real core: the wizard is driven as a person
would, by its buttons and fields, and by the keyboard alone in one run.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pyrage
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from conftest import PASSPHRASE, VaultSetup
from hushnote.core import BundleKind, KdfParams, NewContact, Vault, travel_key_words
from hushnote.core.travel.workflow import Travel
from hushnote.gui import workspace_page
from hushnote.gui.main_window import MainWindow
from hushnote.gui.travel_end_dialog import EndTravelDialog
from hushnote.gui.travel_wizard import DONE, KEY, PLACE, PLAN, START, WORDS, TravelWizard
from hushnote.gui.workspace_page import SECTION_ROLE, STAYS_HOME_ROLE, VALUE_ROLE
from support.gui import finish_overwrites, panic_window, unlock_window

pytestmark = pytest.mark.usefixtures("fast_scrypt")  # passphrase bundles: conftest.py

SECRET = "Kestrel"  # a word only the notebook that stays home holds


@pytest.fixture
def seeded(fast_kdf_vault: VaultSetup, tmp_path: Path) -> VaultSetup:
    """A notebook with a note, one in the trash and an attached file; a list with a
    person only on it; and a note that stays on the laptop."""
    picture = tmp_path / "plan.txt"
    picture.write_bytes(b"meeting point")
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        hearing = vault.notes.create(title="Hearing", notebook="Case 12", body=f"{SECRET} hearing")
        old = vault.notes.create(title="Old draft", notebook="Case 12", body="draft")
        vault.notes.trash(old.uuid)
        vault.attachments.add(hearing.uuid, picture)
        vault.notes.create(title="Shopping", body="milk")
        rosa = vault.contacts.create(NewContact("Rosa Medic"))
        vault.lists.create("Medics")
        vault.lists.add("Medics", rosa.uuid)
    return fast_kdf_vault


@pytest.fixture
def window(
    qtbot: QtBot, window_for: Callable[[Path], MainWindow], seeded: VaultSetup
) -> MainWindow:
    made = window_for(seeded.root)
    unlock_window(qtbot, made, PASSPHRASE)
    return made


def sidebar_item(window: MainWindow, section: str, value: str):  # type: ignore[no-untyped-def]
    for item in window.workspace._sidebar_items():
        if item.data(0, SECTION_ROLE) == section and item.data(0, VALUE_ROLE) == value:
            return item
    return None


def menu_by_keyboard(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, section: str, value: str
) -> QMenu:
    """The sidebar's context menu for an item, opened with Shift+F10 on it."""
    menus: list[QMenu] = []

    class RecordedMenu(QMenu):
        def exec(self, *_args: object) -> None:  # type: ignore[override]
            menus.append(self)

    monkeypatch.setattr(workspace_page, "QMenu", RecordedMenu)
    sidebar = window.workspace.sidebar
    sidebar.setFocus()
    sidebar.setCurrentItem(sidebar_item(window, section, value))
    qtbot.keyClick(sidebar, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(sidebar, Qt.Key.Key_Menu)
    assert len(menus) == 2  # both keys open it
    monkeypatch.undo()
    return menus[-1]


def stays_home_action(menu: QMenu):  # type: ignore[no-untyped-def]
    (action,) = [
        a for a in menu.actions() if a.text().replace("&", "") == "Stays home (travel mode)"
    ]
    return action


def mark(window: MainWindow) -> None:
    window.workspace.set_stays_home("notebook", "Case 12", True)
    window.workspace.set_stays_home("list", "Medics", True)


def titles_in_search(window: MainWindow, text: str) -> list[str]:
    assert window.vault is not None
    return [hit.title for hit in window.vault.searcher.search(text)]


def drive_wizard(
    qtbot: QtBot, window: MainWindow, steps: Callable[[TravelWizard], None]
) -> TravelWizard:
    """Open the wizard from the Vault menu and run ``steps`` on it while it is open."""
    seen: list[TravelWizard] = []

    failures: list[BaseException] = []

    def act() -> None:
        wizard = window.travel.wizard
        assert wizard is not None
        seen.append(wizard)
        try:
            steps(wizard)
        except BaseException as error:
            failures.append(error)
            wizard.reject()

    QTimer.singleShot(0, act)
    (action,) = [a for a in window.vault_menu.actions() if a.text() == "S&tart travel…"]
    action.trigger()
    assert seen, "the wizard did not open"
    if failures:
        raise failures[0]
    return seen[0]


def next_page(qtbot: QtBot, wizard: TravelWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    if wizard.currentPage().isCommitPage():
        button = wizard.button(QWizard.WizardButton.CommitButton)
    assert button.isEnabled(), f"Next is off on page {wizard.currentId()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# -- marking ---------------------------------------------------------------------------------


def test_the_context_menu_marks_a_notebook_and_a_list_by_keyboard(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = window.vault
    assert vault is not None
    for section, value in (("notebook", "Case 12"), ("list", "Medics")):
        action = stays_home_action(menu_by_keyboard(qtbot, window, monkeypatch, section, value))
        assert action.isCheckable() and not action.isChecked()
        action.trigger()
    assert vault.travel.marked() == (["Case 12"], ["Medics"])
    # The sidebar says so, subtly: an icon, italics, a tooltip, a spoken name.
    for section, value in (("notebook", "Case 12"), ("list", "Medics")):
        item = sidebar_item(window, section, value)
        assert item.data(0, STAYS_HOME_ROLE)
        assert item.font(0).italic() and not item.icon(0).isNull()
        assert item.toolTip(0) == "Stays home when travel starts"
        assert item.data(0, Qt.ItemDataRole.AccessibleTextRole).endswith(
            ", stays home in travel mode"
        )
    assert not sidebar_item(window, "notes", None).data(0, STAYS_HOME_ROLE)
    # Checked now; unchecking unmarks.
    action = stays_home_action(menu_by_keyboard(qtbot, window, monkeypatch, "notebook", "Case 12"))
    assert action.isChecked()
    action.trigger()
    assert vault.travel.marked() == ([], ["Medics"])
    assert not sidebar_item(window, "notebook", "Case 12").data(0, STAYS_HOME_ROLE)


def test_only_notebooks_and_lists_offer_the_mark(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    menu = menu_by_keyboard(qtbot, window, monkeypatch, "notes", None)  # type: ignore[arg-type]
    assert not [a for a in menu.actions() if "Stays home" in a.text().replace("&", "")]


# -- the plan --------------------------------------------------------------------------------


def test_the_plan_page_shows_what_leaves(qtbot: QtBot, window: MainWindow) -> None:
    mark(window)

    def look(wizard: TravelWizard) -> None:
        assert wizard.currentId() == PLAN
        view = wizard.plan_page.view
        assert view.rows() == [["Case 12", "1", "1", "1", "0"], ["Medics", "1"]]
        assert "Rosa Medic" in view.people.text()
        assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        wizard.reject()

    drive_wizard(qtbot, window, look)
    assert window.vault is not None and window.vault.travel.marked() == (["Case 12"], ["Medics"])


def test_an_empty_plan_says_how_to_mark_and_goes_no_further(
    qtbot: QtBot, window: MainWindow
) -> None:
    def look(wizard: TravelWizard) -> None:
        text = wizard.plan_page.view.how_to_mark.text()
        assert "Stays home (travel mode)" in text and "Shift+F10" in text
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        wizard.reject()

    drive_wizard(qtbot, window, look)


# -- starting and ending with a travel key ---------------------------------------------------


def test_travel_with_a_key_removes_the_content_and_ending_brings_it_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mark(window)
    out = tmp_path / "stick" / "trip.hnb"
    out.parent.mkdir()
    words: list[str] = []

    def run(wizard: TravelWizard) -> None:
        next_page(qtbot, wizard)
        assert wizard.currentId() == KEY and wizard.key_page.travel_key.isChecked()
        next_page(qtbot, wizard)
        assert wizard.currentId() == PLACE
        wizard.place_page.file.setText(str(out))
        next_page(qtbot, wizard)
        assert wizard.currentId() == WORDS
        key = wizard.words_page.key
        shown = key.words_text()
        assert shown is not None and len(shown.split()) == 10
        assert key.words.text().split()[1] == shown.split()[0]  # "1. first"
        assert not key.qr.pixmap().isNull()
        words.append(shown)
        # Not before the last word is typed back.
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        key.confirm.setText(shown.split()[-2])
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        key.confirm.setText(shown.split()[-1].upper() + " ")
        next_page(qtbot, wizard)
        assert wizard.currentId() == START
        next_page(qtbot, wizard)  # Start travel
        assert wizard.currentId() == DONE
        assert not key.words.text() and key.qr.pixmap().isNull()  # off the screen
        assert str(out) in wizard.done_page.files.text()
        assert "travel key you wrote down" in wizard.done_page.key.text()
        wizard.button(QWizard.WizardButton.FinishButton).click()

    drive_wizard(qtbot, window, run)
    assert out.exists()
    vault = window.vault
    assert vault is not None
    # Gone from the sidebar, the lists, search and the contacts; the rest stays.
    assert sidebar_item(window, "notebook", "Case 12") is None
    assert sidebar_item(window, "list", "Medics") is None
    assert titles_in_search(window, SECRET) == []
    assert [c.display_name for c in vault.contacts.summaries()] == []
    assert [n.title for n in vault.notes.summaries()] == ["Shopping"]
    assert window.workspace.section == ("notes", None)
    window.search_dialog.start(SECRET)
    window.search_dialog.run()
    assert window.search_dialog.results.count() == 0
    window.search_dialog.close()

    # Ending: the bundle and the words bring everything back.
    shown_messages: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, _t, text: shown_messages.append(text)
    )

    def fill(dialog: EndTravelDialog) -> int:
        dialog.path.setText(str(out))
        dialog._inspect()
        assert dialog.kind is BundleKind.PASSPHRASE and dialog.words.isVisibleTo(dialog)
        dialog.words.setText(words[0])
        dialog._check()
        return dialog.result()

    monkeypatch.setattr(EndTravelDialog, "exec", fill)
    (action,) = [a for a in window.vault_menu.actions() if a.text() == "&End travel…"]
    action.trigger()
    assert sidebar_item(window, "notebook", "Case 12") is not None
    assert sidebar_item(window, "list", "Medics") is not None
    assert titles_in_search(window, SECRET) == ["Hearing"]
    assert vault.notes.count(trashed=True) == 1
    assert vault.travel.marked() == (["Case 12"], ["Medics"])  # the next trip, the same
    lines = shown_messages[-1].splitlines()
    assert lines[0] == "Travel has ended. Back in this vault:"
    assert "Notebooks: 1" in lines and "Contact lists: 1" in lines
    assert "Attached files: 1" in lines


def test_wrong_words_ask_again_and_nothing_changes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mark(window)
    vault = window.vault
    assert vault is not None
    out = tmp_path / "trip.hnb"
    vault.travel.start(out, passphrase="alpha bravo charlie")
    window.workspace.after_travel()
    tries: list[str] = []

    def fill(dialog: EndTravelDialog) -> int:
        if tries:  # the second time round: the reason is shown, the words kept
            assert "do not open this bundle" in dialog.problem.text()
            assert dialog.words.selectedText() == "wrong words"
            tries.append("again")
            return 0  # and the user gives up
        dialog.path.setText(str(out))
        dialog._inspect()
        dialog.words.setText("wrong words")
        tries.append("first")
        dialog._check()
        return dialog.result()

    monkeypatch.setattr(EndTravelDialog, "exec", fill)
    window.travel.end()
    assert tries == ["first", "again"]
    assert sidebar_item(window, "notebook", "Case 12") is None


# -- a colleague's key -----------------------------------------------------------------------


def test_travel_to_a_colleague_and_back_through_the_own_key(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    fast_kdf_params: KdfParams,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    identity = pyrage.x25519.Identity.generate()
    vault = window.vault
    assert vault is not None
    chen = vault.contacts.create(NewContact("Chen", age_recipient=str(identity.to_public())))
    mark(window)
    out = tmp_path / "to-chen.hnb"

    def run(wizard: TravelWizard) -> None:
        next_page(qtbot, wizard)
        page = wizard.key_page
        assert not page.people.isEnabled()
        page.colleague.setChecked(True)
        assert page.people.isEnabled() and page.contact() == chen.uuid
        next_page(qtbot, wizard)
        wizard.place_page.file.setText(str(out))
        next_page(qtbot, wizard)
        assert wizard.currentId() == START  # no words for a colleague's key
        next_page(qtbot, wizard)
        assert wizard.currentId() == DONE
        assert "Chen" in wizard.done_page.key.text()
        wizard.accept()

    drive_wizard(qtbot, window, run)
    assert sidebar_item(window, "notebook", "Case 12") is None
    assert vault.inspect_bundle(out) is BundleKind.OTHER_KEY  # this laptop cannot open it
    # Chen opens it and encrypts it again to this vault's own key (age -d | age -r).
    plain = pyrage.decrypt(out.read_bytes(), [identity])
    back = tmp_path / "back.hnb"
    back.write_bytes(
        pyrage.encrypt(plain, [pyrage.x25519.Recipient.from_str(vault.age_recipient())])
    )
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: None)

    def fill(dialog: EndTravelDialog) -> int:
        dialog.path.setText(str(back))
        dialog._inspect()
        assert dialog.kind is BundleKind.OWN_KEY
        assert not dialog.words.isVisibleTo(dialog)  # nothing to type
        dialog._check()
        return dialog.result()

    monkeypatch.setattr(EndTravelDialog, "exec", fill)
    window.travel.end()
    assert titles_in_search(window, SECRET) == ["Hearing"]


def test_a_place_inside_the_vault_is_refused_with_its_sentence(
    qtbot: QtBot,
    window: MainWindow,
    seeded: VaultSetup,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mark(window)
    elsewhere = tmp_path / "elsewhere.hnb"
    monkeypatch.setattr("hushnote.gui.travel_wizard.choose_save_path", lambda *_a, **_k: elsewhere)

    def run(wizard: TravelWizard) -> None:
        next_page(qtbot, wizard)
        wizard.key_page.colleague.setChecked(False)
        next_page(qtbot, wizard)
        wizard.place_page.file.setText(str(seeded.root / "trip.hnb"))
        next_page(qtbot, wizard)
        key = wizard.words_page.key
        words = key.words_text()
        assert words is not None
        key.confirm.setText(words.split()[-1])
        next_page(qtbot, wizard)
        next_page(qtbot, wizard)  # Start travel: refused
        page = wizard.start_page
        assert wizard.currentId() == START
        assert "inside the vault's own folder" in page.problem.text()
        assert page.elsewhere.isVisible()
        page.elsewhere.click()  # another place; the same words
        assert not page.problem.isVisible()
        assert key.words_text() == words
        next_page(qtbot, wizard)
        assert wizard.currentId() == DONE
        wizard.accept()

    drive_wizard(qtbot, window, run)
    assert elsewhere.exists() and not (seeded.root / "trip.hnb").exists()


# -- cancelling, locking ---------------------------------------------------------------------


class CancelAt:
    """Click the progress dialog's Cancel, as a person does, when the work reaches one
    of its steps (``hold``): the click lands there however loaded the machine is, not
    wherever a timer happens to fire."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.clicked = threading.Event()

    def hold(self, method: Callable[..., object]) -> Callable[..., object]:
        """``method``, run once Cancel has been clicked."""

        def held(*args: object, **kwargs: object) -> object:
            self.reached.set()
            assert self.clicked.wait(10)
            return method(*args, **kwargs)

        return held

    def click_when_reached(self) -> None:
        """Call from a timer: a call queued from inside the wizard's own would wait until
        it returns, after the work."""
        if self.reached.is_set():
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QProgressDialog) and widget.isVisible():
                    button = widget.findChild(QPushButton)
                    assert button is not None
                    button.click()
                    self.clicked.set()
                    return
        QTimer.singleShot(1, self.click_when_reached)


def start_with_words(qtbot: QtBot, wizard: TravelWizard, out: Path) -> None:
    """From the first page to Start travel, sealing with a travel key into ``out``."""
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    wizard.place_page.file.setText(str(out))
    next_page(qtbot, wizard)
    key = wizard.words_page.key
    key.confirm.setText((key.words_text() or "").split()[-1])
    next_page(qtbot, wizard)


def test_cancel_during_the_work_changes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mark(window)
    out = tmp_path / "trip.hnb"
    cancel = CancelAt()
    # Cancel is clicked as the bundle, written, is about to be checked.
    monkeypatch.setattr(Travel, "_verify", cancel.hold(Travel._verify))

    def run(wizard: TravelWizard) -> None:
        start_with_words(qtbot, wizard, out)
        QTimer.singleShot(1, cancel.click_when_reached)
        next_page(qtbot, wizard)
        assert wizard.currentId() == START
        assert wizard.start_page.problem.text() == "Cancelled. Nothing was changed."
        wizard.reject()

    drive_wizard(qtbot, window, run)
    assert not out.exists()  # the work removed what it wrote before it ended
    assert sidebar_item(window, "notebook", "Case 12") is not None
    assert titles_in_search(window, SECRET) == ["Hearing"]


def test_cancel_during_the_rewrite_says_travel_started(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the purge a Cancel stops only the rewrite of the vault: the wizard says that
    travel started, and why the rewrite did not happen, never that nothing changed."""
    assert window.vault is not None
    with window.vault.db.transaction() as connection:  # rows enough for the rewrite's progress
        connection.executemany("INSERT INTO settings (key, value) VALUES (?, ?)",
                               [(f"filler.{n}", "x") for n in range(20_000)])  # fmt: skip
    mark(window)
    out = tmp_path / "trip.hnb"
    cancel = CancelAt()
    monkeypatch.setattr(Vault, "rotate_key", cancel.hold(Vault.rotate_key))

    def run(wizard: TravelWizard) -> None:
        start_with_words(qtbot, wizard, out)
        assert wizard.start_page.compact.isChecked()  # on by default
        QTimer.singleShot(1, cancel.click_when_reached)
        next_page(qtbot, wizard)
        assert wizard.currentId() == DONE, wizard.start_page.problem.text()
        after = wizard.done_page.after.text()
        assert after.startswith("The rewrite of the vault was cancelled.")
        assert "Rotate data key" in after
        wizard.accept()

    drive_wizard(qtbot, window, run)
    assert out.is_file()
    assert sidebar_item(window, "notebook", "Case 12") is None
    assert titles_in_search(window, SECRET) == []


def test_cancelling_the_wizard_changes_nothing(qtbot: QtBot, window: MainWindow) -> None:
    mark(window)

    def run(wizard: TravelWizard) -> None:
        next_page(qtbot, wizard)
        next_page(qtbot, wizard)
        next_page(qtbot, wizard)
        assert wizard.words_page.key.shown
        wizard.button(QWizard.WizardButton.CancelButton).click()

    wizard = drive_wizard(qtbot, window, run)
    assert not wizard.words_page.key.shown
    assert titles_in_search(window, SECRET) == ["Hearing"]


def test_a_lock_during_the_wizard_clears_the_words(qtbot: QtBot, window: MainWindow) -> None:
    mark(window)
    seen: dict[str, object] = {}

    def run(wizard: TravelWizard) -> None:
        next_page(qtbot, wizard)
        next_page(qtbot, wizard)
        next_page(qtbot, wizard)
        key = wizard.words_page.key
        key.confirm.setText("half")
        seen["key"] = key
        assert key.words.text() and not key.qr.pixmap().isNull()
        window.lock()  # idle, the screen locked, Ctrl+L: all the same
        seen["visible"] = wizard.isVisible()

    drive_wizard(qtbot, window, run)
    key = seen["key"]
    assert seen["visible"] is False
    assert not key.words.text() and key.qr.pixmap().isNull()  # type: ignore[attr-defined]
    assert not key.confirm.text() and not key.shown  # type: ignore[attr-defined]
    assert window.vault is None


# -- keyboard only ---------------------------------------------------------------------------


def test_the_whole_wizard_runs_from_the_keyboard(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    mark(window)
    out = tmp_path / "keys.hnb"
    window._bundle_folder = tmp_path

    def focused() -> object:
        return QApplication.focusWidget()

    def run(wizard: TravelWizard) -> None:
        qtbot.waitUntil(wizard.isActiveWindow, timeout=3_000)
        qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # &Next
        qtbot.waitUntil(lambda: wizard.currentId() == KEY)  # a mnemonic clicks after a flash
        qtbot.keyClick(focused(), Qt.Key.Key_Return)  # the travel key is the default
        assert wizard.currentId() == PLACE
        field = wizard.place_page.file
        qtbot.keyClick(focused(), Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # &File
        qtbot.waitUntil(lambda: focused() is field)
        field.selectAll()
        qtbot.keyClicks(field, str(out))
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert wizard.currentId() == WORDS
        key = wizard.words_page.key
        assert focused() is key.confirm
        qtbot.keyClicks(key.confirm, (key.words_text() or "").split()[-1])
        qtbot.keyClick(key.confirm, Qt.Key.Key_Return)
        assert wizard.currentId() == START
        qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # &Start
        qtbot.waitUntil(lambda: wizard.currentId() == DONE, timeout=30_000)
        qtbot.waitUntil(wizard.isActiveWindow)
        qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Finish

    wizard = drive_wizard(qtbot, window, run)
    assert not wizard.isVisible()
    assert out.exists()
    assert sidebar_item(window, "notebook", "Case 12") is None


def test_every_page_is_a_keyboard_cycle_of_named_controls(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """As tests/gui/test_accessibility.py holds the main views to: Tab goes round each
    page without a trap, and every stop has a spoken name and description."""
    from gui.test_accessibility import spoken, tab_cycle, takes_tab

    mark(window)
    problems: list[str] = []
    pages: list[int] = []

    def walk(wizard: TravelWizard) -> None:
        qtbot.waitUntil(wizard.isActiveWindow, timeout=3_000)
        pages.append(wizard.currentId())
        stops, trap = tab_cycle(qtbot)
        if trap is not None:
            problems.append(f"{wizard.currentId()}: trapped in {type(trap).__name__}")
        for widget in stops:
            name, description = spoken(widget)
            if not name.strip() or not description.strip():
                problems.append(f"{wizard.currentId()}: {type(widget).__name__} {name!r}")
        for widget in wizard.currentPage().findChildren(QWidget):
            if takes_tab(widget, wizard) and widget not in stops:
                problems.append(f"{wizard.currentId()}: Tab misses {spoken(widget)[0]!r}")

    def run(wizard: TravelWizard) -> None:
        walk(wizard)
        for _ in range(3):
            if wizard.currentId() == PLACE:
                wizard.place_page.file.setText(str(tmp_path / "a.hnb"))
            next_page(qtbot, wizard)
            walk(wizard)
        key = wizard.words_page.key
        key.confirm.setText((key.words_text() or "").split()[-1])
        next_page(qtbot, wizard)
        walk(wizard)
        wizard.reject()

    drive_wizard(qtbot, window, run)
    assert pages == [PLAN, KEY, PLACE, WORDS, START]
    assert not problems, "\n".join(problems)


def test_the_reminder_is_off_by_default_and_shown_when_asked(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    mark(window)

    def run(wizard: TravelWizard) -> None:
        next_page(qtbot, wizard)
        next_page(qtbot, wizard)
        wizard.place_page.file.setText(str(tmp_path / "r.hnb"))
        next_page(qtbot, wizard)
        key = wizard.words_page.key
        key.confirm.setText((key.words_text() or "").split()[-1])
        next_page(qtbot, wizard)
        page = wizard.start_page
        assert not page.remind.isChecked() and not page.reminder_text.isEnabled()
        page.remind.setChecked(True)
        assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()  # no words yet
        page.reminder_text.setText("blue stick at Ana's")
        next_page(qtbot, wizard)
        wizard.accept()

    drive_wizard(qtbot, window, run)
    assert window.travel.reminder.isVisible()
    assert window.travel.reminder.text() == "blue stick at Ana's"
    window.lock()
    assert not window.travel.reminder.text()


def test_a_panic_wipe_during_the_wizard_clears_the_words(
    qtbot: QtBot, seeded: VaultSetup, fast_kdf_params: KdfParams
) -> None:
    wiped: list[bool] = []
    window = panic_window(qtbot, seeded.root, fast_kdf_params, wiped)
    unlock_window(qtbot, window, PASSPHRASE)
    mark(window)
    seen: dict[str, object] = {}

    def run(wizard: TravelWizard) -> None:
        next_page(qtbot, wizard)
        next_page(qtbot, wizard)
        next_page(qtbot, wizard)
        key = wizard.words_page.key
        seen["key"] = key
        assert key.words.text() and not key.qr.pixmap().isNull()
        window.panic()

    drive_wizard(qtbot, window, run)
    finish_overwrites()
    key = seen["key"]
    assert wiped == [True]
    assert not key.words.text() and key.qr.pixmap().isNull()  # type: ignore[attr-defined]
    assert not key.shown  # type: ignore[attr-defined]


def test_the_summary_names_where_notes_written_on_the_road_went(window: MainWindow) -> None:
    from hushnote.core import MergeReport, TravelReport

    report = TravelReport(MergeReport(), ["Case 12"], [], [],
                          [("Case 12", "Case 12 (on the road)")])  # fmt: skip
    lines = window.travel.summary(report)
    assert lines[-1] == (
        "Notes written on the road in Case 12 were moved to Case 12 (on the road), a private "
        "notebook, so that none reaches its members. Move back the ones that should."
    )
    assert len(window.travel.summary(TravelReport(MergeReport(), [], [], []))) == len(lines) - 1


def test_an_open_attachment_of_a_note_that_left_is_closed_when_travel_starts(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """A viewer is a window of its own: it must not keep showing a file the wizard's last
    page says the vault never held."""
    from hushnote.gui.attachment_opening import open_attachment
    from hushnote.gui.attachment_viewer import AttachmentViewer

    assert window.vault is not None
    (hearing,) = [n.uuid for n in window.vault.notes.summaries() if n.title == "Hearing"]
    (attachment,) = window.vault.attachments.of_note(hearing)
    data = window.vault.attachments.read(attachment.uuid, limit=1 << 20)
    viewer = open_attachment(window, window.session, data, attachment.name, attachment.kind)
    assert isinstance(viewer, AttachmentViewer) and viewer.isVisible()
    mark(window)

    def run(wizard: TravelWizard) -> None:
        start_with_words(qtbot, wizard, tmp_path / "trip.hnb")
        next_page(qtbot, wizard)  # Start travel
        assert wizard.currentId() == DONE
        wizard.accept()

    drive_wizard(qtbot, window, run)
    qtbot.waitUntil(lambda: not any(
        isinstance(w, AttachmentViewer) and w.isVisible() for w in QApplication.topLevelWidgets()
    ), timeout=2_000)  # fmt: skip


def test_text_that_cannot_be_saved_keeps_travel_from_starting(
    qtbot: QtBot,
    window_for: Callable[[Path], MainWindow],
    fast_kdf_params: KdfParams,
    tmp_path: Path,
) -> None:
    """The disk fills up while the owner types: the save before travel fails, so travel
    must not start, and the text must stay in the editor (it is in no bundle)."""
    from support.mounts import tmpfs

    typed = " and a line typed but not saved zephyr-4411"
    with tmpfs(tmp_path / "disk", 8192) as disk:
        root = disk / "vault"
        with Vault.create(root, PASSPHRASE, kdf=fast_kdf_params) as vault:
            vault.notes.create(title="Hearing", notebook="Case 12", body="Kestrel hearing")
            stays = vault.notes.create(title="Shopping", body="milk").uuid
            vault.travel.mark_notebook("Case 12")
        window = window_for(root)
        unlock_window(qtbot, window, PASSPHRASE)
        window.workspace.open_note(stays)
        editor = window.workspace.note_editor
        with (disk / "filler").open("wb") as handle:
            try:
                while True:
                    handle.write(bytes(1 << 16))
                    handle.flush()
            except OSError:
                pass
        editor.body.moveCursor(editor.body.textCursor().MoveOperation.End)
        editor.body.insertPlainText(typed)
        out = tmp_path / "trip.hnb"

        def run(wizard: TravelWizard) -> None:
            start_with_words(qtbot, wizard, out)
            next_page(qtbot, wizard)  # Start travel: refused
            assert wizard.currentId() == START
            assert "could not be saved" in wizard.start_page.problem.text()
            wizard.reject()

        drive_wizard(qtbot, window, run)
        assert typed in editor.body.toPlainText()
        assert not out.exists()
        (disk / "filler").unlink()  # room again: the editor's text is saved now
        assert editor.save()
        assert window.vault is not None
        assert typed in window.vault.notes.get(stays).body
        assert [n.title for n in window.vault.notes.summaries(notebook="Case 12")] == ["Hearing"]


@pytest.mark.parametrize("stick", ["write-protected", "full"])
def test_a_stick_that_refuses_the_bundle_offers_another_place_with_the_same_words(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    stick: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The stick is the problem, not the vault folder; and going Back for another place
    would make a new key, so the page offers another place with the words kept."""
    from support.mounts import fill, read_only, tmpfs

    mark(window)
    elsewhere = tmp_path / "elsewhere.hnb"
    monkeypatch.setattr("hushnote.gui.travel_wizard.choose_save_path", lambda *_a, **_k: elsewhere)
    with tmpfs(tmp_path / "stick", 256) as mount:
        if stick == "full":
            fill(mount)
        else:
            read_only(mount)

        def run(wizard: TravelWizard) -> None:
            start_with_words(qtbot, wizard, mount / "trip.hnb")
            words = wizard.words_page.key.words_text()
            next_page(qtbot, wizard)  # Start travel: refused by the stick
            page = wizard.start_page
            assert wizard.currentId() == START
            assert "vault folder" not in page.problem.text()
            assert "Choose another place" in page.problem.text()
            assert page.elsewhere.isVisible()
            page.elsewhere.click()
            assert wizard.words_page.key.words_text() == words
            next_page(qtbot, wizard)
            assert wizard.currentId() == DONE
            wizard.accept()

        drive_wizard(qtbot, window, run)
    assert elsewhere.is_file()


def test_a_large_bundle_brought_back_without_its_key_file_says_so(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large travel bundle opens through the .key file beside it; without it, the
    header looks like a bundle sealed to someone else. The dialog names the file, and
    the words are never called wrong for it."""
    from hushnote.core.formats import bundle_export

    monkeypatch.setattr(bundle_export, "IN_MEMORY_LIMIT", 200)  # anything is "large" now
    assert window.vault is not None
    mark(window)
    words = travel_key_words()
    receipt = window.vault.travel.start(tmp_path / "trip.hnb", passphrase=words)
    assert [path.name for path in receipt.files] == ["trip.hnb", "trip.hnb.key"]
    home = tmp_path / "home"
    home.mkdir()
    (tmp_path / "trip.hnb").rename(home / "trip.hnb")  # the .key file stayed behind
    said: list[str] = []

    def fill(dialog: EndTravelDialog) -> int:
        dialog.path.setText(str(home / "trip.hnb"))
        dialog._inspect()
        assert dialog.kind is BundleKind.OTHER_KEY and not dialog.needs_words()
        said.append(dialog.problem.text())
        return 0

    monkeypatch.setattr(EndTravelDialog, "exec", fill)
    window.travel.end()
    assert "trip.hnb.key" in said[0] and "same folder" in said[0]
    assert window.vault.travel.marked() == ([], [])  # nothing came back


def test_cancelling_another_place_keeps_the_refusal_said(
    qtbot: QtBot,
    window: MainWindow,
    seeded: VaultSetup,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mark(window)
    monkeypatch.setattr("hushnote.gui.travel_wizard.choose_save_path", lambda *_a, **_k: None)
    inside = seeded.root / "trip.hnb"

    def run(wizard: TravelWizard) -> None:
        start_with_words(qtbot, wizard, inside)
        next_page(qtbot, wizard)  # Start travel: refused, inside the vault's folder
        page = wizard.start_page
        refused = page.problem.text()
        assert "inside the vault's own folder" in refused
        page.elsewhere.click()  # the file dialog is cancelled
        assert page.problem.isVisible() and page.problem.text() == refused
        assert page.elsewhere.isVisible()
        assert wizard.place_page.path() == inside
        wizard.reject()

    drive_wizard(qtbot, window, run)


def test_a_bare_file_name_is_shown_with_its_folder(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typed without a folder, the bundle goes to the folder the app runs in: the last
    page must say which, or the only copy of what left cannot be found."""
    mark(window)
    started_in = tmp_path / "started here"
    started_in.mkdir()
    monkeypatch.chdir(started_in)
    shown: list[str] = []

    def run(wizard: TravelWizard) -> None:
        start_with_words(qtbot, wizard, Path("trip.hnb"))
        next_page(qtbot, wizard)
        assert wizard.currentId() == DONE
        shown.append(wizard.done_page.files.text())
        wizard.accept()

    drive_wizard(qtbot, window, run)
    assert shown == [str(started_in / "trip.hnb")]
    assert (started_in / "trip.hnb").is_file()


def test_a_bundle_gone_before_it_is_opened_is_named_as_the_problem(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.vault is not None
    mark(window)
    out = tmp_path / "stick {1}" / "trip.hnb"  # braces in a name stay braces
    out.parent.mkdir()
    words = travel_key_words()
    window.vault.travel.start(out, passphrase=words)
    window.workspace.after_travel()
    said: list[str] = []

    def fill(dialog: EndTravelDialog) -> int:
        if said or dialog.problem.text():
            said.append(dialog.problem.text())
            return 0
        dialog.path.setText(str(out))
        dialog._inspect()
        dialog.words.setText(words)
        out.unlink()  # the stick is pulled out as End travel is pressed
        out.parent.rmdir()
        dialog._check()
        return dialog.result()

    monkeypatch.setattr(EndTravelDialog, "exec", fill)
    window.travel.end()
    assert said and "vault folder" not in said[0]
    assert str(out) in said[0]
    assert [n.title for n in window.vault.notes.summaries()] == ["Shopping"]


# A menu opened offscreen says it cannot grab the keyboard (no window system to ask).
@pytest.mark.qt_log_ignore("does not support grabbing the keyboard")
def test_alt_v_from_a_note_opens_the_vault_menu(qtbot: QtBot, window: MainWindow) -> None:
    """Start travel by keyboard begins at the Vault menu (Alt+V) with the focus where a
    writer's is: in the note. No button of the editor may take Alt+V for itself."""
    assert window.vault is not None
    (hearing,) = [n.uuid for n in window.vault.notes.summaries() if n.title == "Hearing"]
    window.workspace.open_note(hearing)
    body = window.workspace.note_editor.body
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    body.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is body)
    qtbot.keyClick(body, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=2_000)
    popup = QApplication.activePopupWidget()
    popup.close()
    assert popup is window.vault_menu
