"""Files attached to notes, and the work done on them before they are stored."""
