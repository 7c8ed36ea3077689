"""The Qt-free core: vault, key slots, database and stores. The GUI and CLI sit on top.

The names below are the public API; the modules behind them are free to change. They
load on first use (PEP 562), so that code needing one small piece (the panic wipe, run
from a hotkey) does not pay for importing the whole core first.
"""

from __future__ import annotations

# Not ``typing.TYPE_CHECKING``: importing ``typing`` (and ``re``) costs the urgent wipe,
# which starts here, about 12 ms before the keys are erased.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from hushnote.core.bundle_import import MergeReport
    from hushnote.core.bundle_records import Scope
    from hushnote.core.contact_files import (
        ParsedContacts,
        SkippedRecord,
        read_contact_file,
        write_contact_file,
    )
    from hushnote.core.contacts import (
        Contact,
        ContactMethod,
        ContactStore,
        ContactSummary,
        ImportReport,
        MethodKind,
        NewContact,
    )
    from hushnote.core.contacts_csv import parse_csv, write_csv
    from hushnote.core.database import Progress, library_versions
    from hushnote.core.duress import DECOY_CAPACITY, decoy_size, parse_decoy_text, read_decoy_file
    from hushnote.core.kdf import DEFAULT_MEMORY_KIB, MIB, KdfParams, calibrate, default_parallelism
    from hushnote.core.key_erase import erase_keys
    from hushnote.core.lists import ContactList, LinkStore, ListStore
    from hushnote.core.notes import NewNote, Note, NoteStore, NoteSummary
    from hushnote.core.paths import VaultPaths, default_vault_dir
    from hushnote.core.process import harden_process
    from hushnote.core.query import Query, parse_query
    from hushnote.core.search import Searcher, SearchHit
    from hushnote.core.settings import Settings
    from hushnote.core.snippets import Fragment
    from hushnote.core.tags import split_tags
    from hushnote.core.unlock_guard import MAX_WIPE_AFTER, MIN_WIPE_AFTER, UnlockGuard
    from hushnote.core.vault import Vault, VaultInfo, read_info
    from hushnote.core.vcard import parse_vcards, write_vcards
    from hushnote.core.wipe import Wipe, WipeReport, wipe_vault

_PUBLIC = {
    "Contact": "hushnote.core.contacts",
    "ContactList": "hushnote.core.lists",
    "ContactMethod": "hushnote.core.contacts",
    "ContactStore": "hushnote.core.contacts",
    "ContactSummary": "hushnote.core.contacts",
    "DECOY_CAPACITY": "hushnote.core.duress",
    "DEFAULT_MEMORY_KIB": "hushnote.core.kdf",
    "Fragment": "hushnote.core.snippets",
    "ImportReport": "hushnote.core.contacts",
    "KdfParams": "hushnote.core.kdf",
    "LinkStore": "hushnote.core.lists",
    "ListStore": "hushnote.core.lists",
    "MAX_WIPE_AFTER": "hushnote.core.unlock_guard",
    "MIB": "hushnote.core.kdf",
    "MIN_WIPE_AFTER": "hushnote.core.unlock_guard",
    "MergeReport": "hushnote.core.bundle_import",
    "MethodKind": "hushnote.core.contacts",
    "NewContact": "hushnote.core.contacts",
    "NewNote": "hushnote.core.notes",
    "Note": "hushnote.core.notes",
    "NoteStore": "hushnote.core.notes",
    "NoteSummary": "hushnote.core.notes",
    "ParsedContacts": "hushnote.core.contact_files",
    "Progress": "hushnote.core.database",
    "Query": "hushnote.core.query",
    "Scope": "hushnote.core.bundle_records",
    "SearchHit": "hushnote.core.search",
    "Searcher": "hushnote.core.search",
    "Settings": "hushnote.core.settings",
    "SkippedRecord": "hushnote.core.contact_files",
    "UnlockGuard": "hushnote.core.unlock_guard",
    "Vault": "hushnote.core.vault",
    "VaultInfo": "hushnote.core.vault",
    "VaultPaths": "hushnote.core.paths",
    "Wipe": "hushnote.core.wipe",
    "WipeReport": "hushnote.core.wipe",
    "calibrate": "hushnote.core.kdf",
    "decoy_size": "hushnote.core.duress",
    "default_parallelism": "hushnote.core.kdf",
    "default_vault_dir": "hushnote.core.paths",
    "erase_keys": "hushnote.core.key_erase",
    "harden_process": "hushnote.core.process",
    "library_versions": "hushnote.core.database",
    "parse_csv": "hushnote.core.contacts_csv",
    "parse_decoy_text": "hushnote.core.duress",
    "parse_query": "hushnote.core.query",
    "parse_vcards": "hushnote.core.vcard",
    "read_contact_file": "hushnote.core.contact_files",
    "read_decoy_file": "hushnote.core.duress",
    "read_info": "hushnote.core.vault",
    "split_tags": "hushnote.core.tags",
    "wipe_vault": "hushnote.core.wipe",
    "write_contact_file": "hushnote.core.contact_files",
    "write_csv": "hushnote.core.contacts_csv",
    "write_vcards": "hushnote.core.vcard",
}

__all__ = [
    "DECOY_CAPACITY",
    "DEFAULT_MEMORY_KIB",
    "MAX_WIPE_AFTER",
    "MIB",
    "MIN_WIPE_AFTER",
    "Contact",
    "ContactList",
    "ContactMethod",
    "ContactStore",
    "ContactSummary",
    "Fragment",
    "ImportReport",
    "KdfParams",
    "LinkStore",
    "ListStore",
    "MergeReport",
    "MethodKind",
    "NewContact",
    "NewNote",
    "Note",
    "NoteStore",
    "NoteSummary",
    "ParsedContacts",
    "Progress",
    "Query",
    "Scope",
    "SearchHit",
    "Searcher",
    "Settings",
    "SkippedRecord",
    "UnlockGuard",
    "Vault",
    "VaultInfo",
    "VaultPaths",
    "Wipe",
    "WipeReport",
    "calibrate",
    "decoy_size",
    "default_parallelism",
    "default_vault_dir",
    "erase_keys",
    "harden_process",
    "library_versions",
    "parse_csv",
    "parse_decoy_text",
    "parse_query",
    "parse_vcards",
    "read_contact_file",
    "read_decoy_file",
    "read_info",
    "split_tags",
    "wipe_vault",
    "write_contact_file",
    "write_csv",
    "write_vcards",
]


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(__import__(module, fromlist=[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
