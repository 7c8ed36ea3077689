"""The sealed side of an unlocked vault: its header, its slot key, its slot's content.

One object holds every key an unlocked vault has: the slot key (from the passphrase)
and the slot's content, whose data key is the one ``bytearray`` every database
connection is keyed from. ``forget`` zeroes both. Every header write goes through
``write``, which reseals all eight slots (``vault_state.seal_all_slots``) and replaces
``vault.key`` only if it is still the header this object last wrote.
"""

from __future__ import annotations

import dataclasses
import secrets
import threading

from hushnote.core.atomic import replace_file
from hushnote.core.clock import system_clock
from hushnote.core.paths import VaultPaths
from hushnote.core.vault.anchor import RollbackAnchor, anchor_name
from hushnote.core.vault.duress import DecoyNote, encode_decoy
from hushnote.core.vault.header import SLOT_COUNT, Header, SlotContent, SlotKind
from hushnote.core.vault.header_file import unchanged
from hushnote.core.vault.key_schedule import (
    encode_passphrase,
    new_data_key,
    passphrase_key,
    zero,
)
from hushnote.core.vault.vault_state import VaultState, seal_all_slots
from hushnote.errors import PassphraseError, VaultLockedError

__all__ = ["Keyring"]


class Keyring:
    """Header, slot index, slot key and slot content of one unlocked vault."""

    def __init__(
        self,
        paths: VaultPaths,
        header: Header,
        slot_index: int,
        key: bytearray,
        content: SlotContent,
        state: VaultState,
        anchor: RollbackAnchor | None = None,
    ) -> None:
        self.paths = paths
        self.header = header
        self.state = state
        self.anchor = anchor
        self._on_disk = header.to_bytes()  # what a header write expects to replace
        self._slot_index = slot_index
        self._key: bytearray | None = key
        self._content: SlotContent | None = content
        self._lock = threading.Lock()

    @property
    def content(self) -> SlotContent:
        if self._content is None:
            raise VaultLockedError()
        return self._content

    @property
    def slot_index(self) -> int:
        return self._slot_index

    @property
    def slot_key(self) -> bytearray:
        """The key from the passphrase that opens this vault's slot."""
        return self._require_key()

    @property
    def data_key(self) -> bytearray:
        """The database's key: the one buffer ``forget`` zeroes."""
        return self.content.dek

    @property
    def forgotten(self) -> bool:
        return self._content is None

    def forget(self) -> None:
        """Zero the slot key and the data key(s) in place; the keyring is locked after.

        The vault state's MAC key and duress slot key are immutable ``bytes`` (they are
        parsed from a slot's payload): they cannot be zeroed, only let go of here."""
        zero(self._key)
        self._key = None
        if self._content is not None:
            self._content.forget()
            self._content = None
        self.state = dataclasses.replace(self.state, integrity_key=bytes(32), duress_key=bytes(32))

    @staticmethod
    def discard(key: bytearray | None, content: SlotContent | None) -> None:
        """Zero keys that never made it into a keyring (an unlock or create that failed)."""
        zero(key)
        if content is not None:
            content.forget()

    def write(
        self,
        state: VaultState,
        *,
        key: bytearray | None = None,
        content: SlotContent | None = None,
    ) -> None:
        """Reseal every slot and replace the header, if the one on disk is still ours."""
        own_key = self._require_key()
        content = self.content if content is None else content
        with self._lock:
            header = seal_all_slots(
                self.header, self._slot_index, own_key if key is None else key, content, state
            )
            data = header.to_bytes()
            replace_file(self.paths.header, data, precondition=unchanged(self.paths, self._on_disk))
            self.header, self.state, self._content = header, state, content
            self._on_disk = data
        if self.anchor is not None:
            self.anchor.record(anchor_name(header.salt), state.counter)

    def require_unchanged(self) -> None:
        """Raise ``HeaderChangedError`` if something (a wipe) replaced the header."""
        with self._lock:
            unchanged(self.paths, self._on_disk)()

    def verify(self, passphrase: str) -> bool:
        """Whether ``passphrase`` opens this vault's own slot (one Argon2id run)."""
        self._require_key()
        key = passphrase_key(passphrase, self.header.salt, self.header.params)
        try:
            opened = self.header.open_slots(key)
            try:
                return any(slot.index == self._slot_index for slot in opened)
            finally:
                for slot in opened:
                    slot.content.forget()
        finally:
            zero(key)

    def change_passphrase(self, new_passphrase: str, counter: int) -> None:
        """Reseal this slot under ``new_passphrase``: one atomic header replacement."""
        self._require_key()
        new_key = passphrase_key(new_passphrase, self.header.salt, self.header.params)
        try:
            # The duress passphrase as the new real one would open the real notes when
            # typed under coercion, believed to destroy them: refused.
            opens = self.header.open_slots(new_key)
            for slot in opens:
                slot.content.forget()
            if any(slot.index != self._slot_index for slot in opens):
                raise PassphraseError(reason="same-as-duress")
            self.write(self.state.at(counter), key=new_key)
        except BaseException:
            zero(new_key)
            raise
        zero(self._key)
        self._key = new_key

    def set_duress(self, passphrase: str, decoy: list[tuple[str, str]], counter: int) -> None:
        """Seal a duress slot holding the decoy's notes at a random index (see
        ``Vault.set_duress``)."""
        encode_passphrase(passphrase)
        self._require_key()
        duress_key = passphrase_key(passphrase, self.header.salt, self.header.params)
        try:
            opens = self.header.open_slots(duress_key)
            for slot in opens:
                slot.content.forget()
            if any(slot.index == self._slot_index for slot in opens):
                raise PassphraseError(reason="same-as-real")
            now = system_clock()
            payload = encode_decoy([DecoyNote(title, body, now, now) for title, body in decoy])
            index = secrets.choice([i for i in range(SLOT_COUNT) if i != self._slot_index])
            # The duress slot's own data key is never used: the decoy gets a fresh one.
            duress = SlotContent(SlotKind.DURESS, new_data_key(), payload=payload)
            with self._lock:
                self.header = self.header.with_slot(index, duress_key, duress)
                state = self.state.with_duress(index, bytes(duress_key))
            duress.forget()
            self.write(state.at(counter))
        finally:
            zero(duress_key)

    def clear_duress(self, counter: int) -> None:
        self.write(self.state.with_duress(None, None).at(counter))

    def _require_key(self) -> bytearray:
        if self._key is None or self._content is None:
            raise VaultLockedError()
        return self._key
