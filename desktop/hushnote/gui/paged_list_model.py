"""A list model that reads rows a page at a time, so 100,000 notes cost a few pages.

Qt asks for ``data()`` of visible rows only; each miss loads the 200-row page around it
from the store (titles and dates, never bodies) and keeps the 32 most recent pages.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

__all__ = ["UUID_ROLE", "PagedListModel"]

T = TypeVar("T")
UUID_ROLE = Qt.ItemDataRole.UserRole + 1
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE_SIZE = 200
MAX_PAGES = 32
Index = QModelIndex | QPersistentModelIndex


class PagedListModel(QAbstractListModel, Generic[T]):
    """Rows from ``fetch(offset, limit)``; ``count()`` says how many there are."""

    def __init__(
        self,
        title: Callable[[T], str],
        subtitle: Callable[[T], str],
        uuid: Callable[[T], str],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._title, self._subtitle, self._uuid = title, subtitle, uuid
        self._fetch: Callable[[int, int], Sequence[T]] | None = None
        self._count = 0
        self._pages: OrderedDict[int, Sequence[T]] = OrderedDict()
        self._paused = False

    def pause(self) -> None:
        """Ask for no rows until ``resume`` (a long job holds the database): rows not
        loaded yet show empty rather than make the window wait."""
        self._paused = True

    def resume(self) -> None:
        """Ask again, from the start: the job may have changed anything."""
        self._paused = False
        self.refresh()

    def set_source(
        self, fetch: Callable[[int, int], Sequence[T]], count: Callable[[], int]
    ) -> None:
        """Show what ``fetch`` returns, from the start."""
        self.beginResetModel()
        self._fetch = fetch
        self._count_source = count
        self._count = count()
        self._pages.clear()
        self.endResetModel()

    def refresh(self) -> None:
        """Re-read after a change (a save, a delete), keeping the same source."""
        if self._fetch is None:
            return
        self.beginResetModel()
        self._count = self._count_source()
        self._pages.clear()
        self.endResetModel()

    def clear(self) -> None:
        """Forget the source and every cached row (on lock)."""
        self.beginResetModel()
        self._fetch = None
        self._count = 0
        self._pages.clear()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._count

    def item(self, row: int) -> T | None:
        if self._fetch is None or not 0 <= row < self._count:
            return None
        page_number = row // PAGE_SIZE
        page = self._pages.get(page_number)
        if page is None:
            if self._paused:
                return None
            page = self._fetch(page_number * PAGE_SIZE, PAGE_SIZE)
            self._pages[page_number] = page
            if len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_number)
        offset = row - page_number * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._title(item)
        if role == SUBTITLE_ROLE:
            return self._subtitle(item)
        if role == UUID_ROLE:
            return self._uuid(item)
        return None

    def row_of(self, uuid: str) -> int | None:
        """The row showing ``uuid``, if it is in a loaded page."""
        for page_number, page in self._pages.items():
            for offset, item in enumerate(page):
                if self._uuid(item) == uuid:
                    return page_number * PAGE_SIZE + offset
        return None
