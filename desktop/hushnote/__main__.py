"""``python -m hushnote`` is the ``hushnote`` command."""

from hushnote.cli.main import main

raise SystemExit(main())
