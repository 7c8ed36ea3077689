"""Deleted words leave no trace: not in search, not in any page of the database or of its
WAL (free pages and old frames included), not in the copy ``rotate-key`` makes.

What the examiner looks for, with the data key, in every decrypted page:

- each deleted word as typed and as the index folds it (lower case), in UTF-8 and in
  UTF-16 (both byte orders), and each bigram of a deleted Chinese word likewise;
- the index's own copies, which are rarely whole: a leaf stores each term after its first
  as the bytes it does not share with the term before (prefix compression), and a b-tree
  split key keeps a prefix of the term that opened a leaf. So every prefix and every
  suffix of an index term's UTF-8 bytes of at least 5 bytes (4 for a Chinese bigram,
  whose 3-byte characters share at most their first 2 bytes with a neighbour) is searched
  too. Shorter strings turn up by chance in megabytes of binary pages (a given 3-byte
  string about once in 16 MB), so shorter split keys are checked where they live, in the
  index's ``%_idx`` table: none may start a deleted word unless it also starts a word
  still in the index (then it tells nothing).

The deleted words are made for the purpose, so that each string above is distinctive:
Latin ones mix vowels with letters no other text in the vault uses (j q w x y z), one of
those in every 5-letter run and no run used twice; Chinese ones are characters (CJK
extension A) used nowhere else, set off by punctuation. The vault around them is
realistic in size and shape: 1,200 notes of English-like text and Chinese sentences and
300 contacts, written in transactions of varied size so that each index has many
segments on several levels. The deleted records are picked among those with a word that
opened a leaf page and left a split key starting no other word: the case secure-delete
alone leaves behind.
"""

from __future__ import annotations

import io
import random
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import VaultSetup
from hushnote.core import ContactMethod, KdfParams, MethodKind, NewContact, NewNote, Vault
from hushnote.core.atomic import create_private_file
from hushnote.core.store.database import Database
from hushnote.core.store.schema import (
    _INDEX_FORGETS,
    LATEST_VERSION,
    MIGRATIONS,
    migrate,
    schema_version,
)
from hushnote.core.store.text_index import cjk_bigrams, index_text
from support.forensics import encodings_of
from support.fts5_structure import IndexPicture, picture
from support.pdf_text import text_pdf
from support.sqlcipher_pages import decrypted_pages, decrypted_wal_frames

PASSPHRASE = "correct horse battery staple 7"
NOTES, CONTACTS = 1_200, 300
_CJK = re.compile("[\u3400-\u9fff]+")
_RARE = set("jqwxyz")  # letters only the canary words use
_SYLLABLES = "ka lo mi ren sa to vi den bel mor tin ga pre sul har ne cri fal pu sed".split()
_CHINESE = "律师 法院 租房 会议 医疗 志愿者 联系 明天 今天 问题 讨论 案件 证据 安全 朋友".split()

pytestmark = pytest.mark.slow


# -- the vault ---------------------------------------------------------------------------


@dataclass
class Canaries:
    """Distinctive words, and which note or contact holds each."""

    rng: random.Random
    windows: set[str] = field(default_factory=set)
    chars: list[str] = field(default_factory=list)
    of_note: dict[str, list[str]] = field(default_factory=dict)
    of_contact: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # CJK extension A: real characters, none of them in the common text around.
        self.chars = [chr(code) for code in range(0x3400, 0x4DB5)]
        self.rng.shuffle(self.chars)

    def latin(self) -> str:
        """A word no 5-letter run of which occurs anywhere else in the vault."""
        while True:
            word = "".join(self.rng.choices("jqwxyzaeiou", k=self.rng.randint(8, 11)))
            runs = {word[i : i + 5] for i in range(len(word) - 4)}
            if all(set(run) & _RARE for run in runs) and not runs & self.windows:
                self.windows |= runs
                return word.capitalize() if self.rng.random() < 0.3 else word

    def chinese(self) -> str:
        return "".join(self.chars.pop() for _ in range(3))


