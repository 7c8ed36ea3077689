"""The export dialog: scope, recipients (contact, key, passphrase), fingerprint, file name."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from conftest import PASSPHRASE, VaultSetup
from hushnote.core import NewContact, Scope, Vault, key_fingerprint
from hushnote.core.formats.bundle import open_bundle
from hushnote.errors import InvalidRecordError
from hushnote.gui import export_dialog, workspace_page
from hushnote.gui.bundle_dialogs import IdentityDialog
from hushnote.gui.export_dialog import ExportDialog, suggested_path
from hushnote.gui.messages import error_text
from support.gui import unlock_window

COLLEAGUE = x25519.Identity.generate()  # Chen's vault identity, in this test only


@pytest.fixture
def seeded(fast_kdf_vault: VaultSetup) -> VaultSetup:
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        hearing = vault.notes.create(
            title="Hearing", notebook="Case 12", body="Friday", tags=["legal"]
        )
        appeal = vault.notes.create(title="Appeal", notebook="Case 12", body="Monday")
        vault.notes.create(title="Shopping", body="milk", tags=["home"])
        chen = vault.contacts.create(
            NewContact("Chen Wei", age_recipient=str(COLLEAGUE.to_public()))
        )
        rosa = vault.contacts.create(NewContact("Rosa Delgado"))
        # Case 12 links to both people; a notebook export carries them only if asked.
        vault.links.link(hearing.uuid, rosa.uuid)
        vault.links.link(appeal.uuid, rosa.uuid)
        vault.links.link(appeal.uuid, chen.uuid)
        vault.lists.create("Medics")
        vault.lists.add("Medics", chen.uuid)
    return fast_kdf_vault


def _window(qtbot: QtBot, window_for, root: Path):  # type: ignore[no-untyped-def]
    window = window_for(root)
    unlock_window(qtbot, window, PASSPHRASE)
    return window


def _titles(path: Path, identity: x25519.Identity) -> tuple[list[str], list[str]]:
    """Note titles and contact names in a bundle, read by the core's own reader."""
    contents = open_bundle(path, identities=[identity])
    read = [
        [json.loads(line) for line in contents.archive.read(member).decode().splitlines()]
        for member in ("notes.jsonl", "contacts.jsonl")
    ]
    return sorted(n["title"] for n in read[0]), sorted(c["display_name"] for c in read[1])


def _chen(window) -> str:  # type: ignore[no-untyped-def]
    return str(window.vault.contacts.keyed()[0].uuid)


@pytest.mark.parametrize(
    ("kind", "value", "notes", "contacts"),
    [
        ("vault", None, ["Appeal", "Hearing", "Shopping"], ["Chen Wei", "Rosa Delgado"]),
        ("notebook", "Case 12", ["Appeal", "Hearing"], []),
        ("tag", "home", ["Shopping"], []),
        ("list", "Medics", [], ["Chen Wei"]),
        ("notes", None, ["Shopping"], []),
    ],
)
def test_the_chosen_scope_is_exactly_what_the_bundle_holds(
    qtbot: QtBot,
    window_for,  # type: ignore[no-untyped-def]
    seeded: VaultSetup,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
    value: str | None,
    notes: list[str],
    contacts: list[str],
) -> None:
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    window = _window(qtbot, window_for, seeded.root)
    workspace = window.workspace
    workspace.choose_section("notes")
    shopping = next(
        row for row in range(workspace.note_model.rowCount())
        if workspace.note_model.index(row, 0).data() == "Shopping"
    )  # fmt: skip
    workspace.list_view.selectRow(shopping)
    out = tmp_path / "out.hnb"

    def choose(dialog: ExportDialog) -> int:
        # Chosen in the dialog itself, not handed in by a context menu.
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        if value is not None:
            dialog.value.setCurrentIndex(dialog.value.findData(value))
        dialog.to_contact.setChecked(True)
        dialog.include_self.setChecked(False)
        dialog.path.setText(str(out))
        dialog.export_button.click()
        return dialog.result()

    monkeypatch.setattr(ExportDialog, "exec", choose)
    window.export_bundle()
    assert _titles(out, COLLEAGUE) == (notes, contacts)


