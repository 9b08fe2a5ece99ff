"""/openapi.json describes every registered route and method; a new route must be added there."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

IGNORED_METHODS = {"HEAD", "OPTIONS"}


def flask_operations(app: Flask) -> set[tuple[str, str]]:
    operations = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
        operations |= {(path, method.lower()) for method in (rule.methods or set()) - IGNORED_METHODS}
    return operations


def test_every_route_is_described(app: Flask, client: FlaskClient) -> None:
    document = client.get("/openapi.json").get_json()
    described = {(path, method) for path, item in document["paths"].items() for method in item}

    missing = flask_operations(app) - described
    assert not missing, f"document these routes in botk_web/openapi.py: {sorted(missing)}"
    assert not described - flask_operations(app), "openapi.json describes routes that do not exist"


def test_the_document_is_openapi_3_1_and_every_reference_resolves(client: FlaskClient) -> None:
    document = client.get("/openapi.json").get_json()
    assert document["openapi"].startswith("3.1")
    text = client.get("/openapi.json").get_data(as_text=True)
    for kind, name in re.findall(r'"#/components/(\w+)/(\w+)"', text):
        assert name in document["components"][kind], f"dangling $ref {kind}/{name}"
    for item in document["paths"].values():
        for operation in item.values():
            assert "429" in operation["responses"] and operation["summary"]
