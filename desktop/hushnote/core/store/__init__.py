"""The encrypted database and what it holds: notes, contacts, lists, tags, settings, the
full-text index and its secure deletion, search, and the record MACs."""
