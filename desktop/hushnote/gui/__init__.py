"""The PySide6 desktop app: windows and dialogs over ``hushnote.core``."""
