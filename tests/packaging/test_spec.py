"""The one-folder build keeps every Qt module and plugin the app uses.

The spec drops Qt modules and plugins the app never loads. A module dropped while the app
still imports it builds without a warning and fails only when the built app starts, so the
lists are compared with the app's imports here, where ``make test`` sees it.
"""

from __future__ import annotations

import ast
import fnmatch
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "hushnote.spec"
APP = ROOT / "desktop" / "hushnote"


def spec_list(name: str) -> list[str]:
    """A list assigned at the top of the spec, its plugin prefix resolved."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    values: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id in {"PLUGINS", name}:
                values[target.id] = node.value
    plugins = ast.literal_eval(values["PLUGINS"])  # type: ignore[arg-type]
    items = values[name]
    assert isinstance(items, ast.List)
    resolved = []
    for item in items.elts:
        if isinstance(item, ast.BinOp):  # PLUGINS + "folder/…"
            resolved.append(plugins + ast.literal_eval(item.right))
        else:
            resolved.append(ast.literal_eval(item))
    return resolved


def qt_modules_imported() -> set[str]:
    found: set[str] = set()
    for path in APP.rglob("*.py"):
        found |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    return found


def test_the_app_imports_no_qt_module_the_build_leaves_out() -> None:
    imported = qt_modules_imported()
    assert "QtWidgets" in imported  # the scan sees the app's imports at all
    left_out = imported & set(spec_list("UNUSED_QT"))
    assert not left_out, f"the build leaves out {sorted(left_out)}, which the app imports"


def test_the_print_dialog_keeps_its_printers_in_the_build() -> None:
    dropped = spec_list("DROPPED")
    assert "QtPrintSupport" in qt_modules_imported()
    plugin = "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so"
    assert not any(fnmatch.fnmatch(plugin, pattern) for pattern in dropped)
    # The platform plugin the desktop uses stays too; the dropped list is not a wildcard.
    assert not any(
        fnmatch.fnmatch("PySide6/Qt/plugins/platforms/libqxcb.so", pattern) for pattern in dropped
    )
