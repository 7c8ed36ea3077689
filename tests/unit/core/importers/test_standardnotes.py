"""Standard Notes backups: plain and zipped, tags, Super notes, encrypted 004, hostile files."""

from __future__ import annotations

import base64
import itertools
import json
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from hushnote.core.importers import standardnotes_crypto
from hushnote.core.importers.model import Dropped, Limits
from hushnote.core.importers.standardnotes import read
from hushnote.errors import AppImportError, CancelledError
from unit.core.importers.sn_builder import (
    backup,
    encrypt_item,
    encrypted_backup,
    note,
    root_key,
    tag,
)

DATA = Path(__file__).parents[3] / "data" / "importers" / "standardnotes"


def _reason(error: pytest.ExceptionInfo[AppImportError]) -> str:
    return str(error.value.context["reason"])


def _write(tmp_path: Path, data: bytes, name: str = "backup.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _super(*children: dict[str, Any]) -> str:
    return json.dumps({"root": {"type": "root", "children": list(children)}})


def _text(text: str, fmt: int = 0) -> dict[str, Any]:
    return {"type": "text", "text": text, "format": fmt}


def _nested(depth: int) -> str:
    return '{"root":' + '{"children":[' * depth + "]}" * depth + "}"


def _para(*children: dict[str, Any]) -> dict[str, Any]:
    return {"type": "paragraph", "children": list(children)}


def test_plain_backup_with_tags_nested_flags_and_chinese(tmp_path: Path) -> None:
    items = [
        note("n1", "会议记录", "明天 *见*", appData={"org.standardnotes.sn": {"pinned": True}}),
        note("n2", "Old", "x", archived=True),
        note("n3", "Gone", "y", trashed=True),
        tag("t1", "Work", ["n1"]),
        tag("t2", "法律", ["n1", "n2", "missing-note"], parent="t1"),
        {"uuid": "c1", "content_type": "SN|Component", "content": "anything"},
        {"uuid": "f1", "content_type": "SN|File", "content": {"name": "scan.pdf"}},
    ]
    with read([_write(tmp_path, backup(items))]) as source:
        notes = {n.source_id: n for n in source.notes}
        assert set(notes) == {"n1", "n2"}
        first = notes["n1"]
        assert first.title == "会议记录" and first.body == "明天 *见*"
        assert first.tags == ("Work", "Work/法律") and first.pinned and not first.archived
        assert first.notebook is None
        assert first.created_at is not None and first.created_at.utcoffset() is not None
        assert notes["n2"].archived and notes["n2"].tags == ("Work/法律",)
        assert Dropped("trashed", "Gone") in source.dropped
        assert Dropped("missing-attachment", "scan.pdf") in source.dropped


def test_zip_with_the_backup_file_and_note_text_files(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Items/Note/a.txt", "plain note text")
        archive.writestr("Standard Notes Backup and Import File.txt", backup([note("n1", "A")]))
    with read([path]) as source:
        assert [n.title for n in source.notes] == ["A"]


def test_a_super_note_becomes_markdown(tmp_path: Path) -> None:
    text = _super(
        {"type": "heading", "tag": "h2", "children": [_text("Plan")]},
        _para(_text("bold", 1), _text(" and "), _text("it", 2), _text(" "), _text("x()", 16)),
        _para(
            {"type": "link", "url": "https://example.org", "children": [_text("site")]},
            _text(" a*b"),
        ),
        {
            "type": "list",
            "listType": "check",
            "children": [
                {"type": "listitem", "checked": True, "children": [_text("done")]},
                {"type": "listitem", "checked": False, "children": [_text("todo")]},
            ],
        },
        {
            "type": "list",
            "listType": "number",
            "children": [
                {"type": "listitem", "children": [_text("one")]},
                {
                    "type": "listitem",
                    "children": [
                        {
                            "type": "list",
                            "listType": "bullet",
                            "children": [{"type": "listitem", "children": [_text("inner")]}],
                        }
                    ],
                },
                {"type": "listitem", "children": [_text("two")]},
            ],
        },
        {"type": "quote", "children": [_text("quoted")]},
        {"type": "code", "language": "python", "children": [_text("a = 1")]},
        {"type": "horizontalrule"},
        {"type": "mystery", "children": [_text("kept")]},
    )
    with read([_write(tmp_path, backup([note("n1", "S", text, noteType="super")]))]) as source:
        body = source.notes[0].body
    assert body == (
        "## Plan\n\n**bold** and *it* `x()`\n\n[site](https://example.org) a\\*b\n\n"
        "- [x] done\n- [ ] todo\n\n1. one\n   - inner\n2. two\n\n> quoted\n\n"
        "```python\na = 1\n```\n\n---\n\nkept\n"
    )


def test_the_kdf_matches_the_apps_own_vector() -> None:
    vector = json.loads((DATA / "kdf-vector-004.json").read_text())
    key = root_key(vector["password"], vector["identifier"], vector["pw_nonce"])
    assert key.hex() == vector["masterKey"]
    derived = standardnotes_crypto._derive(vector["password"], vector, lambda: None)
    assert derived.hex() == vector["masterKey"]


def test_encrypted_backup_right_wrong_and_no_passphrase(tmp_path: Path) -> None:
    items = [note("n1", "秘密", "hidden text"), tag("t1", "Legal", ["n1"])]
    path = _write(tmp_path, encrypted_backup(items, "correct horse"))
    with read([path], passphrase="correct horse") as source:
        assert [(n.title, n.body, n.tags) for n in source.notes] == [
            ("秘密", "hidden text", ("Legal",))
        ]
    with pytest.raises(AppImportError) as error:
        read([path], passphrase="wrong")
    assert _reason(error) == "wrong-passphrase"
    with pytest.raises(AppImportError) as error:
        read([path])
    assert _reason(error) == "passphrase-needed"


def test_a_tampered_item_is_damaged(tmp_path: Path) -> None:
    data = json.loads(encrypted_backup([note("n1", "A", "t")], "pw"))
    data["items"][1]["uuid"] = "other"  # the authenticated uuid no longer matches
    with pytest.raises(AppImportError) as error:
        read([_write(tmp_path, json.dumps(data).encode())], passphrase="pw")
    assert _reason(error) == "damaged"


def test_key_params_asking_for_4_gib_are_refused_before_hashing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = json.loads(encrypted_backup([note("n1", "A")], "pw"))
    data["keyParams"]["memory"] = 4 << 30
    monkeypatch.setattr(standardnotes_crypto, "hash_secret_raw", None)  # never reached
    with pytest.raises(AppImportError) as error:
        read([_write(tmp_path, json.dumps(data).encode())], passphrase="pw")
    assert _reason(error) == "unsupported-version"
    data["keyParams"] = {"version": "003", "identifier": "a", "pw_nonce": "b", "pw_cost": 1}
    with pytest.raises(AppImportError) as error:
        read([_write(tmp_path, json.dumps(data).encode())], passphrase="pw")
    assert _reason(error) == "unsupported-version"


@pytest.mark.parametrize(
    ("items", "reason"),
    [
        ([{"uuid": "n1", "content_type": "Note", "content": 7}], "bad-field"),
        ([{"uuid": "n1", "content_type": "Note", "content": ["x"]}], "bad-field"),
        (["not an item"], "bad-field"),
        ([note("n1", "A", 5)], "bad-field"),
        ([{**note("n1", "A"), "created_at": "yesterday"}], "bad-date"),
        ([note("n1", "S", "{not json", noteType="super")], "bad-json"),
        ([note("n1", "S", "[" * 200_000 + "]" * 200_000, noteType="super")], "too-deep"),
        (
            [
                note(
                    "n1",
                    "S",
                    '{"root":' + '{"children":[' * 300 + "]}" * 300 + "}",
                    noteType="super",
                )
            ],
            "too-deep",
        ),
    ],
)
def test_hostile_items_raise_only_app_import_errors(
    tmp_path: Path, items: list[Any], reason: str
) -> None:
    with pytest.raises(AppImportError) as error:
        read([_write(tmp_path, backup(items))])
    assert _reason(error) == reason


def test_a_huge_text_is_too_large_under_smaller_limits(tmp_path: Path) -> None:
    path = _write(tmp_path, backup([note("n1", "Big", "x" * 5000)]))
    with pytest.raises(AppImportError) as error:
        read([path], limits=Limits(max_text_bytes=1000))
    assert _reason(error) == "too-large"


def test_truncated_zip_and_broken_json(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Standard Notes Backup and Import File.txt", backup([note("n", "A")]))
    path.write_bytes(path.read_bytes()[:60])
    with pytest.raises(AppImportError) as error:
        read([path])
    assert _reason(error) == "damaged"
    with pytest.raises(AppImportError) as error:
        read([_write(tmp_path, backup([note("n", "A")])[:-5])])
    assert _reason(error) == "bad-json"
    with pytest.raises(AppImportError) as error:
        read([_write(tmp_path, b'{"no": "items"}')])
    assert _reason(error) == "not-this-format"


def test_tag_cycles_are_refused(tmp_path: Path) -> None:
    items = [tag("a", "A", [], parent="b"), tag("b", "B", [], parent="a")]
    with pytest.raises(AppImportError) as error:
        read([_write(tmp_path, backup(items))])
    assert _reason(error) == "bad-field"


def test_a_note_in_100000_tags_is_read_in_linear_time(tmp_path: Path) -> None:
    items = [note("n1", "Popular")] + [tag(f"t{i}", f"tag{i}", ["n1"]) for i in range(100_000)]
    path = _write(tmp_path, backup(items))
    started = time.monotonic()
    with read([path]) as source:
        assert len(source.notes[0].tags) == 100_000
    assert time.monotonic() - started < 20


def test_cancel_stops_the_read(tmp_path: Path) -> None:
    items = [note(f"n{i}", "x") for i in range(20_000)]
    path = _write(tmp_path, backup(items))
    with pytest.raises(CancelledError):
        read([path], progress=lambda _fraction: False)


def _set_part(value: str, index: int, part: str) -> str:
    parts = value.split(":")
    parts[index] = part
    return ":".join(parts)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda item: item.update(items_key_id="nowhere"), "missing-key"),
        (lambda item: item.update(content=_set_part(item["content"], 2, "AAAA")), "damaged"),
        (lambda item: item.update(content=_set_part(item["content"], 2, "*!")), "damaged"),
        (lambda item: item.update(content=_set_part(item["content"], 1, "zz")), "damaged"),
        (
            lambda item: item.update(content=_set_part(item["content"], 0, "005")),
            "unsupported-version",
        ),
        (lambda item: item.update(content="004:only:three"), "damaged"),
        (lambda item: item.update(enc_item_key=12), "bad-field"),
    ],
)
def test_broken_encrypted_items(tmp_path: Path, change: Any, reason: str) -> None:
    data = json.loads(encrypted_backup([note("n1", "A", "t")], "pw"))
    change(data["items"][1])
    with pytest.raises(AppImportError) as error:
        read([_write(tmp_path, json.dumps(data).encode())], passphrase="pw")
    assert _reason(error) == reason


