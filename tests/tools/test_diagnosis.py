"""diagnostico_hidrico_integrado: recent data, thresholds at their edges, stale and no data."""

from __future__ import annotations

import pytest

from botk_adapters.local.answer_tools import write_clima, write_diagnostico
from botk_adapters.memory.measurements import InMemoryMeasurementRepository
from botk_adapters.memory.weather import FakeWeather, sample_report
from botk_core.domain import Reading
from botk_core.tools.diagnosis import diagnostico_tool
from botk_core.tools.weather import clima_tool
from tests.tools.helpers import NOW, reading, run

RAINY = (60.0, 10.0, 0.0)


def diagnose(readings: list[Reading], rain=RAINY, weather: FakeWeather | None = None) -> dict:
    repo = InMemoryMeasurementRepository(readings)
    weather = weather or FakeWeather({"Mamiña": sample_report("Mamiña", rain)})
    return run(diagnostico_tool(repo, weather, clock=lambda: NOW))


@pytest.mark.parametrize(("nivel", "low"), [(1.0, False), (0.99, True)])
def test_low_level_starts_below_one_metre(nivel: float, low: bool) -> None:
    analysis = diagnose([reading(1, 0.1, nivel=nivel)])["diagnostico"]["analisis"]
    assert any("Nivel de agua bajo" in line for line in analysis) is low


@pytest.mark.parametrize(("humedad", "low"), [(30.0, False), (29.9, True)])
def test_low_humidity_starts_below_thirty_percent(humedad: float, low: bool) -> None:
    analysis = diagnose([reading(1, 0.1, humedad=humedad)])["diagnostico"]["analisis"]
    assert any("Humedad del aire baja" in line for line in analysis) is low


@pytest.mark.parametrize(("chance", "rain_days"), [(50.0, 1), (49.9, 0)])
def test_a_rain_day_has_at_least_fifty_percent(chance: float, rain_days: int) -> None:
    output = diagnose([reading(1, 0.1)], rain=(chance, 0.0, 0.0))
    assert output["pronostico"]["dias_con_lluvia"] == rain_days
    no_rain = any("No se espera lluvia" in line for line in output["diagnostico"]["analisis"])
    assert no_rain is (rain_days == 0)


def test_two_findings_are_critical_one_is_moderate() -> None:
    critical = diagnose([reading(1, 0.1, nivel=0.8)], rain=(0.0, 0.0, 0.0))
    moderate = diagnose([reading(1, 0.1, nivel=0.8)], rain=RAINY)
    assert critical["diagnostico"]["conclusion"] == "Condición crítica"
    assert moderate["diagnostico"]["conclusion"] == "Condición moderada"


def test_uses_the_latest_reading_not_the_all_time_average() -> None:
    old_dry = [reading(i, 24 * 30 + i, nivel=0.2, humedad=10.0) for i in range(1, 50)]
    output = diagnose([*old_dry, reading(100, 0.5, nivel=1.6, humedad=45.0)])
    assert output["sensores"]["nivel"] == 1.6
    assert output["diagnostico"]["analisis"] == []
    assert output["sensores"]["ultimas_24h"]["n"] == 1


def test_reports_the_age_and_the_last_24_hours() -> None:
    output = diagnose([reading(1, 30, nivel=1.0), reading(2, 10, nivel=1.2), reading(3, 2, nivel=1.4)])
    sensors = output["sensores"]
    assert sensors["antiguedad_horas"] == 2.0 and sensors["antiguedad"] == "hace 2 horas"
    assert sensors["fecha"] == "2026-01-15T10:00-03:00"
    assert sensors["ultimas_24h"]["n"] == 2 and sensors["ultimas_24h"]["nivel"] == 1.3
    assert output["datos_desactualizados"] is False and "advertencia" not in output


def test_stale_data_still_gives_latest_values_with_a_warning() -> None:
    output = diagnose([reading(1, 72, nivel=0.5)])
    assert output["datos_desactualizados"] is True
    assert output["sensores"]["nivel"] == 0.5
    assert "2026-01-12T12:00-03:00" in output["advertencia"]
    assert "puede no reflejar la situación de hoy" in output["advertencia"]


def test_no_data_says_so_and_concludes_nothing() -> None:
    output = diagnose([reading(1, 1, station="Quipisca")])
    assert output["sin_datos"] is True
    assert output["diagnostico"] == {"analisis": [], "conclusion": "Sin datos suficientes"}
    assert "No hay lecturas" in output["mensaje"]


