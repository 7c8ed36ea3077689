"""A whole desktop session with canary strings leaves none of them anywhere on disk.

The session runs in a fresh process with HOME, the XDG folders and TMPDIR pointing into
the test's own folders: first run, a note, a contact, a list, search, copying, a file
dialog opened and closed, an import, a note's history compared and restored, lock,
unlock, quit. Then every file under that HOME and TMPDIR is read, the vault's own
(encrypted) files included.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from support.forensics import canary_hits, files_under

CANARIES = [
    "CanaryTitle-9q7x",
    "CanaryBody-Zeta-41",
    "Canary Contact 王秀英",
    "CanaryTag-medic88",
    "CanarySearch-uvw",
    "+1 555 019 8844",
    "CanaryVersion-kappa-73",
]

SESSION = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from hushnote.core import ContactMethod, KdfParams, MethodKind, NewContact
from hushnote.gui.file_dialogs import keep_qt_settings_off_disk
from hushnote.gui.main_window import MainWindow

title, body, name, tag, query, phone, version = sys.argv[2:9]
keep_qt_settings_off_disk()
app = QApplication([])
# Locked in place (as when a relaunch fails), so that one process runs the whole session.
window = MainWindow(
    Path(sys.argv[1]), kdf=KdfParams(64 * 1024, 2, 2), relaunch=lambda request: None
)
window.show()

def wait(condition):
    while not condition():
        app.processEvents()

page = window.create_page
page.passphrase.setText("leak test pass, then Qx7#vRm2 tundra")
page.confirmation.setText("leak test pass, then Qx7#vRm2 tundra")
page.begin_create()
wait(lambda: window.vault is not None)
ws = window.workspace
ws.new_note()
ws.note_editor.title.setText(title)
ws.note_editor.tags.setText(tag)
ws.note_editor.body.setPlainText(body)
ws.note_editor.tags.textEdited.emit(tag)
ws.note_editor.save()
# An earlier version holding its own canary, shown, compared and restored in the panel.
note = ws.note_editor.uuid
window.vault.notes.update(note, body=version, reason="revert")
ws.note_editor.open_note(note)
ws.toggle_history()
history = ws.note_editor.history
wait(lambda: not history._running and history.diff.toPlainText())
ws.note_editor.restore_revision(history.revisions[0].number)
wait(lambda: not history._running and history.diff.toPlainText())
ws.toggle_history()
window.vault.contacts.create(NewContact(name, (ContactMethod(MethodKind.PHONE, phone),)))
window.workspace.new_list("Medics " + tag)
window.search()
window.search_dialog.query.setText(query)
window.search_dialog.run()
window.search_dialog.query.setText(title)
window.search_dialog.run()
window.clipboard.copy(phone)
dialog = QFileDialog(window, "Export", str(Path.home()))
dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
QTimer.singleShot(300, dialog.reject)
dialog.exec()
window.lock()
window.unlock_page.passphrase.setText("leak test pass, then Qx7#vRm2 tundra")
window.unlock_page.begin_unlock()
wait(lambda: window.vault is not None)
ws.open_note(ws.note_editor.uuid or window.vault.notes.summaries()[0].uuid)
window.close()
app.quit()
print("session complete")
"""


def test_a_gui_session_leaves_no_plaintext(tmp_path: Path, isolated_home: Path) -> None:
    vault = Path(os.environ["XDG_DATA_HOME"]) / "hushnote"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SESSION, str(vault), *CANARIES],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "session complete" in result.stdout
    for word in CANARIES:
        assert word not in result.stderr  # nothing printed either
    tmpdir = Path(os.environ["TMPDIR"])
    touched = files_under(isolated_home, tmpdir)
    assert vault / "vault.db" in touched  # the session really wrote its vault here
    assert canary_hits(CANARIES, isolated_home, tmpdir) == []
    names = {path.name for path in touched}
    assert "QtProject.conf" not in names
    assert "recently-used.xbel" not in names
