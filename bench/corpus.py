"""A seeded synthetic corpus: notes of about 150 words (English and some Chinese), contacts.

The same seed gives the same corpus, so runs compare like with like. Word frequencies
follow a Zipf curve over a generated vocabulary, plus a few planted words whose
frequencies the search rows rely on:

- ``the`` in nearly every note (a stop-word-like worst case);
- ``hearing`` in about one note in ten (a common word);
- ``quixotry`` in about ten notes (a rare word);
- ``律师`` inside Chinese sentences in about one note in twenty.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator

from hushnote.core import ContactMethod, MethodKind, NewContact, NewNote

_SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ren",
    "sa",
    "to",
    "vi",
    "den",
    "qua",
    "bel",
    "mor",
    "tin",
    "ga",
    "pre",
    "sul",
    "har",
    "ne",
    "zo",
    "cri",
    "fal",
]
_CHINESE = [
    "律师",
    "法院",
    "租房",
    "会议",
    "医疗",
    "志愿者",
    "联系",
    "明天",
    "今天",
    "问题",
    "讨论",
    "案件",
    "证据",
    "安全",
    "朋友",
    "邻居",
    "警察",
    "记录",
    "时间",
    "地址",
]
_GIVEN = [
    "Rosa",
    "Amina",
    "Chen",
    "Diego",
    "Lena",
    "Sam",
    "Fatima",
    "Jürgen",
    "Wei",
    "Ana",
    "Omar",
    "Priya",
    "Lucía",
    "Kofi",
    "Marta",
    "Yusuf",
    "小明",
    "Ivan",
    "Nadia",
    "Tomás",
]
_FAMILY = [
    "Delgado",
    "Yusuf",
    "Wei",
    "Ramírez",
    "Berg",
    "Okafor",
    "Haddad",
    "Müller",
    "García",
    "Novak",
    "王",
    "Santos",
    "Kowalski",
    "Mensah",
    "Rossi",
    "Kaya",
]
COMMON, RARE, EVERYWHERE, CHINESE, PREFIX = "hearing", "quixotry", "the", "律师", "prehar"


def _vocabulary(rng: random.Random, size: int = 8000) -> list[str]:
    words = set()
    while len(words) < size:
        words.add("".join(rng.choices(_SYLLABLES, k=rng.randint(2, 4))))
    return sorted(words)


def notes(count: int, *, seed: int = 7) -> Iterator[NewNote]:
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng)
    weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocabulary))))
    rare_every = max(1, count // 10)
    for n in range(count):
        words = rng.choices(vocabulary, cum_weights=weights, k=150)
        if rng.random() < 0.97:
            words[rng.randrange(150)] = EVERYWHERE
        if rng.random() < 0.1:
            words[rng.randrange(150)] = COMMON
        if n % rare_every == 3:
            words[rng.randrange(150)] = RARE
        body = " ".join(words)
        if rng.random() < 0.05:
            sentence = rng.choices(_CHINESE, k=12)
            sentence[rng.randrange(12)] = CHINESE
            body += " " + "".join(sentence) + "。"
        title = " ".join(rng.choices(vocabulary, cum_weights=weights, k=4)).capitalize()
        yield NewNote(
            title=title,
            body=body,
            notebook=f"Case {rng.randrange(200)}" if rng.random() < 0.6 else None,
            tags=tuple(rng.sample(["legal", "medic", "driver", "urgent", "followup"], k=2)),
        )


def contacts(count: int, *, seed: int = 11) -> Iterator[NewContact]:
    rng = random.Random(seed)
    for n in range(count):
        name = f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)} {n}"
        yield NewContact(
            display_name=name,
            methods=(
                ContactMethod(MethodKind.PHONE, f"+1 555 {n:07d}", "cell"),
                ContactMethod(MethodKind.EMAIL, f"person{n}@example.org"),
                ContactMethod(MethodKind.SIGNAL, f"@person.{n}"),
            ),
            organization=rng.choice(["Street Medics", "Legal Aid", "Tenants Union", ""]),
            role=rng.choice(["medic", "driver", "legal observer", "interpreter"]),
            notes="",
        )
