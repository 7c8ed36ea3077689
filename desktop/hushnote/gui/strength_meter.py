"""A strength meter under a passphrase field, fed by the core's estimate."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QProgressBar, QWidget

from hushnote.app.passphrases import estimate_strength
from hushnote.gui.app_identity import wording

__all__ = ["StrengthMeter"]


class StrengthMeter(QWidget):
    def __init__(self, field: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.bar.setAccessibleName(
            wording(self.tr("Passphrase strength"), self.tr("Password strength"))
        )
        self.label = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.label)
        self._verdicts = {
            "weak": self.tr("weak"),
            "fair": self.tr("fair"),
            "good": self.tr("good"),
            "strong": self.tr("strong"),
        }
        field.textChanged.connect(self.update_for)
        self.update_for("")

    def update_for(self, text: str) -> None:
        strength = estimate_strength(text)
        self.bar.setValue(min(100, int(strength.bits)))
        self.label.setText(self._verdicts[strength.verdict] if text else "")
        self.bar.setAccessibleDescription(self._verdicts[strength.verdict])
