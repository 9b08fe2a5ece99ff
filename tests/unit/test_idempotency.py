"""SendMessage with client_message_id: retries never duplicate a message or re-run a finished turn."""

from __future__ import annotations

import pytest

from botk_core.domain import Thread
from botk_core.errors import IdempotencyKeyReused, InvalidInput, UpstreamTimeout
from botk_core.ids import new_id
from botk_core.model import ModelReply
from botk_core.usecases import SendMessageInput
from tests.unit.builder import Core, build_core


def history(core: Core, thread_id: str) -> list[tuple[str, str, str]]:
    page = core.threads.list_messages(thread_id, limit=100)
    return [(m.role, m.content, m.status) for m in page.messages]


def test_a_retry_of_a_finished_turn_returns_the_stored_answer_without_calling_the_model(core: Core) -> None:
    thread_id = core.new_thread()
    core.gateway.add(ModelReply(text="El estanque está bien."))
    first = core.send.execute(SendMessageInput(thread_id, "¿cómo está el estanque?", "c-1"))

    again = core.send.execute(SendMessageInput(thread_id, "¿cómo está el estanque?", "c-1"))

    assert again == first
    assert len(core.gateway.requests) == 1
    assert history(core, thread_id) == [
        ("user", "¿cómo está el estanque?", "completed"),
        ("assistant", "El estanque está bien.", "completed"),
    ]


def test_a_retry_of_a_failed_turn_reruns_it_on_the_same_user_message(core: Core) -> None:
    thread_id = core.new_thread()
    core.gateway.add(UpstreamTimeout("lento"), ModelReply(text="Ahora sí."))
    with pytest.raises(UpstreamTimeout):
        core.send.execute(SendMessageInput(thread_id, "hola", "c-1"))
    assert history(core, thread_id) == [("user", "hola", "failed")]

    answer = core.send.execute(SendMessageInput(thread_id, "hola", "c-1"))

    assert answer.content == "Ahora sí."
    assert history(core, thread_id) == [
        ("user", "hola", "completed"),
        ("assistant", "Ahora sí.", "completed"),
    ]
    retried_items = core.gateway.requests[1].items
    assert [getattr(item, "text", None) for item in retried_items] == ["hola"]


def test_a_retry_after_other_turns_still_sends_its_question_last(core: Core) -> None:
    thread_id = core.new_thread()
    core.gateway.add(UpstreamTimeout("lento"), ModelReply(text="R2"), ModelReply(text="R1"))
    with pytest.raises(UpstreamTimeout):
        core.send.execute(SendMessageInput(thread_id, "primera", "c-1"))
    core.send.execute(SendMessageInput(thread_id, "segunda", "c-2"))

    core.send.execute(SendMessageInput(thread_id, "primera", "c-1"))

    last_request = core.gateway.requests[-1].items
    assert getattr(last_request[-1], "text", None) == "primera"
    assert [m[1] for m in history(core, thread_id)] == ["primera", "segunda", "R2", "R1"]


def test_the_same_id_for_a_different_message_is_refused(core: Core) -> None:
    thread_id = core.new_thread()
    core.gateway.add(ModelReply(text="ok"))
    core.send.execute(SendMessageInput(thread_id, "hola", "c-1"))

    with pytest.raises(IdempotencyKeyReused):
        core.send.execute(SendMessageInput(thread_id, "otra cosa", "c-1"))
    assert len(history(core, thread_id)) == 2


def test_a_streamed_retry_yields_the_stored_answer(core: Core) -> None:
    thread_id = core.new_thread()
    core.gateway.add(ModelReply(text="Una respuesta."))
    first = core.send.execute(SendMessageInput(thread_id, "hola", "c-1"))

    events = list(core.send.stream(SendMessageInput(thread_id, "hola", "c-1")))

    assert events == [first]
    assert len(core.gateway.requests) == 1


@pytest.mark.parametrize("key", ["reply-to:msg_123", "k" * 201])
def test_reserved_or_oversized_keys_are_refused_before_anything_is_stored(core: Core, key: str) -> None:
    thread_id = core.new_thread()
    with pytest.raises(InvalidInput, match="client_message_id"):
        core.send.execute(SendMessageInput(thread_id, "hola", key))
    assert history(core, thread_id) == []


def test_a_thread_of_a_retired_assistant_profile_keeps_working() -> None:
    core = build_core()
    thread = Thread(new_id("thread"), "asst_retired", 0.0)
    core.threads.create(thread)
    core.gateway.add(ModelReply(text="Sigo aquí."))
    assert core.send.execute(SendMessageInput(thread.id, "hola")).content == "Sigo aquí."
