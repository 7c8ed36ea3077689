"""Reading another app's export safely: a zip, a plain tar or a folder, capped and streamed.

Nothing is ever extracted to the disk: members are listed, checked against ``Limits``
before anything is read, and read as streams that stop at the size the archive declared.
A name that climbs out of the archive (``..``, an absolute path), a link or a device, a
member larger than allowed or one that expands far beyond its compressed size is refused
whole with ``AppImportError``, before the first note is parsed.

Plain tar only (Joplin's JEX is one): a compressed tar can only be read front to back, and
reading its members in the order the notes need them would decompress it again for each.
"""

from __future__ import annotations

import contextlib
import io
import json
import lzma
import os
import re
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import IO, Any

from hushnote.core.importers.model import Limits
from hushnote.errors import AppImportError

__all__ = ["Entry", "ExportFiles", "iter_entries", "open_export", "parse_json", "printable_name"]

_READ = 1 << 20
# What reading a damaged member lets out: a broken stream or header, a corrupt deflate,
# bzip2 or LZMA stream, an unknown compression method, an encrypted entry (RuntimeError).
_UNREADABLE = (zipfile.BadZipFile, tarfile.TarError, OSError, EOFError, ValueError,
               NotImplementedError, RuntimeError, zlib.error, lzma.LZMAError)  # fmt: skip
# Below this, a high ratio is ordinary (a text file of spaces): only larger members count.
_RATIO_FLOOR = 1 << 20
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Entry:
    """One regular file of an export: its name relative to the export's root (``/``
    separated, checked), and its size as the archive or the file system states it."""

    name: str
    size: int
    compressed: int = 0  # zip only: the stored size, for the ratio check
    # When the file was last changed, as the archive or the file system says (seconds
    # since the epoch; a zip's local time is taken as UTC); None when unknown.
    mtime: float | None = None

    @property
    def path(self) -> PurePosixPath:
        return PurePosixPath(self.name)


class ExportFiles:
    """The regular files of an export, listed once (``entries``), each readable as a
    capped stream (``open``) or whole (``read``) up to a cap."""

    def __init__(self, root: Path, source: str, limits: Limits) -> None:
        self.root = root
        self.source = source
        self.limits = limits
        self.entries: dict[str, Entry] = {}
        # Links and other non-files found in a folder, skipped (a parser may report them).
        self.skipped: list[str] = []

    def error(
        self, reason: str, file: str | None = None, item: str | None = None
    ) -> AppImportError:
        context: dict[str, str] = {"source": self.source, "reason": reason}
        if file:
            context["file"] = file
        if item:
            context["item"] = item
        return AppImportError(**context)

    def _add(self, entry: Entry) -> None:
        limits = self.limits
        if len(self.entries) >= limits.max_entries:
            raise self.error("too-many-entries", self.root.name)
        if entry.name in self.entries:
            raise self.error("damaged", entry.name)
        if entry.size > limits.max_file_bytes:
            raise self.error("too-large", entry.name)
        if (
            entry.compressed
            and entry.size > _RATIO_FLOOR
            and entry.size > entry.compressed * limits.max_ratio
        ):
            raise self.error("ratio", entry.name)
        self.entries[entry.name] = entry

    def _check_total(self) -> None:
        if sum(entry.size for entry in self.entries.values()) > self.limits.max_total_bytes:
            raise self.error("total-too-large", self.root.name)

    def names(self) -> list[str]:
        return list(self.entries)

    def get(self, name: str) -> Entry | None:
        return self.entries.get(name)

    def open(self, entry: Entry) -> IO[bytes]:
        """The member's bytes as a stream that fails (``damaged``) past its stated size."""
        capped = _Capped(self._raw(entry), entry.size, self.error("damaged", entry.name))
        return io.BufferedReader(capped, buffer_size=_READ)

    def read(self, entry: Entry, cap: int | None = None) -> bytes:
        """The whole member, refused (``too-large``) past ``cap`` (default: the limit
        on one note's text)."""
        cap = self.limits.max_text_bytes if cap is None else cap
        if entry.size > cap:
            raise self.error("too-large", entry.name)
        with self.open(entry) as stream:
            return stream.read()

    def _raw(self, entry: Entry) -> IO[bytes]:
        raise NotImplementedError

    def close(self) -> None:
        """Release the archive; members opened earlier fail afterwards."""

    def __enter__(self) -> ExportFiles:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_export(path: Path, *, source: str, limits: Limits | None = None) -> ExportFiles:
    """List ``path`` (a folder, a zip or a plain tar) with every check done; the caller
    closes it (``ImportSource.on_close``)."""
    limits = limits or Limits()
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise AppImportError(source=source, file=path.name, reason="not-found") from None
    except OSError:
        raise AppImportError(source=source, file=path.name, reason="unreadable") from None
    if stat.S_ISDIR(info.st_mode):
        from hushnote.core.importers.archive_folder import FolderFiles  # it builds on this

        return FolderFiles(path, source, limits)
    if not stat.S_ISREG(info.st_mode):
        raise AppImportError(source=source, file=path.name, reason="unreadable")
    handle = _open_file(path, source)
    try:
        head = handle.read(512)
        handle.seek(0)
        if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
            return _ZipFiles(path, source, limits, handle)
        if len(head) == 512 and head[257:262] == b"ustar":
            return _TarFiles(path, source, limits, handle)
    except BaseException:
        handle.close()
        raise
    handle.close()
    raise AppImportError(source=source, file=path.name, reason="not-this-format")


