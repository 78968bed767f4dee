"""One canonical hash of JSON-like data, used for quiz versions and submission identities."""

from __future__ import annotations

import hashlib
import json


def canonical_hash(document: object) -> str:
    """SHA-256 (hex) of the document as canonical JSON: same content, same hash, whatever the
    key order or layout."""
    text = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
