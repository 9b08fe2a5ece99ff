"""Unguessable, prefixed identifiers for everything exposed over HTTP."""

from __future__ import annotations

import re
import secrets

_ID_PATTERN = re.compile(r"^[a-z]+_[0-9a-f]{32}$")


def new_id(prefix: str) -> str:
    """Return ``<prefix>_`` followed by 128 random bits in hex."""
    return f"{prefix}_{secrets.token_hex(16)}"


def is_valid_id(value: str, prefix: str) -> bool:
    """Tell whether ``value`` has the shape of an id made by :func:`new_id`.

    Checking the shape before any lookup means an id can be used safely in a
    file name or a log line.
    """
    return value.startswith(prefix + "_") and bool(_ID_PATTERN.fullmatch(value))
