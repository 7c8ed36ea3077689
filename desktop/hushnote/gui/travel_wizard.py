"""Start travel: a wizard that says what leaves, where the key and the bundle go, shows a
one-time travel key once, and then seals, checks and removes the marked content.

Pages, in order (``nextId`` skips the words for a colleague's key):

1. **What leaves**: the core's plan, by name and count; with nothing marked, how to mark.
2. **Who can open it**: a one-time travel key, or a colleague's age key from contacts.
3. **Where the bundle goes**: a file chosen in Qt's own save dialog (no history kept).
4. **The travel key** (travel key only): the words, large, and a QR code of them; the
   last word typed back before Next; a warning that it is never shown again.
5. **Start travel**: a summary, the optional reminder, and the commit button; the work
   runs behind a progress dialog with Cancel (``run``). A refusal (a place inside the
   vault's folder, say) is said on this page, with a button to choose another place
   there, so that the words already written down stay valid; nothing has changed.
6. **Done**: what to bring back, and that this laptop now looks as if the content never
   existed.

The words are made before the work and shown while no job holds the vault, so that
auto-lock still runs and clears them; the core's own order (write, read back, check,
and only then purge) is kept inside ``Travel.start``.

The words are cleared from every widget when the wizard closes, however it closes, and at
a lock or a panic wipe (both close the session: ``VaultSession.locked``). Decisions are
made from data (``TravelPlan``, the mode chosen), never from the text on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from hushnote.core import KeyedContact
from hushnote.errors import CancelledError, HushnoteError
from hushnote.gui.accessibility import USER_DATA, describe, plain_label, release_tab
from hushnote.gui.file_dialogs import choose_save_path
from hushnote.gui.messages import error_text
from hushnote.gui.travel_key_view import TravelKeyView
from hushnote.gui.travel_plan_view import PlanView

__all__ = ["StartRequest", "TravelWizard"]

PLAN, KEY, PLACE, WORDS, START, DONE = range(6)
# A reminder is a short note to oneself, not a place for the content that left.
REMINDER_LENGTH = 80
CONTACT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class StartRequest:
    """What the user chose: the bundle's place and exactly one of a colleague's contact
    (uuid; the caller reads the key again through the store) or the travel key's words."""

    path: Path
    contact: str | None
    words: str | None
    reminder: str | None = None
    compact: bool = True


