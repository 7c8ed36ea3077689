"""Coverage-guided fuzzing of every parser that reads hostile bytes (see docs/reliability.md).

One ``fuzz_<name>.py`` module per parser defines a ``TARGET``; ``run.py`` drives it under
atheris (libFuzzer), and the normal test suite replays the committed regressions and
runs every target briefly, so the harnesses cannot rot.
"""
