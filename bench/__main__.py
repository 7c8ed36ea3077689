"""``python -m bench [--quick]``: run every benchmark and print one table."""

from __future__ import annotations

import argparse
import sys

from bench.attachment_bench import run_attachment_benchmarks
from bench.bundle_bench import run_bundle_benchmarks
from bench.gui_bench import run_gui_benchmarks
from bench.history_bench import run_history_benchmarks
from bench.import_bench import run_import_benchmarks
from bench.report import print_facts, print_table
from bench.stores_bench import run_stores_benchmarks
from bench.sync_bench import run_sync_benchmarks
from bench.vault_bench import run_vault_benchmarks
from bench.viewer_bench import run_viewer_benchmarks
from bench.wipe_bench import run_wipe_benchmarks

# Each group returns its table, and figures that are not a ratio (the vault's: none).
GROUPS = {
    "vault": lambda quick: (run_vault_benchmarks(quick=quick), []),
    "stores": lambda quick: run_stores_benchmarks(quick=quick),
    "gui": lambda quick: run_gui_benchmarks(quick=quick),
    "wipe": lambda quick: run_wipe_benchmarks(quick=quick),
    "bundles": lambda quick: run_bundle_benchmarks(quick=quick),
    "attachments": lambda quick: run_attachment_benchmarks(quick=quick),
    "viewer": lambda quick: run_viewer_benchmarks(quick=quick),
    "sync": lambda quick: run_sync_benchmarks(quick=quick),
    "history": lambda quick: run_history_benchmarks(quick=quick),
    "imports": lambda quick: run_import_benchmarks(quick=quick),
}


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument(
        "--quick", action="store_true", help="tiny sizes and few repeats: proves it runs"
    )
    parser.add_argument("--only", choices=tuple(GROUPS), help="run one group of benchmarks")
    args = parser.parse_args()
    for name, run in GROUPS.items():
        if args.only not in (None, name):
            continue
        rows, facts = run(args.quick)
        print_table(rows)
        print()
        if facts:
            print_facts(facts)
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