def test_unreachable_weather_still_diagnoses_the_sensors() -> None:
    output = diagnose([reading(1, 0.1, nivel=0.5, humedad=20.0)], weather=FakeWeather(failing=True))
    assert "no pude obtener el clima" in output["pronostico"]["error"]
    assert output["diagnostico"]["conclusion"] == "Condición crítica"
    assert "lluvia no se pudo evaluar" in output["diagnostico"]["nota"]


def test_synthetic_data_is_marked_in_the_output() -> None:
    synthetic = Reading(-1, "Iquiuca", NOW - 60, nivel=1.5, humedad=40.0, synthetic=True)
    output = diagnose([synthetic])
    assert output["datos_sinteticos"] is True and "sintéticos" in output["aviso"]
    assert "datos_sinteticos" not in diagnose([reading(1, 0.1)])


def test_takes_no_arguments() -> None:
    repo = InMemoryMeasurementRepository()
    output = run(diagnostico_tool(repo, FakeWeather(), clock=lambda: NOW), estacion="Iquiuca")
    assert output == {"error": "invalid arguments: arguments.estacion is not a known parameter"}


def test_a_newer_record_without_level_does_not_hide_the_tank_level() -> None:
    tank = reading(1, 2 / 60, nivel=0.40, humedad=None)
    other = reading(2, 1 / 60, nivel=None, humedad=20.0)
    output = diagnose([tank, other])
    assert output["diagnostico"]["conclusion"] == "Condición crítica"
    analysis = output["diagnostico"]["analisis"]
    assert any("Nivel de agua bajo: 0.40 m" in line for line in analysis)
    assert any("Humedad del aire baja: 20.0 %" in line for line in analysis)
    sensors = output["sensores"]
    assert (sensors["nivel"], sensors["humedad"]) == (0.40, 20.0)
    assert sensors["fechas"]["nivel"]["antiguedad"] == "hace 2 minutos"
    assert sensors["fechas"]["humedad"]["antiguedad"] == "hace 1 minuto"
    assert sensors["antiguedad"] == "hace 2 minutos"


def test_an_old_level_makes_the_data_stale_even_if_humidity_is_fresh() -> None:
    output = diagnose([reading(1, 20, nivel=0.5, humedad=None), reading(2, 0.1, nivel=None, humedad=45.0)])
    assert output["sensores"]["nivel"] == 0.5
    assert output["datos_desactualizados"] is True
    assert "nivel" in output["advertencia"]


def test_unknown_rain_on_every_day_is_not_judged() -> None:
    output = diagnose([reading(1, 0.1, nivel=0.5)], rain=(None, None, None))
    verdict = output["diagnostico"]
    assert not any("lluvia" in line for line in verdict["analisis"])
    assert verdict["conclusion"] == "Condición moderada"
    assert "lluvia no se pudo evaluar" in verdict["nota"]
    assert output["pronostico"]["dias_con_lluvia"] is None
    assert [d["lluvia_prob"] for d in output["pronostico"]["detalle"]] == [None, None, None]


def test_unknown_rain_days_are_skipped_when_others_are_known() -> None:
    rainy = diagnose([reading(1, 0.1, nivel=0.5)], rain=(None, 70.0, None))
    assert rainy["pronostico"]["dias_con_lluvia"] == 1
    assert rainy["diagnostico"]["conclusion"] == "Condición moderada"
    dry = diagnose([reading(1, 0.1, nivel=0.5)], rain=(None, 10.0, None))
    assert dry["pronostico"]["dias_con_lluvia"] == 0
    assert "sin dato" in dry["diagnostico"]["nota"]


def test_the_offline_writers_show_unknown_rain_as_sin_dato() -> None:
    output = diagnose([reading(1, 0.1, nivel=0.5)], rain=(None, None, None))
    text = write_diagnostico(output, "¿diagnóstico?").text
    assert "sin dato" in text and "no se pudo evaluar" in text
    partial = write_diagnostico(diagnose([reading(1, 0.1)], rain=(None, 70.0, None)), "?").text
    assert "1 de 3 días" in partial and "2026-01-15: sin dato" in partial
    clima = run(clima_tool(FakeWeather({"Mamiña": sample_report("Mamiña", (None, 30.0))})), location="Mamiña")
    assert clima["forecast"][0]["daily_chance_of_rain"] is None
    assert "probabilidad de lluvia sin dato" in write_clima(clima, "¿clima?").text
