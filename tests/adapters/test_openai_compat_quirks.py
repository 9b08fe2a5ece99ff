"""OpenAIChatGateway against the output real OpenAI-compatible servers send.

Each test scripts the fake server with what Ollama, llama.cpp's server, vLLM
or LM Studio are known to answer where it differs from OpenAI, and checks that
the turn still works for the user: tools run with the right arguments, every
tool output is paired with its call, the text and usage are stored.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from botk_core.domain import Message
from botk_core.errors import ContextTooLong
from botk_core.model import TextDelta
from botk_core.usecases import SendMessageInput
from tests.adapters.fake_openai import FakeOpenAI, Reply, error, text
from tests.adapters.test_openai_chat import Chat

NIVEL = {"estacion": "Iquiuca"}
LUZ = {"query": "luz roja"}


def chunk(delta: dict[str, Any] | None, finish: str | None = None, **extra: Any) -> dict[str, Any]:
    choice: dict[str, Any] = {"index": 0, "finish_reason": finish}
    if delta is not None:
        choice["delta"] = delta
    return {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "m"} | {
        "choices": [choice],
        **extra,
    }


def call(name: str, arguments: Any, call_id: str | None = None, **extra: Any) -> dict[str, Any]:
    wire: dict[str, Any] = {"function": {"name": name, "arguments": arguments}, **extra}
    if call_id is not None:
        wire["id"] = call_id
    return wire


def stream(chat: Chat, question: str) -> tuple[str, Message]:
    events = list(chat.send.stream(SendMessageInput(chat.thread_id, question)))
    answer = events[-1]
    assert isinstance(answer, Message)
    return "".join(e.text for e in events if isinstance(e, TextDelta)), answer


def tool_pairs(fake: FakeOpenAI, request: int = 1) -> list[tuple[str, str, str]]:
    """(id, name, arguments) announced in the request's assistant message, checked against tool messages."""
    messages = fake.bodies("/v1/chat/completions")[request]["messages"]
    calls = [c for m in messages for c in m.get("tool_calls") or []]
    answered = [m["tool_call_id"] for m in messages if m["role"] == "tool"]
    assert answered == [c["id"] for c in calls]
    return [(c["id"], c["function"]["name"], c["function"]["arguments"]) for c in calls]


def test_streamed_calls_without_index_are_kept_apart(fake: FakeOpenAI) -> None:
    # Ollama before 0.4.7: whole calls in one chunk each, no ``index``.
    chat = Chat(fake)
    fake.script_chat(
        Reply(
            raw=[
                chunk(
                    {
                        "role": "assistant",
                        "content": "",
                        "tool_calls": [call("get_promedio", json.dumps(NIVEL), "a")],
                    }
                ),
                chunk({"content": "", "tool_calls": [call("search_documents", json.dumps(LUZ), "b")]}),
                chunk({}, "tool_calls"),
                "[DONE]",
            ]
        ),
        text("Listo."),
    )

    shown, answer = stream(chat, "Nivel y luz roja")

    assert shown == answer.content == "Listo."
    assert [(r.name, json.loads(r.arguments)) for r in answer.tool_runs] == [
        ("get_promedio", NIVEL),
        ("search_documents", LUZ),
    ]
    assert [name for _, name, _ in tool_pairs(fake)] == ["get_promedio", "search_documents"]


def test_streamed_parallel_calls_all_at_index_zero_are_kept_apart(fake: FakeOpenAI) -> None:
    # Ollama 0.20: every call arrives with ``index`` 0 but its own id.
    chat = Chat(fake)
    fake.script_chat(
        Reply(
            raw=[
                chunk(
                    {
                        "tool_calls": [
                            call("get_promedio", json.dumps(NIVEL), "call_x", index=0, type="function")
                        ]
                    }
                ),
                chunk(
                    {
                        "tool_calls": [
                            call("search_documents", json.dumps(LUZ), "call_y", index=0, type="function")
                        ]
                    }
                ),
                chunk({}, "tool_calls"),
                "[DONE]",
            ]
        ),
        text("Listo."),
    )

    _, answer = stream(chat, "Nivel y luz roja")

    assert [json.loads(r.arguments) for r in answer.tool_runs] == [NIVEL, LUZ]
    assert not any(r.is_error for r in answer.tool_runs)
    assert [i for i, _, _ in tool_pairs(fake)] == ["call_x", "call_y"]


def test_calls_without_ids_or_index_get_unique_ids_their_outputs_answer(fake: FakeOpenAI) -> None:
    # llama.cpp and LM Studio: whole calls with neither id nor index.
    chat = Chat(fake)
    fake.script_chat(
        Reply(
            raw=[
                chunk({"content": None, "tool_calls": [call("get_promedio", json.dumps(NIVEL))]}),
                chunk({"tool_calls": [call("search_documents", json.dumps(LUZ))]}),
                chunk({}, "tool_calls"),
                "[DONE]",
            ]
        ),
        text("Nivel medio 1,52 m."),
    )

    answer = chat.ask("Nivel y luz roja")

    ids = [i for i, _, _ in tool_pairs(fake)]
    assert len(set(ids)) == 2 and all(ids)
    assert answer.content == "Nivel medio 1,52 m."
    assert [(r.name, json.loads(r.arguments)) for r in answer.tool_runs] == [
        ("get_promedio", NIVEL),
        ("search_documents", LUZ),
    ]


