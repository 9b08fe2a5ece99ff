"""A fake model provider on 127.0.0.1 with a fixed latency per request.

It speaks two dialects, so one run compares them against the same upstream:

- the Responses API (``POST /v1/responses``, plain or streamed), as BOTK's
  ``OpenAIResponsesGateway`` calls it through the real openai SDK;
- an Assistants-style flow (threads, messages, runs that go queued ->
  in_progress -> requires_action -> completed, run steps,
  ``submit_tool_outputs``), as API BOTK used it.

A user message containing ``[tool]`` makes the model ask for one
``search_documents`` call first; the answer follows the tool output.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

TOOL_MARK = "[tool]"
ANSWER = "El estanque de Iquiuca está en 1,52 m; conviene regar temprano y revisar la válvula."

_ids = itertools.count(1)


def new_id(prefix: str) -> str:
    return f"{prefix}_{next(_ids):08d}"


class FakeUpstream:
    """The server. ``latency`` is added to every request before it is answered.

    ``token_delay`` spaces the streamed deltas; ``first_token_at`` records,
    per stream, the monotonic time the first delta was written.
    """

    def __init__(self, latency: float = 0.05, token_delay: float = 0.02) -> None:
        self.latency = latency
        self.token_delay = token_delay
        self.lock = threading.Lock()
        self.requests: list[tuple[str, str]] = []
        self.first_token_at: list[float] = []
        self.threads: dict[str, list[dict[str, Any]]] = {}
        self.runs: dict[str, dict[str, Any]] = {}
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def count(self) -> int:
        with self.lock:
            return len(self.requests)

    def __enter__(self) -> FakeUpstream:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def _handler(fake: FakeUpstream) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in separate writes; Nagle would hold the body ~40 ms.
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            self._handle("GET")

        def do_POST(self) -> None:
            self._handle("POST")

        def _handle(self, method: str) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = json.loads(raw) if raw else {}
            path = self.path.split("?", 1)[0]
            with fake.lock:
                fake.requests.append((method, path))
            time.sleep(fake.latency)
            status, payload = route(fake, self, method, path, body)
            if payload is not None:
                self.send_json(status, payload)

        def send_json(self, status: int, payload: Any) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def send_sse(self, events: list[tuple[str, dict[str, Any]]], delay: float) -> None:
            """Write the events, sleeping ``delay`` before each text delta."""
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            first = True
            for name, data in events:
                if name == "response.output_text.delta":
                    time.sleep(delay)
                self.wfile.write(f"event: {name}\ndata: {json.dumps(data)}\n\n".encode())
                self.wfile.flush()
                if first and name == "response.output_text.delta":
                    first = False
                    with fake.lock:
                        fake.first_token_at.append(time.monotonic())

    return Handler


# --- Responses API ---------------------------------------------------------


def _wants_tool(body: dict[str, Any]) -> bool:
    """Ask for a tool when the last input item is a user message marked ``[tool]``."""
    items = body.get("input") or []
    last = items[-1] if items else {}
    content = last.get("content")
    text = content if isinstance(content, str) else json.dumps(content)
    return last.get("role") == "user" and TOOL_MARK in text


def response_payload(body: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any]
    if _wants_tool(body):
        arguments = json.dumps({"query": "nivel del estanque"})
        item = {
            "type": "function_call",
            "id": new_id("fc"),
            "call_id": new_id("call"),
            "name": "search_documents",
            "arguments": arguments,
            "status": "completed",
        }
    else:
        item = {
            "type": "message",
            "id": new_id("msg"),
            "role": "assistant",
            "status": "completed",
            "content": [{"type": "output_text", "text": ANSWER, "annotations": []}],
        }
    usage = {
        "input_tokens": 100,
        "output_tokens": 20,
        "total_tokens": 120,
        "input_tokens_details": {"cached_tokens": 0},
        "output_tokens_details": {"reasoning_tokens": 0},
    }
    return {
        "id": new_id("resp"),
        "object": "response",
        "created_at": int(time.time()),
        "status": "completed",
        "model": body.get("model"),
        "output": [item],
        "parallel_tool_calls": True,
        "tool_choice": "auto",
        "tools": [],
        "usage": usage,
    }


def response_events(response: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The stream of a response: created, one delta per word, item done, completed."""
    seq = itertools.count()
    events = [
        (
            "response.created",
            {
                "type": "response.created",
                "sequence_number": next(seq),
                "response": {**response, "status": "in_progress", "output": []},
            },
        )
    ]
    item = response["output"][0]
    if item["type"] == "message":
        for word in item["content"][0]["text"].split(" "):
            events.append(
                (
                    "response.output_text.delta",
                    {
                        "type": "response.output_text.delta",
                        "sequence_number": next(seq),
                        "item_id": item["id"],
                        "output_index": 0,
                        "content_index": 0,
                        "delta": word + " ",
                        "logprobs": [],
                    },
                )
            )
    events.append(
        (
            "response.output_item.done",
            {
                "type": "response.output_item.done",
                "sequence_number": next(seq),
                "output_index": 0,
                "item": item,
            },
        )
    )
    events.append(
        (
            "response.completed",
            {"type": "response.completed", "sequence_number": next(seq), "response": response},
        )
    )
    return events


