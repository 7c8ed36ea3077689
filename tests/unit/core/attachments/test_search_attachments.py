"""Search finds notes by their attachments: names, PDF and text-file text, Chinese too;
and forgets them when the attachment or its note goes."""

from __future__ import annotations

import io
import time
from pathlib import Path

from hushnote.core import Vault
from hushnote.core.attachments.text_extract import MAX_TEXT
from support.pdf_text import text_pdf

ENGLISH = "The eviction hearing of Okonkwo moved to Tuesday"
CHINESE = "我们的律师明天去法院"


def _found(vault: Vault, query: str) -> list[tuple[str, str | None]]:
    return [(hit.uuid, hit.attachment) for hit in vault.searcher.search(query)]


def _attach(vault: Vault, note: str, name: str, data: bytes) -> str:
    # Metadata kept: these tests are about the text, not about cleaning.
    added = vault.attachments.add(note, io.BytesIO(data), name=name, keep_metadata=True)
    return added.attachment.uuid


def test_a_pdf_is_found_by_english_and_chinese_words(open_vault: Vault) -> None:
    note = open_vault.notes.create(title="Housing case", body="nothing here").uuid
    _attach(open_vault, note, "court letter.pdf", text_pdf([(ENGLISH, CHINESE)]))
    for query in ("okonkwo", "eviction hearing", "律师", "法院", "明天去", "court", "letter.pdf"):
        assert _found(open_vault, query) == [(note, "court letter.pdf")], query
    (hit,) = open_vault.searcher.search("律师")
    assert hit.title == "Housing case"
    assert [f.text for f in hit.snippet if f.highlighted] == ["律师"]
    assert open_vault.searcher.search("kind:contacts 律师") == []
    assert open_vault.check() == []


def test_text_and_markdown_files_and_names_are_found(open_vault: Vault, tmp_path: Path) -> None:
    note = open_vault.notes.create(title="Intake").uuid
    source = tmp_path / "witness statement.md"
    source.write_text("# Notes\n\nSaw the **Marchetti** van at 9pm. 证人看见了\n")
    open_vault.attachments.add(note, source)
    _attach(open_vault, note, "kowalczyk-affidavit.bin", b"\x00\x01binary\x00" * 100)
    assert _found(open_vault, "marchetti") == [(note, "witness statement.md")]
    assert _found(open_vault, "证人") == [(note, "witness statement.md")]
    assert _found(open_vault, "kowalczyk") == [(note, "kowalczyk-affidavit.bin")]
    assert _found(open_vault, "binary") == []  # an unknown kind's bytes are not read
    (hit,) = open_vault.searcher.search("kowalczyk")
    assert [f.text for f in hit.snippet if f.highlighted] == ["kowalczyk"]


def test_a_note_matching_itself_is_listed_once_as_itself(open_vault: Vault) -> None:
    note = open_vault.notes.create(title="Okonkwo", body="call back").uuid
    _attach(open_vault, note, "letter.pdf", text_pdf([(ENGLISH, "")]))
    assert _found(open_vault, "okonkwo") == [(note, None)]


def test_filters_apply_to_the_attachments_note(open_vault: Vault) -> None:
    tagged = open_vault.notes.create(title="a", tags=["housing"], notebook="Cases").uuid
    other = open_vault.notes.create(title="b").uuid
    _attach(open_vault, tagged, "one.txt", b"Rosenthal tenancy")
    _attach(open_vault, other, "two.txt", b"Rosenthal tenancy")
    assert {uuid for uuid, _ in _found(open_vault, "rosenthal")} == {tagged, other}
    assert _found(open_vault, "rosenthal tag:housing") == [(tagged, "one.txt")]
    assert _found(open_vault, 'rosenthal notebook:"Cases"') == [(tagged, "one.txt")]
    assert _found(open_vault, "rosenthal -tenancy") == []


def test_trash_hides_restore_shows_remove_and_purge_forget(open_vault: Vault) -> None:
    note = open_vault.notes.create(title="Case").uuid
    kept = open_vault.notes.create(title="Other").uuid
    first = _attach(open_vault, note, "first.txt", b"Zebulon first")
    _attach(open_vault, note, "second.pdf", text_pdf([("Quillfeather second", "证据确凿")]))
    _attach(open_vault, kept, "kept.txt", b"Zebulon kept")
    open_vault.notes.trash(note)
    assert _found(open_vault, "quillfeather") == []
    assert _found(open_vault, "zebulon") == [(kept, "kept.txt")]
    open_vault.notes.restore(note)
    assert _found(open_vault, "quillfeather") == [(note, "second.pdf")]
    open_vault.attachments.remove(first)
    assert _found(open_vault, "zebulon") == [(kept, "kept.txt")]
    assert _found(open_vault, "first") == []
    open_vault.notes.purge(note)
    for word in ("quillfeather", "证据", "second"):
        assert _found(open_vault, word) == [], word
    assert open_vault.db.row("SELECT count(*) FROM attachment_text")[0] == 1
    assert open_vault.check() == []
    open_vault.notes.trash(kept)
    open_vault.notes.empty_trash()
    assert _found(open_vault, "zebulon") == []
    assert open_vault.db.row("SELECT count(*) FROM attachment_text")[0] == 0
    assert open_vault.check() == []


