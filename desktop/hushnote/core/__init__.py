"""The Qt-free core: vault, key slots, database and stores. The GUI and CLI sit on top.

The names below are the public API; the modules behind them are free to change.
"""

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

__all__ = [
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
    "Query",
    "SearchHit",
    "Searcher",
    "Settings",
    "Vault",
    "VaultInfo",
    "VaultPaths",
    "calibrate",
    "default_vault_dir",
    "harden_process",
    "parse_csv",
    "parse_query",
    "parse_vcards",
    "read_info",
    "write_csv",
    "write_vcards",
]
