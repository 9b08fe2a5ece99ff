"""Reading request fields from form data or JSON, with clear errors."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import parse_qsl

from flask import Request, current_app

from botk_adapters.safe_json import JsonBudget, loads
from botk_core.errors import InvalidInput, PayloadTooLarge, UnsupportedMediaType

# Where the app keeps its JSON budget (set from settings by botk_web.http_limits).
JSON_BUDGET_KEY = "BOTK_JSON_BUDGET"

URLENCODED = "application/x-www-form-urlencoded"
FORM_TYPES = (URLENCODED, "multipart/form-data")


def body_fields(request: Request, *names: str) -> dict[str, str | None]:
    """The named fields of a form or JSON body; absent fields are None."""
    mimetype = request.mimetype
    source: Mapping[str, object]
    if mimetype == "application/json" or mimetype.endswith("+json"):
        source = _json_object(request)
    elif mimetype == URLENCODED:
        source = _urlencoded(request)
    elif mimetype in FORM_TYPES:
        source = request.form.to_dict()
    elif not mimetype and not request.get_data(cache=True):
        source = {}
    else:
        raise UnsupportedMediaType(
            "Envía campos de formulario o un objeto JSON (Content-Type application/json)."
        )
    fields: dict[str, str | None] = {}
    for name in names:
        value = source.get(name)
        if value is not None and not isinstance(value, str):
            raise InvalidInput(f"{name} debe ser texto.")
        if value is not None and not _encodable(value):
            raise InvalidInput(f"{name} no es texto UTF-8 válido.")
        fields[name] = value
    return fields


def _urlencoded(request: Request) -> dict[str, str]:
    """The fields of a urlencoded body, the first value of each, read as Werkzeug's form would.

    Parsed here rather than through ``request.form``: every chat turn arrives this
    way, and Werkzeug's general form parser costs more than the whole turn's reads.
    """
    body = request.get_data(cache=True)
    limit = request.max_form_memory_size
    if limit is not None and len(body) > limit:
        raise PayloadTooLarge("El formulario es demasiado grande.")
    fields: dict[str, str] = {}
    for name, value in parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True):
        fields.setdefault(name, value)
    return fields


def _encodable(value: str) -> bool:
    # JSON may carry lone surrogates (an escaped \ud800) that no UTF-8 store accepts.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _json_object(request: Request) -> dict[str, object]:
    body = request.get_data(cache=True)
    limit = request.max_content_length
    if request.content_length is None and limit is not None and len(body) >= limit:
        # A chunked body is cut at the limit by Werkzeug: say so instead of "bad JSON".
        raise PayloadTooLarge("El cuerpo de la solicitud es demasiado grande.")
    budget: JsonBudget = current_app.config.get(JSON_BUDGET_KEY) or JsonBudget()
    data = loads(body or b"null", budget, source="El cuerpo de la solicitud")
    if not isinstance(data, dict):
        raise InvalidInput("El cuerpo de la solicitud debe ser un objeto JSON.")
    return data


def int_arg(request: Request, name: str, default: int) -> int:
    """An integer query parameter; a non-number is a 400, not a crash."""
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise InvalidInput(f"{name} debe ser un número entero.") from None
