"""Build the reference bundles in this folder (run from the project root):

    PYTHONPATH=tests .venv/bin/python tests/vectors/make_vectors.py [NAME.hnb ...]

(with names, only those files are written again; expectations.json always is).

Each bundle is written by hand from docs/bundle-format.md (not by Hushnote's exporter), so
that the reader is checked against the specification, not against itself. age
encryption is randomised, so the files change on every run; what they must produce does
not. ``expectations.json`` says, for each file, what a reader must do with it.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
import zipfile
from pathlib import Path

import pyrage
from pyrage import passphrase, x25519

HERE = Path(__file__).parent
PASSPHRASE = "correct horse battery staple"
NOTE = {
    "uuid": "0b5c1e7a-3f0e-4c1d-9a6e-2f4b8d1c9e01", "title": "Hearing moved",
    "body": "Friday 10:00, room 3. 律师会到场。", "notebook": "Case 12", "tags": ["legal"],
    "pinned": False, "archived": False, "journal_day": None,
    "created_at": 1795600000000, "updated_at": 1795600000000,
}  # fmt: skip
CONTACT = {
    "uuid": "5d2e8f10-6b7a-4c3d-8e9f-0a1b2c3d4e5f", "display_name": "Rosa Delgado",
    "methods": [{"kind": "phone", "label": "cell", "value": "+1 555 0100"},
                {"kind": "signal", "label": "", "value": "@rosa.01"}],
    "organization": "Street Medics", "role": "medic", "notes": "", "tags": ["medic"],
    "created_at": 1795600000000, "updated_at": 1795600000000,
}  # fmt: skip
LIST = {"uuid": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "name": "Medics",
        "members": [CONTACT["uuid"]], "created_at": 1795600000000,
        "updated_at": 1795600000000}  # fmt: skip
LINK = {"note": NOTE["uuid"], "contact": CONTACT["uuid"]}
FILE = b"Statement of 12 March.\n"
ATTACHMENT = {
    "uuid": "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f", "note": NOTE["uuid"],
    "name": "statement.txt", "kind": "text", "size": len(FILE),
    "sha256": hashlib.sha256(FILE).hexdigest(), "removed": [],
    "created_at": 1795600000000,
    "file": "attachments/3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f/statement.txt",
}  # fmt: skip
REVISION = {"note": NOTE["uuid"], "number": 4, "made_at": 1795500000000, "reason": "edit",
            "title": "Hearing", "body": "Thursday 10:00, room 3."}  # fmt: skip


def jsonl(records: list[dict[str, object]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


def archive(
    members: dict[str, bytes] | None = None,
    *,
    manifest_changes: dict[str, object] | None = None,
    extra: dict[str, bytes] | None = None,
    hash_from: dict[str, bytes] | None = None,
    files: dict[str, bytes] | None = None,
    history: bytes | None = None,
) -> bytes:
    """A version 1 archive; with ``files`` (attachment members), version 2 with an
    attachments.jsonl holding ``ATTACHMENT``; with ``history`` (history.jsonl), version 3
    (with an attachments.jsonl, empty unless ``files``)."""
    members = members or {
        "notes.jsonl": jsonl([NOTE]),
        "contacts.jsonl": jsonl([CONTACT]),
        "lists.jsonl": jsonl([LIST]),
        "links.jsonl": jsonl([LINK]),
    }
    if files is not None:
        members = {**members, "attachments.jsonl": jsonl([ATTACHMENT])}
    if history is not None:
        members = {"attachments.jsonl": b"", **members, "history.jsonl": history}
    described = hash_from or members
    manifest: dict[str, object] = {
        "format": "hushnote-bundle",
        "version": 3 if history is not None else 1 if files is None else 2,
        "created_at": 1795600000000,
        "scope": "vault",
        "counts": {name.removesuffix(".jsonl"): data.count(b"\n")
                   for name, data in described.items()},
        "members": {name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                    for name, data in described.items()},
    }  # fmt: skip
    manifest.update(manifest_changes or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        for name, data in {**members, **(files or {}), **(extra or {})}.items():
            zipped.writestr(name, data)
        zipped.writestr("manifest.json", json.dumps(manifest))
    return out.getvalue()


def main() -> None:
    identity = x25519.Identity.from_str((HERE / "identity.txt").read_text().split()[-1])
    stranger = x25519.Identity.generate()

    def to_us(data: bytes) -> bytes:
        result: bytes = pyrage.encrypt(data, [identity.to_public()])
        return result

    good = archive()
    sealed = to_us(good)
    bad_line = jsonl([NOTE]) + b'{"uuid": "not-a-uuid"}\n'
    vectors: dict[str, tuple[bytes, dict[str, object]]] = {
        "ok-x25519.hnb": (sealed, {"expect": "accept", "notes": 1, "contacts": 1, "lists": 1,
                                   "links": 1}),
        "ok-passphrase.hnb": (passphrase.encrypt(good, PASSPHRASE),
                              {"expect": "accept", "passphrase": PASSPHRASE, "notes": 1}),
        "truncated.hnb": (sealed[: len(sealed) - 40], {"expect": "BundleDecryptionError"}),
        "tampered-payload.hnb": (sealed[:-30] + bytes([sealed[-30] ^ 1]) + sealed[-29:],
                                 {"expect": "BundleDecryptionError"}),
        "tampered-header.hnb": (sealed[:60] + bytes([sealed[60] ^ 1]) + sealed[61:],
                                {"expect": "BundleDecryptionError"}),
        "wrong-recipient.hnb": (pyrage.encrypt(good, [stranger.to_public()]),
                                {"expect": "BundleDecryptionError"}),
        "not-age.hnb": (b"PK\x03\x04 this is not an age file\n" * 4,
                        {"expect": "BundleDecryptionError"}),
        "not-a-zip.hnb": (to_us(b"plain text, not a ZIP archive\n" * 10),
                          {"expect": "BundleFormatError"}),
        "newer-version.hnb": (to_us(archive(manifest_changes={"version": 4})),
                              {"expect": "BundleVersionError"}),
        "not-hushnote.hnb": (to_us(archive(manifest_changes={"format": "something-else"})),
                             {"expect": "BundleFormatError"}),
        "hash-mismatch.hnb": (to_us(archive(hash_from={
            "notes.jsonl": jsonl([{**NOTE, "title": "changed after hashing"}]),
            "contacts.jsonl": jsonl([CONTACT]), "lists.jsonl": jsonl([LIST]),
            "links.jsonl": jsonl([LINK])})), {"expect": "BundleFormatError",
                                              "member": "notes.jsonl"}),
        "bad-record.hnb": (to_us(archive({"notes.jsonl": bad_line,
                                          "contacts.jsonl": b"", "lists.jsonl": b"",
                                          "links.jsonl": b""})),
                           {"expect": "BundleFormatError", "member": "notes.jsonl", "line": 2}),
        "extra-member.hnb": (to_us(archive(extra={"payload.sh": b"rm -rf ~\n"})),
                             {"expect": "BundleFormatError"}),
        "too-many-members.hnb": (to_us(archive(extra={f"x{n}": b"" for n in range(20)})),
                                 {"expect": "BundleTooLargeError"}),
        "ok-attachment.hnb": (to_us(archive(files={ATTACHMENT["file"]: FILE})),
                              {"expect": "accept", "notes": 1, "attachments": 1}),
        "attachment-hash-mismatch.hnb": (
            to_us(archive(files={ATTACHMENT["file"]: FILE.replace(b"12", b"13")})),
            {"expect": "BundleFormatError", "member": ATTACHMENT["file"]}),
        "attachment-unlisted.hnb": (
            to_us(archive(files={ATTACHMENT["file"]: FILE,
                                 "attachments/3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f/x.sh": b""})),
            {"expect": "BundleFormatError"}),
        "ok-history.hnb": (to_us(archive(history=jsonl([REVISION]))),
                           {"expect": "accept", "notes": 1, "history": 1}),
        "history-bad-reason.hnb": (
            to_us(archive(history=jsonl([{**REVISION, "reason": "rewrite"}]))),
            {"expect": "BundleFormatError", "member": "history.jsonl", "line": 1}),
    }  # fmt: skip
    expectations = {}
    chosen = set(sys.argv[1:]) or set(vectors)
    for name, (data, expectation) in vectors.items():
        if name in chosen:
            (HERE / name).write_bytes(data)
        expectations[name] = expectation
    (HERE / "expectations.json").write_text(json.dumps(expectations, indent=2) + "\n")


if __name__ == "__main__":
    main()
