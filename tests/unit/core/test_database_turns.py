"""One caller at a time: the connection's turn, interrupts, and closing under a job.

With a real vault: two threads never share a transaction, an interrupted write is a
cancel (not a raw database error), a rotation loses no write made meanwhile, and a job
left holding the connection after a panic gets a vault error, not a crash.
"""

from __future__ import annotations

import threading
import time

import pytest

from hushnote.core import NewNote, Vault
from hushnote.errors import CancelledError, HushnoteError, VaultLockedError


def test_an_interrupted_write_is_a_cancel_and_leaves_nothing(open_vault: Vault) -> None:
    db = open_vault.db
    steps = [0]

    def interrupt_midway() -> int:
        steps[0] += 1
        return 1 if steps[0] > 50 else 0  # what sqlite3_interrupt does from another thread

    db.connection.set_progress_handler(interrupt_midway, 100)
    try:
        # SQLite rolls an interrupted write back itself; a second ROLLBACK used to fail
        # and hide the cancel behind a raw "no transaction is active".
        with pytest.raises(CancelledError):
            open_vault.notes.create_many(
                NewNote(title=f"n{i}", body="x" * 1000) for i in range(2000)
            )
    finally:
        db.connection.set_progress_handler(None, 0)
    assert open_vault.notes.count() == 0
    assert open_vault.check() == []


def test_interrupts_from_another_thread_only_ever_cancel(open_vault: Vault) -> None:
    stop = threading.Event()

    def interrupter() -> None:
        while not stop.is_set():
            open_vault.db.interrupt()
            time.sleep(0.0005)

    thread = threading.Thread(target=interrupter)
    thread.start()
    outcomes = {"done": 0, "cancelled": 0}
    try:
        for n in range(300):
            try:
                note = open_vault.notes.create(title=f"n{n}", body="word " * 200)
                open_vault.notes.update(note.uuid, body="other " * 200)
                open_vault.searcher.search("other")
                outcomes["done"] += 1
            except CancelledError:
                outcomes["cancelled"] += 1
    finally:
        stop.set()
        thread.join()
    assert outcomes["cancelled"] > 0  # the interrupts did land
    assert open_vault.check() == []


def test_a_rotation_loses_no_write_made_meanwhile(open_vault: Vault) -> None:
    open_vault.notes.create_many(NewNote(title=f"n{i}", body="x" * 500) for i in range(2000))
    stop = threading.Event()
    written: list[str] = []
    raised: list[BaseException] = []

    def writer() -> None:
        while not stop.is_set():
            try:
                written.append(open_vault.notes.create(title="during", body="kept").uuid)
            except HushnoteError:
                pass
            except BaseException as error:  # a raw error is the failure looked for
                raised.append(error)
                return

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        for _ in range(2):
            open_vault.rotate_key()
    finally:
        stop.set()
        thread.join()
    assert raised == []
    assert written
    assert all(open_vault.notes.get(uuid).body == "kept" for uuid in written)


def test_a_job_left_holding_the_connection_gets_a_vault_error(open_vault: Vault) -> None:
    db = open_vault.db
    holding, outcome = threading.Event(), []

    def job() -> None:
        with db.turn():
            holding.set()
            time.sleep(0.5)  # Python work between statements, as an export does
            try:
                db.row("SELECT count(*) FROM notes")
            except BaseException as error:
                outcome.append(error)

    thread = threading.Thread(target=job)
    thread.start()
    assert holding.wait(5)
    db.abandon(wait=0.1)  # a panic: it does not wait for the job for ever
    thread.join()
    assert len(outcome) == 1 and isinstance(outcome[0], VaultLockedError)
