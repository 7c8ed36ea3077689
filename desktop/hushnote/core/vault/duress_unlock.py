"""The duress passphrase's way in: destroy the real vault, open the decoy in its place.

See docs/panic-and-duress.md for what an examiner finds afterwards.
"""

from __future__ import annotations

import secrets
import threading

from hushnote.core.atomic import create_private_file, replace_file, storage_errors
from hushnote.core.paths import VaultPaths
from hushnote.core.store.database import Database
from hushnote.core.store.note_records import NewNote
from hushnote.core.store.notes import NoteStore
from hushnote.core.store.schema import migrate
from hushnote.core.vault.duress import decode_decoy
from hushnote.core.vault.header import Header, SlotContent, SlotKind
from hushnote.core.vault.header_file import database_salt
from hushnote.core.vault.key_schedule import new_data_key
from hushnote.core.vault.keyring import Keyring
from hushnote.core.vault.opening import attach, counted_open
from hushnote.core.vault.vault_state import VaultState, seal_all_slots
from hushnote.core.vault.wipe import Wipe
from hushnote.errors import StorageError

__all__ = ["open_decoy"]


def open_decoy(
    paths: VaultPaths, header: Header, index: int, key: bytearray, content: SlotContent
) -> tuple[Keyring, Database]:
    """Destroy the real vault and open the decoy that ``content`` (a duress slot) holds.

    1. Every header file is overwritten in place (the real keys are gone).
    2. The other files are unlinked and overwritten in a background thread, which the
       process waits for before it exits; ``vault.db`` itself is overwritten and
       emptied in place, keeping its inode, so its birth time stays that of the real
       vault (docs/panic-and-duress.md).
    3. The decoy's notes go into that file under a new key, and a new header with one
       normal slot for the duress passphrase is written, exactly as every unlock
       writes one. From then on the duress passphrase opens the decoy like any
       vault, and the real one fails like any wrong passphrase.
    """
    notes = decode_decoy(content.payload)
    content.forget()  # the duress slot's own data key opens nothing
    job = Wipe(paths.root)
    report = job.destroy(keep_database=True)
    if not report.keys_destroyed or any(p.name == "vault.db" for p in report.problems):
        # Read-only media: nothing can be written, exactly as a normal unlock finds.
        raise StorageError(path=str(paths.root), errno="EROFS")
    decoy = SlotContent(kind=SlotKind.NORMAL, dek=new_data_key())
    try:
        if not paths.database.exists():
            with storage_errors(paths.database):
                create_private_file(paths.database)
        # On a full disk the decoy has only the space the real vault freed, and a WAL
        # would need the database's size twice: its pages go straight into the file
        # (a crash now leaves the state an interrupted duress unlock always has).
        db = Database.open(paths.database, decoy.dek, in_place=True)
        try:
            migrate(db)
            NoteStore(db).create_many(
                NewNote(
                    title=n.title, body=n.body, created_at=n.created_at, updated_at=n.updated_at
                )
                for n in notes
            )
            # A vault used for a while has written many times; a counter of 1 would
            # say this one was born at the unlock.
            state = VaultState.new(database_salt(paths))
            attach(db, state, reseal=True)
            db.execute(
                "UPDATE vault_state SET counter = ? WHERE id = 1", (100 + secrets.randbelow(5000),)
            )
            db.close()
            db = Database.open(paths.database, decoy.dek)  # from here on, like any vault
            attach(db, state, reseal=False)
            state = counted_open(db, state)
            fresh = Header(
                params=header.params, salt=header.salt, slots=Header.new(header.params).slots
            )
            fresh = seal_all_slots(fresh, index, key, decoy, state)
            replace_file(paths.header, fresh.to_bytes())
        except BaseException:
            db.close()
            raise
    except BaseException:
        decoy.forget()
        raise
    finally:
        # Only now: overwriting the old files must not race the new ones' creation.
        threading.Thread(target=job.finish, name="overwrite", daemon=False).start()
    return Keyring(paths, fresh, index, key, decoy, state), db