def _open_file(path: Path, source: str) -> IO[bytes]:
    """Open a regular file without following a link at its name or blocking on a FIFO."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        raise AppImportError(source=source, file=path.name, reason="unreadable") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise AppImportError(source=source, file=path.name, reason="link")
    return os.fdopen(fd, "rb")


def printable_name(raw: str) -> str:
    """A name the file system or an archive gave, its bytes that are not UTF-8 (lone
    surrogates in Python) each shown as U+FFFD: such a name in a title or a notebook
    would break every later encoding of it."""
    return _SURROGATE.sub("\ufffd", raw)


def _clean_name(raw: str, files: ExportFiles) -> str:
    """The member's name as a relative posix path, or ``unsafe-path``."""
    name = printable_name(raw).replace("\\", "/")
    parts = [part for part in name.split("/") if part not in ("", ".")]
    if (
        not parts
        or name.startswith("/")
        or ".." in parts
        or "\x00" in name
        or (len(parts[0]) == 2 and parts[0][1] == ":")  # C:/...
    ):
        raise files.error("unsafe-path", raw[:200])
    return "/".join(parts)


class _ZipFiles(ExportFiles):
    def __init__(self, root: Path, source: str, limits: Limits, handle: IO[bytes]) -> None:
        super().__init__(root, source, limits)
        self._handle = handle
        try:
            self._zip = zipfile.ZipFile(handle)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            handle.close()
            raise self.error("damaged", root.name) from None
        try:
            if len(infos) > limits.max_entries:
                raise self.error("too-many-entries", root.name)
            self._infos: dict[str, zipfile.ZipInfo] = {}
            for info in infos:
                if not info.filename:  # a name that was only a NUL (zipfile cuts there)
                    raise self.error("unsafe-path", "(no name)")
                if info.is_dir():
                    continue
                name = _clean_name(info.filename, self)
                mode = (info.external_attr >> 16) & 0o170000
                if mode and not stat.S_ISREG(mode):
                    raise self.error("link", name)
                if info.flag_bits & 0x1:
                    raise self.error("unsupported-version", name)  # zip encryption
                self._add(Entry(name, info.file_size, max(1, info.compress_size), _zip_time(info)))
                self._infos[name] = info
            self._check_total()
            # Many members each under the ratio floor can still add up to a bomb.
            expanded = sum(entry.size for entry in self.entries.values())
            packed = sum(entry.compressed for entry in self.entries.values())
            if expanded > _RATIO_FLOOR * 64 and expanded > packed * limits.max_ratio:
                raise self.error("ratio", root.name)
        except BaseException:
            self.close()
            raise

    def _raw(self, entry: Entry) -> IO[bytes]:
        try:
            return self._zip.open(self._infos[entry.name])
        except _UNREADABLE:
            raise self.error("damaged", entry.name) from None

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._zip.close()
        self._handle.close()


def _zip_time(info: zipfile.ZipInfo) -> float | None:
    try:
        return datetime(*info.date_time, tzinfo=UTC).timestamp()
    except (ValueError, TypeError, OverflowError):
        return None


# Python's tarfile reads a PAX extended header in time with the square of its length
# before 3.11.10 and 3.12.6 (CVE-2024-6232: 64 KB took 2.6 s, and it runs before any
# limit of ours). An export's PAX headers hold a long name and a time or two: a few
# hundred bytes.
MAX_PAX_HEADER = 8 * 1024


