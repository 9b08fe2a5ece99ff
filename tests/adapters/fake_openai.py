"""A fake OpenAI HTTP server on 127.0.0.1 for tests that use the real openai SDK.

Tests script the replies of ``/v1/responses`` and ``/v1/chat/completions``
(text, tool calls, citations, usage, HTTP errors, a held stream), set what
the server refuses as an OpenAI-compatible server would (``refuses``), and
read ``server.requests`` to assert the exact payloads the SDK sent. Model
steps are always streamed. Files and vector stores are kept in memory.
Every request is recorded.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import attrs

from tests.adapters.fake_openai_files import files_route, vector_stores_route
from tests.adapters.fake_openai_http import not_found, read_body, send_json, send_sse
from tests.adapters.fake_openai_streams import chat_events, responses_events, responses_payload


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
    error_type: str = "invalid_request_error"
    headers: dict[str, str] = attrs.Factory(dict)
    # A stream sends its first delta, then waits for ``hold`` before the rest.
    hold: threading.Event | None = None
    # Without a scripted reply the server sleeps this long (to provoke timeouts).
    delay: float = 0.0
    # Sent verbatim, as real servers' quirky output is: the data of each streamed event.
    raw: list[Any] | None = None


def text(value: str, **kwargs: Any) -> Reply:
    return Reply(text=value, **kwargs)


def tool_calls(*calls: tuple[str, dict[str, Any]], **kwargs: Any) -> Reply:
    return Reply(calls=list(calls), **kwargs)


def error(status: int, code: str | None = None, message: str = "scripted error", **kwargs: Any) -> Reply:
    return Reply(status=status, error_code=code, error_message=message, **kwargs)


@attrs.define
class Refusals:
    """What the chat route refuses whatever the script says, as real compatible servers do."""

    # The message of a 400 to any request with tools (Ollama's, vLLM's, llama.cpp's wording).
    tools: str | None = None
    tools_status: int = 400
    # A 422 to any request with stream_options, as Mistral's API answers.
    stream_options: bool = False
    # Requests whose messages are longer than this overflow the context (llama.cpp's 400).
    context_chars: int | None = None


def refusal(refuses: Refusals, body: dict[str, Any]) -> Reply | None:
    """The error with which the server refuses ``body``, if it does."""
    if refuses.tools is not None and "tools" in body:
        return error(refuses.tools_status, None, refuses.tools)
    if refuses.stream_options and "stream_options" in body:
        return error(422, None, "extra_forbidden: ['body', 'stream_options', 'include_usage']")
    size = len(json.dumps(body.get("messages"), ensure_ascii=False))
    limit = refuses.context_chars
    if limit is not None and size > limit:
        message = f"request ({size} tokens) exceeds the available context size ({limit} tokens)"
        return error(400, None, message, error_type="exceed_context_size_error")
    return None


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
        self.refuses = Refusals()
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
            body = read_body(self)
            path = self.path.split("?", 1)[0]
            fake.requests.append(Recorded(method, path, dict(self.headers.items()), body))
            key = self.headers.get("Authorization", "").removeprefix("Bearer ")
            if fake.valid_keys is not None and key not in fake.valid_keys:
                bad = {"error": {"message": "Incorrect API key provided", "code": "invalid_api_key"}}
                return send_json(self, 401, bad, {})
            return route(fake, self, method, path, body)

    return Handler


# --- routes ---------------------------------------------------------------


def route(fake: FakeOpenAI, handler: BaseHTTPRequestHandler, method: str, path: str, body: Any) -> None:
    parts = path.strip("/").split("/")[1:]  # drop "v1"
    if parts == ["responses"]:
        return _model_step(fake, handler, "responses", body)
    if parts == ["chat", "completions"]:
        return _model_step(fake, handler, "chat", body)
    if parts and parts[0] == "files":
        return files_route(fake, handler, method, parts[1:], body)
    if parts and parts[0] == "vector_stores":
        return vector_stores_route(fake, handler, method, parts[1:], body)
    return not_found(handler, "no such route")


def _model_step(fake: FakeOpenAI, handler: BaseHTTPRequestHandler, kind: str, body: dict[str, Any]) -> None:
    reply = _refused(fake, kind, body) or fake.next_reply(kind)
    if reply.delay:
        threading.Event().wait(reply.delay)
    if reply.status != 200:
        payload = {"message": reply.error_message, "type": reply.error_type, "code": reply.error_code}
        return send_json(handler, reply.status, {"error": payload}, reply.headers)
    if reply.raw is not None:
        events = ((data.get("type") if isinstance(data, dict) else None, data) for data in reply.raw)
    elif kind == "responses":
        events = responses_events(reply, responses_payload(reply, body))
    else:
        events = chat_events(reply, body)
    if send_sse(handler, events):
        fake.streams_finished += 1
    return None


def _refused(fake: FakeOpenAI, kind: str, body: dict[str, Any]) -> Reply | None:
    if not body.get("stream"):
        return error(400, None, "the fake server streams every model step, as BOTK asks")
    return refusal(fake.refuses, body) if kind == "chat" else None
