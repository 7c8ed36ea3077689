"""Reading Evernote exports: ENML to Markdown, resources by MD5, and hostile XML refused."""

from __future__ import annotations

import base64
import hashlib
import os
import subprocess
import sys
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from hushnote.core.importers import enex
from hushnote.core.importers.model import Dropped, Limits
from hushnote.errors import AppImportError, CancelledError
from unit.core.importers.timing import assert_linear

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
PDF = b"%PDF-1.4\n%%EOF\n"
ENML_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<!DOCTYPE en-note SYSTEM "http://xml.evernote.com/pub/enml2.dtd">'
)


def _resource(data: bytes, mime: str, name: str | None = None) -> str:
    encoded = base64.encodebytes(data).decode()
    attrs = f"<resource-attributes><file-name>{name}</file-name></resource-attributes>"
    return (
        f'<resource><data encoding="base64">{encoded}</data><mime>{mime}</mime>'
        f"{attrs if name else ''}</resource>"
    )


def _note(
    title: str,
    enml: str,
    *,
    created: str = "20230105T102030Z",
    extra: str = "",
    raw_content: str | None = None,
) -> str:
    content = raw_content if raw_content is not None else f"{ENML_HEAD}<en-note>{enml}</en-note>"
    return (
        f"<note><title>{title}</title><content><![CDATA[{content}]]></content>"
        f"<created>{created}</created><updated>20230106T000000Z</updated>{extra}</note>"
    )


def _enex(path: Path, *notes: str) -> Path:
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE en-export SYSTEM "http://xml.evernote.com/pub/evernote-export3.dtd">\n'
        '<en-export export-date="20230107T000000Z" application="Evernote" version="10">'
        + "".join(notes)
        + "</en-export>",
        encoding="utf-8",
    )
    return path


def _reason(error: pytest.ExceptionInfo[AppImportError]) -> str:
    return str(error.value.context["reason"])


def test_formatting_becomes_markdown(tmp_path: Path) -> None:
    enml = (
        "<h1>Plan</h1><div><b>bold</b> and <i>it</i> and <s>gone</s> and <u>under</u></div>"
        '<p>See <a href="https://example.org/a b">the site</a><br/>next line</p>'
        "<ul><li>one</li><li>two<ol><li>inner</li></ol></li></ul>"
        '<div><en-todo checked="true"/>done it</div><div><en-todo/>to do</div>'
        "<blockquote><div>quoted</div></blockquote><blockquote><p>a</p><p>b</p></blockquote>"
        "<pre>x = 1\ny = *2*</pre><hr/>"
        "<div>a &nbsp;<code>c</code> 1*2</div>"
    )
    source = enex.read([_enex(tmp_path / "Work.enex", _note("Formatted", enml))])
    note = source.notes[0]
    assert note.title == "Formatted"
    assert note.notebook == "Work"
    body = note.body
    assert body.startswith("# Plan\n\n**bold** and *it* and ~~gone~~ and under")
    assert "[the site](https://example.org/a%20b)\nnext line" in body
    assert "- one\n- two\n  1. inner" in body
    assert "- [x] done it\n- [ ] to do" in body
    assert "> quoted" in body
    assert "> a\n>\n> b" in body
    assert "```\nx = 1\ny = *2*\n```" in body
    assert "---" in body
    assert "`c` 1\\*2" in body
    assert (
        note.created_at is not None and note.created_at.isoformat() == "2023-01-05T10:20:30+00:00"
    )


def test_tables_tags_and_chinese_text(tmp_path: Path) -> None:
    enml = (
        "<div>会议记录：明天见。</div><table><tr><th>名字</th><th>电话</th></tr>"
        "<tr><td>张三</td><td>a|b</td></tr><tr><td>李四</td></tr></table>"
    )
    note_xml = _note("中文笔记", enml, extra="<tag>抗议</tag><tag>legal</tag><tag>legal</tag>")
    source = enex.read([_enex(tmp_path / "笔记本.enex", note_xml)])
    note = source.notes[0]
    assert note.notebook == "笔记本"
    assert note.title == "中文笔记"
    assert note.tags == ("抗议", "legal")
    assert "会议记录：明天见。" in note.body
    assert "| 名字 | 电话 |\n| --- | --- |\n| 张三 | a\\|b |\n| 李四 |" in note.body


