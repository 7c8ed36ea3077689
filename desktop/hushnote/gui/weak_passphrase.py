"""The second yes a passphrase below the safe level needs, saying what it costs an attacker.

The cost comes from ``hushnote.app.attack_cost``: one Argon2id run at the vault's own
parameters, timed off the GUI thread when the passphrase is submitted (never per key),
scaled to an attacker's hardware by the assumption docs/threat-model.md states.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox, QWidget

from hushnote.app.attack_cost import AttackCost
from hushnote.gui.app_identity import app_name, wording

__all__ = ["WeakPassphraseDialog", "human_duration", "rounded"]

_MINUTE = 60.0
_HOUR = 60 * _MINUTE
_DAY = 24 * _HOUR
_MONTH = 30.44 * _DAY
_YEAR = 365.25 * _DAY
_BILLION_YEARS = 1e9 * _YEAR


def rounded(value: float) -> int:
    """``value`` to one significant figure from 10 up ("about 40"), else to a whole one."""
    if value < 10:
        return max(1, round(value))
    magnitude = 10 ** (len(str(int(value))) - 1)
    return int(round(value / magnitude) * magnitude)


def human_duration(seconds: float) -> str:
    """``seconds`` in the largest unit that fits, rounded: "about 3 hours"."""
    if seconds < 1:
        return QCoreApplication.translate("duration", "less than a second")
    if seconds >= _BILLION_YEARS:
        return QCoreApplication.translate("duration", "more than a billion years")
    units = [
        (
            _MINUTE,
            1.0,
            QCoreApplication.translate("duration", "about a second"),
            QCoreApplication.translate("duration", "about %1 seconds"),
        ),
        (
            _HOUR,
            _MINUTE,
            QCoreApplication.translate("duration", "about a minute"),
            QCoreApplication.translate("duration", "about %1 minutes"),
        ),
        (
            _DAY,
            _HOUR,
            QCoreApplication.translate("duration", "about an hour"),
            QCoreApplication.translate("duration", "about %1 hours"),
        ),
        (
            _MONTH,
            _DAY,
            QCoreApplication.translate("duration", "about a day"),
            QCoreApplication.translate("duration", "about %1 days"),
        ),
        (
            _YEAR,
            _MONTH,
            QCoreApplication.translate("duration", "about a month"),
            QCoreApplication.translate("duration", "about %1 months"),
        ),
        (
            float("inf"),
            _YEAR,
            QCoreApplication.translate("duration", "about a year"),
            QCoreApplication.translate("duration", "about %1 years"),
        ),
    ]
    for limit, unit, one, many in units:
        if seconds < limit:
            count = rounded(seconds / unit)
            return one if count == 1 else many.replace("%1", QLocale().toString(count))
    raise AssertionError("unreachable")  # the last limit is infinite


class WeakPassphraseDialog(QMessageBox):
    """Ask again before a weak passphrase is set; the default is to go back.

    ``exec()`` returns ``QDialog.Accepted`` only if "Use it anyway" was chosen.
    """

    def __init__(self, cost: AttackCost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cost = cost
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(app_name())
        # Shown on the first-run page too, which camouflage covers: neutral words there.
        self.setText(
            wording(
                self.tr("This passphrase is easy to guess."),
                self.tr("This password is easy to guess."),
            )
        )
        params = cost.params
        rate = rounded(cost.guesses_per_second)
        self.setInformativeText(
            wording(
                self.tr(
                    "Someone who copies this computer's disk can try about %1 passphrases a "
                    "second against this vault (Argon2id with %2 MiB of memory, %3 passes, "
                    "%4 lanes: timed on this computer, scaled to an attacker's hardware). "
                    "On average they would find this one in %5.\n\n"
                    "Six random words (Suggest a passphrase) would take far longer than a "
                    "lifetime. Use this passphrase anyway?"
                ),
                self.tr(
                    "Someone who copies this computer's disk can try about %1 passwords a "
                    "second against your notes (Argon2id with %2 MiB of memory, %3 passes, "
                    "%4 lanes: timed on this computer, scaled to an attacker's hardware). "
                    "On average they would find this one in %5.\n\n"
                    "Six random words (Suggest a password) would take far longer than a "
                    "lifetime. Use this password anyway?"
                ),
            )
            .replace("%1", QLocale().toString(rate))
            .replace("%2", str(params.memory_mib))
            .replace("%3", str(params.iterations))
            .replace("%4", str(params.parallelism))
            .replace("%5", human_duration(cost.seconds))
        )
        self.back = self.addButton(
            self.tr("Choose a &better one"), QMessageBox.ButtonRole.RejectRole
        )
        self.anyway = self.addButton(self.tr("&Use it anyway"), QMessageBox.ButtonRole.AcceptRole)
        self.back.setAccessibleDescription(
            wording(
                self.tr("Go back and choose a stronger passphrase."),
                self.tr("Go back and choose a stronger password."),
            )
        )
        self.anyway.setAccessibleDescription(
            wording(
                self.tr("Set this passphrase although it is easy to guess."),
                self.tr("Set this password although it is easy to guess."),
            )
        )
        self.setDefaultButton(self.back)
        self.setEscapeButton(self.back)

    def confirmed(self) -> bool:
        """Show the dialog; True only if the user chose to keep the weak passphrase."""
        self.exec()
        return self.clickedButton() is self.anyway
