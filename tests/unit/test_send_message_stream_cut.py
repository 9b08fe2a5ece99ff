"""A consumer that stops reading a streamed turn early ends it as failed, and frees the thread."""

from __future__ import annotations

from botk_core.domain import ToolCall
from botk_core.model import ModelReply, TextDelta
from botk_core.usecases import GetHistory, GetHistoryInput, SendMessageInput
from tests.unit.builder import build_core


def test_a_stream_closed_early_marks_the_question_failed_and_the_next_turn_runs() -> None:
    core = build_core()
    thread_id = core.new_thread()
    core.gateway.add(
        ModelReply(tool_calls=(ToolCall("call_1", "search_documents", '{"query": "luz roja"}'),)),
        ModelReply(text="La luz roja indica batería baja. Revise el panel solar."),
        ModelReply(text="El panel solar carga la batería."),
    )

    events = core.send.stream(SendMessageInput(thread_id, "¿Qué significa la luz roja?"))
    assert next(e for e in events if isinstance(e, TextDelta)).text
    events.close()
    answer = core.send.execute(SendMessageInput(thread_id, "¿y el panel?"))

    stored = GetHistory(core.threads).execute(GetHistoryInput(thread_id)).messages
    assert [(m.role, m.status) for m in stored] == [
        ("user", "failed"),
        ("user", "completed"),
        ("assistant", "completed"),
    ]
    assert stored[-1].id == answer.id and answer.content == "El panel solar carga la batería."
    # The failed question is not shown to the model as context of the next turn.
    assert [getattr(i, "text", "") for i in core.gateway.requests[-1].items] == ["¿y el panel?"]
