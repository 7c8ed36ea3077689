"""Write the shared-folder reference files straight from docs/sync-format.md.

Independent of Hushnote's writer: cryptography, zlib and json are called directly, and
every random value (keys, nonces) is fixed, so the files are the same on every run.
Run from the repository root: ``python tests/vectors/sync/make_sync_vectors.py``.
"""

from __future__ import annotations

import hashlib
import json
import struct
import zlib
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

HERE = Path(__file__).parent
SPACE = "5ace" * 8
DEVICE = "de51" * 8
OTHER_DEVICE = "0e1f" * 8
SPACE_KEY = bytes(range(32))
SIGNING_SEED = bytes(range(100, 132))
OTHER_SEED = bytes(range(200, 232))
NOTE = "0b0e5c1d-7a11-4c0a-9d2e-5f7a3b1c9e42"


def padme(size: int) -> int:
    if size <= 1024:
        return 1024
    exponent = size.bit_length() - 1
    low = exponent - exponent.bit_length()
    mask = (1 << low) - 1
    return (size + mask) & ~mask


def payload(prev: bytes, ops: list[dict[str, object]], fmt: int = 1) -> bytes:
    document = {"format": fmt, "kind": "changes", "prev": prev.hex(), "heads": {}, "ops": ops}
    return zlib.compress(
        json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode(), 6
    )


def seal(
    body: bytes,
    seq: int,
    nonce: bytes,
    seed: bytes = SIGNING_SEED,
    version: int = 1,
    device: str = DEVICE,
    epoch: int = 1,
) -> bytes:
    ad = (
        b"hushnote-sync-v1"
        + bytes.fromhex(SPACE)
        + bytes.fromhex(device)
        + struct.pack(">QI", seq, epoch)
    )
    signature = Ed25519PrivateKey.from_private_bytes(seed).sign(
        b"hushnote-sync-v1 signature" + ad + body
    )
    inner = struct.pack(">I", len(body)) + body
    total = padme(len(inner) + 64 + 17 + 16) - 17 - 16
    plaintext = inner + bytes(total - len(inner) - 64) + signature
    header = struct.pack(">BI12s", version, epoch, nonce)
    return header + AESGCM(SPACE_KEY).encrypt(nonce, plaintext, ad)


def main() -> None:
    stamp = [1767225600000, 0, DEVICE]
    first_ops = [
        {
            "op": "note",
            "id": NOTE,
            "fields": {
                "title": [stamp, "Statement 证词"],
                "tags": [stamp, ["case-12"]],
                "trashed": [stamp, False],
            },
            "created": 1767225600000,
        }
    ]
    first = seal(payload(b"", first_ops), 1, bytes(12))
    second = seal(
        payload(
            hashlib.sha256(first).digest(),
            [{"op": "purge", "id": NOTE, "stamp": [1767225660000, 0, DEVICE]}],
        ),
        2,
        bytes([1]) * 12,
    )
    files = {
        "ok/0000000000000001": (first, "applied"),
        "ok/0000000000000002": (second, "applied"),
        # The first file under the name of a third: the AD no longer matches.
        "renamed/0000000000000003": (first, "damaged"),
        "bitflip/0000000000000001": (first[:40] + bytes([first[40] ^ 1]) + first[41:], "damaged"),
        "truncated/0000000000000001": (first[:-40], "damaged"),
        "header-only/0000000000000001": (first[:20], "truncated"),
        "forged/0000000000000001": (
            seal(payload(b"", first_ops), 1, bytes(12), OTHER_SEED),
            "forged",
        ),
        "newer-version/0000000000000001": (
            seal(payload(b"", first_ops), 1, bytes(12), version=2),
            "version",
        ),
        "newer-format/0000000000000001": (
            seal(payload(b"", first_ops, fmt=2), 1, bytes(12)),
            "version",
        ),
        "bomb/0000000000000001": (
            seal(zlib.compress(bytes(64 * 1024 * 1024), 9), 1, bytes(12)),
            "too-large",
        ),
        "not-json/0000000000000001": (seal(zlib.compress(b"{not json"), 1, bytes(12)), "malformed"),
        "fork/0000000000000002": (seal(payload(b"\x01" * 32, []), 2, bytes(12)), "fork"),
    }
    expectations = {
        "space": SPACE,
        "device": DEVICE,
        "space_key": SPACE_KEY.hex(),
        "signing_public": Ed25519PrivateKey.from_private_bytes(SIGNING_SEED)
        .public_key()
        .public_bytes_raw()
        .hex(),
        "signing_seed": SIGNING_SEED.hex(),
        "files": {},
    }
    for name, (data, verdict) in files.items():
        path = HERE / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        expectations["files"][name] = verdict  # type: ignore[index]
    (HERE / "expectations.json").write_text(json.dumps(expectations, indent=2) + "\n")


if __name__ == "__main__":
    main()
