"""A fake OpenAI HTTP server on 127.0.0.1 for tests that use the real openai SDK.

Tests script the replies of ``/v1/responses`` and ``/v1/chat/completions``
(text, tool calls, citations, usage, HTTP errors, a held stream), and read
``server.requests`` to assert the exact payloads the SDK sent. Files and
vector stores are kept in memory. Every request is recorded.
"""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import threading
from collections import deque
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import attrs

_ids = itertools.count(1)


def _new_id(prefix: str) -> str:
    return f"{prefix}_{next(_ids):06d}"


@attrs.frozen
class Cite:
    """A file citation the fake attaches to a Responses text."""

    filename: str
    quote: str
    file_id: str = "file_cited"


@attrs.define
class Reply:
    """One scripted upstream answer."""

    text: str = ""
    calls: list[tuple[str, dict[str, Any]]] = attrs.Factory(list)
    cites: list[Cite] = attrs.Factory(list)
    usage: tuple[int, int, int] = (10, 5, 0)
    status: int = 200
    error_code: str | None = None
    error_message: str = "scripted error"
    headers: dict[str, str] = attrs.Factory(dict)
    # A stream sends its first delta, then waits for ``hold`` before the rest.
    hold: threading.Event | None = None
    # Without a scripted reply the server sleeps this long (to provoke timeouts).
    delay: float = 0.0
    # Chat Completions only: sent verbatim, as real servers' quirky output is.
    # A dict is the whole answer; a list holds the data of each streamed event.
    raw: Any = None


def text(value: str, **kwargs: Any) -> Reply:
    return Reply(text=value, **kwargs)


def tool_calls(*calls: tuple[str, dict[str, Any]], **kwargs: Any) -> Reply:
    return Reply(calls=list(calls), **kwargs)


def error(status: int, code: str | None = None, message: str = "scripted error", **kwargs: Any) -> Reply:
    return Reply(status=status, error_code=code, error_message=message, **kwargs)


