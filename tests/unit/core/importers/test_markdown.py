"""Markdown folders and Obsidian vaults read into notes: folders, front matter, tags, embeds."""

from __future__ import annotations

import os
import tarfile
import time
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hushnote.core.importers.markdown import read
from hushnote.core.importers.model import Dropped, Limits
from hushnote.errors import AppImportError
from unit.core.importers.timing import assert_linear


def _write(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def _by_title(folder: Path, **options: object) -> dict[str, object]:
    with read([folder], **options) as source:  # type: ignore[arg-type]
        return {note.title: note for note in source.notes}


def test_folders_become_notebooks_and_root_files_the_default(tmp_path: Path) -> None:
    folder = _write(
        tmp_path / "export",
        {"root.md": "text", "Work/plan.md": "p", "Work/Archive/old.md": "o"},
    )
    with read([folder]) as source:
        books = {note.title: note.notebook for note in source.notes}
    assert books == {"root": None, "plan": "Work", "old": "Work / Archive"}


def test_title_from_front_matter_then_heading_then_file_name(tmp_path: Path) -> None:
    folder = _write(
        tmp_path / "export",
        {
            "a.md": "---\ntitle: From YAML\n---\n# Heading\nbody",
            "b.md": "intro\n\n# The heading\nbody",
            "c.md": "```\n# not a heading\n```\njust text",
        },
    )
    with read([folder]) as source:
        titles = sorted(note.title for note in source.notes)
        bodies = {note.title: note.body for note in source.notes}
    assert titles == ["From YAML", "The heading", "c"]
    assert bodies["From YAML"] == "# Heading\nbody"  # the front matter is not in the body


def test_front_matter_tags_dates_and_inline_tags(tmp_path: Path) -> None:
    folder = _write(
        tmp_path / "export",
        {
            "n.md": (
                "---\ntags: [alpha, beta]\ncreated: 2020-01-02T03:04:05Z\n"
                "updated: 2021-06-07\nother: {deep: [1, 2]}\n---\n"
                "Text #gamma and #project/sub, not #123, not a URL http://x.org/#frag,\n"
                "not a [link](#anchor), `#code` neither\n## Heading\n"
                "```\n#fenced\n```\n#中文标签 at a line start"
            )
        },
    )
    with read([folder]) as source:
        (note,) = source.notes
    assert note.tags == ("alpha", "beta", "gamma", "project/sub", "中文标签")
    assert note.created_at == datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert note.updated_at == datetime(2021, 6, 7, tzinfo=UTC)


def test_times_default_to_the_file_modification_time(tmp_path: Path) -> None:
    folder = _write(tmp_path / "export", {"n.md": "x"})
    stamp = 1_600_000_000
    os.utime(folder / "n.md", (stamp, stamp))
    with read([folder]) as source:
        (note,) = source.notes
    assert note.updated_at == datetime.fromtimestamp(stamp, UTC)


def test_wikilinks_stay_text_and_embeds_become_attachments(tmp_path: Path) -> None:
    folder = _write(
        tmp_path / "vault",
        {
            "notes/n.md": (
                "See [[Other note]] and [[Other note|alias]].\n"
                "![[photo.png]] ![[photo.png|300]] ![diagram](img/d%20one.png)\n"
                "![[missing.png]] ![up](../secret.png) ![abs](/etc/passwd) "
                "![web](https://example.org/x.png) ![[Other note]]"
            ),
            "Other note.md": "other",
            "assets/photo.png": b"\x89PNG-not-really",
            "notes/img/d one.png": b"png2",
            "unused.pdf": b"%PDF-1.4",
        },
    )
    with read([folder]) as source:
        note = next(note for note in source.notes if note.title == "n")
        names = sorted(attachment.name for attachment in note.attachments)
        with note.attachments[0].open() as stream:
            first = stream.read()
        dropped = source.dropped
    assert names == ["d one.png", "photo.png"]
    assert first == b"\x89PNG-not-really"
    assert "[[Other note]]" in note.body and "[[Other note|alias]]" in note.body
    assert "![](photo.png)" in note.body and "![diagram](<d one.png>)" in note.body
    for kept in ("![[missing.png]]", "![up](../secret.png)", "![abs](/etc/passwd)",
                 "![web](https://example.org/x.png)", "![[Other note]]"):  # fmt: skip
        assert kept in note.body
    assert Dropped("unsupported-item", "unused.pdf") in dropped


def test_dot_folders_are_ignored(tmp_path: Path) -> None:
    folder = _write(
        tmp_path / "vault",
        {".obsidian/app.json": "{}", ".trash/old.md": "gone", "n.md": "x", ".hidden.md": "h"},
    )
    with read([folder]) as source:
        assert [note.title for note in source.notes] == ["n"]
        assert source.dropped == []


def test_chinese_names_and_text(tmp_path: Path) -> None:
    folder = _write(
        tmp_path / "导出",
        {
            "工作/会议记录.md": "# 周一会议\n讨论 #行动 计划",
            "工作/图片/照片.png": b"img",
            "日记.md": "今天![[照片.png]]",
        },
    )
    with read([folder]) as source:
        notes = {note.title: note for note in source.notes}
    assert notes["周一会议"].notebook == "工作"
    assert notes["周一会议"].tags == ("行动",)
    assert [a.name for a in notes["日记"].attachments] == ["照片.png"]


def test_a_zip_of_a_folder_reads_the_same(tmp_path: Path) -> None:
    archive = tmp_path / "notes.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        info = zipfile.ZipInfo("Book/n.md", date_time=(2019, 5, 6, 7, 8, 10))
        zipped.writestr(info, "![[p.png]] body")
        zipped.writestr("Book/p.png", b"png")
    with read([archive]) as source:
        (note,) = source.notes
        assert note.notebook == "Book"
        assert note.updated_at == datetime(2019, 5, 6, 7, 8, 10, tzinfo=UTC)
        with note.attachments[0].open() as stream:
            assert stream.read() == b"png"


def test_a_yaml_alias_bomb_is_read_in_bounded_time(tmp_path: Path) -> None:
    lines = ["---", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 30):
        previous = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([previous] * 10)}]")
    lines += ["tags: *a29", "title: *a29", "---", "body"]
    folder = _write(tmp_path / "export", {"bomb.md": "\n".join(lines)})
    started = time.monotonic()
    with read([folder]) as source:
        (note,) = source.notes
    assert time.monotonic() - started < 5
    assert note.title == "bomb" and note.tags == ()


