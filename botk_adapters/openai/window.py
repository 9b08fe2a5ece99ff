"""A shorter history for a conversation over the model's context, and one retry with it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import attrs
import openai

from botk_adapters.openai.errors import is_context_overflow, translate
from botk_core.errors import ContextTooLong
from botk_core.model import ChatItem, ModelRequest

T = TypeVar("T")

# Earlier messages kept on the retry: enough for "¿y mañana?" to make sense.
KEPT_BEFORE_TURN = 2

TOO_LONG = "The conversation is too long for the model; start a new conversation"


def shortened(request: ModelRequest) -> ModelRequest | None:
    """The request with the current turn and a couple of earlier messages; None if no shorter."""
    items = request.items
    last_user = max((i for i, item in enumerate(items) if _is_user(item)), default=0)
    start = max(0, last_user - KEPT_BEFORE_TURN)
    if start == 0:
        return None
    return attrs.evolve(request, items=items[start:])


def call_with_retry(call: Callable[[ModelRequest], T], request: ModelRequest) -> T:
    """Run ``call``; on a context overflow retry once shortened, then raise ContextTooLong."""
    try:
        return call(request)
    except openai.OpenAIError as error:
        if not is_context_overflow(error):
            raise translate(error) from error
    shorter = shortened(request)
    if shorter is None:
        raise ContextTooLong(TOO_LONG)
    try:
        return call(shorter)
    except openai.OpenAIError as error:
        if is_context_overflow(error):
            raise ContextTooLong(TOO_LONG) from error
        raise translate(error) from error


def _is_user(item: object) -> bool:
    return isinstance(item, ChatItem) and item.role == "user"
