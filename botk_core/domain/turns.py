"""A chat turn as the thread repository accepts and finishes it."""

from __future__ import annotations

import attrs

from botk_core.domain.conversation import Message, Thread

_REPLY_PREFIX = "reply-to:"


def reply_key(user_message_id: str) -> str:
    """The key an answer is stored under, so that a retry finds it from its question."""
    return f"{_REPLY_PREFIX}{user_message_id}"


def is_reserved_key(client_message_id: str) -> bool:
    """Whether a client's key would collide with the keys answers are stored under."""
    return client_message_id.startswith(_REPLY_PREFIX)


@attrs.frozen
class AcceptedTurn:
    """A turn the repository accepted: its thread, its user message and what came before.

    ``answer`` is set when a retry finds the answer of an earlier attempt: there is
    nothing to run and no lock is held. Otherwise the thread is held under
    ``lease`` until the turn is finished. ``retry`` tells that ``user`` was stored
    by an earlier attempt (whose attachments were already indexed).
    """

    thread: Thread
    user: Message
    history: tuple[Message, ...] = ()
    answer: Message | None = None
    lease: str = ""
    retry: bool = False
