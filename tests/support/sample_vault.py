"""A small vault with believable content, for screenshots and demonstrations."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hushnote.core import ContactMethod, KdfParams, MethodKind, NewContact, Vault

PHONE, SIGNAL = MethodKind.PHONE, MethodKind.SIGNAL


def build_sample_vault(root: Path, passphrase: str, params: KdfParams) -> None:
    with Vault.create(root, passphrase, kdf=params) as vault:
        notes = vault.notes
        notes.create(
            title="Shift plan for Saturday",
            notebook="March action",
            tags=["logistics"],
            body="# Saturday\n\n- Medics meet at 09:00 by the library\n"
            "- Legal observers: two per corner\n- Drivers on standby\n",
        )
        notes.create(
            title="Eviction hearing: Lopez family",
            notebook="Case 12",
            tags=["legal", "urgent"],
            pinned=True,
            body="Hearing moved to **Friday 10:00**, room 3.\n\n"
            "Bring the rent receipts and the photos of the broken lock.\n"
            "The landlord's lawyer asked for a delay; we oppose the eviction.",
        )
        notes.create(
            title="Intake: tenants' union meeting",
            notebook="Case 12",
            tags=["legal"],
            body="Twelve households, three with notices already.",
        )
        notes.create(
            title="会议记录：律师咨询",
            tags=["legal"],
            body="周五上午十点开庭。需要带上租金收据和照片。",
        )
        notes.create(
            title=date(2026, 11, 25).isoformat(),
            journal_day=date(2026, 11, 25),
            body="Quiet day. Called the clinic about the first-aid kits.",
        )
        contacts = vault.contacts
        rosa = contacts.create(
            NewContact(
                "Rosa Delgado",
                (ContactMethod(PHONE, "+1 555-0100", "cell"), ContactMethod(SIGNAL, "@rosa.01")),
                organization="Street Medics",
                role="medic",
                tags=("medic",),
            )
        )
        sam = contacts.create(
            NewContact(
                "Sam Okafor",
                (ContactMethod(PHONE, "+44 7700 900123", "cell"),),
                organization="Legal Aid Office",
                role="legal observer",
            )
        )
        contacts.create(
            NewContact(
                "Chen Wei",
                (ContactMethod(PHONE, "+1 555-0111"),),
                organization="Tenants Union",
                role="interpreter",
            )
        )
        vault.lists.create("Medics")
        vault.lists.add("Medics", rosa.uuid)
        vault.lists.create("Legal observers")
        vault.lists.add("Legal observers", sam.uuid)