def test_an_encrypted_backup_inside_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "backup.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "Standard Notes Backup and Import File.txt",
            encrypted_backup([note("n1", "Zipped", "z")], "pw"),
        )
    with read([path], passphrase="pw") as source:
        assert [n.title for n in source.notes] == ["Zipped"]


def test_odd_but_valid_values_are_kept(tmp_path: Path) -> None:
    raw = backup([note("n1", "A", "x"), tag("t", "", ["n1"])]).replace(b'"x"', b'"a\\ud800b"')
    with read([_write(tmp_path, raw)]) as source:
        assert source.notes[0].body.startswith("a") and source.notes[0].tags == ("untitled",)
        source.notes[0].body.encode("utf-8")


def test_mangled_plain_backups_raise_only_app_import_errors(tmp_path: Path) -> None:
    import random

    base = backup(
        [
            note("n1", "A", _super(_para(_text("x", 3))), noteType="super"),
            tag("t1", "T", ["n1"]),
            tag("t2", "U", ["n1"], parent="t1"),
        ]
    )
    chooser = random.Random(7)
    for _ in range(400):
        data = bytearray(base)
        for _ in range(chooser.randint(1, 4)):
            data[chooser.randrange(len(data))] = chooser.choice(b'{}[]":,0a\\ ')
        path = _write(tmp_path, bytes(data))
        try:
            read([path]).close()
        except AppImportError:
            pass


