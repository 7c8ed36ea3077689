"""Writing an encrypted bundle: see docs/bundle-format.md and ``bundle`` for reading.

Plaintext never touches the disk. The ZIP streams through an ``os.pipe`` (a kernel
buffer) straight into age's encryptor. A small passphrase bundle is built in memory, as
pyrage's scrypt mode requires; a larger one spills, without being serialized again, into
a stream encrypted to a fresh X25519 identity, which is written beside it, sealed with
the passphrase.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import threading
import time
import zipfile
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pyrage
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from hushnote.core.atomic import replace_file, scrub_file, storage_errors, write_new_file
from hushnote.core.formats.bundle_records import (
    DATA_MEMBERS,
    FORMAT,
    KEY_SUFFIX,
    VERSION,
    Scope,
    read_records,
)
from hushnote.core.store.database import Database, Progress
from hushnote.errors import CancelledError, InvalidRecordError

__all__ = ["ExportReport", "export_bundle", "parse_recipients"]

IN_MEMORY_LIMIT = 64 << 20  # largest passphrase bundle built in memory
_TICK = 0.05  # seconds between progress reports: a Cancel takes effect within about this


@dataclass
class ExportReport:
    """Counts by member, and the files written (a bundle, and perhaps its key file)."""

    counts: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    archive_bytes: int = 0


def parse_recipients(recipients: list[str]) -> list[x25519.Recipient]:
    """age X25519 recipients (``age1…``); ``InvalidRecordError`` for anything else."""
    parsed = []
    for text in recipients:
        try:
            parsed.append(x25519.Recipient.from_str(text.strip()))
        except (pyrage.RecipientError, ValueError):
            raise InvalidRecordError(field="recipient", reason="not an age1 public key") from None
    if not parsed:
        raise InvalidRecordError(field="recipient", reason="none given")
    return parsed


def _write_archive(
    sink: Any,  # any writable binary stream; zipfile needs no more
    records: dict[str, Generator[tuple[str, int], None, None]],
    scope: Scope,
    counts: dict[str, int],
    progress: Callable[[int], None],
) -> None:
    """Write the ZIP: each member streamed record by record, the manifest last."""
    try:
        _write_members(sink, records, scope, counts, progress)
    finally:
        for generator in records.values():
            generator.close()  # finalises their statements, even after a cancel


def _write_members(
    sink: Any,
    records: dict[str, Generator[tuple[str, int], None, None]],
    scope: Scope,
    counts: dict[str, int],
    progress: Callable[[int], None],
) -> None:
    members: dict[str, dict[str, Any]] = {}
    # Stored, not deflated: compressing costs more time than encrypting the extra bytes.
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_STORED) as archive:
        for name in DATA_MEMBERS:
            digest, size, count = hashlib.sha256(), 0, 0
            with archive.open(name, "w", force_zip64=True) as member:
                for text, rows in records[name]:
                    data = text.encode("utf-8")
                    member.write(data)
                    digest.update(data)
                    size += len(data)
                    progress(rows)
                    count += rows
            members[name] = {"sha256": digest.hexdigest(), "size": size}
            counts[name.removesuffix(".jsonl")] = count
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": int(time.time() * 1000),
            "scope": scope.kind,
            "counts": counts,
            "members": members,
        }
        archive.writestr("manifest.json", json.dumps(manifest, indent=2))


def export_bundle(
    db: Database,
    out: Path,
    *,
    scope: Scope | None = None,
    recipients: list[str] | None = None,
    passphrase: str | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """Write the records in ``scope`` to ``out``, encrypted to ``recipients`` or with
    ``passphrase``. ``progress`` (a share of the work done) may cancel by returning False,
    and then nothing is left behind."""
    if (recipients is None) == (passphrase is None):
        raise ValueError("give recipients or a passphrase, not both")
    scope = scope or Scope()
    report = ExportReport()
    total = max(1, _record_total(db, scope))
    done = [0]
    next_report = [0.0]  # the first chunk reports at once, then every _TICK

    def tick(rows: int) -> None:
        """After every chunk written: a report (and a chance to cancel) every 50 ms,
        whatever the size of the records."""
        done[0] += rows
        if progress is None or time.monotonic() < next_report[0]:
            return
        next_report[0] = time.monotonic() + _TICK
        if not progress(min(0.99, done[0] / total)):
            raise CancelledError()

    key_file = out.with_name(out.name + KEY_SUFFIX)
    try:
        with db.turn():  # the reader thread uses the connection on this job's behalf
            _export(db, scope, out, key_file, recipients, passphrase, report, tick)
    except BaseException:
        for path in (out, key_file, _partial(out)):
            with contextlib.suppress(OSError):
                scrub_file(path)
        raise
    if progress is not None:
        progress(1.0)
    return report


def _export(
    db: Database,
    scope: Scope,
    out: Path,
    key_file: Path,
    recipients: list[str] | None,
    passphrase: str | None,
    report: ExportReport,
    tick: Callable[[int], None],
) -> None:
    """Stream the archive into ``out`` (and, with a passphrase, its key file)."""
    if passphrase is not None:
        identity = x25519.Identity.generate()
        written, small = _stream(db, scope, out, [identity.to_public()], report.counts,
                                 tick, keep=IN_MEMORY_LIMIT)  # fmt: skip
        report.archive_bytes = written
        if small is not None:
            _install(out, age_passphrase.encrypt(bytes(small), passphrase))
            report.files = [out]
        else:
            _install(key_file, age_passphrase.encrypt(str(identity).encode(), passphrase))
            report.files = [out, key_file]
    else:
        parsed = parse_recipients(recipients or [])
        report.archive_bytes, _ = _stream(db, scope, out, parsed, report.counts, tick)
        report.files = [out]


def _record_total(db: Database, scope: Scope) -> int:
    if scope.kind == "vault":
        row = db.row("SELECT (SELECT count(*) FROM notes WHERE trashed_at IS NULL) + "
                      "(SELECT count(*) FROM contacts)")  # fmt: skip
        return int(row[0])
    return 1000


def _partial(out: Path) -> Path:
    return out.with_name(out.name + ".partial")


def _install(out: Path, data: bytes) -> None:
    with storage_errors(out):
        replace_file(out, data)


class _Spilling(io.RawIOBase):
    """Keeps the first ``keep`` bytes in memory; past that, hands everything to ``pipe``.

    ``decided`` is set at the first byte that does not fit (or at once when ``keep`` is
    0), so the reader knows to start encrypting from the pipe.
    """

    def __init__(self, pipe: IO[bytes], keep: int, decided: threading.Event) -> None:
        self.pipe = pipe
        self.buffer: bytearray | None = bytearray() if keep else None
        self.keep = keep
        self.decided = decided
        self.written = 0
        if self.buffer is None:
            decided.set()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        size = len(data)
        self.written += size
        if self.buffer is not None:
            if len(self.buffer) + size <= self.keep:
                self.buffer += data
                return size
            held, self.buffer = self.buffer, None
            self.decided.set()
            self.pipe.write(held)
        self.pipe.write(data)
        return size


def _stream(
    db: Database,
    scope: Scope,
    out: Path,
    recipients: list[x25519.Recipient],
    counts: dict[str, int],
    tick: Callable[[int], None],
    *,
    keep: int = 0,
) -> tuple[int, bytearray | None]:
    """ZIP into a pipe in one thread, age-encrypt from it into ``out`` here.

    With ``keep``, an archive of at most that many bytes is returned in memory instead,
    and nothing is written; a larger one is serialized once all the same, the bytes held
    so far going first into the pipe. Returns the archive's size and, if kept, its bytes.
    """
    read_end, write_end = os.pipe()
    failure: list[BaseException] = []
    decided = threading.Event()
    pipe = os.fdopen(write_end, "wb")
    sink = _Spilling(pipe, keep, decided)

    def produce() -> None:
        try:
            with pipe:
                _write_archive(sink, read_records(db, scope), scope, counts, tick)
        except BaseException as error:  # handed to the caller below
            failure.append(error)
        finally:
            decided.set()

    producer = threading.Thread(target=produce, name="bundle-writer")
    producer.start()
    with os.fdopen(read_end, "rb") as source:
        decided.wait()
        if sink.buffer is not None:  # the whole archive fit: nothing was piped
            producer.join()
            if failure:
                raise failure[0]
            return sink.written, sink.buffer
        partial = _partial(out)
        try:
            with storage_errors(partial):
                scrub_file(partial)
                write_new_file(partial, b"")
                with partial.open("r+b") as target:
                    pyrage.encrypt_io(source, target, recipients)
                    target.flush()
                    os.fsync(target.fileno())
        finally:
            source.close()  # a writer still blocked on the pipe gets EPIPE and stops
            producer.join()
    if failure:
        raise failure[0]
    with storage_errors(out):
        os.replace(partial, out)
    return sink.written, None
