"""The core and the CLI never load Qt; the public names stay what they are."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import hushnote
import hushnote.core
import hushnote.errors

PACKAGE = Path(hushnote.__file__).parent


def test_core_and_cli_import_without_qt() -> None:
    probe = (
        "import sys, hushnote.core, hushnote.cli.main, hushnote.errors, "
        "hushnote.core.vault.lifecycle, hushnote.core.store.database; "
        "import pkgutil, importlib; "
        "[importlib.import_module(m.name) for m in pkgutil.walk_packages("
        "hushnote.core.__path__, 'hushnote.core.')]; "
        "[importlib.import_module(m.name) for m in pkgutil.walk_packages("
        "hushnote.cli.__path__, 'hushnote.cli.')]; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_probe_would_notice_qt() -> None:
    probe = "import sys, hushnote.gui.main_window; print('PySide6' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_core_cli_or_app_module_mentions_qt_or_the_gui() -> None:
    for folder in ("core", "cli", "app"):
        for path in (PACKAGE / folder).rglob("*.py"):
            imports = _imports(path)
            forbidden = {name for name in imports if name.startswith(("PySide6", "shiboken6"))}
            if folder in ("core", "app"):
                forbidden |= {name for name in imports if name.startswith("hushnote.gui")}
            assert not forbidden, f"{path.name} imports {forbidden}"


def test_core_uses_neither_random_nor_pickle() -> None:
    for path in (PACKAGE / "core").rglob("*.py"):
        assert not _imports(path) & {"random", "pickle", "marshal", "shelve"}, path.name


def test_public_core_names_are_pinned() -> None:
    assert hushnote.core.__all__ == [
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
    for name in hushnote.core.__all__:
        value = getattr(hushnote.core, name)
        if not name.isupper() and name != "Progress":  # constants, and a type alias
            assert value.__module__.startswith("hushnote.core.")


def test_every_error_has_a_distinct_code_and_exit_code() -> None:
    classes = [getattr(hushnote.errors, name) for name in hushnote.errors.__all__]
    assert len({cls.code for cls in classes}) == len(classes)
    specific = [cls for cls in classes if cls.exit_code > 1]
    assert len({cls.exit_code for cls in specific}) == len(specific)
    assert all(cls.__name__.endswith("Error") for cls in classes)
    assert {cls for cls in classes if cls.exit_code <= 1} == {
        hushnote.errors.HushnoteError,
        hushnote.errors.VaultError,
        hushnote.errors.RecordError,
        hushnote.errors.BundleError,
        hushnote.errors.AttachmentError,
        hushnote.errors.PdfError,
        hushnote.errors.ImageError,
        hushnote.errors.TravelError,
    }


def test_the_front_ends_use_only_the_front_door() -> None:
    """``gui/`` and ``cli/`` reach the core through ``hushnote.core``'s public names and
    ``hushnote.errors`` only, so the modules behind them can move and split freely."""
    wrong = []
    for folder in ("gui", "cli"):
        for path in (PACKAGE / folder).rglob("*.py"):
            for name in _imports(path):
                if not name.startswith("hushnote.core."):
                    continue
                wrong.append(f"{folder}/{path.name} imports {name}")
    assert not wrong, "\n".join(wrong)


def test_every_front_door_name_resolves_and_none_is_shadowed_by_a_module() -> None:
    """A public name equal to a submodule's (``wipe``) is the module once that loads."""
    import importlib
    import pkgutil

    for module in pkgutil.walk_packages(hushnote.core.__path__, "hushnote.core."):
        importlib.import_module(module.name)
    for name in hushnote.core.__all__:
        value = getattr(hushnote.core, name)
        assert not hasattr(value, "__path__") and type(value).__name__ != "module", name
