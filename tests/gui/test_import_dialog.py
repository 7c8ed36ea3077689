"""Importing a bundle from the desktop app: the kind said first, a wrong passphrase asked
again, a preview that matches the import, and a Cancel anywhere that changes nothing.

The modal dialogs are driven as a person would drive them: a script waits for each one
to be the active modal window, then types into whatever has the focus and presses keys.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pyrage import x25519
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from conftest import PASSPHRASE, VaultSetup
from hushnote.core import BundleKind, KdfParams, NewContact, Vault
from hushnote.errors import BundleDecryptionError, BundlePlanChangedError
from hushnote.gui import main_window
from hushnote.gui.import_dialog import BundlePassphraseDialog, ImportPreviewDialog, kind_sentence
from hushnote.gui.main_window import MainWindow
from hushnote.gui.messages import error_text
from support.bundles import CONTACT, IDENTITY, NOTE, archive, line, seal
from support.gui import unlock_window

Action = Callable[[QWidget], None]


class Script:
    """Acts on modal dialogs in order, each once it is the active modal window."""

    def __init__(self, steps: list[tuple[type[QWidget], Action]]) -> None:
        self.steps = list(steps)
        self.seen: list[QWidget] = []
        self.failure: BaseException | None = None
        QTimer.singleShot(0, self._poll)

    def _poll(self) -> None:
        if not self.steps:
            return
        widget = QApplication.activeModalWidget()
        kind, act = self.steps[0]
        focused = QApplication.focusWidget()
        if (
            isinstance(widget, kind)
            and not isinstance(widget, QProgressDialog)
            and widget.isVisible()
            and focused is not None
            and widget.isAncestorOf(focused)  # shown, and ready for keys
        ):
            self.steps.pop(0)
            self.seen.append(widget)
            try:
                act(widget)
            except BaseException as error:  # a failed check: close, and fail the test
                self.failure = error
                self.steps.clear()
                if isinstance(widget, QDialog):
                    widget.reject()
                return
        QTimer.singleShot(10, self._poll)

    @property
    def done(self) -> bool:
        if self.failure is not None:
            raise self.failure
        return not self.steps


def keys(qtbot: QtBot, text: str = "", key: Qt.Key = Qt.Key.Key_Return) -> Action:
    """Type ``text`` into the focused widget of the dialog, then press ``key``."""

    def act(dialog: QWidget) -> None:
        focused = QApplication.focusWidget()
        assert focused is not None and (focused is dialog or dialog.isAncestorOf(focused))
        if text:
            qtbot.keyClicks(focused, text)
        qtbot.keyClick(focused, key)

    return act


def then(*actions: Action) -> Action:
    def act(dialog: QWidget) -> None:
        for action in actions:
            action(dialog)

    return act


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """What the message boxes said, instead of showing them."""
    said: dict[str, list[str]] = {"information": [], "warning": []}
    for name, texts in said.items():
        monkeypatch.setattr(
            QMessageBox,
            name,
            lambda _parent, _title, text, *_rest, texts=texts: texts.append(text),
        )
    return said


@pytest.fixture
def colleague(tmp_path: Path, fast_kdf_params: KdfParams) -> Iterator[Vault]:
    """A colleague's open vault, with two notes and a contact to hand over."""
    with Vault.create(tmp_path / "colleague", "other words", kdf=fast_kdf_params) as vault:
        vault.notes.create(title="Hearing", body="Friday", tags=["legal"])
        vault.notes.create(title="Shift plan", body="medics at nine")
        vault.contacts.create(NewContact("Rosa Delgado"))
        yield vault


@pytest.fixture
def recipient(fast_kdf_vault: VaultSetup) -> str:
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        vault.notes.create(title="Mine", body="kept as it is")
        return vault.age_recipient()


def content(root: Path) -> list[tuple[str, str, str]]:
    """Every note in the vault: id, title and body."""
    with Vault.unlock(root, PASSPHRASE) as vault:
        notes = [(n.uuid, n.title, vault.notes.get(n.uuid).body) for n in vault.notes.summaries()]
        return [*sorted(notes), ("contacts", str(len(vault.contacts.summaries())), "")]


def window_on(qtbot: QtBot, window_for, root: Path, bundle: Path, monkeypatch) -> MainWindow:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(main_window, "choose_open_path", lambda *_: bundle)
    window: MainWindow = window_for(root)
    unlock_window(qtbot, window, PASSPHRASE)
    return window


