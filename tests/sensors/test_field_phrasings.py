"""Questions about the tanks as the committee writes them reach the data: no accents, typos, q/xq/pa.

Each family holds several wordings; the documents keep what is theirs (how a tank
is built or washed, what a light means, what the manual says).
"""

from __future__ import annotations

import pytest

from tests.sensors.routing import routed

DIAGNOSIS, AVERAGE = "diagnostico_hidrico_integrado", "get_promedio"


@pytest.mark.parametrize(
    "question",
    [
        "estado de todos los tanques",
        "estado de los estanques",
        "cual es el estado de los tanques",
        "como estan todos los estanques",
        "como andan los tanques",
        "q tal los estanques",
        "situacion de los estanques",
        "cmo estamos de agua",  # a letter missing
        "como estamos de agua",
        "hay suficiente agua en los estanques?",
        "q recomiendas hacer con el agua",
    ],
)
def test_the_state_of_every_tank(question: str) -> None:
    assert routed(question) == (DIAGNOSIS, {})


@pytest.mark.parametrize(
    ("question", "station"),
    [
        ("estado del estanque de pulcha", "Pulcha"),
        ("q tal el estanque de janchima", "Janchima"),
        ("que tal el tanque de cau cau", "Cau-Cau"),
        ("como sigue el estanque de pulcha", "Pulcha"),
        ("cmo esta el estanque de pulcha", "Pulcha"),
        ("q recomiendas hacer con el agua de pulcha", "Pulcha"),
        ("que me recomiendas para el tanque de janchima", "Janchima"),
        ("q hago con el estanque de pulcha", "Pulcha"),
        ("el sensor de pulcha esta funcionando?", "Pulcha"),
        ("el sensor de janchima funciona?", "Janchima"),
        ("esta funcionando la estacion de cau cau", "Cau-Cau"),
        ("el sensor de iquiuca sigue enviando datos?", "Iquiuca"),
        ("cuanod fue el ultimo dato de pulcha", "Pulcha"),  # two letters swapped
    ],
)
def test_the_state_of_one_tank(question: str, station: str) -> None:
    assert routed(question) == (DIAGNOSIS, {"estacion": station})


@pytest.mark.parametrize(
    "question",
    [
        "tenemos q racionar?",
        "hay q racionar el agua?",
        "debemos racionar",
        "abrimos la llave pa los cultivos o esperamos?",
        "abro la llave o no",
        "cierro la llave del estanque?",
        "hay q cuidar el agua esta semana?",
        "cuidamos el agua esta semana?",
        "q hacemos, guardamos o soltamos",
        "guardamos o soltamos",
        "guardamos o no?",
        "soltamos o esperamos",
        "liberamos agua o la guardamos",
        "nos alcanza el agua?",
        "va a alcanzar el agua?",
    ],
)
def test_a_decision_about_the_water_in_any_words(question: str) -> None:
    assert routed(question) == (DIAGNOSIS, {})


@pytest.mark.parametrize(
    "question",
    [
        "que cuidados necesita el estanque",
        "como se lava el estanque",
        "como esta hecho el estanque",
        "cada cuanto se limpian los estanques",
        "como funciona el sensor",
        "que significa la luz roja del sensor",
        "como guardamos el agua o la reutilizamos",
        "cuanto se ahorra o gasta con riego por goteo",
        "guardar o soltar segun el manual",
    ],
)
def test_what_the_documents_hold_stays_with_the_documents(question: str) -> None:
    assert routed(question) is None


@pytest.mark.parametrize(
    ("question", "arguments"),
    [
        ("promedio de pica", {"estacion": "pica"}),
        ("cual es el promedio de huara", {"estacion": "huara"}),
        ("promedio de la estacion huara", {"estacion": "huara"}),
        ("promedio del estanque de la escuela", {"estacion": "escuela"}),
        ("promedio de temperatura de pica", {"estacion": "pica", "campos": ["temperatura"]}),
        ("promedio de nivel de chusmiza", {"estacion": "chusmiza", "campos": ["nivel"]}),
        ("nivel promedio de pica ultimos 7 dias", {"estacion": "pica", "dias": 7, "campos": ["nivel"]}),
        (
            "cual fue la humedad promedio en Pozo Almonte en marzo del 2023",
            {"estacion": "Pozo Almonte", "desde": "2023-03-01", "hasta": "2023-03-31", "campos": ["humedad"]},
        ),
    ],
)
def test_an_unknown_station_in_an_average_is_passed_on_never_dropped(
    question: str, arguments: dict[str, object]
) -> None:
    # The tool answers a name it does not know with the list of known stations.
    assert routed(question) == (AVERAGE, arguments)


@pytest.mark.parametrize(
    "question",
    [
        "promedio de la humedad",
        "promedio de los sensores",
        "promedio de todas las estaciones",
        "promedio general",
    ],
)
def test_words_about_readings_are_no_station(question: str) -> None:
    found = routed(question)
    assert found is not None and found[1]["estacion"] == "todas"


@pytest.mark.parametrize(
    ("question", "arguments"),
    [
        ("q tiempo va a hacer en mamiña", {"location": "Mamiña"}),
        ("q tiempo hace en mamina", {"location": "Mamiña"}),
        ("como va a estar el clima en macaya", {"location": "Macaya"}),
        ("el tiempo pa mañana en pulcha", {"location": "Pulcha"}),
        ("cuanta temperatura hace en pozo almonte", {"location": "pozo almonte"}),
        ("y en pica va a llover?", {"location": "pica"}),
        ("clima en huara", {"location": "huara"}),
        ("pronostico pa pica", {"location": "pica"}),
        ("va a llover en la semana", {}),
        ("clima de hoy", {}),
        ("que tiempo hara mañana", {}),
        ("va a estar nublado mañana?", {}),
        ("hara frio esta semana?", {}),
        ("va a hacer calor?", {}),
        ("q temperatura va a hacer mañana", {}),
        ("va a helar?", {}),
    ],
)
def test_the_weather_in_any_words(question: str, arguments: dict[str, str]) -> None:
    assert routed(question) == ("get_clima", arguments)


@pytest.mark.parametrize(
    "question", ["que temperatura tiene el estanque de pulcha", "cual es la temperatura del agua en pulcha"]
)
def test_the_temperature_of_a_tank_is_its_reading_not_the_weather(question: str) -> None:
    assert routed(question) == (DIAGNOSIS, {"estacion": "Pulcha"})


@pytest.mark.parametrize(
    "question",
    ["que eventos hubo en pulcha", "que paso con el estanque de pulcha", "q problemas hubo en pulcha"],
)
def test_what_happened_at_a_station_lists_its_events(question: str) -> None:
    assert routed(question) == ("get_eventos", {"estacion": "Pulcha"})
