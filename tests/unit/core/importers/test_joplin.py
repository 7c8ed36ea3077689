"""Joplin's JEX and RAW exports: notebooks, tags, resources, links, and hostile files.

The exports are built here from the format Joplin writes (an item's title, a blank line,
its body, a blank line, then one ``key: value`` line per property), never copied.
"""

from __future__ import annotations

import io
import tarfile
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hushnote.core.importers import joplin
from hushnote.core.importers.joplin_items import ItemError, parse_item
from hushnote.core.importers.model import Dropped, ImportedNote, ImportSource, Limits
from hushnote.core.importers.reasons import REASONS
from hushnote.errors import AppImportError, CancelledError

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%%EOF\n"

_NOTE_KEYS = (
    "id parent_id created_time updated_time is_conflict latitude longitude altitude author "
    "source_url is_todo todo_due todo_completed source source_application application_data "
    "order user_created_time user_updated_time encryption_cipher_text encryption_applied "
    "markup_language is_shared share_id conflict_original_id master_key_id user_data "
    "deleted_time"
).split()


def _id(n: int) -> str:
    return f"{n:032x}"


def item(kind: int, ident: str, title: str | None, body: str = "", **props: object) -> bytes:
    """An item as Joplin's serializer writes it: title, body and properties, blank-line
    separated, no trailing line break."""
    values: dict[str, object] = {"id": ident}
    if kind == 1:
        values.update(
            dict.fromkeys(_NOTE_KEYS[1:], ""),
            created_time="2023-01-05T10:20:30.123Z",
            updated_time="2023-01-06T11:00:00.000Z",
            user_created_time="2023-01-05T10:20:30.123Z",
            user_updated_time="2023-01-06T11:00:00.000Z",
            is_todo=0,
            todo_due=0,
            todo_completed=0,
            encryption_applied=0,
            markup_language=1,
            deleted_time=0,
        )
    values.update(props)
    values["type_"] = values.pop("type_", kind)  # last, as Joplin writes it
    parts = [] if title is None else [title]
    if body:
        parts.append(body)
    parts.append("\n".join(f"{key}: {value}" for key, value in values.items()))
    return "\n\n".join(parts).encode()


def note(n: int, title: str, body: str = "", parent: int = 0, **props: object) -> bytes:
    return item(1, _id(n), title, body, parent_id=_id(parent) if parent else "", **props)


def folder(n: int, title: str, parent: int = 0, **props: object) -> bytes:
    return item(2, _id(n), title, parent_id=_id(parent) if parent else "", **props)


def resource(n: int, title: str, mime: str, extension: str, size: int) -> bytes:
    return item(
        4, _id(n), title, mime=mime, filename="", file_extension=extension, size=size,
        encryption_applied=0, encryption_blob_encrypted=0,
    )  # fmt: skip


def export() -> dict[str, bytes]:
    """A whole export: nested Chinese notebooks, tags, a picture and a PDF, links, a
    to-do, a located note, an encrypted, a trashed, an HTML and a conflicted note."""
    members: dict[str, bytes] = {}

    def put(n: int, data: bytes) -> None:
        members[f"{_id(n)}.md"] = data

    put(1, folder(1, "工作"))
    put(2, folder(2, "项目", parent=1))
    put(3, folder(3, "Personal"))
    put(4, folder(4, "Old", deleted_time=1675209600000))
    put(10, note(10, "会议记录", f"见图：\n\n![](:/{_id(50)})\n\n[报告](:/{_id(51)})", parent=2))
    put(11, note(11, "Links", f"See [the minutes](:/{_id(10)}) and :/{_id(10)}.", parent=3))
    put(12, note(12, "Buy milk", "two litres", parent=3, is_todo=1, todo_completed=1675209600000))
    put(21, note(21, "Call back", "", parent=3, is_todo=1, todo_due=1675254600000))
    put(13, note(13, "Paris", "Nice trip", parent=3, latitude="48.85660000",
                 longitude="2.35220000", altitude="35.0000"))  # fmt: skip
    put(14, note(14, "", "", parent=3, encryption_applied=1, encryption_cipher_text="JED01"))
    put(15, note(15, "Gone", "bye", parent=3, deleted_time=1677628800000))
    put(16, note(16, "In the trashed notebook", "x", parent=4))
    put(17, note(17, "Tricky", "id: 00000000000000000000000000000099\ntype_: 2", parent=3))
    put(18, note(18, "Web", f'<p>Hi <img src=":/{_id(50)}"/></p>', parent=3, markup_language=2))
    put(19, note(19, "Draft", "mine", parent=3, is_conflict=1))
    put(20, note(20, "Lost file", f"[scan](:/{_id(52)})", parent=3))
    put(50, resource(50, "照片.png", "image/png", "png", len(PNG)))
    put(51, resource(51, "report 1.pdf", "application/pdf", "pdf", len(PDF)))
    put(52, resource(52, "scan.jpg", "image/jpeg", "jpg", 10))
    put(60, item(5, _id(60), "重要"))
    put(61, item(5, _id(61), "work"))
    put(70, item(6, _id(70), None, note_id=_id(10), tag_id=_id(60)))
    put(71, item(6, _id(71), None, note_id=_id(10), tag_id=_id(61)))
    put(72, item(6, _id(72), None, note_id=_id(12), tag_id=_id(61)))
    put(80, item(13, _id(80), None, item_id=_id(10), body_diff="[]"))
    put(81, item(3, _id(81), None, key="sync.target", value="7"))
    members[f"resources/{_id(50)}.png"] = PNG
    members[f"resources/{_id(51)}.pdf"] = PDF
    return members


