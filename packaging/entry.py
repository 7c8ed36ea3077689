"""The frozen app's entry point: the same as the ``hushnote`` console script.

Without a command it starts the desktop app; ``hushnote --help`` lists the commands.
"""

import sys

from hushnote.cli.entry import main

if __name__ == "__main__":
    sys.exit(main())
