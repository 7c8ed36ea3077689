#!/bin/sh
# The `hushnote` command inside the Flatpak: the package lives in /app's site-packages.
# -P keeps the current folder off sys.path, so files where the user runs it cannot shadow
# a module.
exec python3 -P -m hushnote "$@"
