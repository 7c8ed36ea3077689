"""``search QUERY``: ranked notes and contacts with the matching words marked."""

from __future__ import annotations

import argparse

from hushnote.cli.output import fragments_text, short_id
from hushnote.cli.unlock import add_passphrase_file, open_vault

__all__ = ["add_search_command"]


def add_search_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    search = commands.add_parser(
        "search",
        help="search notes and contacts",
        description='Words, "exact phrases", prefix*, -excluded, and the filters tag:NAME, '
        "notebook:NAME and kind:notes|contacts.",
    )
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=20, metavar="N")
    add_passphrase_file(search)
    search.set_defaults(func=cmd_search)


def cmd_search(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        hits = vault.searcher.search(args.query, limit=args.limit)
    for hit in hits:
        print(f"{hit.kind:<8} {short_id(hit.uuid)}  {fragments_text(hit.title_fragments)}")
        text = fragments_text(hit.snippet)
        if hit.attachment is not None:  # the note was found by one of its files
            text = f"in {hit.attachment}: {text}"
        if text.strip():
            print(f"{'':<8} {'':<8}  {text}")
    if not hits:
        print("No matches.")
    return 0
