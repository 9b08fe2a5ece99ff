"""Hostile request bodies and URLs: always a JSON 4xx with a clear message, never a 500."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

DEEP = "[" * 100_000 + "]" * 100_000
DEEP_OBJECTS = '{"a":' * 100_000 + "1" + "}" * 100_000
BIG_INT = "1" * 5000


@pytest.mark.parametrize(
    "body",
    [
        '{"thread_id": "t", "message": ' + DEEP + "}",
        DEEP_OBJECTS,
        '{"thread_id": ' + BIG_INT + ', "message": "hola"}',
        '{"thread_id": "t", "message": "hola", "n": 1.' + "5" * 5000 + "}",
        '{"thread_id": "t", "message": "hola", "n": NaN}',
        '{"thread_id": "t", "message": ' + "[" * 70 + "]" * 70 + "}",
        '{"thread_id": "t", "message": "hola", "x": [' + "{}," * 2_100_000 + "{}]}",
    ],
)
@pytest.mark.parametrize("path", ["/chat", "/chat/stream", "/compile"])
def test_deep_or_huge_json_is_a_400_with_a_reason(client: FlaskClient, path: str, body: str) -> None:
    response = client.post(path, data=body, content_type="application/json")
    assert response.status_code == 400
    error = response.get_json()
    assert error["code"] == "invalid_input"
    assert any(word in error["error"] for word in ("niveles", "cifras", "valores", "no es JSON"))


def test_json_within_the_budget_still_works(client: FlaskClient, thread_id: str) -> None:
    body = {"thread_id": thread_id, "message": "hola", "extra": [[[1, 2.5, 10**30]]]}
    assert client.post("/chat", json=body).status_code == 200


def test_a_405_says_which_methods_the_route_takes(client: FlaskClient) -> None:
    response = client.put("/chat")
    assert response.status_code == 405 and response.get_json()["code"] == "method_not_allowed"
    assert set(response.headers["Allow"].replace(" ", "").split(",")) >= {"POST", "OPTIONS"}


def test_a_url_over_the_limit_is_a_json_414(client: FlaskClient) -> None:
    response = client.get("/search?q=" + "a" * 5000)
    assert response.status_code == 414 and response.get_json()["code"] == "uri_too_long"


def test_a_bare_options_gets_no_html(client: FlaskClient) -> None:
    for path in ("/chat", "/documents", "/nada"):
        response = client.options(path)
        assert response.status_code < 500
        assert b"<html" not in response.data.lower() and b"<!doctype" not in response.data.lower()


def test_a_huge_urlencoded_form_is_a_413_before_it_is_parsed(client: FlaskClient) -> None:
    response = client.post("/chat", data="a=1&" * 400_000, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413 and "BOTK_MAX_FORM_BYTES" in response.get_json()["error"]
