"""Questions about what happened in the data (an empty tank, a silent station, spikes) get the events
with their dates; a yes/no is never taken from a passage that answers another question."""

from __future__ import annotations

from pathlib import Path

import pytest

from botk_adapters.sensors.legacy_db import load_readings
from tests.sensors.chat import Committee, field_readings
from tests.sensors.legacy_data import make_legacy_db
from tests.sensors.routing import routed

EVENTS = "get_eventos"


@pytest.mark.parametrize(
    "question",
    [
        "estuvo vacio el estanque alguna vez?",
        "¿Estuvo vacío el estanque alguna vez?",
        "ESTUVO VACIO EL ESTANQUE?",
        "estubo vasio el estanque alguna vez",  # two typos
        "cuando estuvo vacio el estanque",
        "¿Cuándo estuvo vacío el estanque?",
        "el estanque se vacio?",
        "¿El estanque se vació?",
        "hubo cortes de agua?",
        "¿Hubo cortes de agua este mes?",
        "¿nos quedamos sin agua alguna vez?",
    ],
)
def test_an_empty_tank_in_the_data_is_asked_to_the_events(question: str) -> None:
    found = routed(question)
    assert found is not None and found[0] == EVENTS and found[1]["tipo"] == "estanque_vacio"


@pytest.mark.parametrize(
    ("question", "kind", "station"),
    [
        ("¿la estación dejó de enviar datos?", "sin_datos", None),
        ("hubo caidas de la estacion de Janchima?", "sin_datos", "Janchima"),
        ("¿Hubo picos en cau cau?", "lecturas_anomalas", "Cau-Cau"),
        ("hubo lecturas raras en pulcha", "lecturas_anomalas", "Pulcha"),
        ("¿qué eventos hubo en Iquiuca?", None, "Iquiuca"),
        ("¿hubo alguna falla del sensor?", None, None),
        ("¿el sensor estuvo pegado?", "lecturas_anomalas", None),
        ("¿Qué pasó con el estanque de Pulcha?", None, "Pulcha"),
    ],
)
def test_other_events_and_their_station(question: str, kind: str | None, station: str | None) -> None:
    expected = {**({"tipo": kind} if kind else {}), **({"estacion": station} if station else {})}
    assert routed(question) == (EVENTS, expected)


@pytest.mark.parametrize(
    "question",
    [
        "¿una lectura vacía significa que el estanque está vacío?",
        "¿qué hago si el estanque está vacío?",
        "¿por qué se vacía el estanque?",
        "¿qué pasa si el sensor da una lectura vacía?",
        "¿cómo detectar una falla en la red?",
        "¿qué hago si el sensor falla?",
    ],
)
def test_what_an_empty_reading_means_is_still_a_document_question(question: str) -> None:
    assert routed(question) is None


@pytest.fixture
def one_station(tmp_path: Path, sample_documents: Path) -> Committee:
    readings = load_readings(str(make_legacy_db(tmp_path / "data.db").path)).readings
    return Committee(tmp_path, readings, documents=sample_documents)


@pytest.mark.parametrize(
    "question", ["estuvo vacio el estanque alguna vez?", "el estanque se vacio?", "hubo cortes de agua?"]
)
def test_the_empty_tank_is_reported_with_its_date_never_a_document_no(one_station, question) -> None:
    answer = one_station.ask(question)
    assert answer.startswith("Sí.\nEn los datos de Iquiuca (del 1 al 30 de abril de 2023):\n")
    assert "- El estanque estuvo vacío 4 horas (el 12 de abril de 2023, de 02:1" in answer
    assert "Fuente:" not in answer


def test_when_asks_for_the_dates_without_a_yes_or_no(one_station) -> None:
    answer = one_station.ask("¿Cuándo estuvo vacío el estanque?")
    assert answer.startswith("En los datos de Iquiuca")
    assert "estuvo vacío 4 horas (el 12 de abril de 2023" in answer


def test_each_station_answers_for_itself(tmp_path: Path) -> None:
    chat = Committee(tmp_path, field_readings(tmp_path))
    answer = chat.ask("¿estuvo vacío el estanque alguna vez?")
    assert answer.startswith("Sí, en 1 de 6 estaciones.\nEn los datos de Iquiuca")
    assert "En los datos de Cau-Cau, Cementerios, Janchima, Pulcha y Puquios los estanques nunca" in answer
    janchima = chat.ask("¿estuvo vacío el estanque de Janchima?")
    assert janchima.startswith(
        "No.\nEn los datos de Janchima (del 8 al 15 de enero de 2026) el estanque nunca"
    )
    spikes = chat.ask("¿hubo picos en Cau Cau?")
    assert spikes.startswith("Sí.\nEn los datos de Cau-Cau")
    assert "- 1 pico aislado de nivel el 12 de enero de 2026 a las 00:05." in spikes
    silent = chat.ask("¿la estación de Iquiuca dejó de enviar datos?")
    # Its data ends in April 2023: it has been silent since then, which is said first.
    assert silent.startswith("Sí.\nIquiuca no envía datos desde el 30 de abril de 2023 a las ")
    assert silent.endswith("(hace 2 años).")
    assert "nunca" not in silent


def test_a_yes_or_no_comes_only_from_the_passage_that_asks_the_same(one_station) -> None:
    own = one_station.ask("¿Una lectura vacía significa que el estanque está vacío?")
    assert own.startswith("No. Una lectura vacía significa que ese dato no llegó.")
    other = one_station.ask("según la guía, ¿estuvo vacío alguna vez el estanque?")
    assert not other.startswith(("No.", "Sí.", "No,", "Sí,")), other
