"""Evernote exports through ``enex.read``: the streamed XML, ENML inside it, resources.

An input is one ``.enex`` file, written as is in a private scratch folder and read with
every attachment. Mutations land in the outer XML (defusedxml refuses entities and DTDs),
in the ENML of a note's content, in base64 resources and in their MD5 references.
"""

from __future__ import annotations

import base64
import hashlib

from hushnote.core.importers import enex

from .fuzz_age import scratch
from .harness import Target

_PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 24
_ENML = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<!DOCTYPE en-note SYSTEM "http://xml.evernote.com/pub/enml2.dtd">'
)


def _parse(data: bytes) -> object:
    path = scratch() / "export.enex"
    path.write_bytes(data)
    with enex.read([path], keep_locations=len(data) % 2 == 0) as source:
        for note in source.notes:
            for attachment in note.attachments:
                with attachment.open() as stream:
                    stream.read()
        return len(source.notes)


def _note(title: str, enml: str, extra: str = "") -> str:
    return (
        f"<note><title>{title}</title><content><![CDATA[{_ENML}<en-note>{enml}</en-note>]]>"
        f"</content><created>20230105T102030Z</created><updated>20230106T000000Z</updated>"
        f"{extra}</note>"
    )


def _resource(data: bytes, mime: str, name: str) -> str:
    encoded = base64.encodebytes(data).decode()
    return (
        f'<resource><data encoding="base64">{encoded}</data><mime>{mime}</mime>'
        f"<resource-attributes><file-name>{name}</file-name></resource-attributes></resource>"
    )


def _export(*notes: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<en-export export-date="20230107T000000Z" application="Evernote" version="10">'
        + "".join(notes)
        + "</en-export>"
    ).encode()


def _seeds() -> dict[str, bytes]:
    digest = hashlib.md5(_PNG, usedforsecurity=False).hexdigest()
    media = f'<en-media type="image/png" hash="{digest}"/>'
    return {
        "formatting.enex": _export(
            _note(
                "会议",
                "<h1>H</h1><div><b>b</b> <i>i</i> <a href='https://x'>l</a></div>"
                "<ul><li><en-todo checked='true'/>done</li><li>二</li></ul>"
                "<table><tr><td>a</td><td>b</td></tr></table>" + media,
                "<tag>工作</tag><note-attributes><latitude>52.5</latitude>"
                "<longitude>13.4</longitude></note-attributes>"
                + _resource(_PNG, "image/png", "p.png"),
            )
        ),
        "crypt.enex": _export(
            _note("secret", "<en-crypt cipher='AES' length='128'>QUJD</en-crypt><br/>x")
        ),
        "missing.enex": _export(_note("m", '<en-media type="image/png" hash="00ff"/>')),
    }


TARGET = Target(
    name="enex",
    parse=_parse,
    seeds=_seeds,
    max_len=64 * 1024,
    dictionary=(
        b"<note>",
        b"</note>",
        b"<![CDATA[",
        b"]]>",
        b"<en-note>",
        b"<en-media ",
        b' hash="',
        b"<en-crypt>",
        b"<en-todo/>",
        b"<resource>",
        b'<data encoding="base64">',
        b"<!DOCTYPE ",
        b"<!ENTITY ",
        b"&#x",
        b"<table>",
        b"<li>",
        b"<latitude>",
    ),
)