def test_progress_goes_on_and_cancel_works_while_the_key_is_derived(tmp_path: Path) -> None:
    path = _write(tmp_path, encrypted_backup([note("n1", "A")], "pw"))
    calls: list[float] = []

    def progress(_fraction: float) -> bool:
        calls.append(time.monotonic())
        return True

    read([path], passphrase="pw", progress=progress).close()
    gaps = [later - earlier for earlier, later in itertools.pairwise(calls)]
    assert len(calls) >= 3 and max(gaps) < 0.5

    def cancel_soon(_fraction: float) -> bool:
        calls.append(time.monotonic())
        return len(calls) < 2

    calls.clear()
    started = time.monotonic()
    with pytest.raises(CancelledError):
        read([path], passphrase="pw", progress=cancel_soon)
    assert time.monotonic() - started < 1.0


def test_a_nested_tag_name_past_the_cap_is_refused(tmp_path: Path) -> None:
    long = "t" * 1500
    items = [note("n1", "N"), tag("a", long, []), tag("b", long, [], parent="a")]
    with read([_write(tmp_path, backup(items))]) as source:
        assert source.notes[0].title == "N"
    items.append(tag("c", long, ["n1"], parent="b"))
    with pytest.raises(AppImportError) as error:
        read([_write(tmp_path, backup(items), "deep.txt")])
    assert _reason(error) == "name-too-long"


