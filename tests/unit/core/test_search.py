"""Search over a real vault: ranking, filters, Chinese, snippets, and hostile input."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hushnote.core import ContactMethod, MethodKind, NewContact, Vault
from hushnote.core.search import SearchHit


def texts(hits: list[SearchHit]) -> list[str]:
    return [hit.title for hit in hits]


def marked(hit: SearchHit) -> str:
    return "".join(f"[{f.text}]" if f.highlighted else f.text for f in hit.snippet)


@pytest.fixture
def corpus(open_vault: Vault) -> Vault:
    notes = open_vault.notes
    notes.create(
        title="Eviction hearing",
        body="Met María about the eviction notice. The landlord's lawyer was late.",
        notebook="Case 12",
        tags=["legal"],
    )
    notes.create(title="Shopping", body="Bread, eggs, and a new notebook.")
    notes.create(title="Medic training", body="Street medics met on Tuesday.", tags=["medic"])
    notes.create(
        title="会议记录",
        body="我们在中华人民共和国讨论了律师的问题。明天再谈。",
        notebook="Case 12",
    )
    notes.trash(notes.create(title="Binned eviction draft").uuid)
    open_vault.contacts.create(
        NewContact(
            "Rosa Delgado",
            (
                ContactMethod(MethodKind.PHONE, "+1 555-0100"),
                ContactMethod(MethodKind.SIGNAL, "@rosa.01"),
            ),
            organization="Street Medics",
            role="medic",
            tags=("medic",),
        )
    )
    open_vault.contacts.create(NewContact("王小明", notes="律师助理"))
    return open_vault


def search(vault: Vault, text: str) -> list[SearchHit]:
    return vault.searcher.search(text)


def test_words_prefixes_phrases_and_accents(corpus: Vault) -> None:
    assert texts(search(corpus, "eviction")) == ["Eviction hearing"]
    assert texts(search(corpus, "EVICT*")) == ["Eviction hearing"]
    assert texts(search(corpus, '"eviction notice"')) == ["Eviction hearing"]
    assert search(corpus, '"notice eviction"') == []
    assert texts(search(corpus, "maria")) == ["Eviction hearing"]
    assert texts(search(corpus, "landlord's")) == ["Eviction hearing"]


def test_the_trash_is_not_searched(corpus: Vault) -> None:
    assert "Binned eviction draft" not in texts(search(corpus, "eviction"))


def test_title_outranks_body(corpus: Vault) -> None:
    corpus.notes.create(title="Notes", body="training training")
    assert texts(search(corpus, "training"))[0] == "Medic training"


def test_two_chinese_characters_inside_a_sentence(corpus: Vault) -> None:
    assert texts(search(corpus, "律师")) == ["会议记录", "王小明"]
    assert texts(search(corpus, "人民")) == ["会议记录"]
    assert texts(search(corpus, "共和国")) == ["会议记录"]
    assert texts(search(corpus, "中")) == ["会议记录"]
    assert search(corpus, "人共") == []  # not adjacent in the text
    hit = search(corpus, "律师")[0]
    assert "[律师]" in marked(hit)


def test_contacts_by_name_phone_handle_and_role(corpus: Vault) -> None:
    assert texts(search(corpus, "rosa")) == ["Rosa Delgado"]
    assert texts(search(corpus, "5550100")) == ["Rosa Delgado"]
    assert texts(search(corpus, "0100")) == ["Rosa Delgado"]
    assert texts(search(corpus, "+1 555-0100")) == ["Rosa Delgado"]
    assert texts(search(corpus, "rosa.01")) == ["Rosa Delgado"]
    assert search(corpus, "rosa")[0].kind == "contact"


def test_filters(corpus: Vault) -> None:
    assert sorted(texts(search(corpus, "medic*"))) == ["Medic training", "Rosa Delgado"]
    assert texts(search(corpus, "medic* kind:notes")) == ["Medic training"]
    assert texts(search(corpus, "medic* kind:contacts")) == ["Rosa Delgado"]
    assert texts(search(corpus, "tag:legal")) == ["Eviction hearing"]
    assert sorted(texts(search(corpus, 'notebook:"case 12"'))) == ["Eviction hearing", "会议记录"]
    assert texts(search(corpus, 'notebook:"case 12" 律师')) == ["会议记录"]
    assert texts(search(corpus, "tag:medic kind:contacts")) == ["Rosa Delgado"]
    assert search(corpus, "tag:nosuchtag") == []


def test_exclusion(corpus: Vault) -> None:
    assert sorted(texts(search(corpus, "met"))) == ["Eviction hearing", "Medic training"]
    assert texts(search(corpus, "met -eviction")) == ["Medic training"]


def test_snippets_highlight_the_match_and_stay_short(corpus: Vault) -> None:
    long_body = "filler " * 200 + "the needle is here " + "tail " * 200
    corpus.notes.create(title="Haystack", body=long_body)
    hit = search(corpus, "needle")[0]
    text = marked(hit)
    assert "[needle]" in text
    assert text.startswith("…") and text.endswith("…")
    assert len(text) < 260
    assert "".join(f.text for f in search(corpus, "haystack")[0].title_fragments) == "Haystack"


def test_a_tag_match_shows_the_tags(corpus: Vault) -> None:
    corpus.notes.create(title="Plain", body="nothing relevant", tags=["Zebra"])
    hit = search(corpus, "zebra")[0]
    assert "[Zebra]" in marked(hit)


def test_limit(corpus: Vault) -> None:
    for n in range(30):
        corpus.notes.create(title=f"repeat {n}", body="common")
    assert len(corpus.searcher.search("common", limit=5)) == 5
    assert len(corpus.searcher.search("common")) == 20


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=60)
    | st.sampled_from(['"', "*", "AND", "NOT x", "NEAR(", "a:b", "中文", "😀", "\\", "-", "'"])
)
def test_no_input_can_break_search(corpus: Vault, text: str) -> None:
    hits = corpus.searcher.search(text)
    assert isinstance(hits, list)


def test_a_huge_match_set_lists_the_newest_matches(
    corpus: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hushnote.core import search as search_module

    for n in range(6):
        corpus.notes.create(title=f"everywhere {n}", body="ubiquitous")
    monkeypatch.setattr(search_module, "RANKING_LIMIT", 3)
    hits = corpus.searcher.search("ubiquitous", limit=4)
    assert texts(hits) == ["everywhere 5", "everywhere 4", "everywhere 3", "everywhere 2"]
    assert all(hit.score == 0.0 for hit in hits)
    assert "[ubiquitous]" in marked(hits[0])
    # Below the limit, bm25 ranks as usual.
    assert texts(corpus.searcher.search("ubiquitous training", limit=4)) == []
    assert search(corpus, "eviction")[0].score < 0
