"""Attachments leave no plaintext outside the vault: a whole desktop session.

In a fresh process with HOME, the XDG folders, TMPDIR and XDG_RUNTIME_DIR (a RAM-backed
folder of its own) pointing into the test's folders: a text file and a PNG, both carrying
canaries (in the text and its name; in the PNG's metadata and its name), are attached
through the note editor's strip, shown in the viewer, a third file is opened "in another
program" (a stand-in records the copy it was given), one attachment is exported on
purpose, and the vault is locked. Then every file under HOME, TMPDIR and
XDG_RUNTIME_DIR, the vault's own included, is read: only the exported file may hold a
canary.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

from support.forensics import canary_hits, files_under

CANARIES = ["CanaryAttachText-Qz81", "CanaryPngMeta-Wx27", "CanaryOtherDoc-Jy55"]

SESSION = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from hushnote.core import KdfParams
from hushnote.gui.file_dialogs import keep_qt_settings_off_disk
from hushnote.gui.main_window import MainWindow
from hushnote.gui import attachment_actions
from hushnote.gui.attachment_viewer import AttachmentViewer

vault_dir, sources, exported = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
keep_qt_settings_off_disk()
app = QApplication([])

class Desktop(QObject):
    opened = []
    @Slot(QUrl)
    def open(self, url):
        path = Path(url.toLocalFile())
        self.opened.append((path, path.read_bytes()))

desktop = Desktop()
QDesktopServices.setUrlHandler("file", desktop, "open")
window = MainWindow(vault_dir, kdf=KdfParams(64 * 1024, 2, 2), relaunch=lambda request: None)
window.show()

def wait(condition):
    while not condition():
        app.processEvents()

def answer(text):
    def click():
        box = QApplication.activeModalWidget()
        for button in box.findChildren(QPushButton):
            if button.text() == text:
                button.click()
                return
        QTimer.singleShot(20, click)
    QTimer.singleShot(50, click)

page = window.create_page
page.passphrase.setText("leak test pass, then Qx7#vRm2 tundra")
page.confirmation.setText("leak test pass, then Qx7#vRm2 tundra")
page.begin_create()
wait(lambda: window.vault is not None)
ws = window.workspace
ws.new_note()
ws.note_editor.title.setText("attachments")
ws.note_editor.save()
strip = ws.note_editor.attachments
strip.attach_files(sorted(sources.iterdir()))
vault = window.vault
attached = vault.attachments.of_note(ws.note_editor.uuid)
assert len(attached) == 3, attached
for attachment in attached:
    if attachment.kind == "other":
        answer("Open in another program")
    shown = attachment_actions.open_attachment(window, window.session, attachment)
    app.processEvents()
viewers = [w for w in window.findChildren(AttachmentViewer) if w.isVisible()]
assert len(viewers) == 2, viewers
assert len(desktop.opened) == 1 and desktop.opened[0][1].startswith(b"PK")
text = next(a for a in attached if a.kind == "text")
vault.attachments.export(text.uuid, exported)
window.lock()
assert not desktop.opened[0][0].exists()
assert not any(w.isVisible() for w in viewers)
window.close()
app.quit()
print("session complete")
"""


def _png_with_text(keyword: bytes, text: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = (4).to_bytes(4, "big") + (4).to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    pixels = zlib.compress(b"".join(b"\x00" + b"\x80\x40\x20" * 4 for _ in range(4)))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"tEXt", keyword + b"\x00" + text)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


def test_attachments_leave_no_plaintext_outside_the_vault(
    tmp_path: Path, isolated_home: Path
) -> None:
    runtime = Path("/dev/shm") / f"hushnote-leak-{os.getpid()}-{tmp_path.name}"
    runtime.mkdir(mode=0o700)
    try:
        sources = tmp_path / "sources"  # outside every folder searched
        sources.mkdir()
        text, png, other = CANARIES
        (sources / f"{text}.txt").write_text(f"statement of {text}\n" * 50, encoding="utf-8")
        (sources / f"{png}.png").write_bytes(_png_with_text(b"Author", png.encode()))
        (sources / f"{other}.odt").write_bytes(b"PK\x03\x04" + other.encode() * 20)
        exported = isolated_home / "Documents" / "statement.txt"
        exported.parent.mkdir()
        vault = Path(os.environ["XDG_DATA_HOME"]) / "hushnote"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(runtime)}
        result = subprocess.run(
            [sys.executable, "-c", SESSION, str(vault), str(sources), str(exported)],
            capture_output=True, text=True, env=env, check=False, timeout=180,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert "session complete" in result.stdout
        for word in CANARIES:
            assert word not in result.stderr
        tmpdir = Path(os.environ["TMPDIR"])
        touched = files_under(isolated_home, tmpdir, runtime)
        assert any(path.parent.name == "attachments" for path in touched)  # really stored
        hits = canary_hits(CANARIES, isolated_home, tmpdir, runtime)
        assert {path for path, _ in hits} == {exported}, hits
        names = {path.name for path in touched}
        assert "recently-used.xbel" not in names
        assert not any("thumbnails" in path.parts for path in touched)
    finally:
        shutil.rmtree(runtime, ignore_errors=True)