def test_the_linked_people_go_only_when_ticked_and_the_box_counts_them(
    qtbot: QtBot,
    window_for,  # type: ignore[no-untyped-def]
    seeded: VaultSetup,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    window = _window(qtbot, window_for, seeded.root)
    dialog = window.make_export_dialog(Scope("notebook", "Case 12"), _chen(window))
    dialog.show()
    qtbot.waitExposed(dialog)
    box = dialog.with_people
    assert box.isVisible() and box.isEnabled() and not box.isChecked()
    assert box.text() == "Also send the 2 people these notes &link to"
    assert box.accessibleName() == "Also send the 2 people these notes link to"
    assert dialog.scope() == Scope("notebook", "Case 12")  # unticked: no one goes
    # Nothing to offer where no one is linked, or where the contacts go anyway.
    for kind, value in (("tag", "home"), ("list", "Medics"), ("vault", None), ("tag", "legal")):
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        if value is not None:
            dialog.value.setCurrentIndex(dialog.value.findData(value))
        shown = kind == "tag" and value == "legal"
        assert box.isVisible() is shown, kind
        assert dialog.scope().linked_contacts is False
    assert box.text() == "Also send the person these notes &link to"  # Hearing: Rosa
    dialog.deleteLater()

    out = tmp_path / "people.hnb"

    def tick_and_export(shown: ExportDialog) -> int:
        shown.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)
        # Reached by keyboard: Tab from the notebook chooser, then Space; or Alt+L.
        shown.value.setFocus()
        qtbot.keyClick(shown.value, Qt.Key.Key_Tab)
        assert shown.with_people.hasFocus()
        qtbot.keyClick(shown.with_people, Qt.Key.Key_Space)
        assert shown.with_people.isChecked()
        qtbot.keyClick(shown.with_people, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: not shown.with_people.isChecked())
        qtbot.keyClick(shown.with_people, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(shown.with_people.isChecked)
        shown.include_self.setChecked(False)
        shown.path.setText(str(out))
        shown.export_button.click()
        return shown.result()

    def exec_shown(shown: ExportDialog) -> int:
        shown.show()
        return tick_and_export(shown)

    monkeypatch.setattr(ExportDialog, "exec", exec_shown)
    window.export_bundle(Scope("notebook", "Case 12"), _chen(window))
    assert _titles(out, COLLEAGUE) == (["Appeal", "Hearing"], ["Chen Wei", "Rosa Delgado"])


def test_a_note_selected_in_the_trash_is_refused_and_nothing_is_written(
    qtbot: QtBot,
    window_for,  # type: ignore[no-untyped-def]
    seeded: VaultSetup,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = _window(qtbot, window_for, seeded.root)
    vault = window.vault
    (shopping,) = [n.uuid for n in vault.notes.summaries() if n.title == "Shopping"]
    vault.notes.trash(shopping)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    out = tmp_path / "trash.hnb"

    def press_export(dialog: ExportDialog) -> int:
        assert dialog.with_people.isHidden()  # no linked people among live notes
        dialog.to_contact.setChecked(True)
        dialog.path.setText(str(out))
        dialog.export_button.click()
        return dialog.result()

    monkeypatch.setattr(ExportDialog, "exec", press_export)
    window.export_bundle(Scope("notes", notes=(shopping,)), _chen(window))
    assert warnings == [error_text(InvalidRecordError(field="notes", reason="in-trash"))]
    assert "trash" in warnings[0] and "Nothing was exported" in warnings[0]
    assert list(tmp_path.glob("trash.hnb*")) == []


def test_the_import_preview_counts_links_to_people_not_sent_as_unchanged(
    qtbot: QtBot,
    window_for,  # type: ignore[no-untyped-def]
    seeded: VaultSetup,
    tmp_path: Path,
    fast_kdf_params,  # type: ignore[no-untyped-def]
) -> None:
    from hushnote.gui.import_dialog import ImportPreviewDialog

    window = _window(qtbot, window_for, seeded.root)
    receiver = Vault.create(tmp_path / "receiver", "other words", kdf=fast_kdf_params)
    try:
        window.vault.export_bundle(
            tmp_path / "b.hnb", scope=Scope("notebook", "Case 12"),
            recipients=[receiver.age_recipient()],
        )  # fmt: skip
        plan = receiver.preview_bundle(receiver.read_bundle(tmp_path / "b.hnb"))
    finally:
        receiver.lock()
    dialog = ImportPreviewDialog("", plan, window)
    qtbot.addWidget(dialog)
    cells = {
        (row, column): dialog.table.item(row, column).text()
        for row in range(dialog.table.rowCount())
        for column in range(dialog.table.columnCount())
    }
    assert [cells[(0, c)] for c in range(3)] == ["2", "0", "0"]  # notes: new
    assert [cells[(1, c)] for c in range(3)] == ["0", "0", "0"]  # no contacts at all
    assert [cells[(3, c)] for c in range(3)] == ["0", "0", "3"]  # links: unchanged
    assert dialog.import_button is not None  # importable: no error, nothing refused


def test_send_to_a_contact_is_two_clicks_and_only_their_key_opens_it(
    qtbot: QtBot,
    window_for,  # type: ignore[no-untyped-def]
    seeded: VaultSetup,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    monkeypatch.setattr(export_dialog.Path, "home", lambda: tmp_path)
    window = _window(qtbot, window_for, seeded.root)
    menus: list[QMenu] = []

    class RecordedMenu(QMenu):
        def exec(self, *_args: object) -> None:  # type: ignore[override]
            menus.append(self)

    monkeypatch.setattr(workspace_page, "QMenu", RecordedMenu)
    clicks: list[str] = []

    def press_export(dialog: ExportDialog) -> int:
        clicks.append("Export")
        dialog.include_self.setChecked(False)  # so that only Chen's key can open it
        dialog.export_button.click()
        return dialog.result()

    monkeypatch.setattr(ExportDialog, "exec", press_export)
    sidebar = window.workspace.sidebar
    item = next(
        sidebar.topLevelItem(i).child(j)
        for i in range(sidebar.topLevelItemCount())
        for j in range(sidebar.topLevelItem(i).childCount())
        if sidebar.topLevelItem(i).child(j).text(0).startswith("Case 12")
    )
    window.workspace._sidebar_menu(sidebar.visualItemRect(item).center())
    (send,) = [a for a in menus[0].actions() if a.text() == "Send to Chen Wei…"]
    send.trigger()  # the first click; the second is Export
    assert clicks == ["Export"]
    (written,) = [p for p in tmp_path.iterdir() if p.suffix == ".hnb"]
    assert re.fullmatch(r"bundle-\d{4}-\d{2}-\d{2}\.hnb", written.name)
    assert _titles(written, COLLEAGUE) == (["Appeal", "Hearing"], [])
    assert window.vault is not None
    for stranger in (x25519.Identity.generate(), window.vault.age_identity()):
        with pytest.raises(pyrage.DecryptError):
            pyrage.decrypt(written.read_bytes(), [stranger])


def test_the_fingerprint_matches_in_editor_dialog_and_the_colleagues_own_key(
    qtbot: QtBot,
    window_for,  # type: ignore[no-untyped-def]
    seeded: VaultSetup,
) -> None:
    window = _window(qtbot, window_for, seeded.root)
    chen = _chen(window)
    expected = "Fingerprint: " + key_fingerprint(str(COLLEAGUE.to_public()))
    dialog = window.make_export_dialog(Scope(), chen)
    assert dialog.contact_fingerprint.text() == expected
    editor = window.workspace.contact_editor
    editor.open_contact(chen)
    assert editor.fingerprint.text() == expected
    # What Chen reads from their own "My bundle key" window.
    assert IdentityDialog(str(COLLEAGUE.to_public()), window).fingerprint.text() == expected
    dialog.deleteLater()


def test_the_suggested_file_name_names_no_notebook_tag_contact_or_note(
    qtbot: QtBot,
    window_for,  # type: ignore[no-untyped-def]
    seeded: VaultSetup,
    tmp_path: Path,
) -> None:
    window = _window(qtbot, window_for, seeded.root)
    for scope in (Scope("notebook", "Case 12"), Scope("tag", "legal"), Scope("list", "Medics")):
        dialog = window.make_export_dialog(scope, _chen(window))
        name = Path(dialog.path.text()).name
        for secret in ("Case", "legal", "Medics", "Chen", "Wei", "Hearing"):
            assert secret.casefold() not in name.casefold()
        assert re.fullmatch(r"bundle-\d{4}-\d{2}-\d{2}(-\d+)?\.hnb", name)
        dialog.deleteLater()
    day = date(2026, 12, 2)
    assert suggested_path(tmp_path, day, camouflage=False).name == "bundle-2026-12-02.hnb"
    (tmp_path / "bundle-2026-12-02.hnb").write_bytes(b"")
    assert suggested_path(tmp_path, day, camouflage=False).name == "bundle-2026-12-02-2.hnb"
    assert suggested_path(tmp_path, day, camouflage=True).name == "2026-12-02.age"


def test_the_strength_meter_follows_the_bundle_passphrase(
    qtbot: QtBot,
    window_for,  # type: ignore[no-untyped-def]
    seeded: VaultSetup,
) -> None:
    window = _window(qtbot, window_for, seeded.root)
    dialog = window.make_export_dialog()
    dialog.with_passphrase.setChecked(True)
    assert dialog.meter.label.text() == ""
    dialog.passphrase.setText("abc")
    weak = dialog.meter.bar.value()
    assert dialog.meter.label.text() == "weak"
    dialog.passphrase.setText("vinyl otter margin cobalt hush ledger")
    assert dialog.meter.bar.value() > weak
    assert dialog.meter.label.text() in ("good", "strong")
    dialog.wipe()
    dialog.deleteLater()


def test_a_passphrase_export_by_keyboard_alone(
    qtbot: QtBot,
    window_for,  # type: ignore[no-untyped-def]
    seeded: VaultSetup,
    tmp_path: Path,
) -> None:
    window = _window(qtbot, window_for, seeded.root)
    dialog = window.make_export_dialog()
    dialog.path.setText(str(tmp_path / "k.hnb"))
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # With a &passphrase
    qtbot.waitUntil(dialog.with_passphrase.isChecked)  # a mnemonic clicks after a flash
    qtbot.keyClick(dialog.with_passphrase, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.passphrase.hasFocus())
    qtbot.keyClicks(dialog.passphrase, "bundle words here")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # &Repeat
    qtbot.waitUntil(lambda: dialog.repeat.hasFocus())
    qtbot.keyClicks(dialog.repeat, "bundle words here")
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert dialog.result() == ExportDialog.DialogCode.Accepted
    request = dialog.request()
    assert request.passphrase == "bundle words here" and request.recipients is None
    dialog.wipe()


def test_a_bad_pasted_key_is_refused_with_a_clear_message(
    qtbot: QtBot,
    window_for,  # type: ignore[no-untyped-def]
    seeded: VaultSetup,
    tmp_path: Path,
) -> None:
    window = _window(qtbot, window_for, seeded.root)
    dialog = window.make_export_dialog()
    dialog.to_key.setChecked(True)
    dialog.path.setText(str(tmp_path / "x.hnb"))
    dialog.keys.setPlainText("age1notakey")
    assert "not an age public key" in dialog.key_fingerprints.text()
    dialog.export_button.click()
    assert dialog.result() != ExportDialog.DialogCode.Accepted
    assert "not an age public key" in dialog.status.text()
    dialog.keys.setPlainText(str(x25519.Identity.generate()))
    dialog.export_button.click()
    assert "secret key" in dialog.status.text()
    assert not (tmp_path / "x.hnb").exists()
    dialog.deleteLater()


def test_the_contact_editor_keeps_a_key_and_refuses_junk(
    qtbot: QtBot,
    window_for,  # type: ignore[no-untyped-def]
    seeded: VaultSetup,
) -> None:
    window = _window(qtbot, window_for, seeded.root)
    assert window.vault is not None
    rosa = next(c for c in window.vault.contacts.all_contacts() if c.age_recipient is None)
    editor = window.workspace.contact_editor
    editor.open_contact(rosa.uuid)
    assert "No key" in editor.fingerprint.text()
    qtbot.keyClicks(editor.age_key, "age1junk")
    assert not editor.save()
    assert "not an age public key" in editor.status.text()
    key = str(x25519.Identity.generate().to_public())
    editor.age_key.clear()
    qtbot.keyClicks(editor.age_key, key)
    assert editor.fingerprint.text() == "Fingerprint: " + key_fingerprint(key)
    assert editor.save()
    assert window.vault.contacts.get(rosa.uuid).age_recipient == key


def test_a_key_removed_while_the_dialog_was_open_exports_nothing(
    qtbot: QtBot,
    window_for,  # type: ignore[no-untyped-def]
    seeded: VaultSetup,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    window = _window(qtbot, window_for, seeded.root)
    chen = _chen(window)
    out = tmp_path / "gone.hnb"

    def export_after_removal(dialog: ExportDialog) -> int:
        dialog.path.setText(str(out))
        window.vault.contacts.set_key(chen, None)  # the CLI, say, while the dialog was open
        dialog.export_button.click()
        return dialog.result()

    monkeypatch.setattr(ExportDialog, "exec", export_after_removal)
    window.export_bundle(Scope(), chen)
    assert warned and "no longer has a key" in warned[0]
    assert not out.exists()


def test_two_keyed_contacts_with_the_same_name_read_apart_in_the_picker(
    qtbot: QtBot,
    window_for,  # type: ignore[no-untyped-def]
    seeded: VaultSetup,
) -> None:
    rosa, look_alike = (str(x25519.Identity.generate().to_public()) for _ in range(2))
    with Vault.unlock(seeded.root, PASSPHRASE) as vault:
        vault.contacts.create(NewContact("Rosa Delgado", age_recipient=rosa))
        vault.contacts.create(NewContact("rosa  DELGADO", age_recipient=look_alike))  # a vCard's
    window = _window(qtbot, window_for, seeded.root)
    dialog = window.make_export_dialog(Scope(), None)
    shown = [dialog.contact.itemText(row) for row in range(dialog.contact.count())]
    chen = key_fingerprint(str(COLLEAGUE.to_public()))
    assert shown == [
        f"Chen Wei (key {chen.split(' ')[0]}…)",  # alone with its name: the start will do
        f"Rosa Delgado (key {key_fingerprint(rosa)})",
        f"rosa DELGADO (key {key_fingerprint(look_alike)})",
    ]  # name order, then the order they were added
    dialog.deleteLater()