def test_a_bundle_for_this_vault_says_so_and_imports_what_it_previewed(
    qtbot: QtBot,
    window_for,  # type: ignore[no-untyped-def]
    fast_kdf_vault: VaultSetup,
    recipient: str,
    colleague: Vault,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown: dict[str, list[str]],
) -> None:
    bundle = tmp_path / "b.hnb"
    colleague.export_bundle(bundle, recipients=[recipient])
    window = window_on(qtbot, window_for, fast_kdf_vault.root, bundle, monkeypatch)

    def check(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportPreviewDialog)
        assert dialog.how.text().startswith(kind_sentence(BundleKind.OWN_KEY))
        assert [dialog.table.item(0, column).text() for column in range(3)] == ["2", "0", "0"]
        assert [dialog.table.item(1, column).text() for column in range(3)] == ["1", "0", "0"]
        names = {dialog.names.item(row).text() for row in range(dialog.names.count())}
        assert names == {"New note: Hearing", "New note: Shift plan", "New contact: Rosa Delgado"}
        assert "New tags: 1." in dialog.extras.text()
        assert QApplication.focusWidget() is dialog.import_button
        assert "Hearing" not in dialog.windowTitle()

    script = Script([(ImportPreviewDialog, then(check, keys(qtbot)))])  # Return: Import
    window.import_bundle()
    assert script.done
    plan = script.seen[0].plan  # type: ignore[attr-defined]
    lines = shown["information"][-1].splitlines()
    outcomes = plan.report.outcomes  # the preview's counts, done
    assert lines[:2] == [
        f"Notes: {outcomes['notes']['added']} new, {outcomes['notes']['updated']} updated, "
        f"{outcomes['notes']['skipped']} unchanged.",
        f"Contacts: {outcomes['contacts']['added']} new, 0 updated, 0 unchanged.",
    ]
    assert "Notes: 2 new, 0 updated, 0 unchanged." in lines
    assert window.workspace.note_model.rowCount() == 3
    window.lock()
    titles = sorted(title for _, title, _ in content(fast_kdf_vault.root)[:-1])
    assert titles == ["Hearing", "Mine", "Shift plan"]


def test_a_wrong_passphrase_asks_again_keeping_the_text_and_all_by_keyboard(
    qtbot: QtBot,
    window_for,  # type: ignore[no-untyped-def]
    fast_kdf_vault: VaultSetup,
    recipient: str,
    colleague: Vault,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown: dict[str, list[str]],
) -> None:
    bundle = tmp_path / "p.hnb"
    colleague.export_bundle(bundle, passphrase="bundle words")
    window = window_on(qtbot, window_for, fast_kdf_vault.root, bundle, monkeypatch)
    asked: list[tuple[bool, bool, str]] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, BundlePassphraseDialog)
        assert dialog.kind.text() == kind_sentence(BundleKind.PASSPHRASE)  # said first
        assert QApplication.focusWidget() is dialog.field
        asked.append((dialog.problem.isVisible(), dialog.field.hasSelectedText(),
                      dialog.field.text()))  # fmt: skip

    script = Script(
        [
            (BundlePassphraseDialog, then(look, keys(qtbot, "bundle wordz"))),
            (BundlePassphraseDialog, then(look, keys(qtbot, "bundle words"))),  # replaces
            (ImportPreviewDialog, keys(qtbot)),
        ]
    )
    window.import_bundle()
    assert script.done
    assert asked == [(False, False, ""), (True, True, "bundle wordz")]
    assert script.seen[0] is script.seen[1]  # the same dialog: no new file picker
    assert shown["warning"] == []
    assert "Notes: 2 new, 0 updated, 0 unchanged." in shown["information"][-1].splitlines()
    assert window.workspace.note_model.rowCount() == 3


def test_cancel_at_the_passphrase_or_at_the_preview_changes_nothing(
    qtbot: QtBot,
    window_for,  # type: ignore[no-untyped-def]
    fast_kdf_vault: VaultSetup,
    recipient: str,
    colleague: Vault,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown: dict[str, list[str]],
) -> None:
    before = content(fast_kdf_vault.root)
    locked = tmp_path / "p.hnb"
    colleague.export_bundle(locked, passphrase="bundle words")
    window = window_on(qtbot, window_for, fast_kdf_vault.root, locked, monkeypatch)
    script = Script(
        [
            (BundlePassphraseDialog, keys(qtbot, "wrong", Qt.Key.Key_Return)),
            (BundlePassphraseDialog, keys(qtbot, "", Qt.Key.Key_Escape)),
        ]
    )
    window.import_bundle()
    assert script.done

    monkeypatch.setattr(main_window, "choose_open_path", lambda *_: locked)
    script = Script(
        [
            (BundlePassphraseDialog, keys(qtbot, "bundle words")),
            (ImportPreviewDialog, keys(qtbot, "", Qt.Key.Key_Escape)),
        ]
    )
    window.import_bundle()
    assert script.done
    assert "Nothing was changed" in window.statusBar().currentMessage()
    assert shown["information"] == [] and shown["warning"] == []
    window.lock()
    assert content(fast_kdf_vault.root) == before


