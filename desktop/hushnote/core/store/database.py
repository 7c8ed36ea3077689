"""The SQLCipher connection: keyed with a raw data key, hardened, and checked on every open.

Settings applied and read back on every open, and why:

- the key: a raw 256-bit key (``x'<64 hex>'``), so SQLCipher's own PBKDF2 is skipped
  (Argon2id already did the slow part). It is built in a ``bytearray`` and handed to
  ``sqlite3_key`` (``set_key``), then zeroed: never a Python ``str``, which could not be
  erased, and never SQL text, which SQLite would copy into its statement cache.
- ``cipher_memory_security`` stays OFF: zeroing (and mlocking) every allocation made
  saves and imports 6 to 14 times slower here, and buys little, because locking ends the
  process that held plaintext and Python's own copies are never zeroed anyway
  (docs/vault-format.md#database-settings).
- ``cipher_log_level = NONE``: SQLCipher logs nothing anywhere.
- ``temp_store = MEMORY``: with FILE, sorts and temp tables spill plaintext to /tmp.
- ``secure_delete = ON``: freed pages are zeroed before reuse.
- ``journal_mode = WAL``, never PERSIST (which leaves old pages in the journal).
- ``synchronous = FULL``: each commit is fsynced; a note saved is a note kept after a
  power cut. NORMAL would be faster in WAL mode but may drop the last commits.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hushnote.core.atomic import storage_errors
from hushnote.core.store.sqlcipher import database_errors, raw_key, sqlcipher
from hushnote.errors import (
    CipherUnavailableError,
    StorageError,
    VaultBusyError,
    VaultCorruptedError,
    VaultLockedError,
)

if TYPE_CHECKING:
    from hushnote.core.store.record_integrity import RecordSeal

Parameters = tuple[Any, ...] | dict[str, Any]
# Called with the share of the work done; returning False asks to stop.
Progress = Callable[[float], bool]

__all__ = ["ABANDON_WAIT_SECONDS", "Database", "Parameters", "Progress", "progress_share"]


def progress_share(progress: Progress | None, start: float, end: float) -> Progress | None:
    """``progress`` for one stage of a longer job: its 0..1 mapped onto start..end."""
    if progress is None:
        return None
    return lambda fraction: progress(start + (end - start) * fraction)


# How long a panic's ``abandon`` waits for an interrupted job to let go of the connection.
ABANDON_WAIT_SECONDS = 2.0

_EXPECTED = {
    "temp_store": 2,
    "secure_delete": 1,
    "journal_mode": "wal",
    "synchronous": 2,
    "foreign_keys": 1,
}


class Database:
    """One open, keyed SQLCipher connection in autocommit mode; see ``transaction``.

    **One caller at a time.** Every statement and every transaction takes the
    connection's *turn* (a re-entrant lock), so two threads never share a transaction:
    an autosave on the GUI thread waits for an import's transaction on a worker to end,
    and is never rolled back with it. A long job that reads with helper threads of its
    own (a bundle export) holds the turn for the whole job (``turn``); the front end
    keeps its own calls out meanwhile rather than wait (docs/architecture.md#threads).
    ``interrupt`` stops the statement running now, from any thread.
    """

    def __init__(self, path: Path, connection: Any) -> None:
        self.path = path
        self._connection: Any = connection
        self._turn = threading.RLock()
        # ``interrupt`` is a no-op while a step that must finish runs (``finishing``).
        self._interrupt_lock = threading.Lock()
        self._finishing = 0
        # Runs inside every transaction just before COMMIT (record MACs and the write
        # counter: core/store/record_integrity.py); None until the vault installs it.
        self.before_commit: Callable[[Any], None] | None = None
        self.records: RecordSeal | None = None

    @classmethod
    def open(cls, path: Path, dek: bytes | bytearray, *, in_place: bool = False) -> Database:
        """Open ``path`` with ``dek`` and verify every hardening setting took effect.

        ``in_place`` writes pages straight into the file, with the rollback journal in
        memory instead of a WAL: only for building a new database from nothing (the
        duress decoy on a full disk), where a crash loses nothing and a WAL would need
        the database's size a second time. Close it and open it again to use it.

        Raises ``VaultCorruptedError`` if the key does not open the file: the key came out
        of an authenticated slot, so a mismatch means the database itself is damaged.
        """
        # Callers create new files themselves (0600); a missing file here is damage.
        if not path.is_file():
            raise VaultCorruptedError(path=str(path), reason="database-missing")
        with database_errors(path):
            # 512 statements: the stores, the index and the record MACs use more than the
            # default 128, and each re-preparation also recompiles the TEMP triggers.
            connection = sqlcipher.connect(
                str(path), isolation_level=None, check_same_thread=False, cached_statements=512
            )
        db = cls(path, connection)
        try:
            with database_errors(path), raw_key(dek) as key:
                db._configure(key, "memory" if in_place else "wal")
        except BaseException:
            connection.close()
            raise
        return db

    def _configure(self, key: bytearray, journal: str) -> None:
        execute = self._connection.execute
        if not execute("PRAGMA cipher_version").fetchone():
            raise CipherUnavailableError()
        execute("PRAGMA cipher_log_level = NONE")
        self._connection.set_key(key)
        # The first read authenticates page 1: a wrong key or a damaged page fails here.
        execute("SELECT count(*) FROM sqlite_master").fetchone()
        execute("PRAGMA temp_store = MEMORY")
        execute("PRAGMA secure_delete = ON")
        execute(f"PRAGMA journal_mode = {journal}")
        execute("PRAGMA synchronous = FULL")
        execute("PRAGMA foreign_keys = ON")
        execute("PRAGMA trusted_schema = OFF")
        for name, expected in {**_EXPECTED, "journal_mode": journal}.items():
            actual = execute(f"PRAGMA {name}").fetchone()[0]
            if actual != expected:
                raise RuntimeError(f"PRAGMA {name} is {actual!r}, expected {expected!r}")

    @property
    def closed(self) -> bool:
        return self._connection is None

    @property
    def connection(self) -> Any:
        """The raw connection, for code that holds the turn (``turn``, ``transaction``)."""
        if self._connection is None:
            raise VaultLockedError()  # closed: locked, abandoned by a panic, or mid-rotation
        return self._connection

    @contextlib.contextmanager
    def turn(self) -> Iterator[None]:
        """Hold the connection for the block: other threads' statements wait for it."""
        with self._turn:
            yield

    def interrupt(self) -> None:
        """Stop the statement running now, from any thread: it raises ``CancelledError``
        in the thread that runs it (SQLite's ``sqlite3_interrupt``). A no-op inside
        ``finishing``."""
        with self._interrupt_lock:
            connection = self._connection
            if connection is not None and not self._finishing:
                connection.interrupt()

    @contextlib.contextmanager
    def finishing(self) -> Iterator[None]:
        """Hold the turn for a step past the point where Cancel can still undo the work
        (travel's purge, once its bundle is checked): ``interrupt`` does not stop it, so a
        late Cancel cannot leave the step done and the front end saying it was not.
        ``abandon`` (a panic) still stops it."""
        with self._turn:
            # Under the lock: an interrupt already under way lands before the block
            # starts, on no statement of this thread (the turn keeps other threads out).
            with self._interrupt_lock:
                self._finishing += 1
            try:
                yield
            finally:
                with self._interrupt_lock:
                    self._finishing -= 1

    def execute(self, sql: str, parameters: Parameters = ()) -> None:
        """Run one statement whose result, if any, is not needed."""
        with self._turn, database_errors(self.path):
            self.connection.execute(sql, parameters).fetchall()

    def rows(self, sql: str, parameters: Parameters = ()) -> list[Any]:
        """Run a query and fetch every row, errors translated while fetching too."""
        with self._turn, database_errors(self.path):
            rows: list[Any] = self.connection.execute(sql, parameters).fetchall()
        return rows

    def row(self, sql: str, parameters: Parameters = ()) -> Any:
        """The first row of a query, or None."""
        with self._turn, database_errors(self.path):
            return self.connection.execute(sql, parameters).fetchone()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        """Run the block in one IMMEDIATE transaction: all of it is written, or none.

        The block holds the turn: no other thread's statement lands inside it."""
        with self._turn, self._transaction() as connection:
            yield connection

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[Any]:
        connection = self.connection
        with database_errors(self.path):
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
                if self.before_commit is not None:
                    self.before_commit(connection)
                connection.execute("COMMIT")
            except BaseException:
                # A COMMIT that failed (interrupted, busy) leaves the transaction open:
                # it is rolled back, or the next one could not begin. An interrupted
                # write has already rolled it back (SQLite does so itself), and a second
                # ROLLBACK would fail and hide why it ended.
                if connection.in_transaction:
                    with contextlib.suppress(sqlcipher.Error):
                        connection.execute("ROLLBACK")
                raise

    def verify_record(self, kind: str, key: object) -> None:
        """Raise ``VaultRollbackError`` if the record does not match its MAC (a page of it
        was put back from an older copy); nothing to check before a vault attaches one."""
        if self.records is not None:
            with self._turn:
                self.records.verify(self, kind, key)

    def pragma_value(self, name: str) -> Any:
        return self.row(f"PRAGMA {name}")[0]

    def checkpoint(self) -> None:
        """Fold the WAL into the database, overwrite it, and truncate it, so that no stale
        page lingers in the file or in the blocks truncation frees.

        Truncating alone hands the WAL's blocks back to the file system with the old
        frames still in them, where a carving tool finds them and the key decrypts them.
        Once ``RESTART`` has copied every frame into the database, no reader looks at the
        WAL again (SQLite reads a fully copied WAL from the database file alone) and the
        next writer starts it afresh, so its bytes can be zeroed in place first. A crash
        after the zeroing leaves a WAL with no valid header, which SQLite ignores: every
        frame is already in the database.
        """
        busy, frames, copied = self.row("PRAGMA wal_checkpoint(RESTART)")
        wal = self.path.with_name(self.path.name + "-wal")
        # No committed frame is not an empty WAL: a rolled-back transaction (a bundle's
        # preview, a cancelled import) leaves the pages it spilled there.
        if not busy and frames >= 0 and copied == frames and _has_bytes(wal):
            _zero_file(wal)
        self.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def checkpoint_after_commit(self) -> None:
        """Truncate the WAL after a commit that removed text, as far as the disk lets us.

        The commit stands either way: failing now would tell the user a saved change was
        not made. Frames left by a failure are folded in and truncated by the next such
        commit, or at lock.
        """
        with contextlib.suppress(StorageError, VaultBusyError):
            self.checkpoint()

    def integrity_problems(self) -> list[str]:
        """Run SQLCipher's HMAC check of every page, then SQLite's structural checks.

        Each check that cannot even finish (a damaged page stops SQLite's walk) is itself
        reported as a problem rather than raised, so ``check`` always gives a verdict.
        """
        self.checkpoint()
        problems: list[str] = []
        checks: tuple[tuple[str, Callable[[Any], str]], ...] = (
            ("cipher_integrity_check", lambda row: str(row[0])),
            ("integrity_check", lambda row: "" if row[0] == "ok" else str(row[0])),
            ("foreign_key_check", lambda row: f"foreign key violation in table {row[0]}"),
        )
        for pragma, describe in checks:
            try:
                found = [describe(row) for row in self.rows(f"PRAGMA {pragma}")]
            except VaultCorruptedError:
                found = [f"{pragma} stopped: the database structure is damaged"]
            problems += [text for text in found if text]
        return problems

    def export_to(
        self, target: Path, dek: bytes | bytearray, progress: Progress | None = None
    ) -> None:
        """Write a copy of this database to ``target``, encrypted under ``dek``.

        ``progress(fraction)`` is called now and then; returning False cancels the copy
        (``CancelledError``), leaving ``target`` for the caller to discard.
        """
        with self._turn:
            self._export_to(target, dek, progress)

    def _export_to(self, target: Path, dek: bytes | bytearray, progress: Progress | None) -> None:
        version = self.pragma_value("user_version")
        total = max(1, self.path.stat().st_size)

        def report() -> int:
            if progress is None:
                return 0
            written = target.stat().st_size if target.exists() else 0
            return 0 if progress(min(1.0, written / total)) else 1

        with database_errors(target), raw_key(dek) as key:
            # A bound blob: the key never becomes SQL text or a Python str.
            self.connection.execute("ATTACH DATABASE ? AS rekey KEY ?", (str(target), key))
            self.connection.set_progress_handler(report, 5_000)
            try:
                self.connection.execute("SELECT sqlcipher_export('rekey')").fetchall()
                # sqlcipher_export copies schema and rows, not the user_version.
                self.connection.execute(f"PRAGMA rekey.user_version = {int(version)}")
            finally:
                self.connection.set_progress_handler(None, 0)
                self.connection.execute("DETACH DATABASE rekey")

    def reconnect(self, dek: bytes | bytearray) -> None:
        """Open this file again, under ``dek``, in this same object (a key rotation swapped
        in a re-encrypted file): every store holding this object keeps working."""
        with self._turn:
            if self._connection is not None:
                raise RuntimeError("close the database before reconnecting it")
            fresh = Database.open(self.path, dek)
            self._connection, fresh._connection = fresh._connection, None

    def abandon(self, wait: float = ABANDON_WAIT_SECONDS) -> None:
        """Close without a checkpoint or any other write (the files are being wiped).

        A job holding the turn is interrupted first and given ``wait`` seconds to let go
        (its transaction rolls back). If it does not, the connection is left to close when
        that job's thread drops it: closing it under a running statement is not safe.
        """
        connection = self._connection
        if connection is None:
            return
        connection.interrupt()
        if self._turn.acquire(timeout=wait):
            try:
                connection.close()
            finally:
                self._turn.release()
        self._connection = None

    def close(self) -> None:
        """Checkpoint, truncate the WAL and close; safe to call twice."""
        with self._turn:
            if self._connection is None:
                return
            try:
                with contextlib.suppress(VaultCorruptedError, StorageError):
                    self.checkpoint()
            finally:
                self._connection.close()
                self._connection = None


def _has_bytes(path: Path) -> bool:
    with storage_errors(path):
        try:
            return path.lstat().st_size > 0
        except FileNotFoundError:
            return False


def _zero_file(path: Path) -> None:
    """Overwrite ``path`` with zeros in place and sync it (never through a link)."""
    with storage_errors(path):
        fd = os.open(path, os.O_WRONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        try:
            size = os.fstat(fd).st_size
            block = bytes(min(size, 1 << 20))
            offset = 0
            while offset < size:
                offset += os.pwrite(fd, block[: size - offset], offset)
            os.fsync(fd)
        finally:
            os.close(fd)