def _filler(rng: random.Random, words: int) -> str:
    text = " ".join(
        "".join(rng.choices(_SYLLABLES, k=rng.randint(1, 3))) for _ in range(words)
    ).capitalize()
    if rng.random() < 0.3:
        text += "\n\n" + "".join(rng.choices(_CHINESE, k=rng.randint(5, 12))) + "。"
    return text


def _notes(rng: random.Random, canaries: Canaries) -> Iterator[tuple[NewNote, list[str]]]:
    for number in range(NOTES):
        body = _filler(rng, rng.randint(40, 160))
        words: list[str] = []
        if number % 2 == 0:
            words = [canaries.latin() for _ in range(3)] + [canaries.chinese()]
            latin, chinese = words[:3], words[3]
            body = f"{body} {latin[0]} {latin[1]}，{chinese}。{_filler(rng, 20)} {latin[2]}"
        yield NewNote(title=_filler(rng, 4), body=body, tags=(rng.choice(_SYLLABLES),)), words


def _contacts(rng: random.Random, canaries: Canaries) -> Iterator[tuple[NewContact, list[str]]]:
    for number in range(CONTACTS):
        name, handle, organization, note = (canaries.latin() for _ in range(4))
        chinese = canaries.chinese()
        phone = f"+1 555 {number:07d}"
        contact = NewContact(
            display_name=f"{_filler(rng, 1)} {name}",
            methods=(
                ContactMethod(MethodKind.PHONE, phone, "cell"),
                ContactMethod(MethodKind.SIGNAL, f"@{handle}"),
            ),
            organization=f"{organization} {_filler(rng, 1)}",
            role=rng.choice(["medic", "driver", "legal observer"]),
            notes=f"{_filler(rng, 12)} {note}，{chinese}。",
        )
        yield contact, [name, handle, organization, note, chinese, phone]


