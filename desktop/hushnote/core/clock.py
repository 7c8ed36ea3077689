"""Record times: stored as UTC milliseconds, shown in the user's zone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

__all__ = ["LATEST_MS", "Clock", "from_ms", "system_clock", "to_ms"]

# Stores take a clock so that tests can pin "now" and "today".
Clock = Callable[[], datetime]
# The latest time a record may carry (9999-01-01 UTC): a year inside datetime's range, so
# that ``from_ms`` and any time zone's local time of it stay in range.
LATEST_MS = 253_370_764_800_000


def system_clock() -> datetime:
    return datetime.now(UTC)


def to_ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def from_ms(value: int) -> datetime:
    return datetime.fromtimestamp(value / 1000, UTC)


def local_day(moment: datetime) -> date:
    """The calendar day ``moment`` falls on where the user is."""
    return moment.astimezone().date()