def test_a_broken_pdf_attaches_and_is_found_by_its_name(open_vault: Vault) -> None:
    note = open_vault.notes.create(title="x").uuid
    broken = text_pdf([(ENGLISH, "")])[:300]
    result = open_vault.attachments.add(
        note, io.BytesIO(broken), name="damaged scan.pdf", keep_metadata=True
    )
    assert result.attachment.kind == "pdf"
    assert _found(open_vault, "damaged scan") == [(note, "damaged scan.pdf")]
    assert _found(open_vault, "eviction") == []


def test_a_huge_text_file_is_indexed_up_to_the_cap_in_bounded_time(open_vault: Vault) -> None:
    note = open_vault.notes.create(title="dump").uuid
    data = b"Alpha " + b"filler " * (MAX_TEXT // 7 + 10) + b"Omegaword " * 1000
    data += b"more " * 1_000_000  # 6 MB in all, the last words past the cap
    started = time.perf_counter()
    _attach(open_vault, note, "log.txt", data)
    attach_seconds = time.perf_counter() - started
    assert _found(open_vault, "alpha") == [(note, "log.txt")]
    assert _found(open_vault, "omegaword") == []
    (length,) = open_vault.db.row("SELECT length(text) FROM attachment_text")
    assert length == MAX_TEXT
    assert attach_seconds < 15, attach_seconds
    open_vault.notes.purge(note)
    assert _found(open_vault, "alpha") == []


def test_the_extracted_text_is_sealed_by_the_attachments_mac(open_vault: Vault) -> None:
    note = open_vault.notes.create(title="x").uuid
    _attach(open_vault, note, "a.txt", b"original words")
    # Changed without the key (the MAC triggers are TEMP, this connection's own: drop them).
    open_vault.db.execute("DROP TRIGGER temp.hn_attachment_text_update")
    open_vault.db.execute("UPDATE attachment_text SET text = 'planted words'")
    problems = open_vault.check()
    assert any("attachment record" in problem for problem in problems), problems
    assert any("attachments search index" in problem for problem in problems), problems


def test_attachments_from_before_search_are_found_by_name_after_the_upgrade(
    fast_kdf_vault, tmp_path: Path
) -> None:
    from hushnote.core.store.schema import _ATTACHMENT_SEARCH, LATEST_VERSION, MIGRATIONS

    step = MIGRATIONS.index(_ATTACHMENT_SEARCH) + 1
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        note = vault.notes.create(title="old").uuid
        _attach(vault, note, "Lindqvist lease.txt", b"Hargreave clause")
        # Back to the schema before attachments were searched, as such a vault was.
        vault.db.execute("DROP TABLE attachment_text")
        vault.db.execute("DROP TABLE attachments_index")
        # And what the steps after it made (shared notebooks), which run again.
        for table in ("space_contacts", "space_lists", "space_refused", "space_notes",
                      "space_seen", "space_members", "space_keys", "spaces"):  # fmt: skip
            vault.db.execute(f"DROP TABLE {table}")
        vault.db.execute("DROP INDEX notes_sync")
        # Note history (schema 11) and the travel marks (12).
        vault.db.execute("DROP TABLE note_revisions")
        vault.db.execute("DROP TABLE note_history")
        vault.db.execute("ALTER TABLE notebooks DROP COLUMN stays_home")
        vault.db.execute("ALTER TABLE lists DROP COLUMN stays_home")
        vault.db.execute(f"PRAGMA user_version = {step - 1}")
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        assert vault.db.pragma_value("user_version") == LATEST_VERSION
        assert _found(vault, "lindqvist") == [(note, "Lindqvist lease.txt")]
        assert _found(vault, "hargreave") == []  # its text was never extracted
        assert vault.check() == []
        _attach(vault, note, "new.txt", b"Hargreave again")
        assert _found(vault, "hargreave") == [(note, "new.txt")]


def test_snippets_come_from_deep_in_a_long_text_and_across_windows(open_vault: Vault) -> None:
    note = open_vault.notes.create(title="long").uuid
    text = "filler " * 2285 + "Quonset Hutch " + "filler " * 100_000 + "the Vanterpool hearing"
    assert text.index("Quonset Hutch") < 16_000 < text.index("Hutch")  # across a window
    _attach(open_vault, note, "long.txt", text.encode())
    for query, shown in (('"quonset hutch"', "Quonset Hutch"), ("vanterpool", "Vanterpool")):
        (hit,) = open_vault.searcher.search(query)
        assert [f.text for f in hit.snippet if f.highlighted] == [shown], query
        assert hit.snippet[0].text == "…"
    started = time.perf_counter()
    for _ in range(10):
        open_vault.searcher.search("vanterpool")
    assert time.perf_counter() - started < 2.0


def test_a_cleaned_pdf_is_found_by_its_text(open_vault: Vault) -> None:
    """The text is taken from the file as stored, after its metadata was removed."""
    note = open_vault.notes.create(title="cleaned").uuid
    result = open_vault.attachments.add(
        note, io.BytesIO(text_pdf([(ENGLISH, CHINESE)])), name="scan.pdf"
    )
    assert result.cleaned
    assert _found(open_vault, "okonkwo") == [(note, "scan.pdf")]
    assert _found(open_vault, "律师") == [(note, "scan.pdf")]