class _BoundedTarInfo(tarfile.TarInfo):
    """Refuses a PAX header longer than ``MAX_PAX_HEADER`` before tarfile parses it
    (``tarfile.open`` takes the class that reads each header as ``tarinfo``)."""

    def _proc_pax(self, archive: tarfile.TarFile) -> tarfile.TarInfo:
        if self.size > MAX_PAX_HEADER:
            raise tarfile.HeaderError("PAX header too long")
        return super()._proc_pax(archive)  # type: ignore[misc,no-any-return]


class _TarFiles(ExportFiles):
    def __init__(self, root: Path, source: str, limits: Limits, handle: IO[bytes]) -> None:
        super().__init__(root, source, limits)
        self._handle = handle
        self._members: dict[str, tarfile.TarInfo] = {}
        try:
            # Uncompressed only ("r:"): members are read in any order, by offset.
            try:
                self._tar = tarfile.open(fileobj=handle, mode="r:", tarinfo=_BoundedTarInfo)
            except (tarfile.TarError, OSError, EOFError, ValueError, UnicodeError,
                    MemoryError, OverflowError):  # fmt: skip
                raise self.error("damaged", root.name) from None  # a broken first header
            count = 0
            while (member := self._next()) is not None:
                self._end = member.offset_data + member.size
                count += 1
                if count > limits.max_entries:
                    raise self.error("too-many-entries", root.name)
                if member.isdir():
                    continue
                name = _clean_name(member.name, self)
                if not member.isfile():
                    raise self.error("link", name)
                self._add(Entry(name, member.size, mtime=float(member.mtime) or None))
                self._members[name] = member
            self._check_end()
            self._check_total()
        except BaseException:
            self.close()
            raise

    def _next(self) -> tarfile.TarInfo | None:
        try:
            return self._tar.next()
        except (tarfile.TarError, OSError, EOFError, ValueError, UnicodeError):
            raise self.error("damaged", self.root.name) from None
        except (MemoryError, OverflowError):
            # An extended header (PAX, GNU long name) declaring an enormous size, which
            # tarfile tries to read in one piece.
            raise self.error("damaged", self.root.name) from None

    def _check_end(self) -> None:
        """A tar ends with blocks of zeros after its last member. tarfile stops quietly
        at a damaged or cut header after the first, so without this check a cut or
        damaged export would read as a smaller, complete one and its notes go unnoticed."""
        size = os.fstat(self._handle.fileno()).st_size
        end = getattr(self, "_end", 0)
        end += -end % tarfile.BLOCKSIZE
        if size - end < 2 * tarfile.BLOCKSIZE:
            raise self.error("damaged", self.root.name)
        self._handle.seek(end)
        while chunk := self._handle.read(_READ):
            if chunk.count(0) != len(chunk):
                raise self.error("damaged", self.root.name)

    def _raw(self, entry: Entry) -> IO[bytes]:
        stream = self._tar.extractfile(self._members[entry.name])
        if stream is None:
            raise self.error("damaged", entry.name)
        return stream

    def close(self) -> None:
        with contextlib.suppress(OSError, AttributeError):
            self._tar.close()
        self._handle.close()


class _Capped(io.RawIOBase):
    """A member's stream that raises once more than ``limit`` bytes come out of it: a
    zip whose header understates a member cannot feed more than it declared."""

    def __init__(self, inner: IO[bytes], limit: int, error: AppImportError) -> None:
        super().__init__()
        self._inner, self._left, self._error = inner, limit, error

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer)
        want = min(len(view), self._left + 1)
        if want == 0:
            return 0
        try:
            data = self._inner.read(want)
        except _UNREADABLE:
            raise self._error from None
        if len(data) > self._left or (not data and self._left):
            raise self._error  # longer than declared, or cut short before its end
        self._left -= len(data)
        view[: len(data)] = data
        return len(data)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._inner.close()
        super().close()


def parse_json(data: bytes, files: ExportFiles, file: str) -> Any:
    """JSON from an export, with every way it can be broken as ``AppImportError``:
    not UTF-8, not JSON, or nested deeper than Python's parser goes (``too-deep``)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise files.error("not-utf8", file) from None
    try:
        return json.loads(text)
    except RecursionError:
        raise files.error("too-deep", file) from None
    except ValueError:
        raise files.error("bad-json", file) from None


def iter_entries(files: ExportFiles, suffix: str = "") -> Iterator[Entry]:
    """The entries whose name ends with ``suffix`` (case-insensitive), in name order."""
    suffix = suffix.lower()
    for name in sorted(files.entries):
        if name.lower().endswith(suffix):
            yield files.entries[name]
