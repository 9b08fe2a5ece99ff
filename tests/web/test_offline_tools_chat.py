"""Questions through /chat on the offline gateway, with the real tools wired."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
import requests
from flask.testing import FlaskClient

from botk_adapters.memory.measurements import InMemoryMeasurementRepository
from botk_adapters.memory.weather import FakeWeather, sample_report
from botk_adapters.weather import JsonGetter, OpenMeteoWeather
from botk_web import Settings, create_app
from tests.tools.helpers import NOW, reading, week

WEATHER = FakeWeather(
    {
        "Mamiña": sample_report("Mamiña", rain=(10.0, 55.0, 0.0)),
        "Iquiuca": sample_report("Iquiuca"),
    }
)
TOOL_NAMES = ("get_clima", "get_promedio", "diagnostico_hidrico_integrado", "search_documents")


def client_for(tmp_path: Path, weather: Any = WEATHER, **overrides: Any) -> tuple[FlaskClient, str]:
    settings = Settings(
        database_path=str(tmp_path / "b.sqlite3"),
        reports_dir=str(tmp_path / "reports"),
        stations=overrides.pop("stations", ""),
    )
    app = create_app(settings, weather=weather, clock=lambda: NOW, **overrides)
    client = app.test_client()
    return client, client.get("/start").get_json()["thread_id"]


def ask(client: FlaskClient, thread_id: str, message: str) -> str:
    response = client.post("/chat", data={"thread_id": thread_id, "message": message})
    assert response.status_code == 200, response.get_data(as_text=True)
    text = str(response.get_json()["response"])
    assert not any(name in text for name in TOOL_NAMES), text
    return text


@pytest.fixture
def real(tmp_path: Path) -> tuple[FlaskClient, str]:
    readings = [
        reading(1, 30, nivel=1.10, humedad=35.0, temperatura=20.0),
        reading(2, 3, nivel=0.92, humedad=28.0, temperatura=26.0),
        reading(3, 2, nivel=0.90, humedad=27.5, temperatura=27.5),
    ]
    return client_for(tmp_path, measurements=InMemoryMeasurementRepository(readings))


def test_water_this_week_gives_the_diagnosis_with_numbers_reasons_and_age(real) -> None:
    answer = ask(*real, "¿cómo está el agua esta semana?")
    assert "Diagnóstico hídrico de Iquiuca: Condición crítica." in answer
    assert "Recomendación: racionar el agua: el nivel (0,90 m) está bajo el umbral de 1,0 m" in answer
    assert (
        "Últimos valores válidos: nivel del estanque 0,90 m, humedad 27,5 %, temperatura 27,5 °C "
        "(hace 2 horas, el 15 de enero de 2026 a las 10:00)." in answer
    )
    assert "Nivel de agua bajo: 0,90 m" in answer and "Humedad del aire baja: 27,5 %" in answer
    assert "Pronóstico en Mamiña: 1 de 3 días con lluvia probable" in answer
    assert "sintéticos" not in answer


def test_temperature_in_mamina_gives_the_weather(real) -> None:
    answer = ask(*real, "¿qué temperatura hace en Mamiña?")
    assert answer.startswith("Clima en Mamiña ahora: 26,5 °C, humedad 35 %, despejado (de día).")
    assert "- 16 de enero: máxima 29,0 °C, mínima 12,0 °C, probabilidad de lluvia 55 %" in answer


def test_tank_average_in_iquiuca(real) -> None:
    answer = ask(*real, "promedio del estanque en Iquiuca")
    assert "Promedios de la estación Iquiuca (3 lecturas, del 14 al 15 de enero de 2026):" in answer
    assert "temperatura 24,50 °C, humedad 30,17 %, nivel del estanque 0,97 m." in answer


def test_seasonal_averages(real) -> None:
    answer = ask(*real, "promedios por estación del año")
    assert "Promedios por estación del año (todas las estaciones de sensores):" in answer
    assert "- Verano: temperatura 24,50 °C, humedad 30,17 %, nivel del estanque 0,97 m (3 lecturas)" in answer


def test_setting_the_title_edits_the_report(real) -> None:
    client, thread_id = real
    answer = ask(client, thread_id, "pon como título: Informe Macaya")
    assert answer.startswith("Listo: actualicé la sección TITLE del informe")
    tex = client.get(f"/threads/{thread_id}/report.tex").get_data(as_text=True)
    assert "% @begin TITLE\nInforme Macaya\n% @end TITLE" in tex


def test_synthetic_data_is_loaded_when_empty_and_said_in_every_answer(tmp_path: Path) -> None:
    client, thread_id = client_for(tmp_path)
    for question in (
        "¿cómo está el agua esta semana?",
        "promedio del estanque en Iquiuca",
        "promedios estacionales",
    ):
        assert "Datos sintéticos de demostración: no son mediciones reales." in ask(
            client, thread_id, question
        )


def test_no_readings_says_so(tmp_path: Path) -> None:
    client, thread_id = client_for(tmp_path, measurements=InMemoryMeasurementRepository())
    answer = ask(client, thread_id, "¿cómo está el agua esta semana?")
    assert "No hay lecturas de sensores de la estación Iquiuca; no puedo diagnosticar." in answer


@pytest.fixture
def two_tanks(tmp_path: Path) -> tuple[FlaskClient, str]:
    readings = [
        *week(start_level=1.5, cm_per_day=0.0),
        *week(start_level=0.8, cm_per_day=0.0, station="Cau-Cau", first_id=1000),
    ]
    return client_for(
        tmp_path,
        measurements=InMemoryMeasurementRepository(readings),
        stations="Iquiuca: lugar=Iquiuca; Cau-Cau: nivel_bajo=0.9",
    )


def test_the_tanks_are_every_station_with_data(two_tanks) -> None:
    answer = ask(*two_tanks, "¿cómo están los estanques?")
    assert "Diagnóstico hídrico de Iquiuca: Condición moderada." in answer  # no rain expected there
    assert "Diagnóstico hídrico de Cau-Cau: Condición moderada." in answer  # low, but rain in Mamiña
    assert "Nivel de agua bajo: 0,80 m (umbral 0,9 m)." in answer
    assert "Pronóstico en Iquiuca" in answer and "Pronóstico en Mamiña" in answer


@pytest.mark.parametrize(
    "question", ["¿cómo está el estanque de Cau Cau?", "como esta el estanque de cau-cau hoy"]
)
def test_a_station_named_in_the_question_is_the_one_answered(two_tanks, question: str) -> None:
    answer = ask(*two_tanks, question)
    assert "Diagnóstico hídrico de Cau-Cau" in answer and "Iquiuca:" not in answer
    average = ask(*two_tanks, "promedio del estanque de Cau Cau de los últimos 7 días")
    assert "Promedios de la estación Cau-Cau en los últimos 7 días" in average and "Iquiuca" not in average


def test_an_unknown_station_gets_the_list_of_known_ones(two_tanks) -> None:
    answer = ask(*two_tanks, "¿cómo está el estanque de Pulcha?")
    assert answer.startswith("No hay una estación llamada «Pulcha». Estaciones conocidas: Iquiuca, Cau-Cau.")


class CountingSession(requests.Session):
    """A real HTTP session that counts the requests it sends."""

    calls = 0

    def get(self, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        CountingSession.calls += 1
        return super().get(*args, **kwargs)


def test_offline_weather_is_one_plain_sentence_and_is_not_waited_for_twice(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens here: the service is offline
    getter = JsonGetter(CountingSession(), connect_timeout=0.5, backoff_seconds=0.0)
    url = f"http://127.0.0.1:{port}"
    weather = OpenMeteoWeather(getter, geocoding_url=f"{url}/search", forecast_url=f"{url}/forecast")
    client, thread_id = client_for(
        tmp_path, weather=weather, measurements=InMemoryMeasurementRepository(week())
    )
    first = ask(client, thread_id, "¿qué temperatura hace en Mamiña?")
    assert first.startswith("No pude consultar el pronóstico del tiempo: sin conexión con el servicio.")
    tried = CountingSession.calls
    assert tried == 2  # one retry
    second = ask(client, thread_id, "¿cómo está el agua esta semana?")
    assert (
        "Pronóstico en Mamiña: No pude consultar el pronóstico del tiempo: sin conexión con el servicio."
        in second
    )
    assert "Diagnóstico hídrico de Iquiuca" in second
    ask(client, thread_id, "¿va a llover en Iquiuca?")
    assert CountingSession.calls == tried  # the failure is remembered: nobody waits for it again
