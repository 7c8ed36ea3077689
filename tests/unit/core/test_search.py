"""Search over a real vault: ranking, filters, Chinese, snippets, hostile input, and an
index that follows every edit, trash, purge and merge exactly."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hushnote.core import ContactMethod, KdfParams, MethodKind, NewContact, Vault
from hushnote.core.store.search import SearchHit
from hushnote.core.store.text_index import IndexEntry, index_text, removed_words
from support.fts5_structure import picture


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
    from hushnote.core.store import search as search_module

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


# -- the index follows the records -------------------------------------------------------


def index_is_sound(vault: Vault) -> None:
    """FTS5's own check passes, and the indexes hold exactly the searchable records."""
    db = vault.db
    for index in ("notes_index", "contacts_index"):
        db.execute(f"INSERT INTO {index} ({index}) VALUES ('integrity-check')")  # noqa: S608
    live = db.row("SELECT count(*) FROM notes WHERE trashed_at IS NULL")[0]
    assert db.row("SELECT count(*) FROM notes_index")[0] == live
    assert db.row("SELECT count(*) FROM contacts_index")[0] == vault.contacts.count()


def terms(vault: Vault, index: str = "notes_index") -> frozenset[bytes]:
    return picture(vault.db.connection, index).terms


def test_edits_trash_restore_and_purge_keep_search_exact(corpus: Vault) -> None:
    notes = corpus.notes
    note = notes.create(title="Draft", body="quorum at the 会议室 tomorrow", tags=["Boardroom"])
    assert texts(search(corpus, "quor*")) == ["Draft"]
    notes.update(note.uuid, body="agenda at the 图书馆 tomorrow")
    assert search(corpus, "quorum") == [] and search(corpus, "quor*") == []
    assert search(corpus, "会议室") == [] and texts(search(corpus, "图书")) == ["Draft"]
    assert b"quorum" not in terms(corpus) and "议室".encode() not in terms(corpus)
    notes.update(note.uuid, tags=["Library"], pinned=True)
    assert search(corpus, "boardroom") == [] and texts(search(corpus, "library")) == ["Draft"]
    notes.trash(note.uuid)
    assert search(corpus, "agenda") == [] and b"agenda" not in terms(corpus)
    notes.update(note.uuid, title="Draft 2")  # edited in the trash: still not searchable
    assert search(corpus, "agenda") == []
    notes.restore(note.uuid)
    assert texts(search(corpus, "agenda")) == ["Draft 2"]
    assert texts(search(corpus, "图")) == ["Draft 2"]
    index_is_sound(corpus)
    notes.purge(note.uuid)
    assert search(corpus, "agenda") == [] and b"agenda" not in terms(corpus)
    index_is_sound(corpus)
    # The rest of the corpus is found as before.
    assert texts(search(corpus, "eviction")) == ["Eviction hearing"]
    assert texts(search(corpus, "律师")) == ["会议记录", "王小明"]


def test_contact_edits_and_deletion_keep_search_exact(corpus: Vault) -> None:
    contacts = corpus.contacts
    rosa = contacts.get(search(corpus, "rosa")[0].uuid)
    new = rosa.as_new()
    contacts.update(
        rosa.uuid,
        NewContact(
            new.display_name,
            (ContactMethod(MethodKind.PHONE, "+1 555-0199"),),
            organization="Tenants Union",
            role=new.role,
            tags=("organiser",),
        ),
    )
    assert search(corpus, "5550100") == [] and search(corpus, "rosa.01") == []
    assert search(corpus, "street kind:contacts") == []
    assert search(corpus, "tag:medic kind:contacts") == []
    assert texts(search(corpus, "0199")) == ["Rosa Delgado"]
    assert texts(search(corpus, "tenants")) == ["Rosa Delgado"]
    assert texts(search(corpus, "organiser")) == ["Rosa Delgado"]
    assert b"5550100" not in terms(corpus, "contacts_index")
    index_is_sound(corpus)
    contacts.delete(rosa.uuid)
    assert search(corpus, "rosa") == [] and b"rosa" not in terms(corpus, "contacts_index")
    assert texts(search(corpus, "律师")) == ["会议记录", "王小明"]
    index_is_sound(corpus)


