"""``python -m bench [--quick]``: run every benchmark and print one table."""

from __future__ import annotations

import argparse
import sys

from bench.attachment_bench import run_attachment_benchmarks
from bench.bundle_bench import run_bundle_benchmarks
from bench.gui_bench import run_gui_benchmarks
from bench.report import print_facts, print_table
from bench.stores_bench import run_stores_benchmarks
from bench.vault_bench import run_vault_benchmarks
from bench.viewer_bench import run_viewer_benchmarks
from bench.wipe_bench import run_wipe_benchmarks


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument(
        "--quick", action="store_true", help="tiny sizes and few repeats: proves it runs"
    )
    parser.add_argument(
        "--only",
        choices=("vault", "stores", "gui", "wipe", "bundles", "attachments", "viewer"),
        help="run one group of benchmarks",
    )
    args = parser.parse_args()
    if args.only in (None, "vault"):
        print_table(run_vault_benchmarks(quick=args.quick))
        print()
    if args.only in (None, "stores"):
        rows, facts = run_stores_benchmarks(quick=args.quick)
        print_table(rows)
        print()
        print_facts(facts)
        print()
    if args.only in (None, "gui"):
        rows, facts = run_gui_benchmarks(quick=args.quick)
        print_table(rows)
        print()
        print_facts(facts)
        print()
    if args.only in (None, "wipe"):
        rows, facts = run_wipe_benchmarks(quick=args.quick)
        print_table(rows)
        print()
        print_facts(facts)
        print()
    if args.only in (None, "bundles"):
        rows, facts = run_bundle_benchmarks(quick=args.quick)
        print_table(rows)
        print()
        print_facts(facts)
        print()
    if args.only in (None, "attachments"):
        rows, facts = run_attachment_benchmarks(quick=args.quick)
        print_table(rows)
        print()
        print_facts(facts)
        print()
    if args.only in (None, "viewer"):
        rows, facts = run_viewer_benchmarks(quick=args.quick)
        print_table(rows)
        print()
        print_facts(facts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
