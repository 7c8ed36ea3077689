"""``python -m bench [--quick]``: run every benchmark and print one table."""

from __future__ import annotations

import argparse
import sys

from bench.report import print_table
from bench.vault_bench import run_vault_benchmarks


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument(
        "--quick", action="store_true", help="tiny sizes and few repeats: proves it runs"
    )
    args = parser.parse_args()
    rows = run_vault_benchmarks(quick=args.quick)
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