def _with_a_second_items_key_first(data: dict[str, Any], password: str) -> dict[str, Any]:
    """The backup with another items key before its own, encrypted with the same root key."""
    params = data["keyParams"]
    master = root_key(password, params["identifier"], params["pw_nonce"])
    other = {
        "uuid": "ik-0",
        "content_type": "SN|ItemsKey",
        "content": {"itemsKey": "ab" * 32, "version": "004", "isDefault": False},
    }
    data["items"].insert(0, encrypt_item(other, master, {"kp": params}))
    return data


def _flip(encrypted: str) -> str:
    """The string with one bit of its ciphertext changed (same length)."""
    parts = encrypted.split(":")
    raw = bytearray(base64.b64decode(parts[2]))
    raw[0] ^= 1
    parts[2] = base64.b64encode(bytes(raw)).decode()
    return ":".join(parts)


def test_a_damaged_items_key_is_damaged_when_the_passphrase_opens_another(
    tmp_path: Path,
) -> None:
    data = _with_a_second_items_key_first(
        json.loads(encrypted_backup([note("n1", "A", "t")], "pw")), "pw"
    )
    data["items"][0]["enc_item_key"] = _flip(data["items"][0]["enc_item_key"])
    path = _write(tmp_path, json.dumps(data).encode())
    with read([path], passphrase="pw") as source:  # no note needs the damaged key
        assert [n.title for n in source.notes] == ["A"]
    data["items"][2]["items_key_id"] = "ik-0"  # now the note needs it
    with pytest.raises(AppImportError) as error:
        read([_write(tmp_path, json.dumps(data).encode(), "needs.txt")], passphrase="pw")
    assert (_reason(error), error.value.context["item"]) == ("damaged", "ik-0")
    with pytest.raises(AppImportError) as error:
        read([path], passphrase="wrong")
    assert _reason(error) == "wrong-passphrase"


def test_an_items_key_cut_short_or_malformed_is_damaged_not_a_wrong_passphrase(
    tmp_path: Path,
) -> None:
    data = json.loads(encrypted_backup([note("n1", "A", "t")], "pw"))
    key_item = data["items"][0]
    cut = dict(key_item, enc_item_key=_set_part(key_item["enc_item_key"], 2, "AAAA"))
    broken_content = dict(key_item, content=_flip(key_item["content"]))
    for changed in (cut, broken_content):
        data["items"][0] = changed
        with pytest.raises(AppImportError) as error:
            read([_write(tmp_path, json.dumps(data).encode())], passphrase="pw")
        assert (_reason(error), error.value.context["item"]) == ("damaged", "ik-1")


def test_plain_text_in_a_super_note_that_looks_like_markdown_stays_text(
    tmp_path: Path,
) -> None:
    text = _super(
        {"type": "heading", "tag": "h1", "children": [_text("Real heading")]},
        _para(_text("# not a heading")),
        _para(_text("  ## nor this")),
        _para(_text("* not a list")),
        _para(_text("- not a list"), {"type": "linebreak"}, _text("+ nor this")),
        _para(_text("[x](y)")),
        _para(_text("1. not numbered, 2) nor this")),
        _para(_text("> not a quote")),
        _para(_text("~~not struck~~ &amp; not an entity")),
        _para(_text("---")),
        _para(_text("bold", 1), _text(" # mid-line is fine")),
        {
            "type": "list",
            "listType": "bullet",
            "children": [{"type": "listitem", "children": [_text("# item text")]}],
        },
        _para({"type": "link", "url": "https://example.org", "children": [_text("a link")]}),
    )
    with read([_write(tmp_path, backup([note("n1", "S", text, noteType="super")]))]) as source:
        body = source.notes[0].body
    assert body.split("\n\n") == [
        "# Real heading",
        "\\# not a heading",
        "  \\## nor this",
        "\\* not a list",
        "\\- not a list\n\\+ nor this",
        "\\[x\\](y)",
        "1\\. not numbered, 2) nor this",
        "\\> not a quote",
        "\\~\\~not struck\\~\\~ \\&amp; not an entity",
        "\\---",
        "**bold** # mid-line is fine",
        "- \\# item text",
        "[a link](https://example.org)\n",
    ]
