"""The Qt-free core: vault, key slots, database and stores. The GUI and CLI sit on top.

The names below are the public API; the modules behind them are free to change. They
load on first use (PEP 562), so that code needing one small piece (the panic wipe, run
from a hotkey) does not pay for importing the whole core first.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hushnote.core.contact_files import ParsedContacts, SkippedRecord, read_contact_file
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
    from hushnote.core.duress import DECOY_CAPACITY, decoy_size, parse_decoy_text
    from hushnote.core.kdf import KdfParams, calibrate
    from hushnote.core.lists import ContactList, LinkStore, ListStore
    from hushnote.core.notes import NewNote, Note, NoteStore, NoteSummary
    from hushnote.core.paths import VaultPaths, default_vault_dir
    from hushnote.core.process import harden_process
    from hushnote.core.query import Query, parse_query
    from hushnote.core.search import Searcher, SearchHit
    from hushnote.core.settings import Settings
    from hushnote.core.snippets import Fragment
    from hushnote.core.vault import Vault, VaultInfo, read_info
    from hushnote.core.vcard import parse_vcards, write_vcards

_PUBLIC = {
    "DECOY_CAPACITY": "hushnote.core.duress",
    "Contact": "hushnote.core.contacts",
    "ContactList": "hushnote.core.lists",
    "ContactMethod": "hushnote.core.contacts",
    "ContactStore": "hushnote.core.contacts",
    "ContactSummary": "hushnote.core.contacts",
    "Fragment": "hushnote.core.snippets",
    "ImportReport": "hushnote.core.contacts",
    "KdfParams": "hushnote.core.kdf",
    "LinkStore": "hushnote.core.lists",
    "ListStore": "hushnote.core.lists",
    "MethodKind": "hushnote.core.contacts",
    "NewContact": "hushnote.core.contacts",
    "NewNote": "hushnote.core.notes",
    "Note": "hushnote.core.notes",
    "NoteStore": "hushnote.core.notes",
    "NoteSummary": "hushnote.core.notes",
    "ParsedContacts": "hushnote.core.contact_files",
    "Query": "hushnote.core.query",
    "SearchHit": "hushnote.core.search",
    "Searcher": "hushnote.core.search",
    "Settings": "hushnote.core.settings",
    "SkippedRecord": "hushnote.core.contact_files",
    "Vault": "hushnote.core.vault",
    "VaultInfo": "hushnote.core.vault",
    "VaultPaths": "hushnote.core.paths",
    "calibrate": "hushnote.core.kdf",
    "decoy_size": "hushnote.core.duress",
    "default_vault_dir": "hushnote.core.paths",
    "harden_process": "hushnote.core.process",
    "parse_csv": "hushnote.core.contacts_csv",
    "parse_decoy_text": "hushnote.core.duress",
    "parse_query": "hushnote.core.query",
    "parse_vcards": "hushnote.core.vcard",
    "read_contact_file": "hushnote.core.contact_files",
    "read_info": "hushnote.core.vault",
    "write_csv": "hushnote.core.contacts_csv",
    "write_vcards": "hushnote.core.vcard",
}

__all__ = [
    "DECOY_CAPACITY",
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
    "MethodKind",
    "NewContact",
    "NewNote",
    "Note",
    "NoteStore",
    "NoteSummary",
    "ParsedContacts",
    "Query",
    "SearchHit",
    "Searcher",
    "Settings",
    "SkippedRecord",
    "Vault",
    "VaultInfo",
    "VaultPaths",
    "calibrate",
    "decoy_size",
    "default_vault_dir",
    "harden_process",
    "parse_csv",
    "parse_decoy_text",
    "parse_query",
    "parse_vcards",
    "read_contact_file",
    "read_info",
    "write_csv",
    "write_vcards",
]


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
