"""Opening, locking, re-keying and wiping a vault: the header's byte layout and its key
slots, Argon2id, the vault state, the folder, the wipe, duress and the unlock guard."""
