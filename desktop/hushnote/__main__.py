"""``python -m hushnote`` is the ``hushnote`` command."""

from hushnote.cli.entry import main

raise SystemExit(main())
