"""Qt-free helpers only the desktop app uses: its settings file outside the vault, its
launcher entry (and camouflage), passphrase suggestions, and the files shipped beside
the code. They are not part of the core: no vault logic lives here."""
