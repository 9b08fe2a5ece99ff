"""When a Chat Completions stream is a whole answer, and when it was cut.

A stream with a ``finish_reason`` is whole. Without one, text is kept (some
compatible servers never send a finish reason) and whole tool calls run; a
stream with nothing in it, or cut inside a tool call's arguments, is an
upstream failure: nothing is stored as the answer and no tool runs.
"""

from __future__ import annotations

import json

import pytest

from botk_core.errors import UpstreamUnavailable
from botk_core.usecases import SendMessageInput
from botk_core.usecases.turn import NO_ANSWER
from tests.adapters.fake_openai import FakeOpenAI, Reply, text
from tests.adapters.test_openai_chat import Chat
from tests.adapters.test_openai_compat_quirks import NIVEL, call, chunk, stream

HALF_A_CALL = {"tool_calls": [call("get_promedio", '{"estacion": "Iqu', "c1", index=0, type="function")]}


def test_a_stream_closed_before_any_answer_fails_and_stores_no_answer(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_chat(Reply(raw=[chunk({"role": "assistant", "content": ""})]))

    with pytest.raises(UpstreamUnavailable):
        chat.ask("Hola")

    assert chat.statuses() == [("user", "failed")]


def test_a_streamed_turn_closed_before_any_answer_fails_the_same(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_chat(Reply(raw=[]))

    with pytest.raises(UpstreamUnavailable):
        list(chat.send.stream(SendMessageInput(chat.thread_id, "Hola")))

    assert chat.statuses() == [("user", "failed")]


@pytest.mark.parametrize("before", [[], [chunk({"content": "Voy a revisar el nivel. "})]], ids=["", "text"])
def test_a_stream_cut_inside_a_tool_call_runs_no_tool(fake: FakeOpenAI, before: list[object]) -> None:
    chat = Chat(fake)
    fake.script_chat(Reply(raw=[*before, chunk(HALF_A_CALL)]))

    with pytest.raises(UpstreamUnavailable):
        chat.ask("¿Nivel de Iquiuca?")

    assert chat.statuses() == [("user", "failed")]
    assert len(fake.bodies("/v1/chat/completions")) == 1  # no tool output went back


def test_a_server_that_never_sends_a_finish_reason_still_answers(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_chat(Reply(raw=[chunk({"content": "Hola, "}), chunk({"content": "Macaya."}), "[DONE]"]))

    shown, answer = stream(chat, "Hola")

    assert shown == answer.content == "Hola, Macaya."
    assert chat.statuses() == [("user", "completed"), ("assistant", "completed")]


def test_whole_tool_calls_without_a_finish_reason_still_run(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    whole = chunk({"tool_calls": [call("get_promedio", json.dumps(NIVEL), "c1", index=0)]})
    fake.script_chat(Reply(raw=[whole, "[DONE]"]), text("1,52 m."))

    answer = chat.ask("¿Nivel?")

    assert [(r.name, json.loads(r.arguments), r.is_error) for r in answer.tool_runs] == [
        ("get_promedio", NIVEL, False)
    ]
    assert answer.content == "1,52 m."


def test_an_empty_answer_with_a_finish_reason_is_the_models_answer(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_chat(Reply(raw=[chunk({"role": "assistant", "content": ""}), chunk({}, "stop"), "[DONE]"]))

    answer = chat.ask("Hola")

    assert answer.content == NO_ANSWER
    assert chat.statuses() == [("user", "completed"), ("assistant", "completed")]
