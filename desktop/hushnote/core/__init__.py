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

    from hushnote.core.attachments.blob_file import MAX_SIZE as MAX_ATTACHMENT_SIZE
    from hushnote.core.attachments.faces import Box as FaceBox
    from hushnote.core.attachments.faces import detect as detect_faces
    from hushnote.core.attachments.faces import load as load_photo
    from hushnote.core.attachments.redaction import blur_transform
    from hushnote.core.attachments.store import CLEANABLE as CLEANABLE_KINDS
    from hushnote.core.attachments.store import Attachment, AttachmentStore, AttachResult
    from hushnote.core.attachments.text_extract import PDFIUM_LOCK
    from hushnote.core.formats.age_keys import key_fingerprint, normalize_recipient
    from hushnote.core.formats.bundle import BundleContents
    from hushnote.core.formats.bundle_import import MergePlan, MergeReport
    from hushnote.core.formats.bundle_kind import BundleKind
    from hushnote.core.formats.bundle_records import Scope
    from hushnote.core.formats.contact_files import (
        ParsedContacts,
        SkippedRecord,
        read_contact_file,
        write_contact_file,
    )
    from hushnote.core.formats.contacts_csv import parse_csv, write_csv
    from hushnote.core.formats.vcard import parse_vcards, write_vcards
    from hushnote.core.importers.model import IMPORTERS, Dropped, ImportSource
    from hushnote.core.importers.reasons import reason_text as import_reason_text
    from hushnote.core.importers.service import AppImporter, AppImportPlan, AppImportReport
    from hushnote.core.paths import VaultPaths, default_vault_dir
    from hushnote.core.pdf.document import PdfScope
    from hushnote.core.pdf.pages import pdf_pages
    from hushnote.core.pdf.workers import pdf_workers_running
    from hushnote.core.process import harden_process
    from hushnote.core.store.contacts import (
        Contact,
        ContactMethod,
        ContactStore,
        ContactSummary,
        ImportReport,
        KeyedContact,
        MethodKind,
        NewContact,
    )
    from hushnote.core.store.database import Progress
    from hushnote.core.store.history import HistoryStore
    from hushnote.core.store.lists import ContactList, LinkStore, ListStore
    from hushnote.core.store.note_records import NewNote, Note, NoteSummary
    from hushnote.core.store.notes import NoteStore
    from hushnote.core.store.query import Query, parse_query
    from hushnote.core.store.revisions import (
        RETENTION_CHOICES as HISTORY_RETENTION_CHOICES,
    )
    from hushnote.core.store.revisions import REVISION_INTERVAL, Revision
    from hushnote.core.store.search import Searcher, SearchHit
    from hushnote.core.store.settings import Settings
    from hushnote.core.store.snippets import Fragment
    from hushnote.core.store.sqlcipher import library_versions
    from hushnote.core.store.tags import split_tags
    from hushnote.core.store.text_diff import DiffLine
    from hushnote.core.sync.spaces import (
        FileVerdict,
        InvitationInfo,
        MemberInfo,
        SpaceInfo,
        SpaceReport,
        SpaceStore,
    )
    from hushnote.core.sync.text_merge import merge_texts
    from hushnote.core.travel.marks import PlannedList, PlannedNotebook, TravelPlan
    from hushnote.core.travel.travel_key import normalize_travel_key, qr_matrix, travel_key_words
    from hushnote.core.travel.workflow import Travel, TravelReceipt, TravelReport
    from hushnote.core.vault.duress import (
        DECOY_CAPACITY,
        decoy_size,
        parse_decoy_text,
        read_decoy_file,
    )
    from hushnote.core.vault.header_file import VaultInfo, read_info
    from hushnote.core.vault.key_erase import erase_keys
    from hushnote.core.vault.key_schedule import (
        DEFAULT_MEMORY_KIB,
        MIB,
        KdfParams,
        calibrate,
        default_parallelism,
        time_derivation,
    )
    from hushnote.core.vault.lifecycle import Vault
    from hushnote.core.vault.unlock_guard import MAX_WIPE_AFTER, MIN_WIPE_AFTER, UnlockGuard
    from hushnote.core.vault.wipe import Wipe, WipeReport, wipe_vault