def test_resources_are_matched_by_md5(tmp_path: Path) -> None:
    png_md5 = hashlib.md5(PNG, usedforsecurity=False).hexdigest()
    pdf_md5 = hashlib.md5(PDF, usedforsecurity=False).hexdigest()
    enml = (
        f'<div>photo:</div><en-media type="image/png" hash="{png_md5}"/>'
        f'<div>doc <en-media type="application/pdf" hash="{pdf_md5.upper()}"/></div>'
    )
    extra = _resource(PNG, "image/png", "march map.png") + _resource(PDF, "application/pdf")
    source = enex.read([_enex(tmp_path / "a.enex", _note("Files", enml, extra=extra))])
    note = source.notes[0]
    assert [(a.name, a.mime, a.size) for a in note.attachments] == [
        ("march map.png", "image/png", len(PNG)),
        ("attachment.pdf", "application/pdf", len(PDF)),
    ]
    assert note.attachments[0].open().read() == PNG
    assert note.attachments[1].open().read() == PDF
    assert "![march map.png](<march map.png>)" in note.body
    assert "doc [attachment.pdf](attachment.pdf)" in note.body
    assert source.dropped == []


def test_unknown_media_hash_and_encrypted_text_are_reported(tmp_path: Path) -> None:
    enml = (
        '<div>before</div><en-media type="image/png" hash="00000000000000000000000000000000"/>'
        '<en-crypt hint="pw" cipher="AES" length="128">c2VjcmV0</en-crypt><div>after</div>'
    )
    source = enex.read([_enex(tmp_path / "a.enex", _note("Secret", enml))])
    assert source.notes[0].body == "before\n\n[encrypted text not imported]\n\nafter"
    assert set(source.dropped) == {
        Dropped("missing-attachment", "Secret"),
        Dropped("encrypted-section", "Secret"),
    }


def test_location_dropped_unless_kept(tmp_path: Path) -> None:
    attrs = (
        "<note-attributes><latitude>52.52</latitude><longitude>13.405</longitude>"
        "<altitude>34</altitude><author>x</author></note-attributes>"
    )
    path = _enex(tmp_path / "a.enex", _note("Here", "<div>hi</div>", extra=attrs))
    dropped = enex.read([path])
    assert dropped.notes[0].body == "hi"
    assert dropped.dropped == [Dropped("location", "Here")]
    kept = enex.read([path], keep_locations=True)
    assert kept.notes[0].body == "hi\n\nLocation: 52.520000, 13.405000"
    assert kept.dropped == []


@pytest.mark.parametrize("latitude", ["nan", "inf", "-inf", "1e999", "north"])
def test_a_kept_location_that_is_no_number_is_a_bad_field(tmp_path: Path, latitude: str) -> None:
    attrs = (
        f"<note-attributes><latitude>{latitude}</latitude>"
        "<longitude>1</longitude></note-attributes>"
    )
    path = _enex(tmp_path / "a.enex", _note("Here", "<div>hi</div>", extra=attrs))
    with pytest.raises(AppImportError) as error:
        enex.read([path], keep_locations=True)
    assert _reason(error) == "bad-field"


def test_ids_are_stable_and_several_files_are_several_notebooks(tmp_path: Path) -> None:
    one = _enex(tmp_path / "One.enex", _note("A", "<div>a</div>"), _note("B", "<div>b</div>"))
    two = _enex(tmp_path / "Two.enex", _note("A", "<div>a</div>"))
    first = enex.read([one, two])
    again = enex.read([one, two])
    ids = [note.source_id for note in first.notes]
    assert ids == [note.source_id for note in again.notes]
    assert len(set(ids)) == 3
    assert [note.notebook for note in first.notes] == ["One", "One", "Two"]
    assert first.chosen == [one, two]


def _expect(path: Path, reasons: set[str], limits: Limits | None = None) -> None:
    with pytest.raises(AppImportError) as error:
        enex.read([path], limits=limits or Limits())
    assert _reason(error) in reasons


LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)


def test_billion_laughs_is_refused_outside_and_inside(tmp_path: Path) -> None:
    outer = tmp_path / "outer.enex"
    outer.write_text(f"<?xml version='1.0'?>{LAUGHS}<en-export><note><title>&lol3;</title>"
                     "</note></en-export>")  # fmt: skip
    _expect(outer, {"xml-entity"})
    inner = _enex(
        tmp_path / "inner.enex",
        _note("x", "", raw_content=f"<?xml version='1.0'?>{LAUGHS}<en-note>&lol3;</en-note>"),
    )
    _expect(inner, {"xml-entity"})


