"""Files attached to notes: encrypted blob files whose keys only the vault holds."""
