"""Full-text search over notes and contacts: bm25-ranked hits with highlighted snippets.

Ranking weights: a match in a note's title counts ten times one in its body, a tag five
times; for contacts the name counts ten, a phone or handle five, the organisation three.
Notes and contacts are searched separately and merged by score. A note is also found by
its attachments (their names, and the text of PDFs and text files), as if that text were
its own: the best of the note's own score and its attachments' counts, and the hit names
the attachment when the note itself did not match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from hushnote.core.store.database import Database
from hushnote.core.store.query import Query, Term, parse_query
from hushnote.core.store.snippets import Fragment, highlight, matching_snippet, snippet

__all__ = ["SearchHit", "Searcher"]

DEFAULT_LIMIT = 20
RANKING_LIMIT = 20_000
MAX_LIMIT = 500
_NOTE_WEIGHTS = "10.0, 1.0, 5.0"
_CONTACT_WEIGHTS = "10.0, 5.0, 3.0, 1.0"
_ATTACHMENT_WEIGHTS = "5.0, 1.0"  # name, text: a file's name counts like a tag
# An attachment's text (up to a million characters) is searched for a snippet a window
# at a time, stopping at the first match: the whole of it took 35 ms a hit.
_WINDOW = 16_000
_OVERLAP = 500
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class SearchHit:
    """One result: what it is, its title with matches highlighted, and a snippet."""

    kind: str  # "note" or "contact"
    uuid: str
    title: str
    title_fragments: tuple[Fragment, ...]
    snippet: tuple[Fragment, ...]
    score: float
    # The name of the attachment that matched, when the note's own text did not (the
    # snippet is then cut from that attachment's text or name).
    attachment: str | None = None


class Searcher:
    """Runs user queries against one unlocked vault."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def find_contacts(self, text: str, *, limit: int = 50) -> list[SearchHit]:
        """Contacts as a person finds one while typing: every word typed is the start
        of a word of the name, a number, a handle or the notes (filters such as ``tag:``
        and excluded words are ignored). The one way both front ends find a contact."""
        words = parse_query(text).positive
        if not words:
            return []
        query = Query(
            terms=tuple(Term(word.text, prefix=True) for word in words),
            kinds=frozenset({"contacts"}),
        )
        return self.search(query, limit=limit)

    def search(self, text: str | Query, *, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
        """Best hits first. Accepts anything a user can type."""
        query = parse_query(text) if isinstance(text, str) else text
        limit = max(1, min(limit, MAX_LIMIT))
        expression = query.fts_expression()
        if expression is None and not query.has_filters:
            return []
        hits: list[SearchHit] = []
        if query.wants("notes"):
            hits += self._notes(query, expression, limit)
        if query.wants("contacts"):
            hits += self._contacts(query, expression, limit)
        hits.sort(key=lambda hit: hit.score)
        return hits[:limit]

    def _notes(self, query: Query, expression: str | None, limit: int) -> list[SearchHit]:
        # Filters are semi-joins on small covering indexes: a join to the notes table
        # itself would read a large row for every match.
        clauses, parameters = [], []
        for notebook in query.notebooks:
            clauses.append(
                "{id} IN (SELECT id FROM notes WHERE notebook_id = "
                "(SELECT id FROM notebooks WHERE name = ? COLLATE NOCASE))"
            )
            parameters.append(notebook)
        for tag in query.tags:
            clauses.append(
                "{id} IN (SELECT note_id FROM note_tags WHERE tag_id = "
                "(SELECT id FROM tags WHERE name = ?))"
            )
            parameters.append(tag)
        if expression is None:
            where = " AND ".join(["trashed_at IS NULL", *clauses]).format(id="id")
            ranked = self._db.rows(
                f"SELECT id, 0.0 FROM notes WHERE {where} "  # noqa: S608 - fixed fragments
                "ORDER BY trashed_at, pinned DESC, updated_at DESC LIMIT ?",
                (*parameters, limit),
            )
        else:
            ranked = self._ranked(
                "notes_index", _NOTE_WEIGHTS, expression, clauses, parameters, limit
            )
        hits = {
            hit.uuid: hit
            for hit in (self._note_hit(note_id, score, query.positive) for note_id, score in ranked)
        }
        if expression is not None:
            for hit in self._attachment_hits(query, expression, clauses, parameters, limit):
                own = hits.get(hit.uuid)
                if own is None:
                    hits[hit.uuid] = hit
                elif hit.score < own.score:
                    hits[hit.uuid] = replace(own, score=hit.score)
        return list(hits.values())

    def _attachment_hits(
        self,
        query: Query,
        expression: str,
        clauses: list[str],
        parameters: list[Any],
        limit: int,
    ) -> list[SearchHit]:
        """Notes found through their attachments, one hit per note (its best attachment).

        The note filters apply to the attachment's note, and a note in the trash is left
        out here rather than by taking its attachments out of the index (which would
        rewrite a PDF's worth of index pages on every trash and restore).
        """
        inner = " AND ".join(["n.trashed_at IS NULL", *clauses]).format(id="a.note_id")
        clause = (
            "{id} IN (SELECT a.id FROM attachments a JOIN notes n ON n.id = a.note_id "  # noqa: S608 - fixed fragments
            f"WHERE {inner})"
        )
        ranked = self._ranked(
            "attachments_index", _ATTACHMENT_WEIGHTS, expression, [clause], parameters, limit
        )
        hits: dict[str, SearchHit] = {}
        for attachment_id, score in ranked:
            hit = self._attachment_hit(attachment_id, score, query.positive)
            if hit.uuid not in hits:
                hits[hit.uuid] = hit
        return list(hits.values())

    def _attachment_hit(
        self, attachment_id: int, score: float, terms: tuple[Term, ...]
    ) -> SearchHit:
        uuid, title, name, text = self._db.row(
            "SELECT n.uuid, n.title, a.name, t.text FROM attachments a "
            "JOIN notes n ON n.id = a.note_id "
            "LEFT JOIN attachment_text t ON t.attachment_id = a.id WHERE a.id = ?",
            (attachment_id,),
        )
        shown = _first_snippet(text or "", terms)
        if shown is None:
            shown = highlight(name, terms)
        return SearchHit("note", uuid, title, highlight(title, terms), shown, score, name)

    def _ranked(
        self,
        index: str,
        weights: str,
        expression: str,
        clauses: list[str],
        parameters: list[Any],
        limit: int,
    ) -> list[Any]:
        """Row ids and scores from one index, best first.

        bm25 has to score every match before it can sort; beyond RANKING_LIMIT matches
        that takes longer than typing, and a term in most records hardly ranks anything.
        Such queries list the newest matches instead (score 0), which FTS5 reads
        straight off the end of the index.
        """
        where = " AND ".join([f"{index} MATCH ?", *clauses]).format(id=f"{index}.rowid")
        arguments = (expression, *parameters)
        matches = self._db.row(f"SELECT count(*) FROM {index} WHERE {where}", arguments)[0]  # noqa: S608
        if matches > RANKING_LIMIT:
            return self._db.rows(
                f"SELECT rowid, 0.0 FROM {index} WHERE {where} "  # noqa: S608
                "ORDER BY rowid DESC LIMIT ?",
                (*arguments, limit),
            )
        return self._db.rows(
            f"SELECT rowid, bm25({index}, {weights}) AS score FROM {index} "  # noqa: S608
            f"WHERE {where} ORDER BY score LIMIT ?",
            (*arguments, limit),
        )

    def _note_hit(self, note_id: int, score: float, terms: tuple[Term, ...]) -> SearchHit:
        uuid, title, body = self._db.row(
            "SELECT n.uuid, n.title, b.body FROM notes n "
            "JOIN note_bodies b ON b.note_id = n.id WHERE n.id = ?",
            (note_id,),
        )
        shown = matching_snippet(body, terms)
        if shown is None:
            tags = self._db.rows(
                "SELECT t.name FROM note_tags nt JOIN tags t ON t.id = nt.tag_id "
                "WHERE nt.note_id = ? ORDER BY t.name",
                (note_id,),
            )
            shown = matching_snippet(" ".join(f"#{row[0]}" for row in tags), terms)
        if shown is None:
            shown = snippet(body, terms)
        return SearchHit("note", uuid, title, highlight(title, terms), shown, score)

    def _contacts(self, query: Query, expression: str | None, limit: int) -> list[SearchHit]:
        clauses, parameters = [], []
        for tag in query.tags:
            clauses.append(
                "{id} IN (SELECT contact_id FROM contact_tags WHERE tag_id = "
                "(SELECT id FROM tags WHERE name = ?))"
            )
            parameters.append(tag)
        if expression is None:
            where = (" AND ".join(clauses) or "1").format(id="id")
            ranked = self._db.rows(
                f"SELECT id, 0.0 FROM contacts WHERE {where} "  # noqa: S608
                "ORDER BY display_name COLLATE NOCASE LIMIT ?",
                (*parameters, limit),
            )
        else:
            ranked = self._ranked(
                "contacts_index", _CONTACT_WEIGHTS, expression, clauses, parameters, limit
            )
        return [
            self._contact_hit(contact_id, score, query.positive) for contact_id, score in ranked
        ]

    def _contact_hit(self, contact_id: int, score: float, terms: tuple[Term, ...]) -> SearchHit:
        uuid, name, organization, role, notes = self._db.row(
            "SELECT uuid, display_name, organization, role, notes FROM contacts WHERE id = ?",
            (contact_id,),
        )
        handles = " · ".join(
            str(row[0])
            for row in self._db.rows(
                "SELECT value FROM contact_methods WHERE contact_id = ? ORDER BY position",
                (contact_id,),
            )
        )
        details = " · ".join(part for part in (organization, role) if part)
        shown = None
        for text in (handles, details, notes):
            shown = matching_snippet(text, terms) if text else None
            if shown is not None:
                break
        if shown is None:
            shown = snippet(details or handles, terms)
        return SearchHit("contact", uuid, name, highlight(name, terms), shown, score)


def _first_snippet(text: str, terms: tuple[Term, ...]) -> tuple[Fragment, ...] | None:
    """``matching_snippet`` of a long text, looking at one window after another. Windows
    end at a space where there is one near (no word cut in two), and overlap, so that a
    phrase across two is found."""
    begin = 0
    while begin < len(text):
        end = begin + _WINDOW
        space = _SPACE.search(text, end, end + _OVERLAP) if end < len(text) else None
        end = space.start() if space else end
        shown = matching_snippet(text[begin:end], terms)
        if shown is not None:
            if begin and shown[0].text != "…":
                shown = (Fragment("…"), *shown)
            return shown
        if end >= len(text):
            break
        space = _SPACE.search(text, end - _OVERLAP, end)
        begin = space.end() if space else end - _OVERLAP
    return None