def test_front_matter_past_the_cap_is_refused(tmp_path: Path) -> None:
    folder = _write(tmp_path / "export", {"n.md": "---\nx: " + "y" * 70_000 + "\n---\nbody"})
    with pytest.raises(AppImportError) as error:
        read([folder])
    assert error.value.context["reason"] == "front-matter"


def test_broken_yaml_stays_in_the_body(tmp_path: Path) -> None:
    folder = _write(tmp_path / "export", {"n.md": "---\n: : [\n---\nbody"})
    with read([folder]) as source:
        (note,) = source.notes
    assert note.body.startswith("---\n: : [")


def test_a_symlink_out_of_the_folder_is_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("SECRET-WORD")
    folder = _write(tmp_path / "export", {"n.md": "![[link.png]] ![[secret.md]]"})
    (folder / "linked.md").symlink_to(secret)
    (folder / "link.png").symlink_to(tmp_path / "elsewhere.png")
    with read([folder]) as source:
        assert [note.title for note in source.notes] == ["n"]
        assert source.notes[0].attachments == []
        assert "SECRET-WORD" not in repr(source.notes)
        assert Dropped("link", "linked.md") in source.dropped


def test_a_huge_file_is_a_clear_error(tmp_path: Path) -> None:
    folder = _write(tmp_path / "export", {"big.md": "x" * 5000})
    with pytest.raises(AppImportError) as error:
        read([folder], limits=Limits(max_text_bytes=4096))
    assert error.value.context["reason"] == "too-large"
    assert error.value.context["file"] == "big.md"


def test_text_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    folder = _write(tmp_path / "export", {"n.md": b"\xff\xfe\x00bad"})
    with pytest.raises(AppImportError) as error:
        read([folder])
    assert error.value.context["reason"] == "not-utf8"


def test_location_is_dropped_by_default_and_kept_when_asked(tmp_path: Path) -> None:
    folder = _write(tmp_path / "export", {"n.md": "---\nlat: 52.5\nlon: 13.4\n---\nbody"})
    with read([folder]) as source:
        assert source.dropped == [Dropped("location", "n")]
        assert "52.5" not in source.notes[0].body
    with read([folder], keep_locations=True) as source:
        assert source.dropped == []
        assert source.notes[0].body.endswith("Location: 52.5, 13.4\n")


def test_cancel_stops_the_read(tmp_path: Path) -> None:
    from hushnote.errors import CancelledError

    folder = _write(tmp_path / "export", {f"n{i}.md": "x" for i in range(5)})
    with pytest.raises(CancelledError):
        read([folder], progress=lambda _fraction: False)


