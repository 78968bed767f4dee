"""The one timestamp format the package writes (answer log, submissions, the gradebook)."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_timestamp() -> str:
    """The current time as ``2026-11-25T16:00:00Z``."""
    return datetime.now(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
