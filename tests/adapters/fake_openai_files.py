"""The fake OpenAI server's files and vector stores, kept in memory."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any

from tests.adapters.fake_openai_http import new_id, not_found, send_json

if TYPE_CHECKING:
    from tests.adapters.fake_openai import FakeOpenAI


def files_route(
    fake: FakeOpenAI, handler: BaseHTTPRequestHandler, method: str, rest: list[str], body: Any
) -> None:
    if method == "POST" and not rest:
        filename, content = body["file"]
        file_id = new_id("file")
        fake.files[file_id] = {
            "id": file_id,
            "object": "file",
            "bytes": len(content),
            "created_at": 1_700_000_000,
            "filename": filename,
            "purpose": body.get("purpose"),
            "status": "processed",
            "content": content,
        }
        return send_json(handler, 200, _public(fake.files[file_id]), {})
    if method == "DELETE" and rest and rest[0] in fake.files:
        del fake.files[rest[0]]
        return send_json(handler, 200, {"id": rest[0], "object": "file", "deleted": True}, {})
    return not_found(handler, "No such file")


def _public(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k != "content"}


def vector_stores_route(
    fake: FakeOpenAI, handler: BaseHTTPRequestHandler, method: str, rest: list[str], body: Any
) -> None:
    if method == "POST" and not rest:
        store_id = new_id("vs")
        fake.vector_stores[store_id] = {
            "id": store_id,
            "object": "vector_store",
            "name": body.get("name"),
            "created_at": 1_700_000_000,
            "status": "completed",
            "usage_bytes": 0,
            "file_counts": {},
            "files": {},
        }
        return send_json(handler, 200, _store_view(fake.vector_stores[store_id]), {})
    store = fake.vector_stores.get(rest[0]) if rest else None
    if store is None:
        return not_found(handler, "No vector store found")
    if len(rest) == 1 and method == "GET":
        return send_json(handler, 200, _store_view(store), {})
    if len(rest) == 2 and method == "POST":
        file_id = body["file_id"]
        store["files"][file_id] = {"polls": 0}
        return send_json(handler, 200, _store_file(fake, store, file_id), {})
    file_id = rest[2] if len(rest) == 3 else ""
    if file_id not in store["files"]:
        return not_found(handler, "No file found")
    if method == "DELETE":
        del store["files"][file_id]
        return send_json(
            handler, 200, {"id": file_id, "object": "vector_store.file.deleted", "deleted": True}, {}
        )
    store["files"][file_id]["polls"] += 1
    return send_json(handler, 200, _store_file(fake, store, file_id), {})


def _store_view(store: dict[str, Any]) -> dict[str, Any]:
    counts = {
        "in_progress": 0,
        "completed": len(store["files"]),
        "failed": 0,
        "cancelled": 0,
        "total": len(store["files"]),
    }
    return {**{k: v for k, v in store.items() if k != "files"}, "file_counts": counts}


def _store_file(fake: FakeOpenAI, store: dict[str, Any], file_id: str) -> dict[str, Any]:
    polls = store["files"][file_id]["polls"]
    name = fake.files.get(file_id, {}).get("filename", "")
    if polls < fake.processing_polls:
        status = "in_progress"
    else:
        status = "failed" if name in fake.failing_files else "completed"
    error = {"code": "unsupported_file", "message": "unsupported"} if status == "failed" else None
    return {
        "id": file_id,
        "object": "vector_store.file",
        "created_at": 1_700_000_000,
        "usage_bytes": 0,
        "vector_store_id": store["id"],
        "status": status,
        "last_error": error,
    }
