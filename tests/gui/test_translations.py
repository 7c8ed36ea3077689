"""Every GUI string goes through the catalogue, both Chinese catalogues are complete, and
layouts survive strings twice as long as English."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hushnote.app.app_config import LANGUAGES, AppConfig, config_path, load_config
from hushnote.core import KdfParams
from hushnote.gui import i18n
from hushnote.gui.accessibility import USER_DATA
from hushnote.gui.i18n import StretchTranslator, install_translators, pick_language
from support.gui import unlock_window
from support.views import main_views

ROOT = Path(__file__).parents[2]
SOURCES = sorted((ROOT / "desktop" / "hushnote" / "gui").glob("*.py"))
CATALOGUES = {lang: ROOT / "resources" / "translations" / f"hushnote_{lang}.ts"
              for lang in ("zh_CN", "zh_TW")}  # fmt: skip
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")
OPEN, CLOSE = "⟦", "⟧"
# Text that is the same in every language: numbers, shortcuts, punctuation, names.
NEUTRAL = re.compile(
    r"^[\s\d\W]*$|^(Ctrl|Alt|Shift|F\d|Enter)|^age1…$|^(Hushnote|Signal|Telegram|Matrix|Wire)$"
)


def messages(ts: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) -> translations (one per plural form; empty when unfinished)."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314 - our own file
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""
            ]
            if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                forms = []
            found[(name, message.findtext("source") or "")] = forms
    return found


def test_catalogues_hold_exactly_the_strings_in_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [str(LUPDATE), *map(str, SOURCES), "-ts", str(fresh), "-locations", "none", "-silent"],
        check=True,
    )
    in_code = set(messages(fresh))
    assert len(in_code) > 300
    for language, catalogue in CATALOGUES.items():
        have = messages(catalogue)
        missing = in_code - set(have)
        stale = set(have) - in_code
        assert not missing, f"{language}: run pyside6-lupdate; not in the catalogue: {missing}"
        assert not stale, f"{language}: no longer in the code: {stale}"


def test_every_translated_text_is_a_literal_the_extractor_can_see() -> None:
    """``pyside6-lupdate`` reads only literal text in ``tr()`` and ``translate()`` calls: a
    helper that passes a variable through would ship its strings untranslated."""
    hidden = []
    for source in SOURCES:
        for node in ast.walk(ast.parse(source.read_text(), str(source))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            owner = node.func.value
            if node.func.attr == "tr":
                position = 0
            elif node.func.attr == "translate" and ast.unparse(owner) == "QCoreApplication":
                position = 1
            else:
                continue
            if len(node.args) <= position:
                continue
            text = node.args[position]
            literal = isinstance(text, ast.Constant) and isinstance(text.value, str)
            # Text marked where it is written (QT_TRANSLATE_NOOP) is extracted there.
            marked = "KIND_LABELS" in ast.unparse(text)
            if not literal and not marked:
                hidden.append(f"{source.name}:{node.lineno}")
    assert not hidden, "translated text that is not a literal: " + ", ".join(hidden)


@pytest.mark.parametrize("language", sorted(CATALOGUES))
def test_every_string_is_translated_and_keeps_its_placeholders(language: str) -> None:
    placeholder = re.compile(r"%\d|%n|\{\w+\}")
    mnemonic = re.compile(r"&(\w)")
    problems = []
    for (context, source), forms in messages(CATALOGUES[language]).items():
        if not forms or not all(f.strip() for f in forms):
            problems.append(f"untranslated: {context}: {source!r}")
            continue
        for form in forms:
            if sorted(placeholder.findall(form)) != sorted(placeholder.findall(source)):
                problems.append(f"placeholders differ: {source!r} -> {form!r}")
            wanted = [m.lower() for m in mnemonic.findall(source)]
            if [m.lower() for m in mnemonic.findall(form)] != wanted:
                problems.append(f"mnemonic differs: {source!r} -> {form!r}")
            if not re.search(r"[\u4e00-\u9fff]", form) and not NEUTRAL.match(source):
                if form == source and re.search(r"[a-z]{4,}", source):
                    problems.append(f"left in English: {source!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", sorted(CATALOGUES))
def test_the_compiled_catalogue_is_current_and_loads(language: str, qapp) -> None:  # type: ignore[no-untyped-def]
    compiled = i18n.CATALOGUE_DIR / f"hushnote_{language}.qm"
    assert compiled.exists(), "run `make translations`"
    assert compiled.stat().st_mtime >= CATALOGUES[language].stat().st_mtime, (
        "the .qm is older than its .ts: run `make translations`"
    )
    translators = install_translators(language)
    try:
        text = QCoreApplication.translate("MainWindow", "&Lock")
        assert text != "&Lock" and "(&L)" in text
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
        install_translators("en")


class MarkingTranslator(QTranslator):
    """Wraps every string it is asked for: text without the marks never asked."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"{OPEN}{source}{CLOSE}"

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def installed(qapp) -> Iterator[list[QTranslator]]:  # type: ignore[no-untyped-def]
    """Translators a test installs, removed after it."""
    translators: list[QTranslator] = []
    yield translators
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


