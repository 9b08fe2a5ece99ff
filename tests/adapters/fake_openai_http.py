"""HTTP plumbing of the fake OpenAI server: ids, request bodies, JSON and server-sent events."""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from typing import Any

_ids = itertools.count(1)


def new_id(prefix: str) -> str:
    return f"{prefix}_{next(_ids):06d}"


def read_body(handler: BaseHTTPRequestHandler) -> Any:
    raw = handler.rfile.read(int(handler.headers.get("Content-Length") or 0))
    kind = handler.headers.get("Content-Type", "")
    if kind.startswith("application/json") and raw:
        return json.loads(raw)
    if kind.startswith("multipart/form-data"):
        return _parse_multipart(kind, raw)
    return raw


def _parse_multipart(kind: str, raw: bytes) -> dict[str, Any]:
    parser = email.parser.BytesParser(policy=email.policy.HTTP)
    message = parser.parsebytes(b"Content-Type: " + kind.encode() + b"\r\n\r\n" + raw)
    fields: dict[str, Any] = {}
    for part in message.iter_parts():  # type: ignore[attr-defined]
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        filename = part.get_filename()
        fields[name] = (filename, payload) if filename else payload.decode()
    return fields


def send_json(handler: BaseHTTPRequestHandler, status: int, payload: Any, headers: dict[str, str]) -> None:
    data = json.dumps(payload).encode()
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(data)))
    for name, value in headers.items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(data)


def send_sse(handler: BaseHTTPRequestHandler, events: Iterator[tuple[str | None, Any]]) -> bool:
    """Write server-sent events; False when the client went away midway."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/event-stream")
    handler.send_header("Connection", "close")
    handler.end_headers()
    handler.close_connection = True
    try:
        for name, data in events:
            head = f"event: {name}\n" if name else ""
            body = data if isinstance(data, str) else json.dumps(data)
            handler.wfile.write(f"{head}data: {body}\n\n".encode())
            handler.wfile.flush()
    except (BrokenPipeError, ConnectionResetError):
        return False
    return True


def not_found(handler: BaseHTTPRequestHandler, message: str) -> None:
    send_json(handler, 404, {"error": {"message": message, "type": "invalid_request_error"}}, {})
