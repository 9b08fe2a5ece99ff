"""Words that pick the table, or no table: a parameter of several words with a typo, «bacterias»,
limit words with a typo, a method asked again for another parameter, and a device's upkeep.

Every document is invented here; a figure in an answer must be the asked cell's or the limit's.
"""

from __future__ import annotations

import pytest

from botk_adapters.local.data_turns import DataRouter
from tests.answers.documents import chat_over, docx_bytes
from tests.answers.lab_report import Table, lab_report

POINTS = (("Q1", "Putre Captación"), ("Q2", "Putre Estanque"), ("Q3", "Putre Escuela"))
CAMPAIGNS = ("Mayo 2022", "Diciembre 2022", "Julio 2023")
SOLIDS = [["712", "734", "1.655*"], ["698", "705", "741"], ["815", "1.544*", "828"]]
CHLORINE = [["0,62", "0,48", "0,55"], ["0,71", "0,66", "0,59"], ["0,44", "0,39", "0,51"]]
COLIFORMS = [["<1,8", "<1,8", "<1,8"], ["<1,8", "5,3*", "<1,8"], ["<1,8", "<1,8", "9,4*"]]
REPORT = lab_report(
    "Informe de ensayo del agua de Putre",
    POINTS,
    CAMPAIGNS,
    [
        Table(
            "Tabla 2: Sólidos disueltos totales. Máximo permitido 1.500 mg/L",
            "Sólidos disueltos totales [mg/L]",
            SOLIDS,
        ),
        Table(
            "Tabla 3: Coliformes totales. Límite máximo permitido: <1,8 NMP/100 mL",
            "Coliformes totales [NMP/100 mL]",
            COLIFORMS,
            notes=("* Sobre el límite: el comité aplicó una cloración de refuerzo y repitió la muestra.",),
        ),
        Table("Tabla 4: Cloro libre residual en la red", "Cloro libre [mg/L]", CHLORINE),
    ],
)
METHODS = docx_bytes(
    "Metodología analítica",
    "Los ensayos siguieron métodos normalizados:",
    "Sólidos disueltos totales: gravimetría a 180 °C, método SM 2540 C.",
    "Coliformes totales: fermentación en tubos múltiples, método SM 9221 B.",
    "Los análisis microbiológicos estuvieron a cargo de la microbióloga Ana Quispe Mamani.",
)
MANUAL = docx_bytes(
    "Manual de mantención",
    "6. Mantención periódica",
    [
        ["Tarea", "Frecuencia"],
        ["Calibrar el sensor de cloro residual", "Cada 4 meses"],
        ["Limpiar el panel solar", "Mensual"],
    ],
    "El cloro libre se mide en la red con un sensor.",
)


def _answers(*turns: str) -> list[str]:
    chat = chat_over(
        {"informe_putre.docx": REPORT, "metodos_putre.docx": METHODS, "manual_putre.docx": MANUAL}
    )
    return [chat.ask(turn).content for turn in turns]


@pytest.mark.parametrize(
    "asked",
    [
        "solidos disuletos totales en la escuela en diciembre del 2022",
        "solidos dizueltos en la escuela en dic 2022",
        "cuanto salio de solidos totales disueltos en la escuela dic 2022",
    ],
)
def test_a_parameter_of_several_words_with_a_typo_is_its_table(asked: str) -> None:
    answer = _answers(asked)[0]
    assert "1.544" in answer and "NMP" not in answer, answer


def test_a_parameter_with_a_typo_after_another_parameter_changes_the_table() -> None:
    third = _answers(
        "coliformes en el estanque en diciembre 2022",
        "y en julio",
        "solidos disuletos totales en la escuela en mayo 2022",
    )[2]
    assert "815" in third and "coliformes" not in third, third


@pytest.mark.parametrize("asked", ["supera lo permitdo", "eso sobrepsa el limte?", "esta sobre lo permitio"])
def test_a_limit_question_with_a_typo_compares_the_cell_just_given(asked: str) -> None:
    second = _answers("solidos disueltos en la captacion en julio de 2023", asked)[1]
    assert second.count("1.655") == 1 and "1.500" in second and "Sí" in second, second


@pytest.mark.parametrize(
    "asked",
    [
        "salieron bacterias en el agua del colegio la ultima vez q midieron",
        "habia bacterias en la escuela en julio 2023",
    ],
)
def test_bacteria_in_a_question_about_a_campaign_are_the_coliforms(asked: str) -> None:
    first, second = _answers(asked, "y cuanto es lo maximo q se permite")
    assert "9,4" in first and "Putre Escuela" in first, first
    assert "1,8" in second and "9,4" not in second, second


@pytest.mark.parametrize("again", ["y los coliformes", "y pa las bacterias", "y de los coliformes?"])
def test_a_method_asked_again_for_another_parameter_is_that_parameters_method(again: str) -> None:
    first, second = _answers("con q metodo midieron los solidos disueltos", again)
    assert "2540" in first, first
    assert "9221" in second and "5,3" not in second and "*" not in second, second


@pytest.mark.parametrize(
    "asked",
    [
        "cada cuanto se calibra el sensor de cloro",
        "con que frecuencia hay que calibrar el sensor de cloro",
        "cada cuanto hay que ajustar el sensor del cloro residual",
    ],
)
def test_how_often_to_service_a_device_is_the_manuals_answer(asked: str) -> None:
    answer = _answers(asked)[0]
    assert "4 meses" in answer and "0,5" not in answer and "0,6" not in answer, answer


@pytest.mark.parametrize(
    "asked",
    [
        "y en el sensor del tanque?",
        "y el sensor del estanque",
        "y la caja del sensor?",
        "y en el gateway del pozo",
    ],
)
def test_a_part_of_the_monitoring_system_is_no_station(asked: str) -> None:
    turn = DataRouter().turn(["q significa la luz roja del gateway"], asked)
    assert turn is None or turn.tool is None or "estacion" not in turn.arguments, turn


@pytest.mark.parametrize(
    "asked", ["y el del tanque en julio 2024", "y en el estanque en marzo?", "el tanque en octubre del 2023"]
)
def test_a_month_after_a_tank_is_when_not_which_station(asked: str) -> None:
    turn = DataRouter().turn(["el ph de la escuela en abril del 23 estaba bien"], asked)
    assert turn is None or turn.tool is None or "estacion" not in turn.arguments, turn


def test_a_station_named_after_its_tank_is_still_one() -> None:
    turn = DataRouter().turn([], "como esta el estanque de Cau Cau")
    assert turn is not None and turn.arguments.get("estacion") == "Cau Cau", turn


@pytest.mark.parametrize("asked", ["y q se hizo por eso", "y que hicieron por eso?", "que medidas tomaron"])
def test_what_was_done_about_a_value_is_the_note_under_its_table(asked: str) -> None:
    second = _answers("cuantos coliformes en la escuela en julio 2023", asked)[1]
    assert "cloración de refuerzo" in second, second


@pytest.mark.parametrize(
    "asked",
    ["quien analizo las bacterias", "quien hizo el analisis de las bacterias"],
)
def test_who_looked_at_the_bacteria_is_no_table_question(asked: str) -> None:
    answer = _answers(asked)[0]
    assert "Quispe" in answer and "NMP" not in answer, answer


@pytest.mark.parametrize(
    "asked", ["y cuanto es lo maximo q se permte", "y cual es el maximo permitdo", "y el limte?"]
)
def test_the_limit_asked_with_a_typo_after_a_cell_is_the_tables_limit(asked: str) -> None:
    second = _answers("solidos disueltos en la escuela en mayo 2022", asked)[1]
    assert "1.500" in second and "815" not in second, second
