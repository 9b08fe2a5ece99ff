"""Reading request fields from form data or JSON, with clear errors."""

from __future__ import annotations

import json
from collections.abc import Mapping

from flask import Request

from botk_core.errors import InvalidInput, UnsupportedMediaType

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def body_fields(request: Request, *names: str) -> dict[str, str | None]:
    """The named fields of a form or JSON body; absent fields are None."""
    mimetype = request.mimetype
    source: Mapping[str, object]
    if mimetype == "application/json" or mimetype.endswith("+json"):
        source = _json_object(request)
    elif mimetype in FORM_TYPES:
        source = request.form.to_dict()
    elif not mimetype and not request.get_data(cache=True):
        source = {}
    else:
        raise UnsupportedMediaType("Send form fields or a JSON object (Content-Type application/json)")
    fields: dict[str, str | None] = {}
    for name in names:
        value = source.get(name)
        if value is not None and not isinstance(value, str):
            raise InvalidInput(f"{name} must be a string")
        fields[name] = value
    return fields


def _json_object(request: Request) -> dict[str, object]:
    try:
        data = json.loads(request.get_data(cache=True) or b"null")
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise InvalidInput("Request body is not valid JSON") from None
    if not isinstance(data, dict):
        raise InvalidInput("Request body must be a JSON object")
    return data


def int_arg(request: Request, name: str, default: int) -> int:
    """An integer query parameter; a non-number is a 400, not a crash."""
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise InvalidInput(f"{name} must be a whole number") from None