_PUBLIC = {
    "PdfScope": "hushnote.core.pdf.document",
    "pdf_pages": "hushnote.core.pdf.pages",
    "pdf_workers_running": "hushnote.core.pdf.workers",
    "PDFIUM_LOCK": "hushnote.core.attachments.text_extract",
    "FaceBox": "hushnote.core.attachments.faces",
    "detect_faces": "hushnote.core.attachments.faces",
    "load_photo": "hushnote.core.attachments.faces",
    "blur_transform": "hushnote.core.attachments.redaction",
    "CLEANABLE_KINDS": "hushnote.core.attachments.store",
    "Attachment": "hushnote.core.attachments.store",
    "AttachmentStore": "hushnote.core.attachments.store",
    "AttachResult": "hushnote.core.attachments.store",
    "MAX_ATTACHMENT_SIZE": "hushnote.core.attachments.blob_file",
    "BundleContents": "hushnote.core.formats.bundle",
    "BundleKind": "hushnote.core.formats.bundle_kind",
    "Dropped": "hushnote.core.importers.model",
    "IMPORTERS": "hushnote.core.importers.model",
    "ImportSource": "hushnote.core.importers.model",
    "import_reason_text": "hushnote.core.importers.reasons",
    "AppImporter": "hushnote.core.importers.service",
    "AppImportPlan": "hushnote.core.importers.service",
    "AppImportReport": "hushnote.core.importers.service",
    "Contact": "hushnote.core.store.contacts",
    "ContactList": "hushnote.core.store.lists",
    "ContactMethod": "hushnote.core.store.contacts",
    "ContactStore": "hushnote.core.store.contacts",
    "ContactSummary": "hushnote.core.store.contacts",
    "DECOY_CAPACITY": "hushnote.core.vault.duress",
    "DEFAULT_MEMORY_KIB": "hushnote.core.vault.key_schedule",
    "DiffLine": "hushnote.core.store.text_diff",
    "HISTORY_RETENTION_CHOICES": "hushnote.core.store.revisions",
    "HistoryStore": "hushnote.core.store.history",
    "Fragment": "hushnote.core.store.snippets",
    "ImportReport": "hushnote.core.store.contacts",
    "KdfParams": "hushnote.core.vault.key_schedule",
    "KeyedContact": "hushnote.core.store.contacts",
    "LinkStore": "hushnote.core.store.lists",
    "ListStore": "hushnote.core.store.lists",
    "MAX_WIPE_AFTER": "hushnote.core.vault.unlock_guard",
    "MIB": "hushnote.core.vault.key_schedule",
    "MIN_WIPE_AFTER": "hushnote.core.vault.unlock_guard",
    "MergePlan": "hushnote.core.formats.bundle_import",
    "MergeReport": "hushnote.core.formats.bundle_import",
    "MethodKind": "hushnote.core.store.contacts",
    "NewContact": "hushnote.core.store.contacts",
    "NewNote": "hushnote.core.store.note_records",
    "Note": "hushnote.core.store.note_records",
    "NoteStore": "hushnote.core.store.notes",
    "NoteSummary": "hushnote.core.store.note_records",
    "ParsedContacts": "hushnote.core.formats.contact_files",
    "Progress": "hushnote.core.store.database",
    "Query": "hushnote.core.store.query",
    "REVISION_INTERVAL": "hushnote.core.store.revisions",
    "Revision": "hushnote.core.store.revisions",
    "Scope": "hushnote.core.formats.bundle_records",
    "SearchHit": "hushnote.core.store.search",
    "Searcher": "hushnote.core.store.search",
    "Settings": "hushnote.core.store.settings",
    "SkippedRecord": "hushnote.core.formats.contact_files",
    "FileVerdict": "hushnote.core.sync.spaces",
    "InvitationInfo": "hushnote.core.sync.spaces",
    "MemberInfo": "hushnote.core.sync.spaces",
    "SpaceInfo": "hushnote.core.sync.spaces",
    "SpaceReport": "hushnote.core.sync.spaces",
    "SpaceStore": "hushnote.core.sync.spaces",
    "merge_texts": "hushnote.core.sync.text_merge",
    "PlannedList": "hushnote.core.travel.marks",
    "PlannedNotebook": "hushnote.core.travel.marks",
    "TravelPlan": "hushnote.core.travel.marks",
    "normalize_travel_key": "hushnote.core.travel.travel_key",
    "qr_matrix": "hushnote.core.travel.travel_key",
    "travel_key_words": "hushnote.core.travel.travel_key",
    "Travel": "hushnote.core.travel.workflow",
    "TravelReceipt": "hushnote.core.travel.workflow",
    "TravelReport": "hushnote.core.travel.workflow",
    "UnlockGuard": "hushnote.core.vault.unlock_guard",
    "Vault": "hushnote.core.vault.lifecycle",
    "VaultInfo": "hushnote.core.vault.header_file",
    "VaultPaths": "hushnote.core.paths",
    "Wipe": "hushnote.core.vault.wipe",
    "WipeReport": "hushnote.core.vault.wipe",
    "calibrate": "hushnote.core.vault.key_schedule",
    "decoy_size": "hushnote.core.vault.duress",
    "default_parallelism": "hushnote.core.vault.key_schedule",
    "default_vault_dir": "hushnote.core.paths",
    "erase_keys": "hushnote.core.vault.key_erase",
    "harden_process": "hushnote.core.process",
    "key_fingerprint": "hushnote.core.formats.age_keys",
    "library_versions": "hushnote.core.store.sqlcipher",
    "normalize_recipient": "hushnote.core.formats.age_keys",
    "parse_csv": "hushnote.core.formats.contacts_csv",
    "parse_decoy_text": "hushnote.core.vault.duress",
    "parse_query": "hushnote.core.store.query",
    "parse_vcards": "hushnote.core.formats.vcard",
    "read_contact_file": "hushnote.core.formats.contact_files",
    "read_decoy_file": "hushnote.core.vault.duress",
    "read_info": "hushnote.core.vault.header_file",
    "split_tags": "hushnote.core.store.tags",
    "time_derivation": "hushnote.core.vault.key_schedule",
    "wipe_vault": "hushnote.core.vault.wipe",
    "write_contact_file": "hushnote.core.formats.contact_files",
    "write_csv": "hushnote.core.formats.contacts_csv",
    "write_vcards": "hushnote.core.formats.vcard",
}

