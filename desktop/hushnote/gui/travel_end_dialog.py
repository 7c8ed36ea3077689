"""End travel: pick the bundle brought back, give its travel key (unless a colleague
encrypted it again to this vault's own key), and say what came back.

What the file is decides what is asked, from the core's answer (``Vault.inspect_bundle``),
never from its name: a bundle for this vault's key asks for nothing; a passphrase bundle
asks for the travel key's words in a masked field; anything else is refused at once
with its reason. A wrong key asks again with the words kept and selected. The words are
never echoed anywhere (no log, no setting) and leave the field when the dialog closes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hushnote.core import BundleKind
from hushnote.errors import HushnoteError
from hushnote.gui.accessibility import describe, describe_buttons
from hushnote.gui.file_dialogs import choose_open_path
from hushnote.gui.import_dialog import kind_sentence
from hushnote.gui.messages import error_text
from hushnote.gui.passphrase_page import passphrase_field

__all__ = ["EndTravelDialog"]


class EndTravelDialog(QDialog):
    """The bundle's file and, for a travel key, its words. ``inspect(path)`` is the
    core's ``Vault.inspect_bundle``."""

    def __init__(
        self, inspect: Callable[[Path], BundleKind], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("End travel"))
        self.inspect = inspect
        self.kind: BundleKind | None = None
        explanation = QLabel(
            self.tr(
                "Choose the bundle you brought back. Everything in it comes back into this "
                "vault and is merged: nothing here or in the bundle is lost."
            )
        )
        explanation.setWordWrap(True)
        self.path = QLineEdit()
        describe(self.path, self.tr("Bundle file"), self.tr("The travel bundle to bring back."))
        file_label = QLabel(self.tr("&Bundle:"))
        file_label.setBuddy(self.path)
        choose = QPushButton(self.tr("C&hoose…"))
        describe(
            choose,
            self.tr("Choose the bundle"),
            self.tr("Opens a file dialog that remembers no folders."),
        )
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(file_label)
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setAccessibleName(self.tr("What this file is"))
        self.about.hide()
        self.words = passphrase_field(
            self.tr("Travel key"),
            self.tr("The words you wrote down when travel started; hidden as you type."),
        )
        self.words_label = QLabel(self.tr("Travel &key:"))
        self.words_label.setBuddy(self.words)
        words_row = QHBoxLayout()
        words_row.addWidget(self.words_label)
        words_row.addWidget(self.words, 1)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Why travel has not ended"))
        self.problem.setStyleSheet("QLabel { color: #b00020; font-weight: bold; }")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.end_button = self.buttons.addButton(
            self.tr("&End travel"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.end_button.setAccessibleDescription(
            self.tr("Open the bundle, check it, and merge it back into this vault.")
        )
        self.end_button.setDefault(True)
        describe_buttons(self.buttons)
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        self.path.editingFinished.connect(self._inspect)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(row)
        layout.addWidget(self.about)
        layout.addLayout(words_row)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        # Asked for only once the file is known to need them.
        self.words.hide()
        self.words_label.hide()

    def _choose(self) -> None:
        chosen = choose_open_path(
            self,
            self.tr("Choose the travel bundle"),
            self.tr("Hushnote bundles (*.hnb *.age);;All files (*)"),
        )
        if chosen is not None:
            self.path.setText(str(chosen))
            self._inspect()

    def bundle(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def _inspect(self) -> None:
        """Say what the file is, and ask for the words only when they are needed."""
        self.problem.hide()
        self.kind = None
        if not self.path.text().strip():
            self.about.hide()
            return
        try:
            self.kind = self.inspect(self.bundle())
        except HushnoteError as error:
            self._explain(error_text(error))
            return
        if self.kind is BundleKind.OWN_KEY:
            text = self.tr(
                "This bundle was encrypted again to this vault's own key: it opens without "
                "the travel key."
            )
        elif self.kind is BundleKind.PASSPHRASE:
            text = self.tr("This bundle opens with its travel key. Type the words below.")
        elif self.kind is BundleKind.OTHER_KEY:
            # A large travel bundle without the .key file beside it looks exactly like
            # one sealed to somebody else: say both, naming the file.
            self._explain(
                self.tr(
                    "This bundle does not open with this vault's key. If it is a large "
                    "travel bundle, put its key file %1 back in the same folder. Otherwise "
                    "it was encrypted to someone else's key."
                ).replace("%1", self.bundle().name + ".key")
            )
            return
        else:
            self._explain(kind_sentence(self.kind))
            return
        self.about.setText(text)
        self.about.show()
        needs_words = self.kind is BundleKind.PASSPHRASE
        self.words.setVisible(needs_words)
        self.words_label.setVisible(needs_words)
        self.adjustSize()  # a row came or went: the dialog grows with it, nothing cut
        if needs_words:
            self.words.setFocus()

    def needs_words(self) -> bool:
        return self.kind is BundleKind.PASSPHRASE

    def _check(self) -> None:
        if self.kind is None:
            self._inspect()
        if self.kind is None or self.kind not in (BundleKind.OWN_KEY, BundleKind.PASSPHRASE):
            if not self.problem.isVisible():
                self._explain(self.tr("Choose the bundle you brought back."))
            return
        if self.needs_words() and not self.words.text().strip():
            self._explain(self.tr("Type the travel key's words, or press Cancel."))
            self.words.setFocus()
            return
        self.accept()

    def passphrase(self) -> str | None:
        """The words typed, or None for a bundle that opens with this vault's key."""
        return self.words.text() if self.needs_words() else None

    def wrong(self) -> None:
        """After a key that did not open the bundle: say so, keep the words selected."""
        self._explain(
            self.tr(
                "Those words do not open this bundle. Check each word against your copy and "
                "try again. If they are right, the file may have been changed or cut short."
            )
        )
        self.words.selectAll()
        self.words.setFocus()

    def refused(self, text: str) -> None:
        """The core refused the bundle (not a travel bundle, damaged): say why."""
        self._explain(text)

    def _explain(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.adjustSize()

    def wipe(self) -> None:
        self.words.clear()
