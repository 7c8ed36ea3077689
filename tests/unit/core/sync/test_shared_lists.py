"""Contact lists in a shared notebook merge by membership."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from hushnote.core import ContactMethod, MethodKind, NewContact, Vault

from .conftest import join


def names(vault: Vault, list_name: str) -> list[str]:
    return sorted(c.display_name for c in vault.lists.members(list_name))


def test_additions_and_removals_made_apart_both_count(
    make_vault: Callable[[str], Vault], shared: Path, tmp_path: Path
) -> None:
    a, b = make_vault("a"), make_vault("b")
    a.spaces.create("Cases", shared)
    wei = a.contacts.create(
        NewContact("Dr Wei 魏", (ContactMethod(MethodKind.PHONE, "+1 555 0100"),), tags=("medic",))
    )
    ana = a.contacts.create(NewContact("Ana"))
    a.lists.create("Medics")
    a.lists.add("Medics", wei.uuid)
    a.lists.add("Medics", ana.uuid)
    a.contacts.set_key(ana.uuid, b.age_recipient())
    b.lists.create("Medics")  # a private list of the same name stays private
    a.spaces.share_list("Cases", "Medics")
    join(a, b, shared, tmp_path, "B")
    assert names(b, "Medics (2)") == ["Ana", "Dr Wei 魏"] and names(b, "Medics") == []
    assert b.contacts.get(ana.uuid).age_recipient is None  # keys never travel
    assert b.contacts.get(wei.uuid).methods[0].value == "+1 555 0100"

    chen = a.contacts.create(NewContact("Chen"))
    a.lists.add("Medics", chen.uuid)
    b.lists.remove("Medics (2)", ana.uuid)
    wei_b = b.contacts.get(wei.uuid)
    b.contacts.update(wei.uuid, replace(wei_b.as_new(), organization="Clinic"))
    for vault in (a, b, a):
        vault.spaces.sync()
    assert names(a, "Medics") == names(b, "Medics (2)") == ["Chen", "Dr Wei 魏"]
    assert a.contacts.get(wei.uuid).organization == "Clinic"
    assert a.contacts.get(ana.uuid).display_name == "Ana"  # off the list, not deleted

    a.lists.delete("Medics")
    a.spaces.sync()
    b.spaces.sync()
    assert [lst.name for lst in b.lists.all()] == ["Medics"]
    assert b.contacts.count() == 3