@attrs.frozen
class Recorded:
    """A request as the server received it."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any


class FakeOpenAI:
    """The server; use as a context manager or call ``start``/``stop``."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.scripts: dict[str, deque[Reply]] = {"responses": deque(), "chat": deque()}
        self.streams_finished = 0
        self.files: dict[str, dict[str, Any]] = {}
        self.vector_stores: dict[str, dict[str, Any]] = {}
        # How many retrieves a vector store file stays "in_progress".
        self.processing_polls = 1
        self.failing_files: set[str] = set()
        # When set, any other API key gets a 401, on every route.
        self.valid_keys: set[str] | None = None
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def start(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def script_responses(self, *replies: Reply) -> None:
        self.scripts["responses"].extend(replies)

    def script_chat(self, *replies: Reply) -> None:
        self.scripts["chat"].extend(replies)

    def bodies(self, path: str) -> list[Any]:
        """The JSON bodies of the requests sent to ``path`` (e.g. ``/v1/responses``)."""
        return [r.body for r in self.requests if r.path == path]

    def next_reply(self, kind: str) -> Reply:
        queue = self.scripts[kind]
        return queue.popleft() if queue else Reply(text="respuesta por defecto del servidor falso")


def _handler_for(fake: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet test output
            pass

        def do_GET(self) -> None:
            self._handle("GET")

        def do_POST(self) -> None:
            self._handle("POST")

        def do_DELETE(self) -> None:
            self._handle("DELETE")

        def _handle(self, method: str) -> None:
            body = _read_body(self)
            path = self.path.split("?", 1)[0]
            fake.requests.append(Recorded(method, path, dict(self.headers.items()), body))
            key = self.headers.get("Authorization", "").removeprefix("Bearer ")
            if fake.valid_keys is not None and key not in fake.valid_keys:
                bad = {"error": {"message": "Incorrect API key provided", "code": "invalid_api_key"}}
                return send_json(self, 401, bad, {})
            return route(fake, self, method, path, body)

    return Handler


def _read_body(handler: BaseHTTPRequestHandler) -> Any:
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


# --- routes ---------------------------------------------------------------


def route(fake: FakeOpenAI, handler: BaseHTTPRequestHandler, method: str, path: str, body: Any) -> None:
    parts = path.strip("/").split("/")[1:]  # drop "v1"
    if parts == ["responses"]:
        return _model_step(fake, handler, "responses", body)
    if parts == ["chat", "completions"]:
        return _model_step(fake, handler, "chat", body)
    if parts and parts[0] == "files":
        return _files(fake, handler, method, parts[1:], body)
    if parts and parts[0] == "vector_stores":
        return _vector_stores(fake, handler, method, parts[1:], body)
    return send_json(
        handler, 404, {"error": {"message": "no such route", "type": "invalid_request_error"}}, {}
    )


def _model_step(fake: FakeOpenAI, handler: BaseHTTPRequestHandler, kind: str, body: dict[str, Any]) -> None:
    reply = fake.next_reply(kind)
    if reply.delay:
        threading.Event().wait(reply.delay)
    if reply.status != 200:
        payload = {
            "error": {
                "message": reply.error_message,
                "type": "invalid_request_error",
                "code": reply.error_code,
            }
        }
        return send_json(handler, reply.status, payload, reply.headers)
    if kind == "responses":
        response = responses_payload(reply, body)
        if body.get("stream"):
            if send_sse(handler, responses_events(reply, response)):
                fake.streams_finished += 1
            return None
        return send_json(handler, 200, response, reply.headers)
    if reply.raw is not None:
        return _send_raw(fake, handler, reply.raw)
    if body.get("stream"):
        if send_sse(handler, chat_events(reply, body)):
            fake.streams_finished += 1
        return None
    return send_json(handler, 200, chat_payload(reply, body), reply.headers)


def _send_raw(fake: FakeOpenAI, handler: BaseHTTPRequestHandler, raw: Any) -> None:
    if isinstance(raw, dict):
        return send_json(handler, 200, raw, {})
    if send_sse(handler, ((None, data) for data in raw)):
        fake.streams_finished += 1
    return None


def responses_payload(reply: Reply, body: dict[str, Any]) -> dict[str, Any]:
    output: list[dict[str, Any]] = []
    if reply.cites and "file_search_call.results" in (body.get("include") or []):
        results = [
            {"file_id": c.file_id, "filename": c.filename, "score": 0.9, "text": c.quote} for c in reply.cites
        ]
        output.append(
            {
                "type": "file_search_call",
                "id": _new_id("fs"),
                "status": "completed",
                "queries": ["consulta"],
                "results": results,
            }
        )
    for name, arguments in reply.calls:
        output.append(
            {
                "type": "function_call",
                "id": _new_id("fc"),
                "call_id": _new_id("call"),
                "name": name,
                "arguments": json.dumps(arguments),
                "status": "completed",
            }
        )
    if reply.text:
        annotations = [
            {"type": "file_citation", "file_id": c.file_id, "filename": c.filename, "index": len(reply.text)}
            for c in reply.cites
        ]
        content = [{"type": "output_text", "text": reply.text, "annotations": annotations}]
        output.append(
            {
                "type": "message",
                "id": _new_id("msg"),
                "role": "assistant",
                "status": "completed",
                "content": content,
            }
        )
    return {
        "id": _new_id("resp"),
        "object": "response",
        "created_at": 1_700_000_000,
        "status": "completed",
        "model": body.get("model"),
        "output": output,
        "parallel_tool_calls": True,
        "tool_choice": "auto",
        "tools": [],
        "usage": _responses_usage(reply.usage),
    }


def _responses_usage(usage: tuple[int, int, int]) -> dict[str, Any]:
    return {
        "input_tokens": usage[0],
        "output_tokens": usage[1],
        "total_tokens": usage[0] + usage[1],
        "input_tokens_details": {"cached_tokens": usage[2], "cache_write_tokens": 0},
        "output_tokens_details": {"reasoning_tokens": 0},
    }


def _pieces(value: str) -> list[str]:
    words = value.split(" ")
    return [w + (" " if i < len(words) - 1 else "") for i, w in enumerate(words)]


def responses_events(reply: Reply, response: dict[str, Any]) -> Iterator[tuple[str | None, Any]]:
    seq = itertools.count()
    yield (
        "response.created",
        {
            "type": "response.created",
            "sequence_number": next(seq),
            "response": {**response, "status": "in_progress", "output": []},
        },
    )
    for index, item in enumerate(response["output"]):
        if item["type"] == "message":
            for number, piece in enumerate(_pieces(reply.text)):
                yield (
                    "response.output_text.delta",
                    {
                        "type": "response.output_text.delta",
                        "sequence_number": next(seq),
                        "item_id": item["id"],
                        "output_index": index,
                        "content_index": 0,
                        "delta": piece,
                        "logprobs": [],
                    },
                )
                if number == 0 and reply.hold is not None:
                    reply.hold.wait(10)
        yield (
            "response.output_item.done",
            {
                "type": "response.output_item.done",
                "sequence_number": next(seq),
                "output_index": index,
                "item": item,
            },
        )
    yield (
        "response.completed",
        {"type": "response.completed", "sequence_number": next(seq), "response": response},
    )


def chat_payload(reply: Reply, body: dict[str, Any]) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": reply.text or None}
    if reply.calls:
        message["tool_calls"] = [
            {"id": _new_id("call"), "type": "function", "function": {"name": n, "arguments": json.dumps(a)}}
            for n, a in reply.calls
        ]
    return {
        "id": _new_id("chatcmpl"),
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": body.get("model"),
        "choices": [
            {"index": 0, "message": message, "finish_reason": "tool_calls" if reply.calls else "stop"}
        ],
        "usage": _chat_usage(reply.usage),
    }


def _chat_usage(usage: tuple[int, int, int]) -> dict[str, Any]:
    return {
        "prompt_tokens": usage[0],
        "completion_tokens": usage[1],
        "total_tokens": usage[0] + usage[1],
        "prompt_tokens_details": {"cached_tokens": usage[2]},
    }


def chat_events(reply: Reply, body: dict[str, Any]) -> Iterator[tuple[str | None, Any]]:
    base = {
        "id": _new_id("chatcmpl"),
        "object": "chat.completion.chunk",
        "created": 1_700_000_000,
        "model": body.get("model"),
    }

    def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        return {**base, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}

    yield None, chunk({"role": "assistant", "content": ""})
    for number, piece in enumerate(_pieces(reply.text) if reply.text else []):
        yield None, chunk({"content": piece})
        if number == 0 and reply.hold is not None:
            reply.hold.wait(10)
    for index, (name, arguments) in enumerate(reply.calls):
        raw = json.dumps(arguments)
        head = {
            "index": index,
            "id": _new_id("call"),
            "type": "function",
            "function": {"name": name, "arguments": ""},
        }
        yield None, chunk({"tool_calls": [head]})
        for cut in range(0, len(raw), 8):  # arguments arrive in fragments, as upstream does
            yield (
                None,
                chunk({"tool_calls": [{"index": index, "function": {"arguments": raw[cut : cut + 8]}}]}),
            )
    yield None, chunk({}, "tool_calls" if reply.calls else "stop")
    if (body.get("stream_options") or {}).get("include_usage"):
        yield None, {**base, "choices": [], "usage": _chat_usage(reply.usage)}
    yield None, "[DONE]"


def _files(
    fake: FakeOpenAI, handler: BaseHTTPRequestHandler, method: str, rest: list[str], body: Any
) -> None:
    if method == "POST" and not rest:
        filename, content = body["file"]
        file_id = _new_id("file")
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
    return send_json(
        handler, 404, {"error": {"message": "No such file", "type": "invalid_request_error"}}, {}
    )


def _public(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k != "content"}


def _vector_stores(
    fake: FakeOpenAI, handler: BaseHTTPRequestHandler, method: str, rest: list[str], body: Any
) -> None:
    if method == "POST" and not rest:
        store_id = _new_id("vs")
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
        return send_json(
            handler, 404, {"error": {"message": "No vector store found", "type": "invalid_request_error"}}, {}
        )
    if len(rest) == 1 and method == "GET":
        return send_json(handler, 200, _store_view(store), {})
    if len(rest) == 2 and method == "POST":
        file_id = body["file_id"]
        store["files"][file_id] = {"polls": 0}
        return send_json(handler, 200, _store_file(fake, store, file_id), {})
    file_id = rest[2] if len(rest) == 3 else ""
    if file_id not in store["files"]:
        return send_json(
            handler, 404, {"error": {"message": "No file found", "type": "invalid_request_error"}}, {}
        )
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
