"""Operations routes: readiness, token usage per thread, and the OpenAPI description."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify
from flask.typing import ResponseReturnValue

from botk_web.openapi import openapi_document
from botk_web.routes import services

bp = Blueprint("ops", __name__)


@bp.get("/ready")
def ready() -> ResponseReturnValue:
    """200 when the database takes writes and a gateway is configured, else 503."""
    checks = services().readiness()
    ok = all(value == "ok" for value in checks.values())
    body: dict[str, Any] = {"status": "ready" if ok else "not_ready", "checks": checks}
    return jsonify(body), 200 if ok else 503


@bp.get("/threads/<thread_id>/usage")
def thread_usage(thread_id: str) -> ResponseReturnValue:
    """Tokens the thread's answers consumed, summed over its turns."""
    found = services().get_usage.execute(thread_id)
    return jsonify(
        thread_id=found.thread_id,
        turns=found.turns,
        input_tokens=found.usage.input_tokens,
        output_tokens=found.usage.output_tokens,
        cached_tokens=found.usage.cached_tokens,
        total_tokens=found.usage.total_tokens,
    )


@bp.get("/openapi.json")
def openapi() -> ResponseReturnValue:
    return jsonify(openapi_document())
