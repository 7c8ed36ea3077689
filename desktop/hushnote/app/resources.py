"""Where the files shipped beside the code are found: the core's ``resource_path``
(the core reads the word list too, for travel keys), named here for the desktop app."""

from __future__ import annotations

from hushnote.core.resources import resource_path

__all__ = ["resource_path"]
