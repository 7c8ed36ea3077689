"""Bundle archives (the ZIP inside the age layer) for fuzzing: valid ones, and mutations.

``mutate`` is the structure-aware mutator of the archive and age targets. Random bytes
almost never get past the ZIP reader, the member list and the manifest's hashes, so most
mutations change one thing a reader must check (a JSON field, a line, a member's
compression, a header field of the ZIP) and then, usually, make the manifest agree again,
so the checks after the hash are reached too. The rest are plain byte mutations.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import random
import re
import struct
import warnings
import zipfile
from types import ModuleType
from typing import Any

DATA_MEMBERS = ("notes.jsonl", "contacts.jsonl", "lists.jsonl", "links.jsonl")
MANIFEST = "manifest.json"
_TIME = 1795600000000

NOTE = {
    "uuid": "0b5c1e7a-3f0e-4c1d-9a6e-2f4b8d1c9e01", "title": "Hearing moved",
    "body": "Friday 10:00, room 3. 律师会到场。", "notebook": "Case 12", "tags": ["legal"],
    "pinned": False, "archived": False, "journal_day": "2026-05-01",
    "created_at": _TIME, "updated_at": _TIME,
}  # fmt: skip
CONTACT = {
    "uuid": "5d2e8f10-6b7a-4c3d-8e9f-0a1b2c3d4e5f", "display_name": "Rosa Delgado",
    "methods": [{"kind": "phone", "label": "cell", "value": "+1 555 0100"},
                {"kind": "signal", "label": "", "value": "@rosa.01"}],
    "organization": "Street Medics", "role": "medic", "notes": "", "tags": ["medic"],
    "created_at": _TIME, "updated_at": _TIME,
}  # fmt: skip
LIST = {"uuid": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "name": "Medics",
        "members": [CONTACT["uuid"]], "created_at": _TIME, "updated_at": _TIME}  # fmt: skip
LINK = {"note": NOTE["uuid"], "contact": CONTACT["uuid"]}
RECORDS = {
    "notes.jsonl": [NOTE, {**NOTE, "uuid": "0b5c1e7a-3f0e-4c1d-9a6e-2f4b8d1c9e02",
                           "notebook": None, "journal_day": None, "tags": []}],
    "contacts.jsonl": [CONTACT],
    "lists.jsonl": [LIST],
    "links.jsonl": [LINK],
}  # fmt: skip
_COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2)  # LZMA: see build()
# Values that break readers: wrong types, edges of ranges, long and deep things.
ODD_VALUES: tuple[Any, ...] = (
    None,
    True,
    False,
    0,
    -1,
    1.5,
    2**53,
    2**64,
    -(2**63),
    1e308,
    "",
    " ",
    "x" * 70_000,
    "not-a-uuid",
    "0B5C1E7A-3F0E-4C1D-9A6E-2F4B8D1C9E01",
    "2026-13-45",
    "\u0000",
    "\ud800",
    "\u2028",
    [],
    {},
    [None],
    {"kind": "phone"},
    ["x" * 200],
)


def jsonl(records: list[Any], **dump: Any) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False, **dump) + "\n" for r in records).encode()


def manifest_for(members: dict[str, bytes], **changes: Any) -> dict[str, Any]:
    """The manifest that makes ``members`` check out (hashes, sizes, line counts)."""
    data = {name: members.get(name, b"") for name in DATA_MEMBERS}
    manifest = {
        "format": "hushnote-bundle", "version": 1, "created_at": _TIME, "scope": "vault",
        "counts": {name.removesuffix(".jsonl"): blob.count(b"\n") for name, blob in data.items()},
        "members": {name: {"sha256": hashlib.sha256(blob).hexdigest(), "size": len(blob)}
                    for name, blob in data.items()},
    }  # fmt: skip
    manifest.update(changes)
    return manifest


def _private_zipfile() -> ModuleType:
    """A copy of zipfile outside the fuzzer's instrumentation, for the mutator: the
    instrumented one (which the parser uses) is several times slower, and the mutator
    runs once or more for every input."""
    try:
        spec = importlib.util.spec_from_file_location("_fuzz_zipfile", zipfile.__file__)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    except Exception:  # a zipfile that is a package (newer Pythons): the shared one
        return zipfile
    return module


_zip = _private_zipfile()
_DEEP = re.compile(r'"@@deep-(\d+)@@"')
Entry = tuple[str, bytes, int]  # name, content, compression


def build(entries: list[Entry], *, fast: bool = True) -> bytes:
    """A ZIP of ``entries``. ``fast`` (the mutator's) writes LZMA, and bzip2 over 8 KiB,
    as deflate: setting up an LZMA compressor alone takes 7 ms, bzip2 of a long run 30 ms,
    which would make the mutator most of a campaign. Seeds keep them, and mutating their
    bytes exercises those decompressors."""
    out = io.BytesIO()
    with warnings.catch_warnings(), _zip.ZipFile(out, "w") as archive:
        warnings.simplefilter("ignore")  # duplicate names are one of the mutations
        for name, content, compression in entries:
            info = _zip.ZipInfo(name, (2026, 5, 1, 0, 0, 0))
            if fast and (
                compression == zipfile.ZIP_LZMA
                or (compression == zipfile.ZIP_BZIP2 and len(content) > 8 * 1024)
            ):
                compression = zipfile.ZIP_DEFLATED
            # The fastest level: the mutator runs millions of times, and the reader
            # cannot tell levels apart.
            archive.writestr(info, content, compression, compresslevel=1)
    return out.getvalue()


def valid(members: dict[str, bytes] | None = None, compression: int = zipfile.ZIP_DEFLATED,
          **manifest_changes: Any) -> bytes:  # fmt: skip
    """A well-formed archive of ``members`` (the sample records by default)."""
    members = members if members is not None else {n: jsonl(r) for n, r in RECORDS.items()}
    manifest = json.dumps(manifest_for(members, **manifest_changes), indent=2).encode()
    entries = [(name, content, compression) for name, content in members.items()]
    return build([*entries, (MANIFEST, manifest, compression)], fast=False)


def with_attachment(compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A version 2 archive: the sample records and one attached file."""
    file = b"Statement of 12 March.\n"
    uuid = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"
    record = {"uuid": uuid, "note": NOTE["uuid"], "name": "statement.txt", "kind": "text",
              "size": len(file), "sha256": hashlib.sha256(file).hexdigest(), "removed": [],
              "created_at": _TIME, "file": f"attachments/{uuid}/statement.txt"}  # fmt: skip
    members = {n: jsonl(r) for n, r in RECORDS.items()}
    listing = jsonl([record])
    manifest = manifest_for(members, version=2)
    manifest["counts"]["attachments"] = 1
    manifest["members"]["attachments.jsonl"] = {
        "sha256": hashlib.sha256(listing).hexdigest(),
        "size": len(listing),
    }
    entries = [(name, content, compression) for name, content in members.items()]
    entries += [("attachments.jsonl", listing, compression), (record["file"], file, compression)]
    return build([*entries, (MANIFEST, json.dumps(manifest).encode(), compression)], fast=False)


def seeds() -> dict[str, bytes]:
    empty = {name: b"" for name in DATA_MEMBERS}
    return {
        "sample.zip": valid(),
        "sample-stored.zip": valid(compression=zipfile.ZIP_STORED),
        "sample-bzip2.zip": valid(compression=zipfile.ZIP_BZIP2),
        "sample-lzma.zip": valid(compression=zipfile.ZIP_LZMA),
        "empty.zip": valid(empty),
        "newer.zip": valid(version=3),
        "attachment.zip": with_attachment(),
        "attachment-stored.zip": with_attachment(zipfile.ZIP_STORED),
        "bad-record.zip": valid({**empty, "notes.jsonl": jsonl([NOTE]) + b'{"uuid": 1}\n'}),
        "no-newline.zip": valid({**empty, "links.jsonl": jsonl([LINK])[:-1]}),
    }


def entries_of(data: bytes) -> list[Entry] | None:
    try:
        with _zip.ZipFile(io.BytesIO(data)) as archive:
            return [(i.filename, archive.read(i), i.compress_type) for i in archive.infolist()]
    except Exception:  # anything unreadable is mutated as plain bytes
        return None


def mutate(data: bytes, max_size: int, seed: int) -> bytes:
    import atheris

    rng = random.Random(seed)
    if rng.random() < 0.3:  # libFuzzer's own byte mutations, without unpacking first
        return bytes(atheris.Mutate(data, max_size))
    entries = entries_of(data)
    if not entries:
        return bytes(atheris.Mutate(data, max_size))
    try:
        entries = rng.choice(_OPERATIONS)(entries, rng)
        if rng.random() < 0.8:
            entries = _fix_manifest(entries)
        result = build(entries)
    except Exception:  # an entry zipfile cannot write: mutate the bytes instead
        return bytes(atheris.Mutate(data, max_size))
    if rng.random() < 0.1:
        result = _patch_headers(result, rng)
    return result if len(result) <= max_size else bytes(atheris.Mutate(data, max_size))


def _pick(entries: list[Entry], rng: random.Random, data_only: bool = True) -> int:
    names = [i for i, e in enumerate(entries) if not data_only or e[0] != MANIFEST]
    return rng.choice(names) if names else 0


def _bytes(entries: list[Entry], rng: random.Random) -> list[Entry]:
    import atheris

    index = _pick(entries, rng, data_only=False)
    name, content, compression = entries[index]
    entries[index] = (name, bytes(atheris.Mutate(content, max(2 * len(content), 256))), compression)
    return entries


def _record(entries: list[Entry], rng: random.Random) -> list[Entry]:
    """Change one value somewhere inside one record (or the manifest), re-serialised."""
    index = _pick(entries, rng, data_only=rng.random() < 0.8)
    name, content, compression = entries[index]
    lines = content.split(b"\n")
    number = rng.randrange(len(lines))
    try:
        value = json.loads(lines[number])
    except ValueError:
        return entries
    value = _mutate_value(value, rng)
    dump: dict[str, Any] = {"ensure_ascii": rng.random() < 0.5}
    if rng.random() < 0.2:  # JSON allows \r, \t and spaces between tokens
        dump["separators"] = (rng.choice([",", ", ", ",\r", ",\t"]), rng.choice([":", ": ", ":\r"]))
    text = _DEEP.sub(lambda m: "[" * int(m[1]) + "0" + "]" * int(m[1]), json.dumps(value, **dump))
    lines[number] = text.encode("utf-8", "surrogatepass")
    entries[index] = (name, b"\n".join(lines), compression)
    return entries


def _mutate_value(value: Any, rng: random.Random, depth: int = 0) -> Any:
    if isinstance(value, dict) and value and depth < 4 and rng.random() < 0.7:
        key = rng.choice(list(value))
        if rng.random() < 0.15:
            del value[key]
        else:
            value[key] = _mutate_value(value[key], rng, depth + 1)
        return value
    if isinstance(value, list) and value and depth < 4 and rng.random() < 0.6:
        position = rng.randrange(len(value))
        value[position] = _mutate_value(value[position], rng, depth + 1)
        return value
    choice = rng.random()
    if choice < 0.1:  # spliced in after serialising, which would recurse as deep
        return f"@@deep-{rng.choice((10, 500, 5000, 100_000))}@@"
    if choice < 0.2 and isinstance(value, list):
        return value * rng.choice((2, 50, 1000))
    return rng.choice(ODD_VALUES)


def _lines(entries: list[Entry], rng: random.Random) -> list[Entry]:
    """Duplicate, drop, swap or blank lines; or end a member without its newline."""
    index = _pick(entries, rng)
    name, content, compression = entries[index]
    lines = content.split(b"\n")
    number = rng.randrange(len(lines))
    action = rng.randrange(5)
    if action == 0:
        lines.insert(number, lines[number])
    elif action == 1 and len(lines) > 1:
        del lines[number]
    elif action == 2:
        lines.insert(number, rng.choice((b"", b" ", b"\r", b"{}", b"[]", b"null", b"\xff")))
    elif action == 3:
        lines[number] = lines[number].replace(b",", b",\r", 1)
    else:
        lines[-1] = lines[-1] + rng.choice((b"x", b"{", b"\r"))
    entries[index] = (name, b"\n".join(lines), compression)
    return entries


def _long_run(entries: list[Entry], rng: random.Random) -> list[Entry]:
    """A long member that compresses to almost nothing: a decompression bomb in miniature.

    At most 1 MiB: larger ones found the quadratic line splitting pinned in
    regressions/archive/, and cost the mutator more time than the parser.
    """
    index = _pick(entries, rng)
    name, _, _ = entries[index]
    unit = rng.choice((b"x", b"\n", b" ", b'{"note":', b"["))
    size = 1 << rng.choice((12, 16, 20))
    entries[index] = (name, unit * (size // len(unit)), zipfile.ZIP_DEFLATED)
    return entries


def _compression(entries: list[Entry], rng: random.Random) -> list[Entry]:
    index = _pick(entries, rng, data_only=False)
    name, content, _ = entries[index]
    entries[index] = (name, content, rng.choice(_COMPRESSIONS))
    return entries


def _members(entries: list[Entry], rng: random.Random) -> list[Entry]:
    index = _pick(entries, rng, data_only=False)
    action = rng.randrange(4)
    if action == 0:
        del entries[index]
    elif action == 1:
        entries.append(entries[index])
    elif action == 2:
        entries.append((rng.choice(("extra.txt", "../notes.jsonl", "NOTES.JSONL", "")), b"x", 0))
    else:
        entries.insert(0, entries.pop(index))
    return entries


_OPERATIONS = (_bytes, _record, _record, _record, _lines, _lines, _long_run, _compression,
               _members)  # fmt: skip


def _fix_manifest(entries: list[Entry]) -> list[Entry]:
    members = {name: content for name, content, _ in entries if name in DATA_MEMBERS}
    fixed = []
    for name, content, compression in entries:
        if name == MANIFEST:
            try:
                manifest = json.loads(content)
                truth = manifest_for(members)
                manifest["members"], manifest["counts"] = truth["members"], truth["counts"]
                content = json.dumps(manifest).encode()
            except (ValueError, TypeError, RecursionError):
                pass
        fixed.append((name, content, compression))
    return fixed


def _patch_headers(data: bytes, rng: random.Random) -> bytes:
    """Set one field of a local or central ZIP header to an odd value."""
    starts = [i for sig in (b"PK\x03\x04", b"PK\x01\x02") for i in _find_all(data, sig)]
    if not starts:
        return data
    start = rng.choice(starts)
    central = data[start : start + 4] == b"PK\x01\x02"
    fields = {  # offset within the header: struct format
        "flags": (8 if central else 6, "<H"),
        "method": (10 if central else 8, "<H"),
        "crc": (16 if central else 14, "<I"),
        "compressed": (20 if central else 18, "<I"),
        "size": (24 if central else 22, "<I"),
        "name_length": (28 if central else 26, "<H"),
        "extra_length": (30 if central else 28, "<H"),
    }
    offset, layout = fields[rng.choice(list(fields))]
    value = rng.choice((0, 1, 6, 8, 9, 12, 14, 93, 99, 0xFFFF, 0xFFFFFFFF, 0x41))
    packed = struct.pack(layout, value & (0xFFFF if layout == "<H" else 0xFFFFFFFF))
    position = start + offset
    return data[:position] + packed + data[position + len(packed) :]


def _find_all(data: bytes, needle: bytes) -> list[int]:
    found, start = [], data.find(needle)
    while start >= 0:
        found.append(start)
        start = data.find(needle, start + 1)
    return found
