"""Messages to and from rows of the ``messages`` table (JSON columns for nested values)."""

from __future__ import annotations

import json
import sqlite3

import attrs

from botk_core.domain import Citation, Message, ToolRun, Usage

COLUMNS = "id, thread_id, role, content, created_at, status, citations, tool_runs, usage, client_message_id"
INSERT = f"INSERT INTO messages ({COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)"


def to_row(m: Message) -> tuple[object, ...]:
    usage = json.dumps(attrs.asdict(m.usage)) if m.usage else None
    return (
        m.id,
        m.thread_id,
        m.role,
        m.content,
        m.created_at,
        m.status,
        _json_list(m.citations),
        _json_list(m.tool_runs),
        usage,
        m.client_message_id,
    )


def _json_list(values: tuple[Citation, ...] | tuple[ToolRun, ...]) -> str:
    # Most messages carry neither citations nor tool runs: skip the encoder for them.
    return json.dumps([attrs.asdict(v) for v in values], ensure_ascii=False) if values else "[]"


def from_row(row: sqlite3.Row) -> Message:
    runs = [
        ToolRun(**{**r, "citations": tuple(Citation(**c) for c in r["citations"])})
        for r in json.loads(row["tool_runs"])
    ]
    return Message(
        id=row["id"],
        thread_id=row["thread_id"],
        role=row["role"],
        content=row["content"],
        created_at=row["created_at"],
        status=row["status"],
        citations=tuple(Citation(**c) for c in json.loads(row["citations"])),
        tool_runs=tuple(runs),
        usage=Usage(**json.loads(row["usage"])) if row["usage"] else None,
        client_message_id=row["client_message_id"],
    )