@pytest.mark.parametrize("what", ["someone else's", "not a bundle", "directory"])
def test_a_file_that_cannot_be_opened_here_says_why_and_asks_nothing(
    qtbot: QtBot,
    window_for,  # type: ignore[no-untyped-def]
    fast_kdf_vault: VaultSetup,
    colleague: Vault,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown: dict[str, list[str]],
    what: str,
) -> None:
    path = tmp_path / "b.hnb"
    if what == "someone else's":
        colleague.export_bundle(path, recipients=["self"])
    elif what == "not a bundle":
        path.write_bytes(b"Dear Rosa, the hearing is on Friday.\n")
    else:
        path = tmp_path
    kind = BundleKind.OTHER_KEY if what == "someone else's" else BundleKind.NOT_A_BUNDLE

    def never(*_args: object) -> int:
        raise AssertionError("nothing may be asked")

    monkeypatch.setattr(BundlePassphraseDialog, "exec", never)
    monkeypatch.setattr(ImportPreviewDialog, "exec", never)
    window = window_on(qtbot, window_for, fast_kdf_vault.root, path, monkeypatch)
    window.import_bundle()
    assert shown["warning"] == [kind_sentence(kind)]


def test_a_tampered_bundle_fails_before_the_preview_with_the_usual_error(
    qtbot: QtBot,
    window_for,  # type: ignore[no-untyped-def]
    fast_kdf_vault: VaultSetup,
    recipient: str,
    colleague: Vault,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown: dict[str, list[str]],
) -> None:
    before = content(fast_kdf_vault.root)
    bundle = tmp_path / "b.hnb"
    colleague.export_bundle(bundle, recipients=[recipient])
    data = bytearray(bundle.read_bytes())
    data[-40] ^= 1
    bundle.write_bytes(bytes(data))

    def never(*_args: object) -> int:
        raise AssertionError("no preview of a tampered bundle")

    monkeypatch.setattr(ImportPreviewDialog, "exec", never)
    window = window_on(qtbot, window_for, fast_kdf_vault.root, bundle, monkeypatch)
    window.import_bundle()
    assert shown["warning"] == [error_text(BundleDecryptionError())]
    window.lock()
    assert content(fast_kdf_vault.root) == before


def test_the_preview_says_first_which_renamed_contacts_lose_their_key(
    qtbot: QtBot,
    window_for,  # type: ignore[no-untyped-def]
    fast_kdf_vault: VaultSetup,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown: dict[str, list[str]],
) -> None:
    mallory_key = str(x25519.Identity.generate().to_public())
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        vault.settings.set("age_identity", str(IDENTITY))
        vault.contacts.create(
            NewContact("Mallory", uuid=CONTACT["uuid"], age_recipient=mallory_key)
        )
    forged = line(CONTACT, display_name="Rosa Delgado", updated_at=4102444800000)
    bundle = seal(tmp_path / "b.hnb", archive({"contacts.jsonl": forged}))
    window = window_on(qtbot, window_for, fast_kdf_vault.root, bundle, monkeypatch)

    def check(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportPreviewDialog)
        assert dialog.key_warning.isVisible()
        assert "1 contact(s) that have a saved key" in dialog.key_warning.text()
        assert dialog.names.item(0).text() == (
            "Mallory → Rosa Delgado: the saved key will be removed"
        )
        assert dialog.names.item(1).text() == "Updated contact: Rosa Delgado"

    script = Script([(ImportPreviewDialog, then(check, keys(qtbot)))])
    window.import_bundle()
    assert script.done
    assert window.vault is not None and window.vault.contacts.keyed() == []
    window.lock()


def test_a_preview_without_renamed_keyed_contacts_shows_no_key_warning(
    colleague: Vault, recipient: str, tmp_path: Path, fast_kdf_vault: VaultSetup, qtbot: QtBot
) -> None:
    bundle = tmp_path / "b.hnb"
    colleague.export_bundle(bundle, recipients=[recipient])
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        plan = vault.preview_bundle(vault.read_bundle(bundle))
    dialog = ImportPreviewDialog("", plan)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.key_warning.isVisible()
    assert all(
        "saved key" not in dialog.names.item(row).text() for row in range(dialog.names.count())
    )


def test_a_note_edited_while_the_preview_is_open_is_kept_and_the_import_refused(
    qtbot: QtBot,
    window_for,  # type: ignore[no-untyped-def]
    fast_kdf_vault: VaultSetup,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown: dict[str, list[str]],
) -> None:
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        vault.settings.set("age_identity", str(IDENTITY))
        vault.import_bundle(seal(tmp_path / "a.hnb", archive({"notes.jsonl": line(NOTE)})))
    newer = line(NOTE, body="Monday", updated_at=4102444800000)  # newer than any edit here
    bundle = seal(tmp_path / "b.hnb", archive({"notes.jsonl": newer}))
    window = window_on(qtbot, window_for, fast_kdf_vault.root, bundle, monkeypatch)

    def edit_meanwhile(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportPreviewDialog)
        assert dialog.plan.report.count("notes", "updated") == 1
        window.workspace.open_note(NOTE["uuid"])
        window.workspace.note_editor.body.setPlainText("Friday, room 4")
        window.workspace.note_editor.save()  # what the autosave timer calls

    script = Script([(ImportPreviewDialog, then(edit_meanwhile, keys(qtbot)))])
    window.import_bundle()
    assert script.done
    assert shown["warning"] == [error_text(BundlePlanChangedError())]
    assert window.vault is not None
    assert window.vault.notes.get(NOTE["uuid"]).body == "Friday, room 4"
    window.lock()
