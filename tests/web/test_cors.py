"""CORS: only allowlisted origins get CORS headers; preflights are answered before auth."""

from __future__ import annotations

import attrs
from flask.testing import FlaskClient

from botk_web import Settings, create_app

SITE = "https://panel.macaya.cl"
PREFLIGHT = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization"}


def client_for(settings: Settings, *origins: str, api_hash: str | None = None) -> FlaskClient:
    return create_app(attrs.evolve(settings, cors_origins=origins, api_hash=api_hash)).test_client()


def test_by_default_no_origin_is_allowed(client: FlaskClient) -> None:
    response = client.get("/health", headers={"Origin": SITE})
    assert "Access-Control-Allow-Origin" not in response.headers
    assert client.options("/chat", headers={"Origin": SITE, **PREFLIGHT}).status_code == 403


def test_an_allowlisted_origin_gets_headers_and_a_preflight_even_with_auth_on(settings: Settings) -> None:
    client = client_for(settings, SITE, api_hash="k")

    preflight = client.options("/chat", headers={"Origin": SITE, **PREFLIGHT})
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == SITE
    assert "Authorization" in preflight.headers["Access-Control-Allow-Headers"]
    refused = client.get("/start", headers={"Origin": SITE})
    # The browser must be able to read the 401 to tell the user.
    assert refused.status_code == 401 and refused.headers["Access-Control-Allow-Origin"] == SITE
    other = client.get("/health", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    assert "Origin" in other.headers["Vary"]


def test_star_allows_every_origin_when_asked_for(settings: Settings) -> None:
    client = client_for(settings, "*")
    response = client.get("/health", headers={"Origin": "https://any.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "X-Request-ID" in response.headers["Access-Control-Expose-Headers"]
