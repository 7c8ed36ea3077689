"""An invitation to a shared notebook: one age file, encrypted to the invitee's
recipient and signed by the admin's device (docs/sync-format.md#invitations).

It carries what the new member needs and nothing more: the space's id and name, its
keys so far (so it can read the history), the admin's recipient and signing key (to
check the admin's files), the new member's ids, and a one-time *invite key* with which
the new device vouches for the signing key it makes for itself. The admin forgets the
invite key once the file is written, so not even the admin can later sign as the new
member.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

import pyrage
from pyrage import x25519

from hushnote.core.sync.keys import sign, signature_valid
from hushnote.errors import InviteError

__all__ = ["Invitation", "open_invitation", "seal_invitation"]

FORMAT = 1
MAX_INVITATION = 1024 * 1024
_SIGNED = b"hushnote-sync-v1 invitation"


@dataclass(frozen=True)
class Invitation:
    space: str
    name: str
    member: str
    device: str
    invite_secret: bytes
    admin_member: str
    admin_recipient: str
    admin_device: str
    admin_signing_key: bytes
    keys: dict[int, bytes]
    label: str = ""  # how the admin named the new member
    admin_label: str = ""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def seal_invitation(invitation: Invitation, recipient: str, admin_key: bytes) -> bytes:
    document = {
        "format": FORMAT,
        "space": invitation.space,
        "name": invitation.name,
        "member": invitation.member,
        "device": invitation.device,
        "invite_secret": _b64(invitation.invite_secret),
        "admin": {
            "member": invitation.admin_member,
            "recipient": invitation.admin_recipient,
            "device": invitation.admin_device,
            "signing_key": _b64(invitation.admin_signing_key),
            "label": invitation.admin_label,
        },
        "label": invitation.label,
        "keys": {str(epoch): _b64(key) for epoch, key in sorted(invitation.keys.items())},
    }
    body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    signed = {
        "invitation": body.decode("utf-8"),
        "signature": _b64(sign(admin_key, _SIGNED + body)),
    }
    plaintext = json.dumps(signed, ensure_ascii=False).encode("utf-8")
    return bytes(pyrage.encrypt(plaintext, [x25519.Recipient.from_str(recipient)]))


def _malformed() -> InviteError:
    return InviteError(reason="malformed")


def _text(value: Any, limit: int) -> str:
    if not isinstance(value, str) or not value or len(value) > limit:
        raise _malformed()
    return value


def _label(value: Any) -> str:
    if not isinstance(value, str) or len(value) > 200:
        raise _malformed()
    return value


def _ident(value: Any) -> str:
    text = _text(value, 32)
    if len(text) != 32 or text.strip("0123456789abcdef"):
        raise _malformed()
    return text


def _key(value: Any, size: int) -> bytes:
    try:
        data = base64.b64decode(_text(value, 100), validate=True)
    except (binascii.Error, ValueError):
        raise _malformed() from None
    if len(data) != size:
        raise _malformed()
    return data


def open_invitation(data: bytes, identity: x25519.Identity) -> Invitation:
    if len(data) > MAX_INVITATION:
        raise InviteError(reason="malformed")
    try:
        plaintext = bytes(pyrage.decrypt(data, [identity]))
    except (pyrage.DecryptError, ValueError):
        raise InviteError(reason="unreadable") from None
    try:
        signed = json.loads(plaintext.decode("utf-8"))
        body = signed["invitation"].encode("utf-8")
        signature = _key(signed["signature"], 64)
        document = json.loads(body)
        admin = document["admin"]
        if document["format"] != FORMAT:
            raise _malformed()
        invitation = Invitation(
            space=_ident(document["space"]),
            name=_text(document["name"], 200),
            member=_ident(document["member"]),
            device=_ident(document["device"]),
            invite_secret=_key(document["invite_secret"], 32),
            admin_member=_ident(admin["member"]),
            admin_recipient=_text(admin["recipient"], 100),
            admin_device=_ident(admin["device"]),
            admin_signing_key=_key(admin["signing_key"], 32),
            keys={int(e): _key(k, 32) for e, k in dict(document["keys"]).items()},
            label=_label(document.get("label", "")),
            admin_label=_label(admin.get("label", "")),
        )
    except (
        UnicodeDecodeError,
        json.JSONDecodeError,
        KeyError,
        TypeError,
        ValueError,
        AttributeError,
        RecursionError,  # deep nesting, outside or inside the signed text
    ):
        raise _malformed() from None
    if not invitation.keys or not signature_valid(
        invitation.admin_signing_key, signature, _SIGNED + body
    ):
        raise InviteError(reason="unreadable")
    return invitation
