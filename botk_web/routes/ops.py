"""Operations routes: readiness, token usage per thread, and the OpenAPI description."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, jsonify
from flask.typing import ResponseReturnValue

from botk_adapters.sqlite.rate_limits import database_writable
from botk_core.domain import Usage
from botk_core.ports import ThreadRepository
from botk_web.container import Services
from botk_web.openapi import openapi_document

bp = Blueprint("ops", __name__)
_PAGE = 1000


def services() -> Services:
    service: Services = current_app.extensions["botk"]
    return service


@bp.get("/ready")
def ready() -> ResponseReturnValue:
    """200 when the database takes writes and a gateway is configured, else 503."""
    service = services()
    checks = {
        "database": "ok" if database_writable(service.settings.database_path) else "not_writable",
        "gateway": "ok" if getattr(service.gateway, "name", "") else "not_configured",
    }
    ok = all(value == "ok" for value in checks.values())
    body: dict[str, Any] = {"status": "ready" if ok else "not_ready", "checks": checks}
    return jsonify(body), 200 if ok else 503


@bp.get("/threads/<thread_id>/usage")
def thread_usage(thread_id: str) -> ResponseReturnValue:
    """Tokens the thread's answers consumed, summed over its turns."""
    threads = services().threads
    threads.get(thread_id)
    total, turns = _usage(threads, thread_id)
    return jsonify(
        thread_id=thread_id,
        turns=turns,
        input_tokens=total.input_tokens,
        output_tokens=total.output_tokens,
        cached_tokens=total.cached_tokens,
        total_tokens=total.total_tokens,
    )


def _usage(threads: ThreadRepository, thread_id: str) -> tuple[Usage, int]:
    total, turns, after = Usage(), 0, None
    while True:
        page = threads.list_messages(thread_id, limit=_PAGE, after=after)
        for message in page.messages:
            if message.role == "assistant":
                turns += 1
                total += message.usage or Usage()
        if not page.has_more or not page.messages:
            return total, turns
        after = page.messages[-1].id


@bp.get("/openapi.json")
def openapi() -> ResponseReturnValue:
    return jsonify(openapi_document())