def shown_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every string code put on ``widget``; never user data."""
    kind = type(widget).__name__
    for where, text in (
        ("tooltip", widget.toolTip()),
        ("accessible name", widget.accessibleName()),
        ("accessible description", widget.accessibleDescription()),
    ):
        yield f"{kind} {where}", text
    if isinstance(widget, QDialog | QMainWindow):
        yield f"{kind} title", widget.windowTitle()
    if isinstance(widget, QAbstractButton):
        yield f"{kind} text", widget.text()
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        yield f"{kind} placeholder", widget.placeholderText()
    if isinstance(widget, QSpinBox):
        yield f"{kind} suffix", widget.suffix()
        yield f"{kind} special", widget.specialValueText()
    if isinstance(widget, QGroupBox):
        yield f"{kind} title", widget.title()
    if isinstance(widget, QComboBox) and not widget.isEditable():
        for index in range(widget.count()):
            if widget.itemData(index) is None:
                yield f"{kind} item", widget.itemText(index)
    if isinstance(widget, QTableWidget):
        for column in range(widget.columnCount()):
            header = widget.horizontalHeaderItem(column)
            yield f"{kind} header", header.text() if header else ""
    if isinstance(widget, QMainWindow):
        for action in widget.menuBar().actions():
            yield "menu", action.text()
            menu = action.menu()
            for item in menu.actions() if menu else []:
                yield "menu item", item.text()
    if isinstance(widget, QLabel) and widget.objectName() != USER_DATA:
        yield f"{kind} text", widget.text()


def test_every_shown_string_comes_from_the_catalogue(
    qtbot: QtBot,
    window_for,
    tmp_path: Path,
    fast_kdf_params: KdfParams,
    installed,  # type: ignore[no-untyped-def]
) -> None:
    marker = MarkingTranslator()
    QCoreApplication.installTranslator(marker)
    installed.append(marker)
    bare = set()
    for view, top in main_views(qtbot, window_for, tmp_path, fast_kdf_params):
        for widget in [top, *top.findChildren(QWidget)]:
            if not widget.isVisibleTo(top) and widget is not top:
                continue
            for where, text in shown_texts(widget):
                if text and OPEN not in text and not NEUTRAL.match(text):
                    bare.add(f"{view}: {where}: {text!r}")
    assert not bare, "not translatable:\n" + "\n".join(sorted(bare))


SMALL_SCREEN = (1280, 800)


def test_layouts_survive_strings_twice_as_long(
    qtbot: QtBot,
    window_for,
    tmp_path: Path,
    fast_kdf_params: KdfParams,
    installed,  # type: ignore[no-untyped-def]
) -> None:
    """With every string doubled, each view still fits a small laptop screen and no
    button or label is cut short."""
    stretch = StretchTranslator()
    QCoreApplication.installTranslator(stretch)
    installed.append(stretch)
    assert QCoreApplication.translate("MainWindow", "&Lock") == "&Lock &Lock"
    problems = []
    for view, top in main_views(qtbot, window_for, tmp_path, fast_kdf_params):
        needed = top.minimumSizeHint()
        if needed.width() > SMALL_SCREEN[0] or needed.height() > SMALL_SCREEN[1]:
            problems.append(f"{view}: needs {needed.width()}x{needed.height()}")
        for widget in top.findChildren(QAbstractButton) + top.findChildren(QLabel):
            if not widget.isVisible() or (isinstance(widget, QLabel) and widget.wordWrap()):
                continue
            if isinstance(widget.parent(), QLineEdit):
                continue  # a field's own icon button (show/hide): sized by the field, no text
            if widget.width() < widget.minimumSizeHint().width():
                problems.append(
                    f"{view}: {type(widget).__name__} {widget.accessibleName()!r} is cut: "
                    f"{widget.width()} < {widget.minimumSizeHint().width()}"
                )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("system", "override", "expected"),
    [
        ("zh_CN", None, "zh_CN"),
        ("zh_SG", None, "zh_CN"),
        ("zh_TW", None, "zh_TW"),
        ("zh_HK", None, "zh_TW"),
        ("zh_Hant_HK", None, "zh_TW"),
        ("zh_Hans_HK", None, "zh_CN"),
        ("en_GB", None, "en"),
        ("fr_FR", None, "en"),
        ("fr_FR", "zh_TW", "zh_TW"),
        ("zh_CN", "en", "en"),
        ("zh_TW", "klingon", "zh_TW"),
    ],
)
def test_the_language_follows_the_system_unless_overridden(
    system: str, override: str | None, expected: str
) -> None:
    assert pick_language(override, QLocale(system)) == expected
    assert expected in LANGUAGES


def test_the_override_is_kept_outside_the_vault_and_holds_nothing_else(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault,  # type: ignore[no-untyped-def]
) -> None:
    window = window_for(fast_kdf_vault.root)
    unlock_window(qtbot, window, fast_kdf_vault.passphrase)
    window.save_app_config(AppConfig(language="zh_TW"))
    assert load_config() == AppConfig(language="zh_TW", camouflage=False)
    assert "next start" in window.statusBar().currentMessage()
    raw = config_path().read_bytes()
    assert raw == b'{"camouflage": false, "language": "zh_TW"}\n'
    assert oct(config_path().stat().st_mode & 0o777) == "0o600"
