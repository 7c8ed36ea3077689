"""Which language the interface speaks, and the catalogues that make it speak it.

The language is the saved override (Vault ▸ Settings ▸ Language) or else the system
locale. Catalogues are compiled from ``resources/translations/*.ts`` into ``i18n/`` beside
this module at build time (``make translations``); a missing catalogue falls back to
English rather than failing to start.

``StretchTranslator`` is a layout test aid: it doubles every string, so a dialog that
survives it survives German or Finnish too.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from hushnote.app.app_config import LANGUAGES

__all__ = [
    "CATALOGUE_DIR",
    "STRETCH_ENV",
    "StretchTranslator",
    "install_translators",
    "language_names",
    "pick_language",
]

CATALOGUE_DIR = Path(__file__).resolve().parent / "i18n"
CATALOGUE_PREFIX = "hushnote_"
#: Set to 1 to start the app with every string doubled (a layout check by eye).
STRETCH_ENV = "HUSHNOTE_STRETCH_STRINGS"

# Chinese written in Taiwan, Hong Kong and Macau is traditional unless the locale says not.
_TRADITIONAL_TERRITORIES = {
    QLocale.Country.Taiwan,
    QLocale.Country.HongKong,
    QLocale.Country.Macao,
}


def language_names() -> dict[str, str]:
    """Each supported language in its own script: a user who cannot read the current
    interface must still find theirs."""
    return {"en": "English", "zh_CN": "简体中文", "zh_TW": "繁體中文"}


def pick_language(override: str | None, system: QLocale | None = None) -> str:
    """The override if it is supported, else the closest match to the system locale."""
    if override in LANGUAGES:
        return override
    locale = system or QLocale.system()
    for name in locale.uiLanguages():
        chosen = _match(QLocale(name))
        if chosen:
            return chosen
    return _match(locale) or "en"


def _match(locale: QLocale) -> str | None:
    if locale.language() == QLocale.Language.Chinese:
        traditional = locale.script() == QLocale.Script.TraditionalChineseScript or (
            locale.script() != QLocale.Script.SimplifiedChineseScript
            and locale.territory() in _TRADITIONAL_TERRITORIES
        )
        return "zh_TW" if traditional else "zh_CN"
    if locale.language() == QLocale.Language.English:
        return "en"
    return None


class StretchTranslator(QTranslator):
    """Returns every string twice: the longest a translation plausibly gets."""

    def __init__(self, inner: QTranslator | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._inner = inner

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        text = self._inner.translate(context, source, disambiguation, n) if self._inner else ""
        text = text or source
        return f"{text} {text}"

    def isEmpty(self) -> bool:
        return False


def install_translators(language: str, app: QCoreApplication | None = None) -> list[QTranslator]:
    """Install the catalogues for ``language`` (Qt's own too, for standard buttons).

    The translators are children of ``app``, which keeps them alive; they are returned so
    that a caller can remove them again.
    """
    app = app or QCoreApplication.instance()
    assert app is not None, "install_translators needs an application"
    QLocale.setDefault(QLocale(language))
    installed: list[QTranslator] = []
    if language != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in ((CATALOGUE_PREFIX + language, str(CATALOGUE_DIR)),
                             (f"qtbase_{language}", qt_dir)):  # fmt: skip
            translator = QTranslator(app)
            if translator.load(name, folder):
                installed.append(translator)
    if os.environ.get(STRETCH_ENV) == "1":
        installed = [StretchTranslator(installed[0] if installed else None, app)]
    for translator in installed:
        app.installTranslator(translator)
    return installed
