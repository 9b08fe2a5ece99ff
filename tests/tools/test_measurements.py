"""get_promedio and get_promedio_estacional: valid values only, windows relative to now, stations."""

from __future__ import annotations

import attrs

from botk_adapters.local.answer_tools import TOOL_WRITERS
from botk_core.domain import Reading
from botk_core.tools.measurements import GET_PROMEDIO, promedio_estacional_tool, promedio_tool
from tests.tools.helpers import DAY, NOW, reading, run, stations_of, week


def test_promedio_averages_all_readings_of_the_station_to_two_decimals() -> None:
    stations = stations_of(
        [
            reading(1, 24 * 40, nivel=1.0, humedad=41.0, temperatura=20.0),
            reading(2, 1, nivel=1.2, humedad=40.0, temperatura=25.555),
            reading(3, 1, station="Quipisca", nivel=9.0),
        ]
    )
    output = run(promedio_tool(stations), estacion="iquiuca")
    assert output["estacion"] == "Iquiuca"
    assert output["promedio"] == {"temperatura": 22.78, "humedad": 40.5, "nivel": 1.1}
    assert output["lecturas"] == 2 and output["unidades"]["nivel"] == "m"
    assert output["periodo"] == "del 6 de diciembre de 2025 al 15 de enero de 2026"


def test_promedio_over_the_last_days_only() -> None:
    stations = stations_of([reading(1, 24 * 40, nivel=1.0), reading(2, 1, nivel=1.2)])
    output = run(promedio_tool(stations), estacion="Iquiuca", dias=7)
    assert output["promedio"]["nivel"] == 1.2 and output["lecturas"] == 1
    assert output["ventana"] == {
        "pedida": "los últimos 7 días",
        "usada": "los últimos 7 días",
        "sin_datos_en_ventana": False,
        "ultimo_dato": None,
        "fechas": False,
    }


def test_an_empty_window_says_when_the_last_data_is_and_uses_that_period() -> None:
    readings = week(start_level=1.4, cm_per_day=0.0, hours_ago=3 * 24)
    stations = stations_of(readings, now=NOW + 30 * DAY)
    output = run(promedio_tool(stations), estacion="Iquiuca", dias=1)
    window = output["ventana"]
    assert window["sin_datos_en_ventana"] is True and window["pedida"] == "las últimas 24 h"
    assert window["ultimo_dato"] == "hace 33 días, el 12 de enero de 2026 a las 12:00"
    assert window["usada"] == "las últimas 24 h con datos, del 11 al 12 de enero de 2026"
    assert output["lecturas"] == 49 and round(output["promedio"]["nivel"], 1) == 1.4
    text = TOOL_WRITERS[GET_PROMEDIO](output, "promedio de hoy").text
    assert text.startswith(
        "No hay lecturas de Iquiuca en las últimas 24 h: el último dato es de hace 33 días, "
        "el 12 de enero de 2026 a las 12:00. Te muestro los promedios de las últimas 24 h con datos"
    )


def test_missing_and_flagged_values_are_left_out_and_said() -> None:
    readings = week(start_level=1.4, cm_per_day=0.0)
    readings[10] = attrs.evolve(readings[10], nivel=None)
    readings[20] = attrs.evolve(readings[20], nivel=4.0)
    output = run(promedio_tool(stations_of(readings)), estacion="Iquiuca")
    assert output["promedio"]["nivel"] == 1.4
    assert output["excluidas"] == [
        {"field": "nivel", "reason": "sin_medicion", "count": 1},
        {"field": "nivel", "reason": "pico_aislado", "count": 1},
    ]
    assert output["nota_calidad"] == "Dejé fuera 1 lectura de nivel sin medición y 1 pico aislado de nivel."


def test_promedio_of_every_station() -> None:
    stations = stations_of([reading(1, 1, nivel=1.2), reading(2, 1, station="Cau Cau", nivel=0.8)])
    output = run(promedio_tool(stations), estacion="todas")
    assert [(s["estacion"], s["promedio"]["nivel"]) for s in output["estaciones"]] == [
        ("Cau Cau", 0.8),
        ("Iquiuca", 1.2),
    ]
    text = TOOL_WRITERS[GET_PROMEDIO](output, "promedios").text
    assert "Promedios de la estación Cau Cau" in text and "Promedios de la estación Iquiuca" in text


def test_promedio_names_the_known_stations_when_one_is_unknown() -> None:
    output = run(
        promedio_tool(stations_of([reading(1, 1), reading(2, 1, station="Quipisca")])), estacion="Macaya"
    )
    assert output == {
        "error": "No hay una estación llamada «Macaya». Estaciones conocidas: Iquiuca, Quipisca."
    }


def test_bad_arguments_get_precise_errors() -> None:
    tool = promedio_tool(stations_of([reading(1, 1)]))
    assert run(tool) == {"error": "invalid arguments: arguments.estacion is required"}
    assert run(tool, estacion="Iquiuca", dias=0) == {
        "error": "invalid arguments: arguments.dias must be >= 1"
    }


def test_estacional_groups_by_southern_season_for_all_stations() -> None:
    july = NOW - 24 * 3600 * 190  # mid-July 2025
    stations = stations_of(
        [
            reading(1, 1, nivel=1.0),
            reading(2, 2, station="Quipisca", nivel=2.0),
            Reading(3, "Iquiuca", july, nivel=0.5, humedad=20.0, temperatura=10.0),
        ]
    )
    every = run(promedio_estacional_tool(stations))
    assert every["estacion"] == "todas"
    assert every["promedios"]["Verano"] == {"temperatura": 27.0, "humedad": 40.0, "nivel": 1.5, "n": 2}
    assert every["promedios"]["Invierno"]["n"] == 1
    one = run(promedio_estacional_tool(stations), estacion="Quipisca")
    assert list(one["promedios"]) == ["Verano"] and one["promedios"]["Verano"]["nivel"] == 2.0


def test_estacional_without_readings_is_an_error_and_synthetic_is_marked() -> None:
    assert "error" in run(promedio_estacional_tool(stations_of()))
    synthetic = stations_of([Reading(-1, "Iquiuca", NOW, nivel=1.2, synthetic=True)])
    assert run(promedio_estacional_tool(synthetic))["origen"]["datos_sinteticos"] is True
    assert run(promedio_tool(synthetic), estacion="Iquiuca")["origen"]["datos_sinteticos"] is True