def test_many_random_changes_leave_an_exact_index(open_vault: Vault) -> None:
    """Every word ever written is searchable exactly while some record holds it."""
    rng = random.Random(5)
    vocabulary = [f"w{n}x" for n in range(60)] + ["中华", "人民", "共和国", "律师", "法院"]

    def text() -> str:
        return " ".join(rng.choices(vocabulary, k=rng.randint(0, 8)))

    notes, contacts = open_vault.notes, open_vault.contacts
    for _ in range(150):
        live = [n.uuid for n in notes.summaries()]
        binned = [n.uuid for n in notes.summaries(trashed=True)]
        people = [c.uuid for c in contacts.summaries()]
        action = rng.randrange(8)
        if action == 0 or not live:
            notes.create(title=text(), body=text(), tags=rng.sample(vocabulary, 2))
        elif action == 1:
            notes.update(rng.choice(live), body=text(), tags=rng.sample(vocabulary, 1))
        elif action == 2:
            notes.trash(rng.choice(live))
        elif action == 3 and binned:
            notes.restore(rng.choice(binned))
        elif action == 4:
            notes.purge(rng.choice(live + binned))
        elif action == 5 and rng.random() < 0.3:
            notes.empty_trash()
        elif action == 6 or not people:
            contacts.create(NewContact(f"Person {text()}", notes=text()))
        else:
            uuid = rng.choice(people)
            if rng.random() < 0.5:
                contacts.delete(uuid)
            else:
                contacts.update(uuid, NewContact(f"Person {text()}", organization=text()))
    index_is_sound(open_vault)
    for word in vocabulary:
        expected = {
            n.uuid
            for n in notes.summaries()
            if word in f"{n.title} {notes.get(n.uuid).body} {' '.join(notes.get(n.uuid).tags)}"
        }
        expected |= {
            c.uuid
            for c in contacts.summaries()
            if word in f"{c.display_name} {contacts.get(c.uuid).notes} {c.organization}"
        }
        found = {hit.uuid for hit in open_vault.searcher.search(word, limit=500)}
        assert found == expected, word


def test_a_merge_that_replaces_text_takes_the_old_words_out(
    open_vault: Vault, tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    source = Vault.create(tmp_path / "source", "source words", kdf=fast_kdf_params)
    try:
        note = source.notes.create(title="Hearing", body="courthouse 法院 on friday")
        person = source.contacts.create(NewContact("Ana Quispe", organization="Legal Aid"))
        recipient = [open_vault.age_recipient()]
        source.export_bundle(tmp_path / "first.hnb", recipients=recipient)
        open_vault.import_bundle(tmp_path / "first.hnb")
        assert texts(search(open_vault, "courthouse")) == ["Hearing"]
        assert texts(search(open_vault, "quispe")) == ["Ana Quispe"]
        time.sleep(0.01)
        source.notes.update(note.uuid, body="townhall 图书馆 on monday")
        source.contacts.update(person.uuid, NewContact("Ana Quispe", organization="Street Medics"))
        source.export_bundle(tmp_path / "second.hnb", recipients=recipient)
        report = open_vault.import_bundle(tmp_path / "second.hnb")
        assert report.count("notes", "updated") == 1 and report.count("contacts", "updated") == 1
    finally:
        source.lock()
    assert search(open_vault, "courthouse") == [] and search(open_vault, "法院") == []
    assert texts(search(open_vault, "townhall")) == ["Hearing"]
    assert texts(search(open_vault, "图书馆")) == ["Hearing"]
    assert search(open_vault, "legal") == [] and texts(search(open_vault, "medics")) == [
        "Ana Quispe"
    ]
    assert b"courthouse" not in terms(open_vault) and b"legal" not in terms(
        open_vault, "contacts_index"
    )
    index_is_sound(open_vault)


def entry(*values: str) -> IndexEntry:
    return IndexEntry(tuple(index_text(value) for value in values))


def test_typing_removes_no_word_and_editing_one_out_does() -> None:
    assert (
        removed_words(entry("Plan", "meet at the lib"), entry("Plan", "meet at the library"))
        == set()
    )
    assert removed_words(entry("", "中华"), entry("", "中华人民")) == set()
    assert removed_words(entry("", "Hello"), entry("", "hello there")) == set()
    assert removed_words(entry("", "meet at the library"), entry("", "meet at the lib")) == {
        "library"
    }
    assert removed_words(entry("", "helo"), entry("", "hello")) == {"helo"}
    assert removed_words(entry("", "中华人民"), entry("", "中华")) == {"华人", "人民", "民"}
    assert removed_words(entry("Plan", "secret"), None) == {"plan", "secret"}
    assert removed_words(None, entry("", "new")) == set()


def test_finding_a_contact_matches_the_start_of_every_word_typed(open_vault: Vault) -> None:
    rosa = open_vault.contacts.create(
        NewContact(
            display_name="Rosa Delgado",
            methods=(ContactMethod(MethodKind.SIGNAL, "@rosa.01"),),
            organization="Street Medics",
        )
    )
    open_vault.contacts.create(NewContact(display_name="Rosalind Ng"))
    open_vault.notes.create(title="Rosa's hearing", body="Delgado")  # notes never match
    assert [hit.uuid for hit in open_vault.searcher.find_contacts("ros delg")] == [rosa.uuid]
    assert {hit.title for hit in open_vault.searcher.find_contacts("ros")} == {
        "Rosa Delgado",
        "Rosalind Ng",
    }
    assert open_vault.searcher.find_contacts("") == []
    assert open_vault.searcher.find_contacts("-ros tag:x") == []  # only words typed count
