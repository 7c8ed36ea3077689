"""Reading Day One JSON exports: journal days, media by identifier and MD5, locations."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from hushnote.core.importers import dayone
from hushnote.core.importers.file_names import UniqueNames
from hushnote.core.importers.model import Dropped, Limits
from hushnote.errors import AppImportError, CancelledError
from unit.core.importers.timing import assert_linear

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 60 + b"\xff\xd9"
PDF = b"%PDF-1.4\n%%EOF\n"
PHOTO_ID = "AD6F2A6EC10C41AEA35E94BAD169936D"
PDF_ID = "24BD79E9E42F4A4CA0C9F384F547B5BC"


def _md5(data: bytes) -> str:
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def _entry(**fields: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "uuid": "1546F37361264E129200B2CA6A885855",
        "creationDate": "2023-01-05T23:20:30Z",
        "modifiedDate": "2023-01-06T08:00:00Z",
        "timeZone": "Europe/Berlin",
        "text": "# Night walk\n\nCold \\- but clear\\.",
        "starred": False,
        "tags": ["walk", "夜"],
    }
    entry.update(fields)
    return entry


def _export(path: Path, journals: dict[str, list[dict[str, Any]]], media: dict[str, bytes]) -> Path:
    members = {
        f"{name}.json": json.dumps({"metadata": {"version": "1.0"}, "entries": entries}).encode()
        for name, entries in journals.items()
    }
    members.update(media)
    if path.suffix == ".zip":
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in members.items():
                archive.writestr(name, data)
    else:
        for name, data in members.items():
            (path / name).parent.mkdir(parents=True, exist_ok=True)
            (path / name).write_bytes(data)
    return path


def _reason(error: pytest.ExceptionInfo[AppImportError]) -> str:
    return str(error.value.context["reason"])


def test_an_entry_becomes_a_journal_note(tmp_path: Path) -> None:
    path = _export(tmp_path / "export.zip", {"Journal": [_entry(starred=True)]}, {})
    with dayone.read([path]) as source:
        note = source.notes[0]
        assert note.source_id == "1546F37361264E129200B2CA6A885855"
        assert note.notebook == "Journal"
        assert note.title == "Night walk"
        assert note.body == "# Night walk\n\nCold \\- but clear\\."
        assert note.tags == ("walk", "夜")
        assert note.pinned
        # 23:20 UTC is already the next day in Berlin.
        assert note.journal_day == date(2023, 1, 6)
        assert note.created_at is not None
        assert note.created_at.isoformat() == "2023-01-05T23:20:30+00:00"
        assert source.chosen == [path]


def test_title_falls_back_to_the_day_and_chinese_text(tmp_path: Path) -> None:
    entries = [
        _entry(uuid="A", text=""),
        _entry(uuid="B", text="今天去了法院。\n第二行"),
        _entry(uuid="C", text="x", timeZone="Not/AZone"),
        _entry(uuid="D", text="y", timeZone="../../../etc/passwd"),
    ]
    with dayone.read([_export(tmp_path / "d", {"日记": entries}, {})]) as source:
        by_id = {note.source_id: note for note in source.notes}
    assert by_id["A"].title == "2023-01-06"
    assert by_id["B"].title == "今天去了法院。"
    assert by_id["B"].notebook == "日记"
    # An unknown zone: the day in UTC.
    assert by_id["C"].journal_day == date(2023, 1, 5)
    assert by_id["D"].journal_day == date(2023, 1, 5)


def test_photos_and_pdfs_are_matched_by_identifier_and_md5(tmp_path: Path) -> None:
    text = (
        f"![](dayone-moment://{PHOTO_ID})\n\nAt the march.\n\n"
        f"![](dayone-moment:/pdfAttachment/{PDF_ID})"
    )
    entry = _entry(
        text=text,
        photos=[{"identifier": PHOTO_ID, "md5": _md5(JPEG), "type": "jpeg"}],
        pdfAttachments=[
            {"identifier": PDF_ID, "md5": _md5(PDF), "type": "pdf", "filename": "flyer.pdf"}
        ],
    )
    media = {f"photos/{_md5(JPEG)}.jpeg": JPEG, f"pdfs/{_md5(PDF)}.pdf": PDF}
    for path in (tmp_path / "export.zip", tmp_path / "folder"):
        with dayone.read([_export(path, {"Journal": [entry]}, media)]) as source:
            note = source.notes[0]
            assert note.title == "At the march."
            names = [(a.name, a.mime) for a in note.attachments]
            assert names == [(f"{_md5(JPEG)}.jpeg", "image/jpeg"), ("flyer.pdf", "application/pdf")]
            assert note.attachments[0].open().read() == JPEG
            assert note.attachments[1].open().read() == PDF
            photo = f"{_md5(JPEG)}.jpeg"
            assert note.body == (f"![{photo}]({photo})\n\nAt the march.\n\n[flyer.pdf](flyer.pdf)")
            assert source.dropped == []


def test_missing_photos_are_reported(tmp_path: Path) -> None:
    entry = _entry(
        text=f"Lost ![](dayone-moment://{PHOTO_ID})",
        photos=[
            {"identifier": PHOTO_ID, "md5": _md5(JPEG), "type": "jpeg"},
            {"identifier": "OTHER", "md5": _md5(b"x"), "type": "jpeg"},
        ],
    )
    with dayone.read([_export(tmp_path / "e.zip", {"J": [entry]}, {})]) as source:
        assert source.notes[0].body == "Lost "
        assert source.notes[0].attachments == []
        assert source.dropped == [Dropped("missing-attachment", "Lost")] * 2


def test_location_and_weather_dropped_unless_kept(tmp_path: Path) -> None:
    entry = _entry(
        text="Here",
        location={"latitude": 22.6369, "longitude": 121.5042, "placeName": "朝日溫泉"},
        weather={"conditionsDescription": "Mostly Sunny", "temperatureCelsius": 26},
    )
    path = _export(tmp_path / "e.zip", {"J": [entry]}, {})
    with dayone.read([path]) as source:
        assert source.notes[0].body == "Here"
        assert source.dropped == [Dropped("location", "Here")]
    with dayone.read([path], keep_locations=True) as source:
        assert source.notes[0].body == (
            "Here\n\nLocation: 22.636900, 121.504200 (朝日溫泉)\nWeather: Mostly Sunny, 26 °C"
        )
        assert source.dropped == []
    weather_only = _export(tmp_path / "w.zip", {"J": [_entry(text="W", weather={"x": 1})]}, {})
    with dayone.read([weather_only]) as source:
        assert source.dropped == [Dropped("location", "W")]


@pytest.mark.parametrize(
    ("entries", "reason"),
    [
        ([_entry(creationDate="yesterday")], "bad-date"),
        ([_entry(uuid=None)], "bad-field"),
        ([_entry(text=5)], "bad-field"),
        ([_entry(tags="x")], "bad-field"),
        ([_entry(photos=[{"identifier": 1}])], "bad-field"),
        (["not an entry"], "bad-field"),
    ],
)
def test_malformed_entries(tmp_path: Path, entries: list[Any], reason: str) -> None:
    with pytest.raises(AppImportError) as error:
        dayone.read([_export(tmp_path / "e.zip", {"J": entries}, {})])
    assert _reason(error) == reason


def test_broken_exports(tmp_path: Path) -> None:
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("J.json", b'{"entries": [')
    deep = tmp_path / "deep.zip"
    with zipfile.ZipFile(deep, "w") as archive:
        archive.writestr("J.json", b"[" * 100_000)
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("notes.txt", b"hello")
    latin = tmp_path / "latin.zip"
    with zipfile.ZipFile(latin, "w") as archive:
        archive.writestr("J.json", b'{"entries": ["\xe9"]}')
    cases = {broken: "bad-json", deep: "too-deep", other: "not-this-format", latin: "not-utf8"}
    for path, reason in cases.items():
        with pytest.raises(AppImportError) as error:
            dayone.read([path])
        assert _reason(error) == reason
    with pytest.raises(AppImportError) as error:
        dayone.read([tmp_path / "absent.zip"])
    assert _reason(error) == "not-found"
    long_text = _export(tmp_path / "long.zip", {"J": [_entry(text="字" * 500_000)]}, {})
    with pytest.raises(AppImportError) as error:
        dayone.read([long_text], limits=Limits(max_text_bytes=1 << 20))
    assert _reason(error) == "too-large"


def test_cancel_stops_reading(tmp_path: Path) -> None:
    entries = [_entry(uuid=str(index)) for index in range(20_000)]
    path = _export(tmp_path / "many.zip", {"J": entries}, {})
    with pytest.raises(CancelledError):
        dayone.read([path], progress=lambda _fraction: False)


def test_extreme_values_are_errors_or_ignored(tmp_path: Path) -> None:
    entries = [
        _entry(uuid="A", text="far", location={"latitude": 10**400, "longitude": 1}),
        _entry(uuid="B", text="edge", creationDate="0001-01-01T00:30:00Z", timeZone="Asia/Tokyo"),
    ]
    path = _export(tmp_path / "e.zip", {"J": entries}, {})
    with dayone.read([path], keep_locations=True) as source:
        assert source.notes[0].body == "far"
        assert source.notes[1].journal_day == date(1, 1, 1)
    with pytest.raises(AppImportError) as error:
        dayone.read(
            [
                _export(
                    tmp_path / "f.zip",
                    {"J": [_entry(creationDate="0001-01-01T00:00:00+05:00")]},
                    {},
                )
            ]
        )
    assert _reason(error) == "bad-date"


def test_a_lone_surrogate_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "s.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("J.json", b'{"entries": [{"uuid": "U", "text": "\\ud800"}]}')
    with pytest.raises(AppImportError) as error:
        dayone.read([path])
    assert _reason(error) == "not-utf8"


def test_videos_and_audio_in_a_zip_with_a_top_folder(tmp_path: Path) -> None:
    video, audio = b"\x00\x00\x00\x18ftypmp42", b"ID3\x03audio"
    entry = _entry(
        text="Clip\n\n![](dayone-moment:/video/V1)\n![](dayone-moment:/audio/A1)",
        videos=[{"identifier": "V1", "md5": _md5(video), "type": "mp4"}],
        audios=[{"identifier": "A1", "md5": _md5(audio), "type": "m4a"}],
    )
    media = {
        f"Export/videos/{_md5(video)}.mp4": video,
        f"Export/audios/{_md5(audio)}.m4a": audio,
    }
    path = tmp_path / "e.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Export/Travel.json", json.dumps({"entries": [entry]}))
        for name, data in media.items():
            archive.writestr(name, data)
    with dayone.read([path]) as source:
        note = source.notes[0]
        assert note.notebook == "Travel"
        assert [(a.mime, a.open().read()) for a in note.attachments] == [
            ("video/mp4", video),
            ("audio/mp4", audio),
        ]
        assert note.body == (
            f"Clip\n\n[{_md5(video)}.mp4]({_md5(video)}.mp4)\n[{_md5(audio)}.m4a]({_md5(audio)}.m4a)"
        )
        assert source.dropped == []


def test_many_files_of_one_name_are_named_in_linear_time(tmp_path: Path) -> None:
    def make(size: int) -> Callable[[], object]:
        blobs = [JPEG + n.to_bytes(4, "big") for n in range(size)]
        photos = [
            {"identifier": f"{n:032X}", "md5": _md5(blob), "type": "jpeg", "filename": "image.png"}
            for n, blob in enumerate(blobs)
        ]
        media = {f"photos/{_md5(blob)}.jpeg": blob for blob in blobs}
        path = _export(tmp_path / f"many{size}.zip", {"J": [_entry(photos=photos)]}, media)

        def work() -> None:
            with dayone.read([path]) as source:
                names = [a.name for a in source.notes[0].attachments]
                assert names[:3] == ["image.png", "image (2).png", "image (3).png"]
                assert len(set(names)) == size

        return work

    assert_linear(make, 1_500, bound=20)


def test_a_repeated_name_skips_a_name_already_given() -> None:
    names = UniqueNames()
    given = [names.claim(n) for n in ("a.png", "a (2).png", "A.PNG", "a.png", "notes", "notes")]
    assert given == ["a.png", "a (2).png", "A (3).PNG", "a (4).png", "notes", "notes (2)"]


def test_many_missing_files_in_a_long_entry_are_counted_in_linear_time(tmp_path: Path) -> None:
    # Each missing file was looked for in the whole text: missing files times its length.
    def make(size: int) -> Callable[[], object]:
        photos = [{"identifier": "AAAAAAB", "md5": "x"}] * size
        entry = _entry(text="a" * (30 * size), photos=photos)
        path = _export(tmp_path / f"missing{size}.zip", {"J": [entry]}, {})

        def work() -> None:
            with dayone.read([path]) as source:
                missing = [d for d in source.dropped if d.kind == "missing-attachment"]
                assert len(missing) == size

        return work

    assert_linear(make, 10_000, bound=20)
