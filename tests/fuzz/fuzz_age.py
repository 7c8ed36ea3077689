"""Whole bundle files through ``open_bundle``: the age layer, then everything inside.

Each input is a bundle file, optionally followed by ``KEY_FILE_MARK`` and the content of
its passphrase-sealed key file. It is opened twice, with the reference identity and with
the reference passphrase, and whatever opens is read record by record. The mutator
decrypts x25519 inputs, mutates the archive inside structurally and encrypts it again,
so the fuzzer is not stuck at the authentication tag.

While fuzzing, a passphrase file claiming a scrypt work factor above the cap in
``$HUSHNOTE_FUZZ_SCRYPT_LOG_N_CAP`` is not tried with the passphrase: ``open_bundle``
spends up to about 20 s and 4 GiB on one (a known finding, regressions/age/), which would
make the campaign measure scrypt instead of the parsers. Replaying a regression sets no
cap.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pyrage
from pyrage import x25519

from hushnote.core.formats.bundle import open_bundle
from hushnote.errors import HushnoteError

from . import age_files, archives
from .fuzz_archive import read_all
from .harness import Target

VECTORS = Path(__file__).parents[1] / "vectors"
IDENTITY = x25519.Identity.from_str((VECTORS / "identity.txt").read_text().split()[-1])
PASSPHRASE = "correct horse battery staple"
KEY_FILE_MARK = b"\n--hushnote-fuzz-key-file--\n"
SCRYPT_CAP_VARIABLE = "HUSHNOTE_FUZZ_SCRYPT_LOG_N_CAP"
_SCRYPT = re.compile(rb"\n-> scrypt([^\n]*)")
_UNKNOWN_COST = 1 << 8  # an argument age might read as a number some other way
_scratch: dict[str | None, Path] = {}


def scratch() -> Path:
    """A private folder for the files under test (fuzz input is synthetic, never user
    data); ``HUSHNOTE_FUZZ_SCRATCH`` picks it, else one is made under the temp folder."""
    chosen = os.environ.get("HUSHNOTE_FUZZ_SCRATCH")
    if chosen not in _scratch:
        if chosen:
            folder = Path(chosen)
            folder.mkdir(parents=True, exist_ok=True)
        else:
            import atexit
            import shutil
            import tempfile

            folder = Path(tempfile.mkdtemp(prefix="hushnote-fuzz-"))
            atexit.register(shutil.rmtree, folder, ignore_errors=True)
        _scratch[chosen] = folder
    return _scratch[chosen]


def work_factor(data: bytes) -> int | None:
    """The largest scrypt log N the file's stanzas claim (None without one)."""
    claims = [arguments.split()[-1:] for arguments in _SCRYPT.findall(data[:4096])]
    if not claims:
        return None
    return max(int(c[0]) if c and c[0].isdigit() else _UNKNOWN_COST for c in claims)


def _parse(data: bytes) -> object:
    bundle, _, key = data.partition(KEY_FILE_MARK)
    path = scratch() / "input.hnb"
    path.write_bytes(bundle)
    key_path = path.with_name(path.name + ".key")
    if key:
        key_path.write_bytes(key)
    else:
        key_path.unlink(missing_ok=True)
    attempts: list[dict[str, object]] = [{"identities": [IDENTITY]}]
    cap = os.environ.get(SCRYPT_CAP_VARIABLE)
    if not cap or max(work_factor(bundle) or 0, work_factor(key) or 0) <= int(cap):
        attempts.append({"passphrase": PASSPHRASE})
    rejected: HushnoteError | None = None
    for attempt in attempts:
        try:
            read_all(open_bundle(path, **attempt))  # type: ignore[arg-type]
        except HushnoteError as error:
            rejected = error
        else:
            return True
    assert rejected is not None
    raise rejected


def _mutate(data: bytes, max_size: int, seed: int) -> bytes:
    import atheris

    bundle, mark, key = data.partition(KEY_FILE_MARK)
    if seed % 2 == 0 or work_factor(bundle) is not None:
        return bytes(atheris.Mutate(data, max_size))
    try:
        plain = pyrage.decrypt(bundle, [IDENTITY])
    except pyrage.DecryptError:
        return bytes(atheris.Mutate(data, max_size))
    changed = archives.mutate(plain, max_size, seed // 2)
    sealed: bytes = pyrage.encrypt(changed, [IDENTITY.to_public()])
    result = sealed + mark + key
    return result if len(result) <= max_size else bytes(atheris.Mutate(data, max_size))


def _seeds() -> dict[str, bytes]:
    seeds = {path.name: path.read_bytes() for path in sorted(VECTORS.glob("*.hnb"))}
    recipient = IDENTITY.to_public()
    for name, archive in archives.seeds().items():
        seeds[f"x25519-{name}.hnb"] = pyrage.encrypt(archive, [recipient])
    sample = archives.valid()
    seeds["scrypt-10.hnb"] = age_files.scrypt_encrypt(sample, PASSPHRASE, 10)
    seeds["scrypt-10-wrong.hnb"] = age_files.scrypt_encrypt(sample, "another one", 10)
    stranger = x25519.Identity.generate()
    seeds["with-key-file.hnb"] = (
        pyrage.encrypt(sample, [stranger.to_public()]) + KEY_FILE_MARK
        + age_files.scrypt_encrypt(str(stranger).encode(), PASSPHRASE, 10)
    )  # fmt: skip
    return seeds


TARGET = Target(
    name="age",
    parse=_parse,
    seeds=_seeds,
    # The archive inside is fuzzed up to 128 KiB by the archive target; here the age
    # layer is the point, and smaller inputs run about twice as fast.
    max_len=32 * 1024,
    mutator=_mutate,
    dictionary=(
        b"age-encryption.org/v1\n",
        b"-> X25519 ",
        b"-> scrypt ",
        b"\n---",
        b"--- ",
        b" 10\n",
        KEY_FILE_MARK,
        b"AGE-SECRET-KEY-1",
    ),
)
