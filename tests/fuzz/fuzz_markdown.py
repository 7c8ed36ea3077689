"""Markdown folders and Obsidian vaults through ``markdown.read``: front matter, embeds, tags.

An input is a folder's files, each ``<name>\\n<content>``, joined by ``MEMBER_MARK``: the
target writes them as a zip in a private scratch folder and reads it, every attachment
included. Mutations land in the front matter (PyYAML's safe loader, capped), the embeds
and the tags; the zip's own damage is the archive target's.
"""

from __future__ import annotations

import io
import zipfile

from hushnote.core.importers import markdown

from .fuzz_age import scratch
from .harness import Target

MEMBER_MARK = b"\n\x00member\x00\n"


def _members(data: bytes) -> list[tuple[str, bytes]]:
    members: dict[str, bytes] = {}
    for chunk in data.split(MEMBER_MARK):
        name, _, content = chunk.partition(b"\n")
        # zipfile itself cannot write every name (a NUL cuts it): the reader's handling of
        # hostile names is the archive target's.
        text = name.decode("utf-8", "replace").replace("\x00", "_").strip("/")
        members[text or "x.md"] = content
    return list(members.items())


def _parse(data: bytes) -> object:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in _members(data):
            archive.writestr(name, content)
    path = scratch() / "export.zip"
    path.write_bytes(buffer.getvalue())
    with markdown.read([path], keep_locations=len(data) % 2 == 0) as source:
        for note in source.notes:
            for attachment in note.attachments:
                with attachment.open() as stream:
                    stream.read()
        return len(source.notes)


def _export(*members: tuple[str, str | bytes]) -> bytes:
    return MEMBER_MARK.join(
        name.encode() + b"\n" + (content.encode() if isinstance(content, str) else content)
        for name, content in members
    )


def _seeds() -> dict[str, bytes]:
    return {
        "vault.bin": _export(
            (
                "工作/会议.md",
                "---\ntitle: 周一\ntags: [a, 行动]\ncreated: 2024-05-01T10:00:00Z\n"
                "lat: 52.5\nlon: 13.4\n---\n# H\n![[p.png|300]] ![x](img/q.png) #tag [[w]]\n"
                "```\n#code ![[p.png]]\n```\n",
            ),
            ("p.png", b"\x89PNG\r\n\x1a\n"),
            ("工作/img/q.png", b"q"),
            (".obsidian/app.json", "{}"),
            ("other.pdf", b"%PDF-1.4"),
        ),
        "aliases.bin": _export(
            ("n.md", "---\na: &a [x, x]\nb: &b [*a, *a]\ntags: *b\ntitle: *b\n---\nbody"),
        ),
        "tags.bin": _export(
            ("n.md", "---\ncreated: !!timestamp nope\n? [k]\n: v\n---\n#a/b #1 http://x/#y"),
        ),
    }


TARGET = Target(
    name="markdown",
    parse=_parse,
    seeds=_seeds,
    max_len=64 * 1024,
    dictionary=(
        MEMBER_MARK,
        b"---\n",
        b"title: ",
        b"tags: ",
        b"created: ",
        b"&a ",
        b"*a",
        b"!!timestamp ",
        b"![[",
        b"]]",
        b"](",
        b"```",
        b"../",
        b".md",
        b"#",
    ),
)