def _build(root: Path, params: KdfParams) -> Canaries:
    """Notes and contacts written in transactions of 1 to 60 records."""
    rng = random.Random(20_26)
    canaries = Canaries(random.Random(4_711))
    with Vault.create(root, PASSPHRASE, kdf=params) as vault:
        notes, contacts = list(_notes(rng, canaries)), list(_contacts(rng, canaries))
        while notes or contacts:
            size = rng.choice([1, 1, 1, 2, 3, 8, 20, 60])
            batch, notes = notes[:size], notes[size:]
            if len(batch) == 1:
                draft = batch[0][0]
                vault.notes.create(title=draft.title, body=draft.body, tags=draft.tags)
            elif batch:
                vault.notes.create_many(draft for draft, _ in batch)
            people, contacts = contacts[: max(1, size // 3)], contacts[max(1, size // 3) :]
            if people:
                vault.contacts.import_contacts(contact for contact, _ in people)
            for kind, records, found in (
                ("notes", batch, canaries.of_note),
                ("contacts", people, canaries.of_contact),
            ):
                for _, words in records:
                    if words:
                        hit = vault.searcher.search(f'"{words[0]}" kind:{kind}')
                        found[hit[0].uuid] = words
    return canaries


@dataclass
class Seeded:
    """An unlocked copy of the shared vault, and the canaries in it."""

    vault: Vault
    canaries: Canaries

    @property
    def dek(self) -> bytes:
        return bytes(self.vault.keyring().data_key)

    def pages(self) -> list[bytes]:
        return decrypted_pages(self.vault.paths.database, self.dek)

    def index(self, name: str) -> IndexPicture:
        return picture(self.vault.db.connection, name)


@pytest.fixture(scope="module")
def _shared() -> dict[str, object]:
    return {}


@pytest.fixture
def seeded(
    fast_kdf_params: KdfParams,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    _shared: dict[str, object],
) -> Iterator[Seeded]:
    """A fresh copy of a vault built once per module (building takes a while)."""
    if "root" not in _shared:
        root = tmp_path_factory.mktemp("seeded") / "vault"
        _shared["canaries"] = _build(root, fast_kdf_params)
        _shared["root"] = root
    source = _shared["root"]
    canaries = _shared["canaries"]
    assert isinstance(source, Path) and isinstance(canaries, Canaries)
    shutil.copytree(source, tmp_path / "vault")
    with Vault.unlock(tmp_path / "vault", PASSPHRASE) as vault:
        yield Seeded(vault, canaries)


# -- the examiner ------------------------------------------------------------------------


def index_terms(word: str) -> list[bytes]:
    """The terms the index makes of ``word``: folded, Chinese spelled as bigrams, a phone
    number as its digits and their endings (those of 7 digits or more: shorter ones are
    shared with other numbers)."""
    if word.startswith("+"):
        digits = re.sub(r"\D", "", word).encode()
        return [digits[start:] for start in range(len(digits) - 6)]
    return [token.lower().encode() for token in index_text(word).split()]


def traces(word: str) -> set[bytes]:
    """Every byte string whose presence in a page would betray ``word`` (module docstring)."""
    found = set(encodings_of(word)) | set(encodings_of(word.lower()))
    if word.startswith("+"):
        return found | set(index_terms(word))
    for run in _CJK.findall(word):
        for bigram in cjk_bigrams(run):
            found.update(encodings_of(bigram))
    for term in index_terms(word):
        shortest = 4 if _CJK.match(term.decode()) else 5
        if len(term) >= shortest:
            found.update(term[:end] for end in range(shortest, len(term) + 1))
            found.update(term[start:] for start in range(len(term) - shortest + 1))
    return found


def betrayed(pages: list[bytes], words: list[str]) -> set[str]:
    """The words of which some trace is in some page."""
    # One buffer, searched once per trace. No trace holds 0xff (not in UTF-8, nor in the
    # UTF-16 of these letters and CJK characters), so none can span two pages.
    everything = b"\xff".join(pages)
    return {word for word in words if any(t in everything for t in traces(word))}


def indexed(seeded: Seeded, name: str, words: list[str]) -> set[str]:
    """The words with a term in index ``name``, or a split key there that tells part of
    one: a prefix of its term that starts no term the index still holds."""
    index = seeded.index(name)
    found = set()
    for word in words:
        terms = index_terms(word)
        if any(term in index.terms for term in terms):
            found.add(word)
        elif any(
            term.startswith(key) and not index.starts_a_term(key)
            for term in terms
            for key in index.split_keys
        ):
            found.add(word)
    return found


def telling_keys(index: IndexPicture, words: list[str]) -> list[bytes]:
    """Split keys cut from ``words`` that start no other term: were the words deleted and
    the keys kept, each would tell the start of one."""
    terms = {term for word in words for term in index_terms(word)}
    return [
        key
        for key in index.split_keys
        if any(term.startswith(key) for term in terms) and set(index.terms_starting(key)) <= terms
    ]


def doomed(seeded: Seeded, kind: str, taken: int = 0) -> tuple[str, list[str]]:
    """The ``taken``-th record one of whose words opened a leaf page and left a telling
    split key (different tests take different ones)."""
    records = seeded.canaries.of_note if kind == "note" else seeded.canaries.of_contact
    index = seeded.index("notes_index" if kind == "note" else "contacts_index")
    found = [(uuid, words) for uuid, words in records.items() if telling_keys(index, words)]
    if len(found) <= taken:
        pytest.fail(f"too few {kind}s open a leaf page: the vault is too small to test with")
    return found[taken]


def assert_present(seeded: Seeded, index: str, words: list[str]) -> None:
    """The detector sees the words before they are deleted, or the test proves nothing."""
    latin = [w for w in words if not _CJK.search(w) and not w.startswith("+")]
    for word in latin:
        assert seeded.vault.searcher.search(word), word
    assert betrayed(seeded.pages(), words) == set(words)
    assert indexed(seeded, index, words) == set(words)


def assert_gone(seeded: Seeded, index: str, words: list[str], kept: list[str]) -> None:
    for word in words:
        assert seeded.vault.searcher.search(f'"{word}"') == [], word
    assert indexed(seeded, index, words) == set()
    # FTS5's own check: every split key still lies between its leaf and the one before.
    seeded.vault.db.execute(f"INSERT INTO {index} ({index}) VALUES ('integrity-check')")  # noqa: S608
    pages = seeded.pages()
    assert betrayed(pages, words) == set()
    assert betrayed(pages, kept) == set(kept)  # the rest is still readable


def kept_words(seeded: Seeded, *gone: str) -> list[str]:
    return next(w for uuid, w in seeded.canaries.of_note.items() if uuid not in gone)[:3]


# -- deleting ----------------------------------------------------------------------------


def test_the_vault_is_big_enough_to_test_against(seeded: Seeded) -> None:
    for name in ("notes_index", "contacts_index"):
        index = seeded.index(name)
        assert index.levels >= 2 and index.segments >= 3, name
        assert index.split_keys, name
    # Deleted words that opened a leaf page; for some only a prefix would survive.
    assert doomed(seeded, "contact", taken=0)
    shortened = set()
    for taken in range(3):
        _, words = doomed(seeded, "note", taken)
        terms = {term for word in words for term in index_terms(word)}
        shortened |= set(telling_keys(seeded.index("notes_index"), words)) - terms
    assert shortened


@pytest.mark.parametrize("how", ["purge", "rm and empty-trash"])
def test_a_deleted_note_leaves_no_trace(seeded: Seeded, how: str) -> None:
    uuid, words = doomed(seeded, "note", taken=0 if how == "purge" else 1)
    assert_present(seeded, "notes_index", words)
    if how == "purge":
        seeded.vault.notes.purge(uuid)
    else:
        seeded.vault.notes.trash(uuid)
        assert seeded.vault.searcher.search(words[0]) == []
        seeded.vault.notes.empty_trash()
    assert_gone(seeded, "notes_index", words, kept_words(seeded, uuid))


def test_words_edited_out_of_a_note_leave_no_trace(seeded: Seeded) -> None:
    uuid, words = doomed(seeded, "note", taken=2)
    assert_present(seeded, "notes_index", words)
    note = seeded.vault.notes.get(uuid)
    body = note.body
    for word in words:
        body = body.replace(word, "")
    seeded.vault.notes.update(uuid, body=body + " typed later")
    assert_gone(seeded, "notes_index", words, kept_words(seeded, uuid))
    assert seeded.vault.searcher.search("typed later")[0].uuid == uuid


def test_a_deleted_contact_leaves_no_trace(seeded: Seeded) -> None:
    uuid, words = doomed(seeded, "contact")
    assert_present(seeded, "contacts_index", words)
    seeded.vault.contacts.delete(uuid)
    kept = next(w for u, w in seeded.canaries.of_contact.items() if u != uuid)[:4]
    assert_gone(seeded, "contacts_index", words, kept)


def test_rotate_key_copies_no_deleted_word(seeded: Seeded) -> None:
    uuid, words = doomed(seeded, "note")
    assert_present(seeded, "notes_index", words)
    seeded.vault.notes.purge(uuid)
    old_dek = seeded.dek
    seeded.vault.rotate_key()
    assert seeded.dek != old_dek
    pages = decrypted_pages(seeded.vault.paths.database, seeded.dek)
    kept = kept_words(seeded, uuid)
    assert betrayed(pages, kept) == set(kept)  # the new key decrypts the new file
    assert betrayed(pages, words) == set()
    assert indexed(seeded, "notes_index", words) == set()


# -- the WAL -----------------------------------------------------------------------------


def test_typing_keeps_the_wal_and_removing_a_word_truncates_it(seeded: Seeded) -> None:
    uuid, words = next(iter(seeded.canaries.of_note.items()))
    seeded.vault.db.checkpoint()
    note = seeded.vault.notes.get(uuid)
    seeded.vault.notes.update(uuid, body=note.body + " and then some more")
    frames = decrypted_wal_frames(seeded.vault.paths.database, seeded.dek)
    # Typing removed nothing: the WAL is kept (cheap), and the detector reads its frames.
    assert betrayed(frames, words) == set(words)
    seeded.vault.notes.update(uuid, body=note.body.replace(words[0], ""))
    assert seeded.vault.paths.database.with_name("vault.db-wal").stat().st_size == 0
    assert betrayed(seeded.pages(), [words[0]]) == set()


# -- vaults written before the fix -------------------------------------------------------


def _old_index_note(db: Database, title: str, body: str) -> int:
    """A note written the way schema version 4 code did, into its contentless_delete index."""
    with db.transaction() as connection:
        note_id = int(
            connection.execute(
                "INSERT INTO notes (uuid, title, created_at, updated_at) VALUES (?, ?, 0, 0)",
                (f"{random.getrandbits(128):032x}", title),
            ).lastrowid
        )
        connection.execute("INSERT INTO note_bodies VALUES (?, ?)", (note_id, body))
        connection.execute(
            "INSERT INTO notes_index (rowid, title, body, tags) VALUES (?, ?, ?, '')",
            (note_id, index_text(title), index_text(body)),
        )
    return note_id


def test_the_migration_drops_what_old_deletions_left_behind(tmp_path: Path) -> None:
    rng = random.Random(99)
    canaries = Canaries(random.Random(98))
    path = tmp_path / "vault.db"
    create_private_file(path)
    key = bytes(range(32))
    db = Database.open(path, key)
    migrate(db, target=MIGRATIONS.index(_INDEX_FORGETS))  # the version before the fix
    doomed_words = [canaries.latin(), canaries.chinese()]
    kept = [canaries.latin()]
    for number in range(400):
        _old_index_note(db, _filler(rng, 3), _filler(rng, 80) + f" {canaries.latin()}")
        if number == 150:
            target = _old_index_note(db, "gone", f"{doomed_words[0]}，{doomed_words[1]}。")
        if number == 250:
            _old_index_note(db, "stays", kept[0])
    with db.transaction() as connection:  # how version 4 purged a note
        connection.execute("DELETE FROM notes_index WHERE rowid = ?", (target,))
        connection.execute("DELETE FROM notes WHERE id = ?", (target,))
    db.checkpoint()
    # The bug: the words are still index terms, readable in the pages.
    assert all(t in picture(db.connection, "notes_index").terms for t in index_terms("gone"))
    assert betrayed(decrypted_pages(path, key), doomed_words) == set(doomed_words)

    migrate(db)
    assert schema_version(db) == LATEST_VERSION
    terms = picture(db.connection, "notes_index").terms
    assert not any(t in terms for word in doomed_words for t in index_terms(word))
    assert index_terms(kept[0])[0] in terms
    pages = decrypted_pages(path, key)  # the WAL included: the migration left it empty
    assert betrayed(pages, doomed_words) == set()
    assert betrayed(pages, kept) == set(kept)
    db.close()


def test_a_purged_word_leaves_a_small_vault_too(fast_kdf_vault: VaultSetup) -> None:
    secret = "zyxwquartzcanary"
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        note = vault.notes.create(title="case", body=f"word {secret} word", tags=["x"])
        vault.db.checkpoint()
        dek = bytes(vault.keyring().data_key)
        assert betrayed(decrypted_pages(vault.paths.database, dek), [secret])
        vault.notes.purge(note.uuid)
        assert betrayed(decrypted_pages(vault.paths.database, dek), [secret]) == set()


def test_the_wal_blocks_truncation_frees_hold_only_zeros(
    fast_kdf_vault: VaultSetup, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Truncating the WAL gives its blocks back to the file system as they are: on ext4
    a carving tool found a purged word in a freed block, and the key decrypted it. So
    the WAL is zeroed in place before each truncation; this looks at it at that moment."""
    canary = "WalBlockCanary-Okafor-5521"
    wal = fast_kdf_vault.root / "vault.db-wal"
    seen: list[bytes] = []
    real_execute = Database.execute

    def watching(self: Database, sql: str, *args: object) -> object:
        if "wal_checkpoint(TRUNCATE)" in sql and wal.exists():
            seen.append(wal.read_bytes())
        return real_execute(self, sql, *args)  # type: ignore[arg-type]

    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        note = vault.notes.create(title=canary, body=f"{canary} " * 2000)
        monkeypatch.setattr(Database, "execute", watching)
        vault.notes.purge(note.uuid)
        monkeypatch.undo()
    written = [data for data in seen if data]
    assert written, "the purge truncated no WAL that held frames"
    assert all(not any(data) for data in written)


def test_a_very_long_word_is_forgotten_in_bounded_memory(fast_kdf_vault: VaultSetup) -> None:
    """Every prefix of every removed word was built in memory: a 20,000-character token
    (a pasted key, a hex dump) took 2 GB, and 200,000 characters could never be purged."""
    import time
    import tracemalloc

    token = "zq" + "0123456789abcdef" * 6_250  # 100,002 characters, one token
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        note = vault.notes.create(title="dump", body=token)
        tracemalloc.start()
        started = time.perf_counter()
        try:
            vault.notes.purge(note.uuid)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert peak < 50 * len(token), f"{peak >> 20} MiB for a {len(token)}-character word"
        assert time.perf_counter() - started < 10
        assert vault.check() == []


@pytest.mark.parametrize("how", ["remove", "purge the note"])
def test_a_removed_attachment_leaves_neither_its_key_nor_its_name(
    fast_kdf_vault: VaultSetup, tmp_path: Path, how: str
) -> None:
    """An attachment's content is destroyed by destroying its key, which only its row
    held: after a removal no decrypted page of the database or frame of the WAL holds
    the key (or its name), and the file is gone."""
    name = "zyxwqattachcanary.txt"
    source = tmp_path / name
    source.write_bytes(b"content " * 1000)
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        note = vault.notes.create(title="case", body="")
        attachment = vault.attachments.add(note.uuid, source).attachment
        (key,) = vault.db.row("SELECT blob_key FROM attachments")
        key = bytes(key)
        dek = bytes(vault.keyring().data_key)
        vault.db.checkpoint()
        pages = decrypted_pages(vault.paths.database, dek)
        assert any(key in page for page in pages)
        if how == "remove":
            vault.attachments.remove(attachment.uuid)
        else:
            vault.notes.purge(note.uuid)
        pages = decrypted_pages(vault.paths.database, dek)
        pages += decrypted_wal_frames(vault.paths.database, dek)
        assert not any(key in page for page in pages)
        assert not any(name.encode() in page for page in pages)
        assert list(vault.paths.attachments.iterdir()) == []


# -- attachments -------------------------------------------------------------------------


def _attachment_vault(
    vault: Vault, rng: random.Random
) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Ten notes with 40 attachments each, text files and a few PDFs, attached one by one
    (each its own transaction, so the index has many segments): every attachment's name
    and text hold canaries. Returns each attachment's note and its words."""
    canaries = Canaries(random.Random(rng.random()))
    notes = [vault.notes.create(title=f"case {number}").uuid for number in range(10)]
    note_of: dict[str, str] = {}
    words_of: dict[str, list[str]] = {}
    for number in range(400):
        words = [canaries.latin(), canaries.latin(), canaries.chinese(), canaries.latin()]
        text = f"{_filler(rng, 200)} {words[0]} {words[1]}，{words[2]}。{_filler(rng, 10)}"
        if number % 8 == 0:
            name, data = f"{words[3]}.pdf", text_pdf([(f"{words[0]} {words[1]}", words[2])])
        else:
            name, data = f"{words[3]}.txt", text.encode()
        added = vault.attachments.add(
            notes[number % 10], io.BytesIO(data), name=name, keep_metadata=True
        )
        note_of[added.attachment.uuid] = notes[number % 10]
        words_of[added.attachment.uuid] = words
    return note_of, words_of


def test_a_removed_or_purged_attachment_leaves_no_trace(fast_kdf_vault: VaultSetup) -> None:
    """An attachment's words (its name, a PDF's or text file's text, Chinese included)
    leave the pages of the database and its WAL when it is removed, and when its note is
    purged: the extracted text kept for that, and the index, split keys included."""
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        seeded = Seeded(vault, Canaries(random.Random(1)))
        # Seed chosen so that no 4-letter run of a kept word is followed, in a leaf, by
        # a doclist byte that completes a 5-byte trace of a deleted one (31 did that).
        note_of, words_of = _attachment_vault(vault, random.Random(32))
        index = seeded.index("attachments_index")
        assert index.segments >= 2 and index.split_keys
        telling = [uuid for uuid, words in words_of.items() if telling_keys(index, words)]
        assert len(telling) >= 2, "too few attachments open a leaf page"
        removed, purged_note = telling[0], note_of[telling[1]]
        purged = [uuid for uuid, note in note_of.items() if note == purged_note]
        kept = next(
            words
            for uuid, words in words_of.items()
            if uuid != removed and note_of[uuid] != purged_note
        )
        gone = [word for uuid in purged for word in words_of[uuid]]
        assert_present(seeded, "attachments_index", words_of[removed] + gone)

        vault.attachments.remove(removed)
        assert_gone(seeded, "attachments_index", words_of[removed], kept)

        vault.notes.purge(purged_note)
        assert_gone(seeded, "attachments_index", gone, kept)
        assert vault.check() == []


@pytest.mark.parametrize("repeats", [1, 150, 300])
def test_a_word_that_fills_more_of_the_note_still_leaves_with_it(
    fast_kdf_vault: VaultSetup, repeats: int
) -> None:
    """An edit takes the note's old entry out of the index and puts the new one in, in
    one transaction. FTS5 (SQLite 3.53.4) skipped the removal of a word the new text
    still holds when the two were written out together and the word's new entry took
    128 bytes or more with bit 6 of its size clear (150 or 300 repeats; 1 is the
    control): the old entry stayed under the new one, and came back when the word left
    the note (docs/search.md#deleting-what-leaves-the-files-and-when)."""
    secret = "zyxwquartzcanary"
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        note = vault.notes.create(title="case", body=f"word {secret}")
        vault.notes.update(note.uuid, body=f"word {secret}\n" * repeats)
        vault.notes.update(note.uuid, body="word")
        assert vault.searcher.search(secret) == []
        assert vault.check() == []
        dek = bytes(vault.keyring().data_key)
        assert betrayed(decrypted_pages(vault.paths.database, dek), [secret]) == set()


# Schema 10: the search indexes built again after the FTS5 flush-bug fix.
REBUILD_STEP = 10


def test_the_rebuild_drops_entries_the_flush_bug_left_behind(tmp_path: Path) -> None:
    """A vault edited before the fix keeps hidden entries of words its notes lost; the
    migration that rebuilds the indexes takes them out of the index and the pages."""
    path = tmp_path / "vault.db"
    create_private_file(path)
    key = bytes(range(32))
    db = Database.open(path, key)
    migrate(db, target=REBUILD_STEP - 1)
    word = "flushbugcanary"
    note_id = _old_index_note(db, "t", f"{word} secret")
    for old, new in ((f"{word} secret", f"{word}\n" * 150), (f"{word}\n" * 150, "other")):
        with db.transaction() as connection:  # an edit as it was made before the fix
            connection.execute(
                "INSERT INTO notes_index (notes_index, rowid, title, body, tags) "
                "VALUES ('delete', ?, 't', ?, '')",
                (note_id, index_text(old)),
            )
            connection.execute(
                "INSERT INTO notes_index (rowid, title, body, tags) VALUES (?, 't', ?, '')",
                (note_id, index_text(new)),
            )
            connection.execute("UPDATE note_bodies SET body = ? WHERE note_id = ?", (new, note_id))
    db.checkpoint()
    assert index_terms(word)[0] in picture(db.connection, "notes_index").terms  # the bug
    migrate(db)
    assert index_terms(word)[0] not in picture(db.connection, "notes_index").terms
    assert betrayed(decrypted_pages(path, key), [word]) == set()
    db.close()
