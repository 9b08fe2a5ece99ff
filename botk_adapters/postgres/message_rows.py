"""Messages to and from rows of the ``messages`` table (JSONB columns for nested values)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from botk_adapters.postgres.values import jsonb
from botk_core.domain import Citation, Message, ToolRun, Usage

COLUMNS = "id, thread_id, role, content, created_at, status, citations, tool_runs, usage, client_message_id"
VALUES = (
    "%(id)s, %(thread_id)s, %(role)s, %(content)s, %(created_at)s, %(status)s, "
    "%(citations)s, %(tool_runs)s, %(usage)s, %(client_message_id)s"
)
INSERT = f"INSERT INTO messages ({COLUMNS}) VALUES ({VALUES})"


def to_row(m: Message) -> dict[str, Any]:
    return {
        "id": m.id,
        "thread_id": m.thread_id,
        "role": m.role,
        "content": m.content,
        "created_at": m.created_at,
        "status": m.status,
        "citations": jsonb([attrs.asdict(c) for c in m.citations]),
        "tool_runs": jsonb([attrs.asdict(r) for r in m.tool_runs]),
        "usage": jsonb(attrs.asdict(m.usage)) if m.usage else None,
        "client_message_id": m.client_message_id,
    }


def from_row(row: Mapping[str, Any]) -> Message:
    runs = [
        ToolRun(**{**r, "citations": tuple(Citation(**c) for c in r["citations"])}) for r in row["tool_runs"]
    ]
    return Message(
        id=row["id"],
        thread_id=row["thread_id"],
        role=row["role"],
        content=row["content"],
        created_at=row["created_at"],
        status=row["status"],
        citations=tuple(Citation(**c) for c in row["citations"]),
        tool_runs=tuple(runs),
        usage=Usage(**row["usage"]) if row["usage"] else None,
        client_message_id=row["client_message_id"],
    )
