"""A client that stops reading a streamed turn still gets its answer stored."""

from __future__ import annotations

from botk_core.domain import ToolCall
from botk_core.model import ModelReply, TextDelta
from botk_core.usecases import SendMessageInput
from tests.unit.builder import build_core


def test_answer_is_stored_when_the_stream_is_abandoned_after_the_first_delta() -> None:
    core = build_core()
    thread_id = core.new_thread()
    core.gateway.add(
        ModelReply(tool_calls=(ToolCall("call_1", "search_documents", '{"query": "luz roja"}'),)),
        ModelReply(text="La luz roja indica batería baja. Revise el panel solar."),
    )

    events = core.send.stream(SendMessageInput(thread_id, "¿Qué significa la luz roja?"))
    first_delta = next(e for e in events if isinstance(e, TextDelta))
    events.close()

    stored = core.threads.recent_messages(thread_id, 10)
    assert first_delta.text
    assert [(m.role, m.status) for m in stored] == [("user", "completed"), ("assistant", "completed")]
    assert stored[-1].content == "La luz roja indica batería baja. Revise el panel solar."
    assert [run.name for run in stored[-1].tool_runs] == ["search_documents"]
