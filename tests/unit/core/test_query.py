"""The search box language: what it understands, and that nothing breaks it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hushnote.core import parse_query
from hushnote.core.store.query import MAX_TERMS, Term


def test_words_phrases_prefixes_and_exclusions() -> None:
    query = parse_query('eviction "court date" evic* -draft')
    assert query.terms == (
        Term("eviction"),
        Term("court date"),
        Term("evic", prefix=True),
        Term("draft", negated=True),
    )
    assert query.fts_expression() == '("eviction" AND "court date" AND "evic" *) NOT "draft"'


def test_filters() -> None:
    query = parse_query('tag:medic notebook:"Case 12" nb:other kind:contacts kind:bogus word')
    assert query.tags == ("medic",)
    assert query.notebooks == ("Case 12", "other")
    assert query.kinds == frozenset({"contacts"})
    assert query.terms == (Term("word"),)
    assert not query.wants("notes")
    assert not query.wants("contacts")  # a notebook filter rules contacts out


def test_operators_and_syntax_are_taken_literally() -> None:
    for text in ["AND", "a OR b", "NEAR(a b)", "a:b", "^start", "col:word", "(x)", "{a b}"]:
        expression = parse_query(text).fts_expression()
        assert expression is not None
        assert expression.startswith('"')  # everything is inside quotes


def test_quotes_inside_terms_are_doubled() -> None:
    assert parse_query('"say ""hi"""').fts_expression() is not None
    assert Term('a"b').fts() == '"a""b"'


def test_nothing_searchable_gives_no_expression() -> None:
    for text in ["", "   ", "*", '"', '""', "-", "!!!", "-word", "\x00\x01"]:
        assert parse_query(text).fts_expression() is None, text


def test_unclosed_quote_runs_to_the_end() -> None:
    assert parse_query('"open phrase').terms == (Term("open phrase"),)


def test_cjk_terms_become_bigram_phrases() -> None:
    assert Term("律师").fts() == '"律师"'
    assert Term("人民共和国").fts() == '"人民 民共 共和 和国"'
    assert Term("中").fts() == '"中" *'


def test_term_count_is_capped() -> None:
    assert len(parse_query(" ".join(f"w{n}" for n in range(100))).terms) == MAX_TERMS


@settings(max_examples=300)
@given(st.text())
def test_any_text_parses(text: str) -> None:
    query = parse_query(text)
    expression = query.fts_expression()
    assert expression is None or expression.count('"') % 2 == 0