__all__ = [
    "CLEANABLE_KINDS",
    "DECOY_CAPACITY",
    "DEFAULT_MEMORY_KIB",
    "HISTORY_RETENTION_CHOICES",
    "IMPORTERS",
    "MAX_ATTACHMENT_SIZE",
    "MAX_WIPE_AFTER",
    "MIB",
    "MIN_WIPE_AFTER",
    "PDFIUM_LOCK",
    "REVISION_INTERVAL",
    "AppImportPlan",
    "AppImportReport",
    "AppImporter",
    "AttachResult",
    "Attachment",
    "AttachmentStore",
    "BundleContents",
    "BundleKind",
    "Contact",
    "ContactList",
    "ContactMethod",
    "ContactStore",
    "ContactSummary",
    "DiffLine",
    "Dropped",
    "FaceBox",
    "FileVerdict",
    "Fragment",
    "HistoryStore",
    "ImportReport",
    "ImportSource",
    "InvitationInfo",
    "KdfParams",
    "KeyedContact",
    "LinkStore",
    "ListStore",
    "MemberInfo",
    "MergePlan",
    "MergeReport",
    "MethodKind",
    "NewContact",
    "NewNote",
    "Note",
    "NoteStore",
    "NoteSummary",
    "ParsedContacts",
    "PdfScope",
    "PlannedList",
    "PlannedNotebook",
    "Progress",
    "Query",
    "Revision",
    "Scope",
    "SearchHit",
    "Searcher",
    "Settings",
    "SkippedRecord",
    "SpaceInfo",
    "SpaceReport",
    "SpaceStore",
    "Travel",
    "TravelPlan",
    "TravelReceipt",
    "TravelReport",
    "UnlockGuard",
    "Vault",
    "VaultInfo",
    "VaultPaths",
    "Wipe",
    "WipeReport",
    "blur_transform",
    "calibrate",
    "decoy_size",
    "default_parallelism",
    "default_vault_dir",
    "detect_faces",
    "erase_keys",
    "harden_process",
    "import_reason_text",
    "key_fingerprint",
    "library_versions",
    "load_photo",
    "merge_texts",
    "normalize_recipient",
    "normalize_travel_key",
    "parse_csv",
    "parse_decoy_text",
    "parse_query",
    "parse_vcards",
    "pdf_pages",
    "pdf_workers_running",
    "qr_matrix",
    "read_contact_file",
    "read_decoy_file",
    "read_info",
    "split_tags",
    "time_derivation",
    "travel_key_words",
    "wipe_vault",
    "write_contact_file",
    "write_csv",
    "write_vcards",
]

# Public names that differ from the module's own.
_ALIASES = {
    "CLEANABLE_KINDS": "CLEANABLE",
    "HISTORY_RETENTION_CHOICES": "RETENTION_CHOICES",
    "FaceBox": "Box",
    "MAX_ATTACHMENT_SIZE": "MAX_SIZE",
    "detect_faces": "detect",
    "load_photo": "load",
    "import_reason_text": "reason_text",
}


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(__import__(module, fromlist=[name]), _ALIASES.get(name, name))
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
