"""Shared notebooks: end-to-end encrypted sync through a folder another program
replicates (docs/sync-format.md)."""