class TravelWizard(QWizard):
    """The start-travel wizard. ``new_words`` makes a fresh one-time key; ``run(request)``
    does the work and returns the core's report, or raises ``HushnoteError``."""

    def __init__(
        self,
        plan: Any,
        contacts: list[KeyedContact],
        suggested: Path,
        *,
        new_words: Callable[[], str],
        run: Callable[[StartRequest], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # Neutral: the window list shows this, and a passer-by reads window lists.
        self.setWindowTitle(self.tr("Start travel"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.new_words = new_words
        self.run = run
        self.receipt: Any = None  # the core's TravelReceipt, once travel has started
        self.plan_page = _PlanPage(plan)
        self.key_page = _KeyPage(contacts)
        self.place_page = _PlacePage(suggested)
        self.words_page = _WordsPage(new_words)
        self.start_page = _StartPage(self)
        self.done_page = _DonePage(self)
        for number, page in (
            (PLAN, self.plan_page),
            (KEY, self.key_page),
            (PLACE, self.place_page),
            (WORDS, self.words_page),
            (START, self.start_page),
            (DONE, self.done_page),
        ):
            self.setPage(number, page)
        self.setStartId(PLAN)
        button = QWizard.WizardButton
        for which, description in (
            (button.BackButton, self.tr("Go back one step; nothing has changed yet.")),
            (button.NextButton, self.tr("Go on to the next step; nothing changes yet.")),
            (button.CommitButton, self.tr("Seal, check and then remove what is marked.")),
            (button.CancelButton, self.tr("Close without changing anything.")),
            (button.FinishButton, self.tr("Close; travel mode stays on.")),
        ):
            self.button(which).setAccessibleDescription(description)
        self.finished.connect(lambda _result: self.wipe())
        self.resize(680, 560)

    def request(self) -> StartRequest:
        contact = self.key_page.contact() if not self.key_page.travel_key.isChecked() else None
        words = self.words_page.key.words_text() if contact is None else None
        start = self.start_page
        return StartRequest(
            self.place_page.path(), contact, words, start.reminder(), start.compact.isChecked()
        )

    def wipe(self) -> None:
        """Take the travel key off every widget (close, lock, panic)."""
        self.words_page.key.clear()


# -- pages -------------------------------------------------------------------------------


class _PlanPage(QWizardPage):
    """What would leave, from the core's plan; with an empty plan, how to mark things."""

    def __init__(self, plan: Any) -> None:
        super().__init__()
        self.setTitle(self.tr("What leaves this laptop"))
        self.view = PlanView(plan)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        self.empty = self.view.empty

    def isComplete(self) -> bool:
        return not self.empty


class _KeyPage(QWizardPage):
    """A one-time travel key, or a colleague's age key picked from contacts."""

    def __init__(self, contacts: list[KeyedContact]) -> None:
        super().__init__()
        self.setTitle(self.tr("Who can open the bundle"))
        self.travel_key = QRadioButton(self.tr("A one-time &travel key: words you write down"))
        describe(
            self.travel_key,
            plain_label(self.travel_key.text()),
            self.tr("Shown once, as words and a QR code. Keep it apart from the laptop."),
        )
        self.colleague = QRadioButton(self.tr("A &colleague's key, from your contacts"))
        describe(
            self.colleague,
            plain_label(self.colleague.text()),
            self.tr("Only that colleague's vault opens the bundle; they re-encrypt it for you."),
        )
        group = QButtonGroup(self)
        group.addButton(self.travel_key)
        group.addButton(self.colleague)
        self.travel_key.setChecked(True)
        self.people = QListWidget()
        release_tab(self.people)
        describe(
            self.people,
            self.tr("Colleagues with a key"),
            self.tr("Contacts that hold an age public key."),
        )
        for person in contacts:
            item = QListWidgetItem(person.display_name)
            item.setData(CONTACT_ROLE, person.uuid)
            self.people.addItem(item)
        if contacts:
            self.people.setCurrentRow(0)
        else:
            self.colleague.setEnabled(False)
            self.people.hide()  # an empty box says nothing; the sentence below does
        self.none = QLabel(
            self.tr(
                "No contact has an age key yet. To send the bundle to a colleague, add their "
                "public key to their contact first."
            )
        )
        self.none.setWordWrap(True)
        self.none.setVisible(not contacts)
        explanation = QLabel(
            self.tr(
                "The bundle is encrypted. With a travel key, you bring the words back yourself, "
                "apart from the laptop. With a colleague's key, only their vault opens it: "
                "nobody can make you open it at a checkpoint."
            )
        )
        explanation.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.travel_key)
        layout.addWidget(self.colleague)
        layout.addWidget(self.people, 1)
        layout.addWidget(self.none)
        self.people.setEnabled(False)
        self.colleague.toggled.connect(self.people.setEnabled)
        self.colleague.toggled.connect(self.completeChanged)
        self.people.currentRowChanged.connect(self.completeChanged)

    def contact(self) -> str | None:
        item = self.people.currentItem()
        return str(item.data(CONTACT_ROLE)) if item is not None else None

    def isComplete(self) -> bool:
        return self.travel_key.isChecked() or self.contact() is not None

    def nextId(self) -> int:
        return PLACE

    def chosen_name(self) -> str:
        item = self.people.currentItem()
        return item.text() if item is not None else ""


class _PlacePage(QWizardPage):
    """Where the bundle is written: a USB stick, a shared folder, a colleague's inbox."""

    def __init__(self, suggested: Path) -> None:
        super().__init__()
        self.setTitle(self.tr("Where the bundle goes"))
        explanation = QLabel(
            self.tr(
                "Choose a place that does not travel with this laptop: a USB stick you leave "
                "behind, a shared folder, or a colleague's inbox folder. Not the vault's own "
                "folder."
            )
        )
        explanation.setWordWrap(True)
        self.file = QLineEdit(str(suggested))
        describe(self.file, self.tr("Bundle file"), self.tr("Where the bundle is written."))
        label = QLabel(self.tr("&File:"))
        label.setBuddy(self.file)
        choose = QPushButton(self.tr("C&hoose…"))
        describe(
            choose,
            self.tr("Choose the file"),
            self.tr("Opens a file dialog that remembers no folders."),
        )
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.file, 1)
        row.addWidget(choose)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem with the file"))
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.file.textChanged.connect(self.completeChanged)

    def _choose(self) -> None:
        chosen = choose_save_path(
            self,
            self.tr("Save the travel bundle"),
            self.tr("Hushnote bundles (*.hnb *.age);;All files (*)"),
            suggested=self.path(),
        )
        if chosen is not None:
            self.file.setText(str(chosen))

    def path(self) -> Path:
        """The file chosen, as a full path: a bare name typed in goes to the folder the
        app runs in, and the pages after this one must say where that is."""
        return Path(self.file.text().strip()).expanduser().absolute()

    def nextId(self) -> int:
        wizard = self.wizard()
        travel_key = isinstance(wizard, TravelWizard) and wizard.key_page.travel_key.isChecked()
        return WORDS if travel_key else START

    def isComplete(self) -> bool:
        return bool(self.file.text().strip())

    def validatePage(self) -> bool:
        path = self.path()
        if path.is_dir():
            self.show_problem(self.tr("That is a folder. Choose a file name for the bundle."))
            return False
        if not path.parent.is_dir():
            self.show_problem(self.tr("That folder does not exist. Choose another place."))
            return False
        if path.exists() or path.is_symlink():
            # The core refuses too: an earlier bundle may hold an earlier trip.
            self.show_problem(
                self.tr(
                    "A file with that name exists, and a travel bundle never replaces one. "
                    "Choose another name."
                )
            )
            return False
        self.problem.hide()
        return True

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.file.setFocus()
        self.file.selectAll()


class _WordsPage(QWizardPage):
    """The travel key, shown once; Next only once its last word is typed back."""

    def __init__(self, new_words: Callable[[], str]) -> None:
        super().__init__()
        self.setTitle(self.tr("Write down the travel key"))
        self.new_words = new_words
        warning = QLabel(
            self.tr(
                "Write these words on paper, or photograph the code with a phone that does not "
                "travel with you. They are shown only now and never again: without them the "
                "bundle cannot be opened, by you or by anyone."
            )
        )
        warning.setWordWrap(True)
        warning.setStyleSheet("QLabel { font-weight: bold; }")
        self.key = TravelKeyView()
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addWidget(self.key, 1)
        self.key.confirm.textChanged.connect(self.completeChanged)

    def initializePage(self) -> None:
        # A fresh key each time the page is reached going forward: the one shown is the
        # one used, and one left by going back is gone.
        self.key.show_key(self.new_words())
        self.key.confirm.setFocus()

    def cleanupPage(self) -> None:
        self.key.clear()

    def isComplete(self) -> bool:
        return self.key.confirmed()

    def nextId(self) -> int:
        return START


class _StartPage(QWizardPage):
    """The last look before anything changes, the optional reminder, and the commit
    button that starts the work."""

    def __init__(self, wizard: TravelWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Start travel"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Start travel"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.place = QLabel()
        self.place.setObjectName(USER_DATA)  # a file path the user chose
        self.place.setWordWrap(True)
        # On by default: without it the vault file keeps its old size, which tells that
        # something left; the rewrite costs a key rotation's time.
        self.compact = QCheckBox(self.tr("Re&write the whole vault afterwards (takes longer)"))
        describe(
            self.compact,
            plain_label(self.compact.text()),
            self.tr(
                "Writes the vault afresh under a new key, so that neither its size nor its "
                "freed space tells that something left."
            ),
        )
        self.compact.setChecked(True)
        self.remind = QCheckBox(self.tr("&Remind me on this laptop that travel mode is on"))
        describe(
            self.remind,
            plain_label(self.remind.text()),
            self.tr(
                "Off by default: a reminder is the one thing that would show travel mode to "
                "whoever unlocks the vault. Your own words, shown in the status bar."
            ),
        )
        self.reminder_text = QLineEdit()
        self.reminder_text.setMaxLength(REMINDER_LENGTH)
        describe(
            self.reminder_text,
            self.tr("Reminder text"),
            self.tr("Words only you understand; shown after unlocking until travel ends."),
        )
        self.reminder_text.setPlaceholderText(self.tr("Words only you understand"))
        self.reminder_text.setEnabled(False)
        self.remind.toggled.connect(self.reminder_text.setEnabled)
        self.remind.toggled.connect(self.completeChanged)
        self.reminder_text.textChanged.connect(self.completeChanged)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Why travel did not start"))
        self.problem.setStyleSheet("QLabel { color: #b00020; font-weight: bold; }")
        self.problem.hide()
        self.elsewhere = QPushButton(self.tr("Choose &another place…"))
        describe(
            self.elsewhere,
            self.tr("Choose another place"),
            self.tr("Another file for the bundle; the travel key stays the same."),
        )
        self.elsewhere.clicked.connect(self._elsewhere)
        self.elsewhere.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.place)
        layout.addWidget(self.compact)
        layout.addWidget(self.remind)
        layout.addWidget(self.reminder_text)
        layout.addWidget(self.problem)
        layout.addWidget(self.elsewhere, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self._hide_problem()
        self.summary.setText(
            self.tr(
                "The bundle is written to the place you chose, read back and checked. Only "
                "then is what it holds removed from this laptop, so that the vault looks as if "
                "it never held it. Cancel stops it with nothing changed."
            )
        )
        self._show_place()

    def _show_place(self) -> None:
        self.place.setText(self.tr("Bundle: %1").replace("%1", str(self.owner.place_page.path())))

    def reminder(self) -> str | None:
        text = " ".join(self.reminder_text.text().split())
        return text if self.remind.isChecked() and text else None

    def isComplete(self) -> bool:
        return not self.remind.isChecked() or self.reminder() is not None

    def _elsewhere(self) -> None:
        place = self.owner.place_page
        before = place.path()
        place._choose()
        if place.path() == before:
            return  # the chooser was cancelled: the refused place and its reason stand
        if place.validatePage():
            self._hide_problem()
            self._show_place()
        else:
            self.show_problem(place.problem.text(), place_refused=True)

    def show_problem(self, text: str, *, place_refused: bool) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.elsewhere.setVisible(place_refused)

    def _hide_problem(self) -> None:
        self.problem.hide()
        self.elsewhere.hide()

    def validatePage(self) -> bool:
        wizard = self.owner
        try:
            receipt = wizard.run(wizard.request())
        except HushnoteError as error:
            wizard.activateWindow()  # back from the progress dialog: keys come here again
            text, refused = error_text(error), error.code == "bundle-write"
            if self._at_the_place(error):
                # A write-protected or full stick: the place is the problem, not the
                # vault's folder, and another place keeps the words written down.
                refused = True
                text = (
                    self.tr("The disk there is full. Choose another place for the bundle.")
                    if error.code == "disk-full"
                    else self.tr(
                        "The bundle cannot be written there (a write-protected disk, or no "
                        "permission). Choose another place for it."
                    )
                )
            self.show_problem(text, place_refused=refused)
            return False
        wizard.activateWindow()
        if receipt is None:  # the window is going (a panic, say): nothing more to do
            return False
        wizard.receipt = receipt
        wizard.wipe()  # the words did their work: off the screen now
        return True

    def _at_the_place(self, error: HushnoteError) -> bool:
        """Whether a storage error is about the place chosen for the bundle."""
        if error.code not in ("storage", "disk-full"):
            return False
        folder = self.owner.place_page.path().parent
        path = Path(str(error.context.get("path", "")))
        return path == folder or folder in path.parents

    def nextId(self) -> int:
        return DONE


class _DonePage(QWizardPage):
    """What to bring back, and what the laptop now looks like."""

    def __init__(self, wizard: TravelWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Travel mode is on"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.files = QLabel()
        self.files.setObjectName(USER_DATA)  # the file paths the user chose
        self.files.setWordWrap(True)
        self.files.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key = QLabel()
        self.key.setWordWrap(True)
        self.after = QLabel()
        self.after.setWordWrap(True)
        layout = QVBoxLayout(self)
        for label in (self.text, self.files, self.key, self.after):
            layout.addWidget(label)
        layout.addStretch(1)

    def initializePage(self) -> None:
        wizard = self.owner
        receipt = wizard.receipt
        self.text.setText(
            self.tr(
                "The bundle was written and checked, and what it holds was removed from this "
                "laptop: the vault now looks as if it never held it. To end travel, bring "
                "back the bundle:"
            )
        )
        self.files.setText("\n".join(str(path) for path in receipt.files))
        if receipt.travel_key:
            key = self.tr(
                "…and the travel key you wrote down, kept apart from the laptop. Without it "
                "the bundle cannot be opened."
            )
        else:
            key = self.tr(
                "…and ask %1, who holds the only key, to encrypt it again to your bundle key "
                "(Bundles, My bundle key) once you are back; the user guide says how."
            ).replace("%1", wizard.key_page.chosen_name())
        self.key.setText(key)
        after = self.tr("Then choose Vault, End travel…, and pick the bundle.")
        error = receipt.compact_error
        if error is not None:
            # Cancelled or failed after the purge: travel has started all the same.
            if isinstance(error, CancelledError):
                why = self.tr("The rewrite of the vault was cancelled.")
            else:
                why = self.tr("The vault could not be rewritten afterwards: %1").replace(
                    "%1", error_text(error)
                )
            after = " ".join((why, self.tr(
                "The size of its file may still tell that something left; Vault, Rotate "
                "data key… rewrites it."
            ), after))  # fmt: skip
        self.after.setText(after)
