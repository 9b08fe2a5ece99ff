"""diagnostico_hidrico_integrado: thresholds, trend, quality, age, stations and the recommendation."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from botk_adapters.local.answer_tools import TOOL_WRITERS
from botk_adapters.memory.weather import FakeWeather, sample_report
from botk_core.domain import Reading
from botk_core.sensors.rules import DecisionRules, SensorRules, StationConfig
from botk_core.tools.diagnosis import DIAGNOSTICO, diagnostico_tool
from botk_core.tools.weather import GET_CLIMA, clima_tool
from tests.tools.helpers import DAY, NOW, reading, run, stations_of, week

RAINY = (60.0, 10.0, 0.0)
DRY = (0.0, 0.0, 0.0)


def diagnose(readings: list[Reading], rain=RAINY, weather: FakeWeather | None = None, **arguments) -> dict:
    weather = weather or FakeWeather({"Mamiña": sample_report("Mamiña", rain)})
    return run(diagnostico_tool(stations_of(readings), weather), **arguments)


def one(output: dict[str, Any]) -> dict[str, Any]:
    [station] = output["estaciones"]
    return station


def answer(output: dict[str, Any]) -> str:
    return TOOL_WRITERS[DIAGNOSTICO](output, "¿cómo está el agua?").text


@pytest.mark.parametrize(("nivel", "low"), [(1.0, False), (0.99, True)])
def test_low_level_starts_below_one_metre(nivel: float, low: bool) -> None:
    analysis = one(diagnose([reading(1, 0.1, nivel=nivel)]))["diagnostico"]["analisis"]
    assert any("Nivel de agua bajo" in line for line in analysis) is low


@pytest.mark.parametrize(("humedad", "low"), [(30.0, False), (29.9, True)])
def test_low_humidity_starts_below_thirty_percent(humedad: float, low: bool) -> None:
    analysis = one(diagnose([reading(1, 0.1, humedad=humedad)]))["diagnostico"]["analisis"]
    assert any("Humedad del aire baja" in line for line in analysis) is low


@pytest.mark.parametrize(("chance", "rain_days"), [(50.0, 1), (49.9, 0)])
def test_a_rain_day_has_at_least_fifty_percent(chance: float, rain_days: int) -> None:
    station = one(diagnose([reading(1, 0.1)], rain=(chance, 0.0, 0.0)))
    assert station["pronostico"]["dias_con_lluvia"] == rain_days
    no_rain = any("No se espera lluvia" in line for line in station["diagnostico"]["analisis"])
    assert no_rain is (rain_days == 0)


def test_no_finding_is_normal_one_is_moderate_two_are_critical() -> None:
    assert one(diagnose([reading(1, 0.1)]))["diagnostico"]["conclusion"] == "Condición normal"
    assert one(diagnose([reading(1, 0.1, nivel=0.8)]))["diagnostico"]["conclusion"] == "Condición moderada"
    critical = one(diagnose([reading(1, 0.1, nivel=0.8)], rain=DRY))
    assert critical["diagnostico"]["conclusion"] == "Condición crítica"
    assert critical["recomendacion"]["accion"] == "racionar el agua"


def test_a_falling_week_gives_the_trend_and_the_days_to_the_threshold() -> None:
    readings = week(start_level=1.60, cm_per_day=-5.0)  # ends at 1.25 m
    station = one(diagnose(readings))
    trend = station["tendencia"]
    assert trend["cm_por_dia"] == -5.0 and trend["dias_hasta_umbral"] == 5.0
    assert station["recomendacion"]["accion"] == "guardar agua"
    # Rain is expected and the level is above 1 m, but it reaches the threshold within a week: a finding.
    assert station["diagnostico"]["analisis"] == [
        "El nivel baja 5,0 cm por día: a este ritmo llegaría al umbral de 1,0 m en 5 días."
    ]
    assert station["diagnostico"]["conclusion"] == "Condición moderada"
    text = answer(diagnose(readings))
    assert (
        "Recomendación: guardar agua: el nivel baja 5,0 cm por día; a este ritmo llegaría a 1,0 m en 5 días"
        in text
    )
    assert "Tendencia del nivel en los últimos 7 días (336 lecturas): baja 5,0 cm por día" in text


@pytest.mark.parametrize(
    ("cm_per_day", "rain", "findings", "label", "action"),
    [
        (-5.0, RAINY, 1, "Condición moderada", "guardar agua"),  # 1.25 m, at the threshold in 5 days
        (-5.0, DRY, 2, "Condición crítica", "guardar agua"),  # and no rain either
        (-2.0, RAINY, 0, "Condición normal", "uso normal"),  # 1.46 m: 23 days away, beyond the week
        (0.0, RAINY, 0, "Condición normal", "uso normal"),  # steady, with rain: nothing to say
    ],
)
def test_a_level_falling_towards_its_threshold_within_a_week_is_a_finding(
    cm_per_day: float, rain: tuple[float, ...], findings: int, label: str, action: str
) -> None:
    station = one(diagnose(week(start_level=1.60, cm_per_day=cm_per_day), rain=rain))
    assert len(station["diagnostico"]["analisis"]) == findings
    assert station["diagnostico"]["conclusion"] == label
    assert station["recomendacion"]["accion"] == action
    text = answer(diagnose(week(start_level=1.60, cm_per_day=cm_per_day), rain=rain))
    assert ("Ningún indicador está bajo su umbral." in text) is (findings == 0)


def test_the_horizon_of_the_trend_finding_is_a_setting() -> None:
    readings = week(start_level=1.60, cm_per_day=-5.0)  # the threshold in 5 days
    rules = SensorRules(decision=DecisionRules(horizon_days=3.0))
    stations = attrs.evolve(stations_of(readings), rules=rules)
    weather = FakeWeather({"Mamiña": sample_report("Mamiña", RAINY)})
    station = one(run(diagnostico_tool(stations, weather)))
    assert station["diagnostico"]["conclusion"] == "Condición normal"


def test_a_spike_is_flagged_left_out_and_said() -> None:
    readings = week(start_level=1.60, cm_per_day=-5.0)
    readings[200] = attrs.evolve(readings[200], nivel=0.05)
    station = one(diagnose(readings))
    assert station["tendencia"]["cm_por_dia"] == -5.0 and station["tendencia"]["lecturas"] == 335
    assert station["nota_calidad"] == "Dejé fuera 1 pico aislado de nivel."
    assert "Calidad de los datos: Dejé fuera 1 pico aislado de nivel." in answer(diagnose(readings))


def test_rain_and_a_normal_level_is_normal_use() -> None:
    station = one(diagnose(week(start_level=1.50, cm_per_day=0.0)))
    assert station["diagnostico"] == {"analisis": [], "conclusion": "Condición normal", "nota": None}
    recommendation = station["recomendacion"]
    assert recommendation["accion"] == "uso normal" and recommendation["confiable"] is True
    assert "se espera lluvia en 1 de los próximos 3 días" in recommendation["razones"]
    assert "Diagnóstico hídrico de Iquiuca: Condición normal." in answer(diagnose(week(cm_per_day=0.0)))


def test_uses_the_latest_valid_level_not_the_all_time_average() -> None:
    old_dry = [reading(i, 24 * 30 + i, nivel=0.2, humedad=10.0) for i in range(1, 50)]
    station = one(diagnose([*old_dry, reading(100, 0.5, nivel=1.6, humedad=45.0)]))
    assert station["sensores"]["nivel"]["valor"] == 1.6
    assert station["diagnostico"]["analisis"] == []
    assert station["sensores"]["lecturas_24h"] == 1


def test_reports_the_age_and_the_last_24_hours() -> None:
    station = one(diagnose([reading(1, 30, nivel=1.0), reading(2, 10, nivel=1.2), reading(3, 2, nivel=1.4)]))
    sensors = station["sensores"]
    assert sensors["nivel"]["antiguedad_horas"] == 2.0
    assert sensors["nivel"]["cuando"] == "hace 2 horas, el 15 de enero de 2026 a las 10:00"
    assert sensors["nivel"]["fecha"] == "2026-01-15T10:00-03:00"
    assert sensors["lecturas_24h"] == 2 and sensors["promedio_24h"]["nivel"] == 1.3
    assert sensors["ventana_24h"] == "las últimas 24 h"
    assert station["datos_desactualizados"] is False and station["advertencia"] is None


def test_years_old_data_is_diagnosed_but_not_trusted_for_today() -> None:
    old = week(start_level=1.4, cm_per_day=0.0, hours_ago=3 * 365 * 24)
    station = one(diagnose(old))
    assert station["datos_desactualizados"] is True
    recommendation = station["recomendacion"]
    assert recommendation["confiable"] is False
    assert recommendation["motivo_desconfianza"].startswith(
        "el último dato válido de nivel es de hace 3 años, el "
    )
    assert station["sensores"]["ventana_24h"].startswith("las últimas 24 h con datos, del ")
    text = answer(diagnose(old))
    distrust = "⚠ No se puede confiar en esta recomendación para hoy: el último dato válido de nivel"
    assert f"{distrust} es de hace 3 años" in text


def test_too_few_readings_are_not_trusted() -> None:
    station = one(diagnose([reading(1, 3, nivel=1.3), reading(2, 2, nivel=1.3), reading(3, 1, nivel=1.3)]))
    recommendation = station["recomendacion"]
    assert recommendation["confiable"] is False
    assert (
        recommendation["motivo_desconfianza"] == "solo hay 3 lecturas válidas de nivel en los últimos 7 días"
    )


def test_a_flat_level_sensor_is_checked_not_believed() -> None:
    stuck = [reading(i, 48 - i, nivel=0.9) for i in range(48)]
    station = one(diagnose(stuck))
    assert station["sensores"]["nivel"] is None or station["recomendacion"]["accion"].endswith(
        "revisar el sensor"
    )
    assert "sensor pegado" in (station["nota_calidad"] or "")


def test_an_empty_tank_is_an_event_with_its_date() -> None:
    readings = [reading(i, 10 - i * 0.1, nivel=1.4 if i < 20 else 0.0) for i in range(60)]
    readings += [reading(100 + i, 4 - i * 0.1, nivel=0.05 + 0.02 * i) for i in range(30)]
    station = one(diagnose(readings))
    [event] = station["eventos"]
    assert event["tipo"] == "estanque_vacio"
    assert (
        event["descripcion"] == "el estanque estuvo vacío 4 horas (el 15 de enero de 2026, de 04:00 a 08:00)"
    )


def test_no_data_says_so_and_concludes_nothing() -> None:
    station = one(diagnose([reading(1, 1, station="Quipisca")], estacion="Iquiuca"))
    assert station["diagnostico"]["conclusion"] == "Sin datos suficientes"
    assert station["mensaje"] == "No hay lecturas de sensores de la estación Iquiuca; no puedo diagnosticar."


def test_every_station_with_data_or_the_one_named_or_the_list_of_known_ones() -> None:
    readings = [reading(1, 1, nivel=1.4), reading(2, 1, station="Cau-Cau", nivel=0.7)]
    every = diagnose(readings)
    assert [s["estacion"] for s in every["estaciones"]] == ["Cau-Cau", "Iquiuca"]
    named = diagnose(readings, estacion="cau cau")
    assert [s["estacion"] for s in named["estaciones"]] == ["Cau-Cau"]
    assert diagnose(readings, estacion="Pulcha") == {
        "error": "No hay una estación llamada «Pulcha». Estaciones conocidas: Iquiuca, Cau-Cau."
    }


def test_each_station_uses_its_configured_place_and_thresholds() -> None:
    configured = [
        StationConfig(name="Iquiuca"),
        StationConfig(name="Cau Cau", forecast_place="Macaya", low_level_m=0.5),
    ]
    weather = FakeWeather({"Mamiña": sample_report("Mamiña", DRY), "Macaya": sample_report("Macaya", RAINY)})
    readings = [reading(1, 1, nivel=0.7), reading(2, 1, station="Cau Cau", nivel=0.7)]
    output = run(diagnostico_tool(stations_of(readings, configured), weather))
    by_name = {s["estacion"]: s for s in output["estaciones"]}
    assert by_name["Cau Cau"]["pronostico"]["lugar"] == "Macaya"
    assert by_name["Cau Cau"]["diagnostico"]["conclusion"] == "Condición normal"
    assert by_name["Iquiuca"]["diagnostico"]["conclusion"] == "Condición crítica"


def test_unreachable_weather_still_diagnoses_the_sensors_in_plain_words() -> None:
    output = diagnose([reading(1, 0.1, nivel=0.5, humedad=20.0)], weather=FakeWeather(failing=True))
    station = one(output)
    assert (
        station["pronostico"]["error"]
        == "No pude consultar el pronóstico del tiempo: sin conexión con el servicio."
    )
    assert station["diagnostico"]["conclusion"] == "Condición crítica"
    assert "lluvia no se pudo evaluar" in station["diagnostico"]["nota"]
    text = answer(output)
    assert (
        "Pronóstico en Mamiña: No pude consultar el pronóstico del tiempo: sin conexión con el servicio."
        in text
    )
    assert "get_clima" not in text and "diagnostico_hidrico" not in text


def test_synthetic_data_is_marked_in_the_output() -> None:
    synthetic = Reading(-1, "Iquiuca", NOW - 60, nivel=1.5, humedad=40.0, synthetic=True)
    output = diagnose([synthetic])
    assert output["origen"]["datos_sinteticos"] is True and "sintéticos" in output["origen"]["aviso"]
    assert diagnose([reading(1, 0.1)])["origen"]["datos_sinteticos"] is False


def test_a_newer_record_without_level_does_not_hide_the_tank_level() -> None:
    tank = reading(1, 2 / 60, nivel=0.40, humedad=None)
    other = reading(2, 1 / 60, nivel=None, humedad=20.0)
    station = one(diagnose([tank, other]))
    assert station["diagnostico"]["conclusion"] == "Condición crítica"
    analysis = station["diagnostico"]["analisis"]
    assert "Nivel de agua bajo: 0,40 m (umbral 1,0 m)." in analysis
    assert "Humedad del aire baja: 20,0 % (umbral 30 %)." in analysis
    sensors = station["sensores"]
    assert (sensors["nivel"]["valor"], sensors["humedad"]["valor"]) == (0.40, 20.0)
    assert sensors["nivel"]["cuando"].startswith("hace 2 minutos")


def test_an_old_level_makes_the_data_stale_even_if_humidity_is_fresh() -> None:
    station = one(
        diagnose([reading(1, 20, nivel=0.5, humedad=None), reading(2, 0.1, nivel=None, humedad=45.0)])
    )
    assert station["sensores"]["nivel"]["valor"] == 0.5
    assert station["datos_desactualizados"] is True
    assert "(nivel)" in station["advertencia"]


def test_unknown_rain_on_every_day_is_not_judged() -> None:
    station = one(diagnose([reading(1, 0.1, nivel=0.5)], rain=(None, None, None)))
    verdict = station["diagnostico"]
    assert not any("lluvia" in line for line in verdict["analisis"])
    assert verdict["conclusion"] == "Condición moderada"
    assert "lluvia no se pudo evaluar" in verdict["nota"]
    assert station["pronostico"]["dias_con_lluvia"] is None
    assert [d["lluvia_prob"] for d in station["pronostico"]["detalle"]] == [None, None, None]


def test_the_offline_writers_show_unknown_rain_as_sin_dato() -> None:
    text = answer(diagnose([reading(1, 0.1, nivel=0.5)], rain=(None, None, None)))
    assert "sin dato" in text and "no se pudo evaluar" in text
    partial = answer(diagnose([reading(1, 0.1)], rain=(None, 70.0, None)))
    assert "1 de 3 días" in partial and "15 de enero: sin dato" in partial
    clima = run(clima_tool(FakeWeather({"Mamiña": sample_report("Mamiña", (None, 30.0))})), location="Mamiña")
    assert clima["forecast"][0]["daily_chance_of_rain"] is None
    assert "probabilidad de lluvia sin dato" in TOOL_WRITERS[GET_CLIMA](clima, "¿clima?").text


def test_the_window_moves_with_now() -> None:
    readings = week(cm_per_day=0.0, hours_ago=10 * 24)
    station = run(diagnostico_tool(stations_of(readings, now=NOW), FakeWeather()))["estaciones"][0]
    assert station["tendencia"]["periodo"].startswith("los últimos 7 días con datos, del ")
    recent = run(diagnostico_tool(stations_of(readings, now=NOW - 10 * DAY), FakeWeather()))["estaciones"][0]
    assert recent["tendencia"]["periodo"] == "los últimos 7 días"


def test_many_events_show_the_empty_tank_first_and_say_how_many_more() -> None:
    # An empty tank 20 days ago, then a station silent for a day or more eight times.
    readings = [reading(i, 480 - i * 0.25, nivel=0.0) for i in range(10)]
    readings += [reading(20 + i, 470 - i * 0.25, nivel=1.5) for i in range(4)]
    for gap in range(8):
        hours = 440 - gap * 26
        readings += [reading(100 + gap * 10 + i, hours - i * 0.25, nivel=1.5) for i in range(4)]
    readings += [reading(200 + i, 255 - i * 21, nivel=1.5) for i in range(13)]  # then daily until now
    station = one(diagnose(readings))
    kinds = [e["tipo"] for e in station["eventos"]]
    assert kinds[0] == "estanque_vacio" and len(kinds) == 5 and station["eventos_total"] == 9
    text = answer(diagnose(readings))
    assert "- El estanque estuvo vacío 2 horas" in text
    assert "- … y 4 eventos más en los datos recientes." in text