def test_external_entities_are_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("CANARY-SECRET")
    xxe = f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    outer = tmp_path / "outer.enex"
    outer.write_text(
        f"<?xml version='1.0'?>{xxe}<en-export><note><title>&xxe;</title></note></en-export>"
    )
    _expect(outer, {"xml-entity"})
    passwd = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    for dtd in (xxe, passwd, f'<!DOCTYPE en-note SYSTEM "file://{secret}">'):
        inner = _enex(
            tmp_path / "inner.enex",
            _note("x", "", raw_content=f"<?xml version='1.0'?>{dtd}<en-note>&xxe;</en-note>"),
        )
        try:
            source = enex.read([inner])
        except AppImportError as error:
            assert error.context["reason"] in {"xml-entity", "bad-xml"}
        else:  # a DOCTYPE naming only a DTD is cut out; its contents are never read
            assert "CANARY" not in source.notes[0].body
    # Read once more with every file Python opens recorded: the secret file is not one.
    opened: list[str] = []
    _WATCHING.append(opened)
    try:
        _expect(outer, {"xml-entity"})
        enex.read([inner], limits=Limits())
    except AppImportError:
        pass
    finally:
        _WATCHING.remove(opened)
    assert any(path.endswith("inner.enex") for path in opened)
    assert not any("secret" in path or "passwd" in path for path in opened)


# An audit hook cannot be removed: it records only while a test is watching.
_WATCHING: list[list[str]] = []


def _record_open(event: str, args: tuple[object, ...]) -> None:
    if event == "open" and _WATCHING and isinstance(args[0], str | Path):
        _WATCHING[-1].append(str(args[0]))


sys.addaudithook(_record_open)


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    deep = "<div>" * 10_000 + "x" + "</div>" * 10_000
    _expect(_enex(tmp_path / "a.enex", _note("Deep", deep)), {"too-deep"})
    outer = tmp_path / "outer.enex"
    outer.write_text("<en-export>" + "<a>" * 10_000 + "</a>" * 10_000 + "</en-export>")
    _expect(outer, {"too-deep"})


def test_broken_inputs(tmp_path: Path) -> None:
    full = _enex(tmp_path / "full.enex", _note("A", "<div>a</div>"))
    cut = tmp_path / "cut.enex"
    cut.write_bytes(full.read_bytes()[:150])
    _expect(cut, {"bad-xml"})
    _expect(_enex(tmp_path / "enml.enex", _note("A", "<div>a</b>")), {"bad-xml"})
    bad64 = (
        '<resource><data encoding="base64">!!!not base64@@</data><mime>image/png</mime></resource>'
    )
    _expect(_enex(tmp_path / "b64.enex", _note("A", "", extra=bad64)), {"bad-base64"})
    _expect(_enex(tmp_path / "date.enex", _note("A", "", created="yesterday")), {"bad-date"})
    other = tmp_path / "other.enex"
    other.write_text("<html><body/></html>")
    _expect(other, {"not-this-format"})
    binary = tmp_path / "bin.enex"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    _expect(binary, {"bad-xml"})
    _expect(tmp_path / "absent.enex", {"not-found"})


def test_large_text_node_is_fine_and_an_over_cap_one_is_too_large(tmp_path: Path) -> None:
    text = "字" * (1 << 20)  # 3 MB of UTF-8 in one text node
    path = _enex(tmp_path / "big.enex", _note("Big", f"<div>{text}</div>"))
    assert enex.read([path]).notes[0].body == text
    small = Limits(max_text_bytes=1 << 20, max_file_bytes=1 << 20)
    _expect(path, {"too-large"}, small)
    blob = _resource(b"x" * (2 << 20), "application/octet-stream")
    _expect(_enex(tmp_path / "blob.enex", _note("Blob", "", extra=blob)), {"too-large"}, small)


def test_cancel_stops_reading(tmp_path: Path) -> None:
    notes = [_note(f"n{i}", "<div>x</div>") for i in range(3000)]
    path = _enex(tmp_path / "many.enex", *notes)
    with pytest.raises(CancelledError):
        enex.read([path], progress=lambda _fraction: False)


@pytest.mark.slow
def test_twenty_thousand_notes_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "many.enex"
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0"?><en-export>')
        for i in range(20_000):
            out.write(_note(f"Note {i}", "<div>" + "word " * 40 + "</div>"))
        out.write("</en-export>")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        source = enex.read([path])
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(source.notes) == 20_000
    # What is kept is the notes themselves, not the XML tree: reading adds a few
    # megabytes on top of them, whatever the file's size.
    assert kept < size * 2
    assert peak - kept < 4 << 20