# --- Assistants-style flow -------------------------------------------------

# Each retrieve moves a run one status on, as a real run does whose model step
# lasts longer than one request: every status is seen by at least one poll.
_PHASES = {
    "tool": ["queued", "in_progress", "requires_action"],
    "answer": ["queued", "in_progress", "completed"],
}


def _message(thread_id: str, role: str, text: str) -> dict[str, Any]:
    return {
        "id": new_id("msg"),
        "object": "thread.message",
        "created_at": int(time.time()),
        "thread_id": thread_id,
        "role": role,
        "content": [{"type": "text", "text": {"value": text, "annotations": []}}],
    }


def _run_view(run: dict[str, Any]) -> dict[str, Any]:
    view = {k: v for k, v in run.items() if not k.startswith("_")}
    view["status"] = run["_phase"][run["_step"]]
    if view["status"] == "requires_action":
        call = {
            "id": run["_call_id"],
            "type": "function",
            "function": {"name": "search_documents", "arguments": json.dumps({"query": "nivel"})},
        }
        view["required_action"] = {
            "type": "submit_tool_outputs",
            "submit_tool_outputs": {"tool_calls": [call]},
        }
    return view


def _new_run(fake: FakeUpstream, thread_id: str) -> dict[str, Any]:
    messages = fake.threads[thread_id]
    wants_tool = TOOL_MARK in messages[-1]["content"][0]["text"]["value"]
    run: dict[str, Any] = {
        "id": new_id("run"),
        "object": "thread.run",
        "thread_id": thread_id,
        "created_at": int(time.time()),
        "_phase": _PHASES["tool" if wants_tool else "answer"],
        "_step": 0,
        "_call_id": new_id("call"),
    }
    fake.runs[run["id"]] = run
    return run


def _advance(fake: FakeUpstream, run: dict[str, Any]) -> None:
    run["_step"] = min(run["_step"] + 1, len(run["_phase"]) - 1)
    if run["_phase"][run["_step"]] == "completed" and not run.get("_answered"):
        run["_answered"] = True
        fake.threads[run["thread_id"]].append(_message(run["thread_id"], "assistant", ANSWER))


def assistants(fake: FakeUpstream, method: str, parts: list[str], body: dict[str, Any]) -> tuple[int, Any]:
    """threads, messages, runs, run steps and submit_tool_outputs."""
    if method == "POST" and not parts:
        thread_id = new_id("thread")
        fake.threads[thread_id] = []
        return 200, {"id": thread_id, "object": "thread", "created_at": int(time.time())}
    thread_id, rest = parts[0], parts[1:]
    if thread_id not in fake.threads:
        return 404, {"error": {"message": "No thread found", "type": "invalid_request_error"}}
    if rest == ["messages"] and method == "POST":
        fake.threads[thread_id].append(_message(thread_id, body.get("role", "user"), body.get("content", "")))
        return 200, fake.threads[thread_id][-1]
    if rest == ["messages"]:
        data = list(reversed(fake.threads[thread_id]))  # newest first, as the API listed them
        return 200, {"object": "list", "data": data, "has_more": False}
    if rest == ["runs"] and method == "POST":
        return 200, _run_view(_new_run(fake, thread_id))
    run = fake.runs.get(rest[1]) if len(rest) >= 2 else None
    if run is None:
        return 404, {"error": {"message": "No run found", "type": "invalid_request_error"}}
    if len(rest) == 2:
        _advance(fake, run)
        return 200, _run_view(run)
    if rest[2] == "steps":
        return 200, {"object": "list", "data": [], "has_more": False}
    run["_phase"], run["_step"] = _PHASES["answer"], 0  # submit_tool_outputs
    return 200, _run_view(run)


def route(fake: FakeUpstream, handler: Any, method: str, path: str, body: dict[str, Any]) -> tuple[int, Any]:
    parts = path.strip("/").split("/")[1:]  # drop "v1"
    if parts == ["responses"]:
        response = response_payload(body)
        if not body.get("stream"):
            return 200, response
        handler.send_sse(response_events(response), fake.token_delay)
        return 200, None
    if parts and parts[0] == "threads":
        with fake.lock:
            return assistants(fake, method, parts[1:], body)
    return 404, {"error": {"message": "no such route", "type": "invalid_request_error"}}
