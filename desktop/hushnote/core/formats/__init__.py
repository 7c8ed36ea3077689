"""Files that cross the vault's edge: encrypted bundles (the archive, its records, the
age envelope) and address books (vCard, CSV)."""
