"""The app import service on a real vault: preview, one transaction, ids, attachments."""

from __future__ import annotations

import io
import os
import subprocess
import threading
from pathlib import Path

import pytest
from PIL import ExifTags, Image

from hushnote.core import AppImportPlan, Vault
from hushnote.core.importers.model import Dropped, ImportedAttachment, ImportedNote, ImportSource
from hushnote.errors import (
    AppImportError,
    BundlePlanChangedError,
    CancelledError,
    HushnoteError,
)
from support.metadata_files import CANARY, plain_jpeg, tagged_jpeg


def _export(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def _state(vault: Vault) -> tuple[object, ...]:
    db = vault.db
    return (
        db.rows("SELECT uuid, title, updated_at FROM notes ORDER BY uuid"),
        db.rows("SELECT name FROM tags ORDER BY name"),
        db.rows("SELECT name FROM notebooks ORDER BY name"),
        db.rows("SELECT uuid, sha256 FROM attachments ORDER BY uuid"),
        sorted(os.listdir(vault.paths.attachments)) if vault.paths.attachments.exists() else [],
    )


@pytest.fixture
def export(tmp_path: Path) -> Path:
    return _export(
        tmp_path / "export",
        {
            "Inbox.md": "---\ntags: [todo]\n---\nroot note #inline",
            "Work/plan.md": "# The plan\n![[photo.jpg]]",
            "Work/Sub/deep.md": "---\nlocation: Berlin\n---\ndeep",
            "Work/photo.jpg": tagged_jpeg(),
        },
    )


def test_preview_matches_the_run_and_the_second_import_changes_nothing(
    open_vault: Vault, export: Path
) -> None:
    importer = open_vault.importers
    before = _state(open_vault)
    with importer.read("markdown", [export]) as source:
        plan = importer.preview(source)
        assert _state(open_vault)[:4] == before[:4]  # the preview wrote no record
        assert isinstance(plan, AppImportPlan)
        counts = {c.name: (c.added, c.updated, c.unchanged, c.attachments) for c in plan.notebooks}
        assert counts == {None: (1, 0, 0, 0), "Work": (1, 0, 0, 1), "Work / Sub": (1, 0, 0, 0)}
        assert plan.new_notebooks == 2 and plan.new_tags == 2
        assert plan.dropped == {"location": 1}
        assert plan.dropped_names == {"location": ["deep"]}
        report = importer.run(source, plan=plan)
    assert (report.added, report.attachments, report.new_notebooks) == (3, 1, 2)
    assert report.dropped == plan.dropped
    after = _state(open_vault)
    with importer.read("markdown", [export]) as source:
        again = importer.preview(source)
        assert again.changes_nothing and again.unchanged == 3
        second = importer.run(source, plan=again)
    assert second.changes_nothing
    assert _state(open_vault) == after


def test_uuids_are_derived_and_differ_between_vaults(open_vault: Vault, export: Path) -> None:
    importer = open_vault.importers
    with importer.read("markdown", [export]) as source:
        importer.run(source)
    uuids = {row[0] for row in open_vault.db.rows("SELECT uuid FROM notes")}
    assert all(len(uuid) == 36 and uuid[14] == "4" for uuid in uuids)
    key = open_vault.settings.get("import.id-key")
    assert key is not None and len(key) == 64


def test_a_plan_whose_vault_changed_is_refused(open_vault: Vault, export: Path) -> None:
    importer = open_vault.importers
    with importer.read("markdown", [export]) as source:
        importer.run(source)
    (export / "Inbox.md").write_text("changed")
    os.utime(export / "Inbox.md", (2_000_000_000, 2_000_000_000))
    with importer.read("markdown", [export]) as source:
        plan = importer.preview(source)
        assert plan.updated == 1
        uuid = open_vault.db.row("SELECT uuid FROM notes WHERE title = 'Inbox'")[0]
        open_vault.notes.update(uuid, body="edited meanwhile")
        with pytest.raises(BundlePlanChangedError):
            importer.run(source, plan=plan)
    assert open_vault.notes.get(uuid).body == "edited meanwhile"


def test_a_cancel_mid_import_leaves_the_vault_unchanged(open_vault: Vault, tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {f"n{i:04}.md": f"note {i}" for i in range(1200)}
    files["pic.md"] = "![[p.jpg]]"
    files["p.jpg"] = plain_jpeg()
    export = _export(tmp_path / "many", files)
    importer = open_vault.importers
    before = _state(open_vault)
    calls = []

    def progress(fraction: float) -> bool:
        calls.append(fraction)
        return fraction < 0.6  # past the staging, in the middle of the merge

    with importer.read("markdown", [export]) as source, pytest.raises(CancelledError):
        importer.run(source, progress=progress)
    assert _state(open_vault)[:4] == before[:4]
    # No file left in the attachments folder: staged files went with the source.
    assert not [name for name in _state(open_vault)[4] if isinstance(name, str)]


def test_location_is_dropped_by_default_and_kept_when_asked(
    open_vault: Vault, export: Path
) -> None:
    importer = open_vault.importers
    with importer.read("markdown", [export]) as source:
        report = importer.run(source)
    assert report.dropped["location"] == 1
    assert (
        "Berlin"
        not in open_vault.db.row(
            "SELECT body FROM note_bodies b JOIN notes n ON n.id = b.note_id WHERE n.title = 'deep'"
        )[0]
    )


def test_attachment_metadata_is_stripped(open_vault: Vault, export: Path) -> None:
    importer = open_vault.importers
    with importer.read("markdown", [export]) as source:
        importer.run(source)
    uuid = open_vault.db.row("SELECT uuid FROM attachments")[0]
    data = open_vault.attachments.read(uuid, limit=1 << 20)
    assert CANARY not in data
    with Image.open(io.BytesIO(data)) as image:
        assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    attachment = open_vault.attachments.get(uuid)
    assert "gps" in attachment.removed and attachment.name == "photo.jpg"


def test_a_picture_that_cannot_be_cleaned_is_left_out(open_vault: Vault, tmp_path: Path) -> None:
    broken = tagged_jpeg()[:400]  # cut inside its EXIF
    export = _export(tmp_path / "e", {"n.md": "![[bad.jpg]]", "bad.jpg": broken})
    importer = open_vault.importers
    with importer.read("markdown", [export]) as source:
        plan = importer.preview(source)
        assert plan.dropped == {"attachment-not-cleaned": 1}
        report = importer.run(source, plan=plan)
    assert report.added == 1 and report.attachments == 0
    assert open_vault.db.row("SELECT count(*) FROM attachments")[0] == 0


def test_a_note_too_long_is_refused_before_anything_is_written(open_vault: Vault) -> None:
    source = ImportSource("markdown", notes=[ImportedNote("a", "t", "x" * 10_000_001)])
    with pytest.raises(AppImportError) as error:
        open_vault.importers.preview(source)
    assert error.value.context["reason"] == "note-too-long"
    assert open_vault.db.row("SELECT count(*) FROM notes")[0] == 0


def test_long_titles_notebooks_and_tags_are_fitted(open_vault: Vault) -> None:
    note = ImportedNote("a", "t" * 2000, "b", notebook="n" * 500, tags=("x" * 300, " a  b "))
    source = ImportSource("joplin", notes=[note])
    report = open_vault.importers.run(source)
    assert report.added == 1
    (title,) = open_vault.db.row("SELECT title FROM notes")
    assert len(title) == 1000
    assert {row[0] for row in open_vault.db.rows("SELECT name FROM tags")} == {"x" * 100, "a b"}


def test_attachments_of_a_stream_are_imported_once(open_vault: Vault) -> None:
    def opener() -> io.BytesIO:
        return io.BytesIO(b"plain text file\n")

    attachment = ImportedAttachment("r1", "readme.txt", 16, opener)
    source = ImportSource("joplin", notes=[ImportedNote("a", "t", "b", attachments=[attachment])])
    first = open_vault.importers.run(source)
    second = open_vault.importers.run(source)
    assert (first.attachments, second.attachments) == (1, 0)
    uuid = open_vault.db.row("SELECT uuid FROM attachments")[0]
    assert open_vault.attachments.read(uuid, limit=100) == b"plain text file\n"


def test_an_app_without_its_importer_is_not_available(open_vault: Vault, tmp_path: Path) -> None:
    with pytest.raises(AppImportError) as error:
        open_vault.importers.read("nosuchapp", [tmp_path])
    assert error.value.context["reason"] == "not-available"


def test_dropped_items_of_the_source_are_counted(open_vault: Vault) -> None:
    source = ImportSource("joplin", dropped=[Dropped("trashed", "old"), Dropped("trashed", "x")])
    plan = open_vault.importers.preview(source)
    assert plan.dropped == {"trashed": 2} and plan.changes_nothing


def test_delete_sources_overwrites_and_removes_without_following_links(
    open_vault: Vault, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")
    folder = _export(tmp_path / "export", {"a.md": "a", "sub/b.md": "b"})
    (folder / "link.txt").symlink_to(outside)
    single = tmp_path / "single.md"
    single.write_text("single")
    chosen_link = tmp_path / "chosen-link"
    chosen_link.symlink_to(outside)
    (folder / "a.md").write_text("UNIQUE-CONTENT" * 100)
    # A descriptor held open keeps the inode readable after the unlink: what it reads
    # afterwards is what the scrub left in the file's blocks.
    with open(folder / "a.md", "rb") as held:
        left = open_vault.importers.delete_sources([folder, single, chosen_link])
        held.seek(0)
        assert b"UNIQUE-CONTENT" not in held.read()
    assert not folder.exists() and not single.exists()
    assert outside.read_text() == "keep me"
    assert left == [(chosen_link, "link")]


def test_a_failure_inside_the_transaction_leaves_the_vault_unchanged(
    open_vault: Vault, export: Path
) -> None:
    importer = open_vault.importers
    before = _state(open_vault)
    with importer.read("markdown", [export]) as source:
        plan = importer.preview(source)
        # The staged attachment's file disappears after the notes were merged: the
        # rename inside the transaction fails, and everything before it is rolled back.
        for name in os.listdir(open_vault.paths.attachments):
            os.unlink(open_vault.paths.attachments / name)
        with pytest.raises(HushnoteError):
            importer.run(source, plan=plan)
    assert _state(open_vault) == before
    assert open_vault.db.row("SELECT count(*) FROM notes")[0] == 0


def test_hostile_front_matter_never_fails_the_import(open_vault: Vault, tmp_path: Path) -> None:
    export = _export(
        tmp_path / "e",
        {
            "a.md": "---\ncreated: !!timestamp nope\n---\nbody",
            "b.md": "---\ncreated: 0001-01-01\nupdated: 1969-12-31\n---\nold",
            "c.md": "---\n? [a, b]\n: c\n---\nunhashable",
        },
    )
    with open_vault.importers.read("markdown", [export]) as source:
        report = open_vault.importers.run(source)
    assert report.added == 3


def test_a_joplin_export_imports_through_the_service_twice(
    open_vault: Vault, tmp_path: Path
) -> None:
    from unit.core.importers.test_joplin import export as joplin_export
    from unit.core.importers.test_joplin import write_tar

    jex = write_tar(tmp_path / "export.jex", joplin_export())
    importer = open_vault.importers
    with importer.read("joplin", [jex]) as source:
        plan = importer.preview(source)
        report = importer.run(source, plan=plan)
    assert report.added == plan.added > 0
    assert report.attachments == plan.attachments
    with importer.read("joplin", [jex]) as source:
        assert importer.run(source).changes_nothing


def test_a_preview_writes_no_id_key_and_two_first_imports_agree_on_one(
    open_vault: Vault,
) -> None:
    importer = open_vault.importers
    first = ImportSource("joplin", notes=[ImportedNote("a", "first", "x")])
    second = ImportSource("joplin", notes=[ImportedNote("b", "second", "y")])
    plan_one, plan_two = importer.preview(first), importer.preview(second)
    assert open_vault.settings.get("import.id-key") is None
    importer.run(first, plan=plan_one)
    # The second was previewed with a key of its own, which is not the vault's now.
    with pytest.raises(BundlePlanChangedError):
        importer.run(second, plan=plan_two)
    assert importer.run(second).added == 1
    assert open_vault.db.row("SELECT count(*) FROM notes")[0] == 2


def test_the_same_folder_zipped_finds_the_same_notes(open_vault: Vault, tmp_path: Path) -> None:
    import zipfile

    files = {
        "A/n.md": "---\nupdated: 2024-01-01\n---\nx",
        "m.md": "---\nupdated: 2024-01-02\n---\ny",
    }
    export = _export(tmp_path / "export", dict(files))
    packed = tmp_path / "export.zip"
    with zipfile.ZipFile(packed, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    importer = open_vault.importers
    with importer.read("markdown", [export]) as source:
        assert importer.run(source).added == 2
    with importer.read("markdown", [packed]) as source:
        assert importer.preview(source).unchanged == 2


def test_delete_sources_never_touches_the_vault_or_a_folder_holding_it(
    open_vault: Vault, tmp_path: Path
) -> None:
    root = open_vault.paths.root
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    assert before
    holder = root.parent
    (holder / "note.md").write_text("imported")
    bind = tmp_path / "elsewhere"
    bind.mkdir()
    # The same folder under another path: a link chosen inside an export folder is
    # never followed, so the walk must know the vault by device and inode.
    export = _export(tmp_path / "export", {"a.md": "a"})
    os.mkdir(export / "mount")
    try:
        mounted = (
            subprocess.run(
                ["mount", "--bind", str(root), str(export / "mount")], check=False
            ).returncode
            == 0
        )
        chosen = [holder, root, open_vault.paths.database, export]
        left = open_vault.importers.delete_sources(chosen)
    finally:
        subprocess.run(["umount", str(export / "mount")], check=False, capture_output=True)
    assert (holder, "vault") in left and (root, "vault") in left
    assert (open_vault.paths.database, "vault") in left
    assert (holder / "note.md").read_text() == "imported"
    after = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    assert after == before
    if mounted:
        assert (export, "vault") in left and (export / "a.md").exists()
    else:
        assert not export.exists()


def test_delete_sources_does_not_wait_on_a_fifo_put_in_a_files_place(
    open_vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hushnote.core import atomic

    export = _export(tmp_path / "export", {"a.md": "a", "b.md": "b"})
    real = atomic.scrub_file

    def swap_then_scrub(path: Path) -> None:
        if path.name == "a.md":  # replaced between the listing and the overwrite
            path.unlink()
            os.mkfifo(path)
        real(path)

    monkeypatch.setattr("hushnote.core.importers.scrub.scrub_file", swap_then_scrub)
    result: list[list[tuple[Path, str]]] = []
    worker = threading.Thread(
        target=lambda: result.append(open_vault.importers.delete_sources([export]))
    )
    worker.start()
    worker.join(5)
    if worker.is_alive():  # stuck opening the FIFO: a reader lets it go, then fail
        os.close(os.open(export / "a.md", os.O_RDONLY | os.O_NONBLOCK))
        worker.join()
        pytest.fail("deleting the export waited for a reader of a FIFO")
    assert (export / "a.md", "failed") in result[0] and not (export / "b.md").exists()
