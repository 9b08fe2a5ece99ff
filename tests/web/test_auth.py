"""API_HASH: every route but the open ones needs the credential, as Bearer or X-API-Key."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from flask.testing import FlaskClient

from botk_web import Settings, create_app

SECRET = "s3cret-hash"


@pytest.fixture
def guarded(settings: Settings) -> FlaskClient:
    return create_app(attrs.evolve(settings, api_hash=SECRET)).test_client()


@pytest.mark.parametrize("path", ["/start", "/listAssistants", "/threadHistory?thread_id=x", "/nope"])
def test_without_the_credential_a_route_answers_401_json(guarded: FlaskClient, path: str) -> None:
    response = guarded.get(path)
    assert response.status_code == 401
    assert response.get_json() == {
        "error": "Falta la clave de acceso (API_HASH) o no es válida.",
        "code": "unauthorized",
    }
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "headers",
    [{"Authorization": "Bearer wrong"}, {"X-API-Key": SECRET + "x"}, {"Authorization": SECRET}],
)
def test_a_wrong_or_malformed_credential_is_refused(guarded: FlaskClient, headers: dict[str, str]) -> None:
    assert guarded.get("/start", headers=headers).status_code == 401


@pytest.mark.parametrize("headers", [{"Authorization": f"Bearer {SECRET}"}, {"X-API-Key": SECRET}])
def test_the_credential_opens_the_routes(guarded: FlaskClient, headers: dict[str, str]) -> None:
    thread_id = guarded.get("/start", headers=headers).get_json()["thread_id"]
    response = guarded.post("/chat", data={"thread_id": thread_id, "message": "hola"}, headers=headers)
    assert response.status_code == 200 and response.get_json()["response"]


@pytest.mark.parametrize("path", ["/health", "/dummy", "/ready", "/openapi.json"])
def test_probes_and_the_api_description_stay_open(guarded: FlaskClient, path: str) -> None:
    assert guarded.get(path).status_code == 200


def test_without_api_hash_nothing_is_asked(client: FlaskClient) -> None:
    assert client.get("/start").status_code == 200


def test_serve_refuses_a_public_address_without_api_hash(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from botk_web.cli import main

    monkeypatch.chdir(tmp_path)  # no .env here
    monkeypatch.delenv("API_HASH", raising=False)
    monkeypatch.setenv("BOTK_DATABASE", str(tmp_path / "botk.sqlite3"))

    def must_not_listen(*args: object, **kwargs: object) -> None:
        raise AssertionError("serve listened on a public address without API_HASH")

    monkeypatch.setattr("werkzeug.serving.run_simple", must_not_listen)

    assert main(["serve", "--host", "0.0.0.0", "--port", "1"]) == 2
    assert "API_HASH" in capsys.readouterr().err


def test_guessing_the_credential_is_rate_limited(settings: Settings) -> None:
    client = create_app(
        attrs.evolve(settings, api_hash=SECRET, rate_limit_per_minute=6, rate_limit_burst=3)
    ).test_client()
    statuses = [
        client.get("/listAssistants", headers={"X-API-Key": f"guess-{n}"}).status_code for n in range(6)
    ]
    assert statuses[:3] == [401, 401, 401]
    assert 429 in statuses[3:]