def test_markdown_files_chosen_one_by_one(tmp_path: Path) -> None:
    folder = _write(tmp_path / "desk", {"a.md": "# A\n![[p.png]]", "b.md": "b", "p.png": b"x"})
    with read([folder / "a.md", folder / "b.md"]) as source:
        notes = {note.title: note for note in source.notes}
        assert set(notes) == {"A", "b"}
        assert notes["A"].notebook is None and notes["A"].attachments == []
        assert notes["A"].source_id != notes["b"].source_id
        assert source.dropped == []
    (tmp_path / "link.md").symlink_to(folder / "b.md")
    with pytest.raises(AppImportError) as error:
        read([tmp_path / "link.md"])
    assert error.value.context["reason"] == "link"


def test_flipped_bytes_and_mangled_front_matter_raise_only_the_import_error(
    tmp_path: Path,
) -> None:
    import random

    from hushnote.core.importers.reasons import REASONS

    rng = random.Random(5)
    pieces = ["---", "\n", "#", "![[", "]]", "![", "](", ")", "```", ":", "&a", "*a", "[",
              "]", "{", "}", "..", "/", "!!timestamp", "!!binary", "? ", "中", "p.png"]  # fmt: skip
    seed = "---\ntitle: x\ntags: [a, b]\ncreated: 2020-01-01\n---\n# H\n![[p.png]] #t ![a](p.png)\n"
    for round_ in range(300):
        text = list(seed)
        for _ in range(rng.randint(1, 12)):
            text.insert(rng.randint(0, len(text)), rng.choice(pieces))
        archive = tmp_path / f"e{round_ % 3}.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
            zipped.writestr("d/n.md", "".join(text))
            zipped.writestr("d/p.png", b"\x89PNG" * 50)
        data = bytearray(archive.read_bytes())
        if round_ % 2:
            data[rng.randrange(len(data))] ^= 0xA5
        archive.write_bytes(bytes(data))
        try:
            with read([archive]) as source:
                for imported in source.notes:
                    for attachment in imported.attachments:
                        with attachment.open() as stream:
                            stream.read()
        except AppImportError as error:
            assert error.context["reason"] in REASONS


def test_a_long_run_of_blanks_after_a_hash_is_read_in_linear_time(tmp_path: Path) -> None:
    def make(size: int) -> Callable[[], object]:
        folder = _write(tmp_path / f"blanks{size}", {"a.md": "# a" + " \t" * size + "b\n"})

        def work() -> None:
            with read([folder]) as source:
                assert source.notes[0].title.startswith("a \t")

        return work

    assert_linear(make, 12_500, bound=5)


def test_headings_keep_their_words_and_drop_closing_hashes(tmp_path: Path) -> None:
    folder = _write(
        tmp_path / "export",
        {"a.md": "#\t Plan  ## \nx", "b.md": "#nota\n# ###\n", "c.md": "#   \n# Late"},
    )
    with read([folder]) as source:
        titles = sorted(note.title for note in source.notes)
    assert titles == ["#", "Plan", "c"]


def _printable(text: str | None) -> bool:
    """Printable, and encodable as UTF-8 (no lone surrogate)."""
    if text is None:
        return True
    text.encode("utf-8")
    return text.isprintable()


def test_file_names_that_are_not_utf8_become_printable_titles(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    (folder / "Work").mkdir(parents=True)
    os.mkdir(os.fsencode(folder) + b"/\xfe")
    for raw in (b"/\xff.md", b"/\xfe.md", b"/\xfe/note.md", b"/Work/caf\xe9.md"):
        with open(os.fsencode(folder) + raw, "wb") as handle:
            handle.write(b"text")
    tar = tmp_path / "export.tar"
    with tarfile.open(tar, "w", format=tarfile.GNU_FORMAT) as archive:
        archive.add(os.fsencode(folder) + b"/\xff.md", arcname=os.fsdecode(b"\xff.md"))
    found = {}
    for path in (folder, tar):
        with read([path]) as source:
            found[path] = [(note.title, note.notebook) for note in source.notes]
            assert all(note.body == "text" for note in source.notes)
        assert all(_printable(title) and _printable(book) for title, book in found[path])
        assert ("\ufffd", None) in found[path]
    assert ("caf\ufffd", "Work") in found[folder] and ("note", "\ufffd") in found[folder]
    # Two names that read the same once replaced stay two notes.
    assert len(found[folder]) == 4
