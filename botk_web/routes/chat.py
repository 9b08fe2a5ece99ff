"""The chat contract: /start, /chat, /threadHistory, /listAssistants, /dummy, /health."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify, request
from flask.typing import ResponseReturnValue

from botk_core.errors import InvalidInput, MissingFields
from botk_core.usecases import GetHistoryInput, SendMessageInput, StartConversationInput
from botk_web.parsing import body_fields, int_arg
from botk_web.routes import services
from botk_web.routes.documents import upload_policy, uploaded_files
from botk_web.serialize import citation_json, page_json

bp = Blueprint("chat", __name__)


@bp.route("/start", methods=["GET", "POST"])
def start() -> ResponseReturnValue:
    started = services().start_conversation.execute(StartConversationInput(request.args.get("assistant_id")))
    return jsonify(
        thread_id=started.thread.id,
        assistant_id=started.thread.assistant_id,
        vector_store_id=started.vector_store_id,
    )


def chat_input() -> SendMessageInput:
    """The fields of /chat and /chat/stream: form or JSON, and multipart ``files`` to index."""
    fields = body_fields(request, "thread_id", "message", "client_message_id")
    client_id = fields["client_message_id"] or request.headers.get("Idempotency-Key")
    # Only a multipart body carries files; asking any other body for them would parse it twice.
    files = (
        tuple(uploaded_files(request)) if request.mimetype == "multipart/form-data" and request.files else ()
    )
    thread_id, text = (fields["thread_id"] or "").strip(), fields["message"] or ""
    if not files:
        return SendMessageInput(thread_id, text, client_id)
    return SendMessageInput(thread_id, text, client_id, files, upload_policy())


@bp.post("/chat")
def chat() -> ResponseReturnValue:
    message = services().send_message.execute(chat_input())
    return jsonify(
        response=message.content,
        message_id=message.id,
        thread_id=message.thread_id,
        citations=[citation_json(c) for c in message.citations],
    )


@bp.get("/threadHistory")
def thread_history() -> ResponseReturnValue:
    thread_id = (request.args.get("thread_id") or "").strip()
    if not thread_id:
        raise MissingFields("Falta thread_id.")
    order = request.args.get("order", "asc")
    if order not in ("asc", "desc"):
        raise InvalidInput("order debe ser 'asc' o 'desc'.")
    page = services().get_history.execute(
        GetHistoryInput(
            thread_id,
            limit=int_arg(request, "limit", 100),
            after=request.args.get("after") or None,
            before=request.args.get("before") or None,
            descending=order == "desc",
        )
    )
    return jsonify(page_json(page))


@bp.get("/listAssistants")
def list_assistants() -> ResponseReturnValue:
    return jsonify(services().list_assistants.execute())


@bp.get("/dummy")
def dummy() -> ResponseReturnValue:
    return jsonify(msj="sorprise mdk")


@bp.get("/health")
def health() -> ResponseReturnValue:
    service = services()
    body: dict[str, Any] = {
        "status": "ok",
        "gateway": service.gateway.name,
        "model": service.gateway.model,
        "storage": service.storage_name,
        "assistant_id": service.assistants.default_id,
    }
    if service.storage_name == "postgresql":
        body["database"] = service.storage.location  # host:port/database, never the credentials
    return jsonify(body)