def write_tar(path: Path, members: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w", format=tarfile.USTAR_FORMAT) as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def write_folder(path: Path, members: dict[str, bytes]) -> Path:
    for name, data in members.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_bytes(data)
    return path


def _by_title(source: ImportSource) -> dict[str, ImportedNote]:
    return {note.title: note for note in source.notes}


def _reason(error: pytest.ExceptionInfo[AppImportError]) -> str:
    reason = str(error.value.context["reason"])
    assert reason in REASONS
    return reason


@pytest.fixture(params=["jex", "raw"])
def exported(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    if request.param == "jex":
        return write_tar(tmp_path / "export.jex", export())
    return write_folder(tmp_path / "raw", export())


def test_notes_notebooks_and_tags(exported: Path) -> None:
    with joplin.read([exported]) as source:
        notes = _by_title(source)
        assert source.chosen == [exported]
        assert set(notes) == {
            "会议记录", "Links", "Buy milk", "Paris", "Tricky", "Web", "Draft (conflict)",
            "Lost file", "Call back",
        }  # fmt: skip
        minutes = notes["会议记录"]
        assert minutes.notebook == "工作 / 项目"
        assert minutes.tags == ("重要", "work")
        assert minutes.source_id == _id(10)
        assert minutes.created_at == datetime(2023, 1, 5, 10, 20, 30, 123000, tzinfo=UTC)
        assert minutes.updated_at == datetime(2023, 1, 6, 11, 0, tzinfo=UTC)
        assert notes["Links"].notebook == "Personal"
        assert notes["Buy milk"].tags == ("work",)


def test_resources_are_attached_and_named_in_the_body(exported: Path) -> None:
    with joplin.read([exported]) as source:
        minutes = _by_title(source)["会议记录"]
        assert minutes.body == "见图：\n\n![](照片.png)\n\n[报告](<report 1.pdf>)"
        picture, pdf = minutes.attachments
        assert (picture.name, picture.mime, picture.size) == ("照片.png", "image/png", len(PNG))
        assert (pdf.name, pdf.mime) == ("report 1.pdf", "application/pdf")
        with picture.open() as stream:
            assert stream.read() == PNG
        with pdf.open() as stream:
            assert stream.read() == PDF


def test_links_todos_html_and_bodies_with_property_lines(exported: Path) -> None:
    with joplin.read([exported]) as source:
        notes = _by_title(source)
        assert notes["Links"].body == "See the minutes [会议记录] and [会议记录]."
        assert notes["Buy milk"].body == "- [x] Buy milk\n\ntwo litres"
        assert notes["Call back"].body == "- [ ] Call back (due 2023-02-01 12:30 UTC)"
        # A body's own "key: value" lines stay in the body, as Joplin reads them.
        assert notes["Tricky"].body == "id: 00000000000000000000000000000099\ntype_: 2"
        web = notes["Web"]
        assert web.body == '```html\n<p>Hi <img src="照片.png"/></p>\n```'
        assert [a.name for a in web.attachments] == ["照片.png"]


def test_left_out_items_are_reported(exported: Path) -> None:
    with joplin.read([exported]) as source:
        dropped = set(source.dropped)
        assert Dropped("encrypted-section", _id(14)) in dropped
        assert Dropped("trashed", "Gone") in dropped
        assert Dropped("trashed", "In the trashed notebook") in dropped
        assert Dropped("location", "Paris") in dropped
        assert Dropped("missing-attachment", "scan.jpg") in dropped
        assert Dropped("unsupported-item", _id(80)) in dropped
        assert len(source.dropped) == 6  # the setting is not user content
        assert "48.8566" not in _by_title(source)["Paris"].body
        assert _by_title(source)["Lost file"].attachments == []


def test_locations_are_kept_when_asked(exported: Path) -> None:
    with joplin.read([exported], keep_locations=True) as source:
        assert _by_title(source)["Paris"].body == "Nice trip\n\nLocation: 48.8566, 2.3522, 35 m"
        assert all(drop.kind != "location" for drop in source.dropped)


def test_attachments_fail_once_the_source_is_closed(tmp_path: Path) -> None:
    source = joplin.read([write_tar(tmp_path / "e.jex", export())])
    attachment = _by_title(source)["会议记录"].attachments[0]
    source.close()
    with pytest.raises((AppImportError, ValueError, OSError)):
        attachment.open().read()


def test_progress_is_reported_and_cancel_stops(tmp_path: Path) -> None:
    path = write_tar(tmp_path / "e.jex", export())
    seen: list[float] = []
    joplin.read([path], progress=lambda f: seen.append(f) or True).close()
    assert seen and all(0.0 <= f <= 1.0 for f in seen)
    with pytest.raises(CancelledError):
        joplin.read([path], progress=lambda _f: False)


# Hostile and broken exports: AppImportError only, naming the file and the item.


def test_a_truncated_jex_is_refused(tmp_path: Path) -> None:
    whole = write_tar(tmp_path / "e.jex", export()).read_bytes()
    for cut in range(0, len(whole), 97):
        (tmp_path / "cut.jex").write_bytes(whole[:cut])
        try:
            joplin.read([tmp_path / "cut.jex"]).close()
        except AppImportError as error:
            assert error.context["reason"] in REASONS
            assert error.context["source"] == "joplin"
            assert error.context.get("file")


def test_flipped_bytes_raise_only_the_import_error(tmp_path: Path) -> None:
    whole = bytearray(write_tar(tmp_path / "e.jex", export()).read_bytes())
    for offset in range(3, len(whole), 131):
        broken = bytearray(whole)
        broken[offset] ^= 0xA5
        (tmp_path / "x.jex").write_bytes(bytes(broken))
        try:
            with joplin.read([tmp_path / "x.jex"]) as source:
                for imported in source.notes:
                    for attachment in imported.attachments:
                        with attachment.open() as stream:
                            stream.read()
        except AppImportError as error:
            assert error.context["reason"] in REASONS


def test_a_bad_date_names_the_note(tmp_path: Path) -> None:
    members = {f"{_id(1)}.md": note(1, "Plans", "x", user_created_time="yesterday")}
    with pytest.raises(AppImportError) as error:
        joplin.read([write_folder(tmp_path / "raw", members)])
    assert _reason(error) == "bad-date"
    assert error.value.context["item"] == "Plans"
    assert error.value.context["file"] == f"{_id(1)}.md"


def test_text_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    members = {f"{_id(1)}.md": note(1, "Plans", "x").replace(b"Plans", b"Pl\xffns")}
    with pytest.raises(AppImportError) as error:
        joplin.read([write_tar(tmp_path / "e.jex", members)])
    assert _reason(error) == "not-utf8"
    assert error.value.context["file"] == f"{_id(1)}.md"


def test_a_malformed_property_block_is_refused(tmp_path: Path) -> None:
    members = {f"{_id(1)}.md": note(1, "Plans", "x") + b"\nthis line is no property"}
    with pytest.raises(AppImportError) as error:
        joplin.read([write_folder(tmp_path / "raw", members)])
    assert _reason(error) == "damaged"
    assert error.value.context["item"] == _id(1)


@pytest.mark.parametrize(
    ("props", "reason"),
    [({"type_": "note"}, "bad-field"), ({"latitude": "north"}, "bad-field")],
)
def test_fields_of_the_wrong_type_are_refused(
    tmp_path: Path, props: dict[str, str], reason: str
) -> None:
    data = note(1, "Plans", "x", **props)
    with pytest.raises(AppImportError) as error:
        joplin.read([write_folder(tmp_path / "raw", {f"{_id(1)}.md": data})])
    assert _reason(error) == reason


def test_a_folder_of_other_markdown_is_not_a_joplin_export(tmp_path: Path) -> None:
    for members in ({"readme.md": b"# Hello\n\nworld"}, {"photo.png": PNG}):
        with pytest.raises(AppImportError) as error:
            joplin.read([write_folder(tmp_path / "other", members)])
        assert _reason(error) == "not-this-format"


def test_a_long_single_line_is_refused_before_it_is_read(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / f"{_id(1)}.md").write_bytes(b"x" * (100 << 20))
    with pytest.raises(AppImportError) as error:
        joplin.read([raw], limits=Limits(max_text_bytes=1 << 20))
    assert _reason(error) == "too-large"
    assert error.value.context["file"] == f"{_id(1)}.md"


def test_notebooks_inside_each_other_are_refused(tmp_path: Path) -> None:
    members = {
        f"{_id(1)}.md": folder(1, "A", parent=2),
        f"{_id(2)}.md": folder(2, "B", parent=1),
        f"{_id(3)}.md": note(3, "Lost", "x", parent=1),
    }
    with pytest.raises(AppImportError) as error:
        joplin.read([write_folder(tmp_path / "raw", members)])
    assert _reason(error) == "cycle"
    assert error.value.context["item"] in ("A", "B")


def test_notebooks_deeper_than_the_limit_are_refused(tmp_path: Path) -> None:
    members = {f"{_id(n)}.md": folder(n, f"F{n}", parent=n - 1) for n in range(1, 80)}
    members[f"{_id(100)}.md"] = note(100, "Deep", "x", parent=79)
    with pytest.raises(AppImportError) as error:
        joplin.read([write_folder(tmp_path / "raw", members)])
    assert _reason(error) == "too-deep"


def test_a_hostile_body_of_brackets_is_read_in_linear_time(tmp_path: Path) -> None:
    body = "[" * 200_000 + "](" * 200_000 + f":/{_id(2)}" * 10_000
    members = {f"{_id(1)}.md": note(1, "Brackets", body)}
    started = time.monotonic()
    with joplin.read([write_folder(tmp_path / "raw", members)]) as source:
        assert source.notes[0].body == body
    assert time.monotonic() - started < 5


def test_fifty_thousand_items_are_read_in_linear_time(tmp_path: Path) -> None:
    members = {f"{_id(1)}.md": folder(1, "Many")}
    for n in range(2, 50_001):
        members[f"{_id(n)}.md"] = note(n, f"n{n}", "x", parent=1)
    path = write_tar(tmp_path / "many.jex", members)
    started = time.monotonic()
    with joplin.read([path]) as source:
        assert len(source.notes) == 49_999
    # Loose: a quadratic reader would take minutes here.
    assert time.monotonic() - started < 60


def test_an_item_is_read_from_its_end_as_joplin_reads_it() -> None:
    ident = _id(7)
    props = f"id: {ident}\nauthor: a\\nb\\\\n\ntype_: 1\n"
    text = f"Title\n\nbody\n\nmore\nkey: not a property\n\n{props}"
    parsed = parse_item(text, ident)
    assert (parsed.id, parsed.type, parsed.title) == (ident, 1, "Title")
    assert parsed.body == "body\n\nmore\nkey: not a property"
    assert parsed.props["author"] == "a\nb\\n"  # escaped line breaks, and an escaped "\n"
    assert parse_item(f"Only a title\n\nid: {ident}\ntype_: 2", ident).body == ""
    assert parse_item(f"\n\nid: {ident}\ntype_: 5", ident).title == ""
    assert parse_item(f"id: {ident}\ntype_: 6", ident).title == ""
    for broken, reason in (
        ("Title\n\nbody", "damaged"),
        (f"id: {ident}", "not-this-format"),
        ("id: nope\ntype_: 1", "bad-field"),
        (f"id: {ident}\nTYPE: 1\ntype_: 1", "damaged"),
    ):
        with pytest.raises(ItemError) as error:
            parse_item(broken, ident)
        assert error.value.reason == reason


def test_a_linked_resource_in_a_raw_folder_is_reported_never_read(tmp_path: Path) -> None:
    members = export()
    del members[f"resources/{_id(50)}.png"]
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not for the vault")
    raw = write_folder(tmp_path / "raw", members)
    (raw / "resources" / f"{_id(50)}.png").symlink_to(secret)
    with joplin.read([raw]) as source:
        assert Dropped("link", f"resources/{_id(50)}.png") in source.dropped
        assert Dropped("missing-attachment", "照片.png") in source.dropped
        assert [a.name for a in _by_title(source)["会议记录"].attachments] == ["report 1.pdf"]


def test_several_exports_at_once_and_notes_without_their_notebook(tmp_path: Path) -> None:
    first = {
        f"{_id(1)}.md": note(1, "Orphan", f"![](:/{_id(2)})", parent=99),
        f"{_id(2)}.md": resource(2, "Resource 1", "image/jpeg", "jpg", 3),
        f"resources/{_id(2)}.jpg": b"jpg",
    }
    second = {f"{_id(3)}.md": folder(3, "Inbox"), f"{_id(4)}.md": note(4, "Later", parent=3)}
    paths = [write_tar(tmp_path / "a.jex", first), write_folder(tmp_path / "b", second)]
    with joplin.read(paths) as source:
        assert source.chosen == paths
        notes = _by_title(source)
        assert notes["Orphan"].notebook is None
        assert notes["Orphan"].body == "![](<Resource 1.jpg>)"
        assert [a.name for a in notes["Orphan"].attachments] == ["Resource 1.jpg"]
        assert (notes["Later"].notebook, notes["Later"].body) == ("Inbox", "")


def test_two_hundred_nested_notebooks_are_refused_whatever_note_comes_first(
    tmp_path: Path,
) -> None:
    members = {f"{_id(n)}.md": folder(n, f"F{n}", parent=n - 1) for n in range(1, 201)}
    # Each note's chain that is not yet named is shorter than the limit on its own.
    for n, depth in enumerate((40, 80, 120, 160, 200), start=1001):
        members[f"{_id(n)}.md"] = note(n, f"At {depth}", "x", parent=depth)
    with pytest.raises(AppImportError) as error:
        joplin.read([write_folder(tmp_path / "raw", members)])
    assert _reason(error) == "too-deep"
    assert error.value.context["item"] == "F65"


def test_a_notebook_name_past_the_cap_is_refused_and_one_within_is_kept(tmp_path: Path) -> None:
    long = "L" * 1500
    members = {f"{_id(n)}.md": folder(n, long, parent=n - 1) for n in range(1, 4)}
    members[f"{_id(100)}.md"] = note(100, "Near", "x", parent=2)
    with joplin.read([write_folder(tmp_path / "ok", members)]) as source:
        assert source.notes[0].notebook == f"{long} / {long}"
    members[f"{_id(101)}.md"] = note(101, "Deep", "x", parent=3)
    with pytest.raises(AppImportError) as error:
        joplin.read([write_folder(tmp_path / "raw", members)])
    assert _reason(error) == "name-too-long"


def test_a_slash_in_a_notebook_title_is_not_a_level(tmp_path: Path) -> None:
    members = {
        f"{_id(1)}.md": folder(1, "A / B"),
        f"{_id(2)}.md": folder(2, "A"),
        f"{_id(3)}.md": folder(3, "B", parent=2),
        f"{_id(4)}.md": folder(4, "A /"),
        f"{_id(5)}.md": folder(5, "/ B", parent=2),
        f"{_id(6)}.md": folder(6, "B", parent=4),
    }
    for n, parent in enumerate((1, 3, 5, 6), start=11):
        members[f"{_id(n)}.md"] = note(n, f"N{n}", "x", parent=parent)
    with joplin.read([write_folder(tmp_path / "raw", members)]) as source:
        books = {note.title: note.notebook for note in source.notes}
    assert books == {
        "N11": "A \u2215 B",
        "N12": "A / B",
        "N13": "A / \u2215 B",
        "N14": "A \u2215 / B",
    }


HOSTILE_NAMES = [
    "my file (1).png",
    "a]b) [c](d.png",
    "line\nbreak.png",
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie).png",
    "<img src=x onerror=alert(1)>.png",
    "tab\there>.png",
    "back\\tick`*_.png",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_hostile_resource_name_is_a_safe_link_target(tmp_path: Path, name: str) -> None:
    from markdown_it import MarkdownIt

    members = {
        f"{_id(1)}.md": note(1, "Doc", f"see [file](:/{_id(2)}) and ![](:/{_id(2)}) or :/{_id(2)}"),
        f"{_id(2)}.md": item(
            4,
            _id(2),
            "r",
            mime="image/png",
            filename=name.replace("\n", "\\n"),
            file_extension="png",
            size=3,
        ),
        f"resources/{_id(2)}.png": b"png",
    }
    with joplin.read([write_folder(tmp_path / "raw", members)]) as source:
        body = source.notes[0].body
        shown = source.notes[0].attachments[0].name
    tokens = MarkdownIt("commonmark").parseInline(body)[0].children or []
    links = [t for t in tokens if t.type in ("link_open", "image")]
    assert len(links) == 2, body  # the two links stay two links, nothing more
    for link in links:
        target = str(link.attrGet("href") or link.attrGet("src"))
        assert ":" not in target.split("/", 1)[0], target  # no scheme
        assert target.startswith("./") or "javascript" not in target.lower()
    assert [t.type for t in tokens].count("html_inline") == 0
    assert tokens[-1].type == "text" and tokens[-1].content.endswith(shown), body
