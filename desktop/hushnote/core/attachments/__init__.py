"""Files attached to notes: stored encrypted beside the vault, cleaned of metadata first."""
