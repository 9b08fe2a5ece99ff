"""The app wired on the OpenAI gateways (BOTK_GATEWAY=openai|openai-chat) against the fake server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from botk_adapters.openai import VectorStoreState
from botk_adapters.sqlite import Database
from botk_web import Settings, create_app
from botk_web.settings import SettingsError
from tests.adapters.fake_openai import FakeOpenAI, Reply, error, text, tool_calls


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


def _settings(fake: FakeOpenAI, tmp_path: Path, **changes: object) -> Settings:
    base = {
        "gateway": "openai",
        "openai_api_key": "sk-test",
        "openai_base_url": fake.base_url,
        "openai_max_retries": 0,
        "database_path": str(tmp_path / "botk.sqlite3"),
        "documents_dir": str(tmp_path),
    }
    return Settings(**{**base, **changes})  # type: ignore[arg-type]


def _ask(client: FlaskClient, question: str) -> dict[str, object]:
    thread_id = client.get("/start").get_json()["thread_id"]
    response = client.post("/chat", data={"thread_id": thread_id, "message": question})
    assert response.status_code == 200
    return dict(response.get_json())


def test_a_chat_turn_needing_one_tool_costs_exactly_two_upstream_requests(
    fake: FakeOpenAI, tmp_path: Path
) -> None:
    client = create_app(_settings(fake, tmp_path)).test_client()
    fake.script_responses(tool_calls(("get_promedio", {"estacion": "Iquiuca"})), text("Nivel medio: 1,5 m."))

    body = _ask(client, "¿Cuál es el nivel medio de Iquiuca?")

    assert body["response"] == "Nivel medio: 1,5 m."
    assert len(fake.requests) == 2


def test_a_chat_turn_without_tools_costs_one_upstream_request(fake: FakeOpenAI, tmp_path: Path) -> None:
    client = create_app(_settings(fake, tmp_path)).test_client()
    fake.script_responses(text("¡Hola!"))

    assert _ask(client, "Hola")["response"] == "¡Hola!"
    assert len(fake.requests) == 1


def test_the_tools_offered_are_the_original_interface(fake: FakeOpenAI, tmp_path: Path) -> None:
    client = create_app(_settings(fake, tmp_path)).test_client()
    fake.script_responses(text("ok"))

    _ask(client, "Hola")

    [body] = fake.bodies("/v1/responses")
    names = {tool["name"] for tool in body["tools"] if tool["type"] == "function"}
    assert {"get_promedio", "get_promedio_estacional", "get_clima", "diagnostico_hidrico_integrado"} <= names


def test_start_reports_the_vector_store_made_by_sync_and_turns_search_it(
    fake: FakeOpenAI, tmp_path: Path
) -> None:
    settings = _settings(fake, tmp_path)
    VectorStoreState(Database(settings.database_path)).set_store_id("vs_synced", settings.assistant_id)
    client = create_app(settings).test_client()
    fake.script_responses(text("ok"))

    assert client.get("/start").get_json()["vector_store_id"] == "vs_synced"
    _ask(client, "¿Qué dice el plan maestro?")
    [body] = fake.bodies("/v1/responses")
    assert {"type": "file_search", "vector_store_ids": ["vs_synced"]} in body["tools"]


def test_vector_store_id_from_the_environment_wins(fake: FakeOpenAI, tmp_path: Path) -> None:
    client = create_app(_settings(fake, tmp_path, vector_store_id="vs_env")).test_client()

    assert client.get("/start").get_json()["vector_store_id"] == "vs_env"


def test_health_names_the_gateway_and_model(fake: FakeOpenAI, tmp_path: Path) -> None:
    settings = _settings(fake, tmp_path, gateway="openai-chat", openai_api_key=None, model="llama3.1")
    health = create_app(settings).test_client().get("/health").get_json()

    assert (health["gateway"], health["model"]) == ("openai-chat", "llama3.1")


def test_the_openai_gateway_without_a_key_is_a_configuration_error(fake: FakeOpenAI, tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="OPEN_AI_API_KEY"):
        create_app(_settings(fake, tmp_path, openai_api_key=None))


def test_a_rejected_key_is_a_502_that_names_the_variable(fake: FakeOpenAI, tmp_path: Path) -> None:
    fake.valid_keys = {"sk-other"}
    client = create_app(_settings(fake, tmp_path)).test_client()
    thread_id = client.get("/start").get_json()["thread_id"]

    response = client.post("/chat", data={"thread_id": thread_id, "message": "Hola"})

    assert response.status_code == 502
    assert "OPEN_AI_API_KEY" in response.get_json()["error"]


def test_rate_limiting_is_a_503_with_retry_after(fake: FakeOpenAI, tmp_path: Path) -> None:
    client = create_app(_settings(fake, tmp_path)).test_client()
    thread_id = client.get("/start").get_json()["thread_id"]
    fake.script_responses(error(429, "rate_limit_exceeded", headers={"Retry-After": "12"}))

    response = client.post("/chat", data={"thread_id": thread_id, "message": "Hola"})

    assert response.status_code == 503
    assert response.headers["Retry-After"] == "12"


def _history_shape(client: FlaskClient, question: str) -> list[tuple[object, ...]]:
    thread_id = client.get("/start").get_json()["thread_id"]
    client.post("/chat", data={"thread_id": thread_id, "message": question})
    data = client.get(f"/threadHistory?thread_id={thread_id}").get_json()["data"]
    return [(m["role"], m["status"], m.get("tool_calls")) for m in data]


def test_history_and_tool_runs_look_the_same_as_with_the_offline_gateway(
    fake: FakeOpenAI, tmp_path: Path
) -> None:
    question = "¿Cuál es el promedio de la estación Iquiuca?"
    offline = create_app(_settings(fake, tmp_path / "local", gateway="local")).test_client()
    remote = create_app(_settings(fake, tmp_path / "chat", gateway="openai-chat")).test_client()
    fake.script_chat(tool_calls(("get_promedio", {"estacion": "Iquiuca"})), text("Promedios de Iquiuca: ..."))

    expected = [
        ("user", "completed", None),
        (
            "assistant",
            "completed",
            [{"name": "get_promedio", "is_error": False, "arguments": {"estacion": "Iquiuca"}}],
        ),
    ]
    assert _history_shape(offline, question) == expected
    assert _history_shape(remote, question) == expected


NO_TOOLS = "registry.ollama.ai/library/gemma:2b does not support tools"


def _chat_app(fake: FakeOpenAI, tmp_path: Path, chat_tools: str) -> FlaskClient:
    settings = _settings(fake, tmp_path / chat_tools, gateway="openai-chat", chat_tools=chat_tools)
    return create_app(settings).test_client()


def test_chat_tools_auto_grounds_answers_once_the_server_refuses_tools(
    fake: FakeOpenAI, tmp_path: Path
) -> None:
    fake.refuses.tools = NO_TOOLS
    client = _chat_app(fake, tmp_path, "auto")
    fake.script_chat(text("Batería baja."), text("De nada."))

    assert _ask(client, "¿Qué significa la luz roja?")["response"] == "Batería baja."
    assert _ask(client, "Gracias")["response"] == "De nada."
    assert ["tools" in body for body in fake.bodies("/v1/chat/completions")] == [True, False, False]


def test_chat_tools_forced_is_a_502_naming_the_setting_when_the_server_refuses_tools(
    fake: FakeOpenAI, tmp_path: Path
) -> None:
    fake.refuses.tools = NO_TOOLS
    client = _chat_app(fake, tmp_path, "tools")
    thread_id = client.get("/start").get_json()["thread_id"]

    response = client.post("/chat", data={"thread_id": thread_id, "message": "Hola"})

    assert response.status_code == 502
    assert "BOTK_CHAT_TOOLS" in response.get_json()["error"]
    assert len(fake.bodies("/v1/chat/completions")) == 1


def test_chat_tools_none_never_sends_tools(fake: FakeOpenAI, tmp_path: Path) -> None:
    client = _chat_app(fake, tmp_path, "none")
    fake.script_chat(text("Hola."))

    assert _ask(client, "Hola")["response"] == "Hola."
    [body] = fake.bodies("/v1/chat/completions")
    assert "tools" not in body


def test_a_chat_stream_closed_before_any_answer_is_a_503_and_keeps_the_question(
    fake: FakeOpenAI, tmp_path: Path
) -> None:
    client = _chat_app(fake, tmp_path, "auto")
    thread_id = client.get("/start").get_json()["thread_id"]
    fake.script_chat(Reply(raw=[]))

    response = client.post("/chat", data={"thread_id": thread_id, "message": "Hola"})

    assert response.status_code == 503
    data = client.get(f"/threadHistory?thread_id={thread_id}").get_json()["data"]
    assert [(m["role"], m["content"][0]["text"]["value"]) for m in data] == [("user", "Hola")]
