"""The five issue phrases through /chat on the offline gateway, with the real tools wired."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from botk_adapters.memory.measurements import InMemoryMeasurementRepository
from botk_adapters.memory.weather import FakeWeather, sample_report
from botk_web import Settings, create_app
from tests.tools.helpers import NOW, reading

WEATHER = FakeWeather(
    {
        "Mamiña": sample_report("Mamiña", rain=(10.0, 55.0, 0.0)),
        "Iquiuca": sample_report("Iquiuca"),
    }
)


def client_for(tmp_path: Path, **overrides: object) -> tuple[FlaskClient, str]:
    settings = Settings(database_path=str(tmp_path / "b.sqlite3"), reports_dir=str(tmp_path / "reports"))
    app = create_app(settings, weather=WEATHER, clock=lambda: NOW, **overrides)
    client = app.test_client()
    return client, client.get("/start").get_json()["thread_id"]


def ask(client: FlaskClient, thread_id: str, message: str) -> str:
    response = client.post("/chat", data={"thread_id": thread_id, "message": message})
    assert response.status_code == 200, response.get_data(as_text=True)
    return str(response.get_json()["response"])


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
    assert (
        "Última lectura (15-01-2026 10:00, hace 2 horas): nivel del estanque 0,90 m, humedad 27,5 %" in answer
    )
    assert "Nivel de agua bajo: 0.90 m" in answer and "Humedad del aire baja: 27.5 %" in answer
    assert "Pronóstico en Mamiña: 1 de 3 días con lluvia probable" in answer
    assert "sintéticos" not in answer


def test_temperature_in_mamina_gives_the_weather(real) -> None:
    answer = ask(*real, "¿qué temperatura hace en Mamiña?")
    assert answer.startswith("Clima en Mamiña ahora: 26,5 °C, humedad 35 %, despejado (de día).")
    assert "- 2026-01-16: máxima 29,0 °C, mínima 12,0 °C, probabilidad de lluvia 55 %" in answer


def test_tank_average_in_iquiuca(real) -> None:
    answer = ask(*real, "promedio del estanque en Iquiuca")
    assert (
        "Promedios de la estación Iquiuca (3 lecturas, del 14-01-2026 06:00 al 15-01-2026 10:00):" in answer
    )
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
    assert client.get("/readTextFile", query_string={"thread_id": thread_id}).get_json()["response"] == tex


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