def test_a_folder_or_zip_of_exports_is_several_notebooks(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    _enex(folder / "Home.enex", _note("A", "<div>a</div>"))
    _enex(folder / "Legal.enex", _note("B", "<div>b</div>"))
    (folder / "readme.txt").write_text("not an export")
    source = enex.read([folder])
    assert [(n.notebook, n.title) for n in source.notes] == [("Home", "A"), ("Legal", "B")]
    archive = tmp_path / "exports.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for name in ("Home.enex", "Legal.enex"):
            out.write(folder / name, f"all/{name}")
        out.write(folder / "Home.enex", "other/Home.enex")
    zipped = enex.read([archive])
    ids = [n.source_id for n in zipped.notes]
    assert ids[:2] == [n.source_id for n in source.notes]
    assert len(set(ids)) == 3
    assert [n.notebook for n in zipped.notes] == ["Home", "Legal", "Home"]


def test_a_fifo_or_link_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.enex"
    os.mkfifo(fifo)
    _expect(fifo, {"unreadable", "link"})
    target = _enex(tmp_path / "real.enex", _note("A", "<div>a</div>"))
    link = tmp_path / "link.enex"
    link.symlink_to(target)
    _expect(link, {"unreadable", "link"})


def test_too_many_elements_in_one_note(tmp_path: Path) -> None:
    many = "<tag>x</tag>" * 2_000
    path = _enex(tmp_path / "a.enex", _note("Tags", "", extra=many))
    _expect(path, {"too-many-entries"}, Limits(max_entries=1_000))


def test_base64_wrapped_across_chunks_and_cut_short(tmp_path: Path) -> None:
    data = bytes(range(256)) * 20_000  # 5 MB: decoded in several chunks
    md5 = hashlib.md5(data, usedforsecurity=False).hexdigest()
    media = f'<en-media type="application/octet-stream" hash="{md5}"/>'
    extra = _resource(data, "application/octet-stream", "blob.bin")
    source = enex.read([_enex(tmp_path / "a.enex", _note("Blob", media, extra=extra))])
    assert source.notes[0].attachments[0].open().read() == data
    assert source.dropped == []
    cut = '<resource><data encoding="base64">QUJD\nRA=</data></resource>'
    _expect(_enex(tmp_path / "b.enex", _note("Cut", "", extra=cut)), {"bad-base64"})


def test_many_resources_of_one_name_are_named_in_linear_time(tmp_path: Path) -> None:
    def make(size: int) -> Callable[[], object]:
        resources = "".join(
            _resource(PDF + n.to_bytes(4, "big"), "image/png", "image.png") for n in range(size)
        )
        path = _enex(tmp_path / f"many{size}.enex", _note("Many", "x", extra=resources))

        def work() -> None:
            with enex.read([path]) as source:
                names = [a.name for a in source.notes[0].attachments]
                assert names[:2] == ["image.png", "image (2).png"]
                assert len(set(names)) == size

        return work

    assert_linear(make, 1_500, bound=20)


_LEADING_BREAKS = """
import sys
from pathlib import Path
from hushnote.core.importers import enex
from unit.core.importers.test_enex import _enex, _note
from unit.core.importers.timing import assert_linear

def make(size):
    path = _enex(Path(sys.argv[1]) / f"breaks{size}.enex", _note("Blank", "<br/>" * size + "x"))

    def work():
        with enex.read([path]) as source:
            assert source.notes[0].body.strip() == "x"

    return work

assert_linear(make, 100_000, bound=20)
"""


def test_leading_blank_lines_are_dropped_in_linear_time(tmp_path: Path) -> None:
    # They were dropped from the front of the list one at a time. Measured in a fresh
    # interpreter: late in a full run, this process's own state (a heap of every earlier
    # test's objects) made 4x the input take 12.6x as long, where alone it takes 4.5x.
    paths = [str(Path(__file__).resolve().parents[3]), os.environ.get("PYTHONPATH", "")]
    result = subprocess.run(
        [sys.executable, "-c", _LEADING_BREAKS, str(tmp_path)],
        capture_output=True, text=True, check=False, timeout=120,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(path for path in paths if path)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]


def test_quotes_and_lists_deeper_than_eight_keep_their_text_flat(tmp_path: Path) -> None:
    # Each level prefixes every line inside it again: past eight, the text goes in flat,
    # so a 1 MB note 62 quotes deep no longer takes seven times a flat one.
    quotes = "".join(f"<blockquote>q{n}" for n in range(12)) + "</blockquote>" * 12
    lists = "".join(f"<ul><li>l{n}" for n in range(12)) + "</li></ul>" * 12
    path = _enex(tmp_path / "deep.enex", _note("Deep", quotes + lists))
    with enex.read([path]) as source:
        body = source.notes[0].body
    assert "> " * 8 + "q11" in body and "> " * 9 not in body
    assert " " * 16 + "l11" in body and "- l7" in body and "- l8" not in body
    assert all(f"q{n}" in body and f"l{n}" in body for n in range(12))
