"""Python values as PostgreSQL takes them: text and JSONB cannot hold NUL characters.

SQLite stores a NUL inside a string; PostgreSQL refuses the whole statement.
So that a stray NUL in a message, an id or a file is not a 500 here, every
string BOTK sends is dumped with its NULs replaced by U+FFFD.
"""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg.adapt import Buffer
from psycopg.types.json import Jsonb
from psycopg.types.string import StrDumperUnknown

NUL_STANDIN = "\ufffd"


def text(value: str) -> str:
    """``value`` with its NUL characters replaced."""
    return value.replace("\x00", NUL_STANDIN) if "\x00" in value else value


class NulSafeStrDumper(StrDumperUnknown):
    """psycopg's dumper for ``str`` parameters, NULs replaced first."""

    def dump(self, obj: str) -> Buffer | None:
        return super().dump(text(obj))


def register(conn: psycopg.Connection[Any]) -> None:
    """Dump every ``str`` parameter of ``conn`` NUL-safe."""
    conn.adapters.register_dumper(str, NulSafeStrDumper)


def jsonb(value: Any) -> Jsonb:
    """A JSONB parameter for ``value``, its strings (keys too) scrubbed of NULs."""
    return Jsonb(_scrub(value))


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return text(value)
    if isinstance(value, dict):
        return {text(str(k)): _scrub(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_scrub(v) for v in value]
    return value
