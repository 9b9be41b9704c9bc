"""Opaque, versioned, tamper-evident pagination cursors.

A cursor is `base64url(json payload) + "." + base64url(HMAC-SHA256(secret, payload)[:16])`. The
payload names its version (`v`), the search it belongs to (`s`, a fingerprint of the search's
arguments) and a position. A cursor that does not verify, is of another version, or belongs to
another search is an `InvalidCursor` error, never a 500 and never another search's data.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from typing import Any

from genechem.errors import InvalidCursor

VERSION = 1
SIGNATURE_BYTES = 16


def fingerprint(kind: str, arguments: dict[str, Any]) -> str:
    """A short, stable hash of a search: its kind and its arguments (paging arguments excluded)."""
    canonical = json.dumps([kind, arguments], sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class CursorCodec:
    """Signs and verifies cursors with the server's secret."""

    def __init__(self, secret: bytes) -> None:
        self.secret = secret

    def _sign(self, payload: bytes) -> bytes:
        return hmac.new(self.secret, payload, hashlib.sha256).digest()[:SIGNATURE_BYTES]

    def encode(self, search: str, position: dict[str, Any]) -> str:
        payload = json.dumps({"v": VERSION, "s": search, **position}, separators=(",", ":"))
        data = payload.encode()
        return f"{_b64(data)}.{_b64(self._sign(data))}"

    def decode(self, cursor: str, search: str) -> dict[str, Any]:
        """The position a cursor holds, after checking its signature, version and search."""
        try:
            body, signature = cursor.split(".")
            data, mac = _unb64(body), _unb64(signature)
        except (ValueError, binascii.Error) as exc:
            raise InvalidCursor("The cursor is not one this API issued.") from exc
        if not hmac.compare_digest(mac, self._sign(data)):
            raise InvalidCursor("The cursor is not one this API issued (or it was altered).")
        payload = json.loads(data)
        if not isinstance(payload, dict) or payload.get("v") != VERSION:
            raise InvalidCursor("The cursor comes from another version of this API; search again.")
        if payload.get("s") != search:
            raise InvalidCursor("The cursor belongs to another search; use cursors of this one.")
        return payload
