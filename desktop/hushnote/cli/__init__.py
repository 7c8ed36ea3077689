"""The command line: argument parsing and messages over ``hushnote.core``."""
