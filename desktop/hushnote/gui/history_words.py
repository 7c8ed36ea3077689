"""Note history in words: why a version was kept, and how long versions are kept.

The core names both with stable codes (``Revision.reason``, the vault's retention
setting); these turn them into translated words. A code this module does not know (a
newer core) still reads as something true, never as nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# Called by this name with literal strings, so that lupdate finds every one.
translate = QCoreApplication.translate

__all__ = ["RETENTION_ORDER", "reason_text", "retention_text", "shortens"]

# The retention choices from keeping least to keeping most (the core's codes).
RETENTION_ORDER = ("off", "7", "30", "365", "forever")


def reason_text(reason: str) -> str:
    """Why the text of a version was kept, as a short phrase for the list."""
    words = {
        "edit": translate("history", "while editing"),
        "revert": translate("history", "before a restore"),
        "merge": translate("history", "before a shared-notebook change"),
        "import": translate("history", "before a bundle import"),
    }
    return words.get(reason, translate("history", "before another change"))


def retention_text(choice: str) -> str:
    """The words for one retention choice ("off", "7", "30", "365", "forever")."""
    words = {
        "off": translate("history", "Off: keep no history"),
        "7": translate("history", "7 days"),
        "30": translate("history", "30 days"),
        "365": translate("history", "1 year"),
        "forever": translate("history", "Forever"),
    }
    if choice in words:
        return words[choice]
    return translate("history", "%1 days").replace("%1", choice)


def shortens(before: str, after: str) -> bool:
    """Whether going from retention ``before`` to ``after`` deletes history now."""

    def rank(choice: str) -> int:
        return RETENTION_ORDER.index(choice) if choice in RETENTION_ORDER else 0

    return rank(after) < rank(before)
