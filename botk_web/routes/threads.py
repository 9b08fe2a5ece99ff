"""``DELETE /threads/<thread_id>``: a conversation's messages, usage and report go."""

from __future__ import annotations

from flask import Blueprint, jsonify
from flask.typing import ResponseReturnValue

from botk_core.errors import ThreadNotFound
from botk_core.ids import is_valid_id
from botk_web.routes import services

bp = Blueprint("threads", __name__)


@bp.delete("/threads/<thread_id>")
def delete_thread(thread_id: str) -> ResponseReturnValue:
    if not is_valid_id(thread_id, "thread"):
        raise ThreadNotFound(thread_id)
    services().delete_thread.execute(thread_id)
    return jsonify(id=thread_id, object="thread.deleted", deleted=True)
