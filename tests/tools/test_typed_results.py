"""Typed tool results: attrs classes become the model's JSON at the registry, and come back whole."""

from __future__ import annotations

import json

import attrs
import pytest

from botk_core.domain import LeftOut, ToolCall, ToolSpec
from botk_core.tools import Tool, ToolContext, ToolRegistry, ToolResult
from botk_core.tools.results import Means, Provenance, StationAverages, WindowNote
from botk_core.tools.typed import from_json, key, to_json

AVERAGES = StationAverages(
    station="Iquiuca",
    means=Means(temperature=24.5, humidity=None, level=1.29),
    readings=3,
    since="2026-01-14T06:00-03:00",
    until="2026-01-15T10:00-03:00",
    window=WindowNote(requested="los últimos 7 días", used="los últimos 7 días", fallback=False),
    left_out=(LeftOut("nivel", "sin_medicion", 2),),
    provenance=Provenance.of(True),
)


def test_the_model_sees_the_original_spanish_keys() -> None:
    data = to_json(AVERAGES)
    assert data["estacion"] == "Iquiuca"
    assert data["promedio"] == {"temperatura": 24.5, "humedad": None, "nivel": 1.29}
    assert data["ventana"]["sin_datos_en_ventana"] is False
    assert data["excluidas"] == [{"field": "nivel", "reason": "sin_medicion", "count": 2}]
    assert data["origen"] == {
        "datos_sinteticos": True,
        "aviso": "Datos sintéticos de demostración: no son mediciones reales.",
    }


def test_a_result_comes_back_from_its_json_unchanged() -> None:
    assert from_json(StationAverages, json.loads(json.dumps(to_json(AVERAGES)))) == AVERAGES


@pytest.mark.parametrize(
    "broken",
    [
        {"estacion": "Iquiuca"},
        {**to_json(AVERAGES), "lecturas": "tres"},
        {**to_json(AVERAGES), "promedio": [1, 2]},
        {**to_json(AVERAGES), "lecturas": True},
    ],
)
def test_json_that_does_not_fit_is_refused(broken: dict) -> None:
    with pytest.raises(ValueError):
        from_json(StationAverages, broken)


@attrs.frozen
class Pong:
    reply: str = key("respuesta")


def test_the_registry_serialises_a_typed_result() -> None:
    spec = ToolSpec("ping", "Responde.", {"type": "object", "properties": {}})
    tool = Tool(spec, lambda arguments, context: ToolResult(Pong("pong")))
    run = ToolRegistry([tool]).run(ToolCall("c1", "ping", "{}"), ToolContext("thread_x"))
    assert json.loads(run.output) == {"respuesta": "pong"} and not run.is_error