def test_repeated_call_ids_in_one_answer_are_made_unique(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_chat(
        Reply(
            raw=[
                chunk({"tool_calls": [call("get_promedio", json.dumps(NIVEL), "call_0", index=0)]}),
                chunk({"tool_calls": [call("search_documents", json.dumps(LUZ), "call_0", index=1)]}),
                chunk({}, "tool_calls"),
                "[DONE]",
            ]
        ),
        text("Listo."),
    )

    chat.ask("Nivel y luz roja")

    ids = [i for i, _, _ in tool_pairs(fake)]
    assert ids[0] == "call_0" and len(set(ids)) == 2


def test_arguments_sent_as_an_object_and_content_null_are_read(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_chat(
        Reply(
            raw=[
                chunk({"content": None, "tool_calls": [call("get_promedio", NIVEL, "c1", index=0)]}),
                chunk({}, "tool_calls"),
                "[DONE]",
            ]
        ),
        text("1,52 m."),
    )

    _, answer = stream(chat, "¿Nivel?")

    [run] = answer.tool_runs
    assert (json.loads(run.arguments), run.is_error) == (NIVEL, False)
    assert json.loads(tool_pairs(fake)[0][2]) == NIVEL
    assert answer.content == "1,52 m."


def test_a_stream_without_usage_and_with_odd_chunks_still_answers(fake: FakeOpenAI) -> None:
    # A server that ignores include_usage, sends a chunk with no choices, a
    # closing choice without ``delta``, reasoning deltas and its own finish reason.
    chat = Chat(fake)
    fake.script_chat(
        Reply(
            raw=[
                {"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": []},
                chunk({"role": "assistant", "content": None, "reasoning_content": "pienso..."}),
                chunk({"content": "Hola, "}),
                chunk({"content": "Macaya."}),
                chunk(None, "eos"),
                "[DONE]",
            ]
        )
    )

    shown, answer = stream(chat, "Hola")

    assert shown == answer.content == "Hola, Macaya."
    assert answer.usage is not None and (answer.usage.input_tokens, answer.usage.output_tokens) == (0, 0)


def test_usage_in_the_last_content_chunk_is_counted(fake: FakeOpenAI) -> None:
    # llama.cpp's server: usage (and its own timings) ride on the finishing chunk.
    chat = Chat(fake)
    usage = {"prompt_tokens": 31, "completion_tokens": 2, "total_tokens": 33}
    fake.script_chat(
        Reply(
            raw=[
                chunk({"content": "Hola."}),
                chunk({}, "stop", usage=usage, timings={"predicted_n": 2}),
                "[DONE]",
            ]
        )
    )

    _, answer = stream(chat, "Hola")

    assert answer.usage is not None and (answer.usage.input_tokens, answer.usage.output_tokens) == (31, 2)


def test_a_plain_turn_on_a_server_ignoring_include_usage_is_stored_with_zero_tokens(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_chat(Reply(raw=[chunk({"content": "Hola."}), chunk({}, "stop"), "[DONE]"]))

    answer = chat.ask("Hola")

    assert answer.content == "Hola."
    assert answer.usage is not None and answer.usage.input_tokens == 0
    assert fake.bodies("/v1/chat/completions")[0]["stream_options"] == {"include_usage": True}


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (500, "tools param requires --jinja flag"),  # llama.cpp without --jinja
        (
            400,
            '"auto" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set',
        ),  # vLLM
        (400, "registry.ollama.ai/library/gemma:2b does not support tools"),  # Ollama
    ],
)
def test_servers_refusing_tools_are_answered_by_grounding(
    fake: FakeOpenAI, status: int, message: str
) -> None:
    chat = Chat(fake)
    fake.script_chat(error(status, None, message), text("Batería baja."))

    answer = chat.ask("¿Qué significa la luz roja del sensor?")

    refused, grounded = fake.bodies("/v1/chat/completions")
    assert "tools" in refused and "tools" not in grounded
    assert (answer.content, answer.citations[0].document) == ("Batería baja.", "guia_sensores.docx")


def test_a_server_refusing_stream_options_streams_without_them(fake: FakeOpenAI) -> None:
    # Mistral's API and some vLLM versions: 422 "Extra inputs are not permitted".
    chat = Chat(fake, tools_mode="none")
    refusal = "[{'type': 'extra_forbidden', 'loc': ['body', 'stream_options', 'include_usage']}]"
    fake.script_chat(error(422, None, refusal), text("Hola."), text("Chao."))

    first, _ = stream(chat, "Hola")
    second, _ = stream(chat, "Chao")

    bodies = fake.bodies("/v1/chat/completions")
    assert (first, second) == ("Hola.", "Chao.")
    assert "stream_options" in bodies[0] and all("stream_options" not in b for b in bodies[1:])
    assert len(bodies) == 3


LLAMA_CPP_OVERFLOW = "request (5120 tokens) exceeds the available context size (2048 tokens), try increasing"


def test_passages_overflowing_a_small_context_are_cut_until_the_question_fits(fake: FakeOpenAI) -> None:
    # llama.cpp answers 400 exceed_context_size_error; Spanish passages are long for a 2048-token model.
    chat = Chat(fake, tools_mode="none")
    fake.script_chat(error(400, None, LLAMA_CPP_OVERFLOW), text("Revise la batería."))

    answer = chat.ask("¿Qué significa la luz roja del sensor?")

    overflowed, fitted = (b["messages"][0]["content"] for b in fake.bodies("/v1/chat/completions"))
    assert "guia_sensores.docx" in overflowed and "guia_sensores.docx" not in fitted
    assert (answer.content, answer.citations) == ("Revise la batería.", ())


def test_a_question_that_never_fits_is_a_clear_context_error(fake: FakeOpenAI) -> None:
    chat = Chat(fake, tools_mode="none")
    fake.script_chat(*[error(400, None, LLAMA_CPP_OVERFLOW)] * 2)

    with pytest.raises(ContextTooLong):
        chat.ask("¿Qué significa la luz roja del sensor?")
    assert len(fake.bodies("/v1/chat/completions")) == 2
