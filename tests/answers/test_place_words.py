"""A place named with the committee's word («el colegio», «el consultorio») is the row of that place."""

from __future__ import annotations

import pytest

from tests.answers.documents import chat_over, docx_bytes
from tests.answers.lab_report import Table, lab_report

POINTS = (
    ("S1", "Socoroma Escuela"),
    ("S2", "Socoroma Posta"),
    ("S3", "Socoroma Iglesia"),
    ("S4", "Socoroma Plaza"),
)
REPORT = lab_report(
    "Informe de ensayo del agua de Socoroma",
    POINTS,
    ("Mayo 2023", "Diciembre 2023"),
    [
        Table(
            "Tabla 3: Zinc presente en muestras de agua. Límite máximo permitido: 3 mg/L",
            "Zinc [mg/L]",
            (("0,110", "0,121"), ("0,230", "0,244"), ("0,310", "0,327"), ("0,450", "0,468")),
        )
    ],
)


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("cuanto zinc salio en el colegio en mayo 2023", "0,110"),
        ("zinc del liceo dic 2023", "0,121"),
        ("cuanto zinc tenia el consultorio en mayo del 2023", "0,230"),
        ("y en la capilla en diciembre 2023 cuanto zinc", "0,327"),
    ],
)
def test_a_place_named_with_another_word_is_its_row(asked: str, expected: str) -> None:
    answer = chat_over({"informe.docx": REPORT}).ask(asked).content
    assert expected in answer, answer


COMPOUNDS = lab_report(
    "Informe de ensayo del agua de Socoroma",
    (("S1", "Socoroma Multicancha"), ("S2", "Socoroma Contraestanque"), ("S3", "Socoroma Sede")),
    ("Mayo 2023", "Diciembre 2023"),
    [
        Table(
            "Tabla 3: Zinc presente en muestras de agua. Límite máximo permitido: 3 mg/L",
            "Zinc [mg/L]",
            (("0,110", "0,121"), ("0,230", "0,244"), ("0,310", "0,327")),
        )
    ],
)


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("cuanto zinc salio en la cancha en mayo 2023", "0,110"),
        ("zinc de las canchas dic 2023", "0,121"),
        ("y en el tanque en diciembre 2023 cuanto zinc", "0,244"),
    ],
)
def test_a_place_named_by_the_head_of_its_compound_name_is_its_row(asked: str, expected: str) -> None:
    answer = chat_over({"informe.docx": COMPOUNDS}).ask(asked).content
    assert expected in answer, answer


def test_a_short_word_inside_a_longer_name_is_not_that_place() -> None:
    answer = chat_over({"informe.docx": COMPOUNDS}).ask("cuanto zinc salio en la sed en mayo 2023").content
    assert "0,110" not in answer and "0,230" not in answer, answer


MANUAL = docx_bytes(
    "Manual de la estación de Socoroma",
    "2. Equipos y sus luces",
    "Concentrador: recibe las mediciones y las envía por la red celular.",
    "Verde: enviando datos",
    "Sin luz: sin energía, revisar el fusible del panel",
    "Caja del sensor: protege el sensor de nivel.",
    "Verde: batería cargada",
    "Sin luz: en reposo entre mediciones (normal)",
)


@pytest.mark.parametrize(
    ("asked", "expected", "other"),
    [
        ("el concentrador no tiene ninguna lucecita prendida", "revisar el fusible", "en reposo"),
        ("la caja del sensor no tiene ninguna luz encendida, es normal?", "en reposo", "revisar el fusible"),
    ],
)
def test_no_light_on_is_the_components_dark_line(asked: str, expected: str, other: str) -> None:
    answer = chat_over({"manual.docx": MANUAL}).ask(asked).content
    assert expected in answer and other not in answer, answer


@pytest.mark.parametrize("judged", ["es mucha?", "esa es mucha?", "es harta?"])
def test_a_feminine_is_it_a_lot_compares_with_the_limit(judged: str) -> None:
    chat = chat_over({"informe.docx": REPORT})
    chat.ask("cuanto zinc salio en la posta en mayo 2023")
    answer = chat.ask(judged).content
    assert "0,230" in answer and "3 mg/L" in answer and "ningún punto" not in answer, answer


NOTED = lab_report(
    "Informe de ensayo del agua de Socoroma",
    POINTS,
    ("Mayo 2023", "Diciembre 2023"),
    [
        Table(
            "Tabla 5: Arsénico presente en muestras de agua. Límite máximo permitido: 0,01 mg/L",
            "Arsénico [mg/L]",
            (("0,004", "<0,001"), ("0,018*", "0,016*"), ("-", "0,007"), ("0,005", "0,006")),
            (
                "Nota: (*) Valor que excede el límite de la norma. (-) Muestra no tomada. "
                "(<) Bajo el límite de detección.",
            ),
        )
    ],
)


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("que significa la estrellita en los resultados del informe", "excede el límite"),
        ("q quiere decir el asterisco en las tablas", "excede el límite"),
        ("que significa el guion en la tabla", "no tomada"),
        ("que quiere decir cuando un valor sale con el signo menor", "detección"),
    ],
)
def test_a_mark_is_explained_by_the_note_without_naming_a_parameter(asked: str, expected: str) -> None:
    answer = chat_over({"informe.docx": NOTED}).ask(asked).content
    assert expected in answer, answer


RANGED = lab_report(
    "Informe de ensayo del agua de Socoroma",
    POINTS,
    ("Mayo 2023", "Diciembre 2023"),
    [
        Table(
            "Tabla 7: pH de las muestras de agua. Rango permitido: 6,5 a 8,5",
            "pH",
            (("7,10", "7,32"), ("8,90*", "8,71*"), ("6,20*", "6,90"), ("7,50", "7,45")),
        )
    ],
)


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        (("ph de la escuela en mayo 2023", "esta dentro de lo normal"), ("Sí", "7,10", "dentro del rango")),
        (("ph de la posta dic 2023", "esta fuera del rango?"), ("Sí", "8,71", "fuera del rango")),
        (("el ph de la iglesia en mayo 2023 esta dentro del rango?",), ("No", "6,20", "fuera del rango")),
    ],
)
def test_a_range_limit_is_compared_from_both_ends(turns: tuple[str, ...], expected: tuple[str, ...]) -> None:
    chat = chat_over({"informe.docx": RANGED})
    answer = [chat.ask(turn).content for turn in turns][-1]
    assert all(part in answer for part in expected), answer


END_OF_LINE = lab_report(
    "Informe de ensayo del agua de Socoroma",
    (("S1", "Socoroma Escuela"), ("S2", "Socoroma Última Vivienda"), ("S3", "Socoroma Plaza")),
    ("Marzo 2022", "Junio 2023"),
    [
        Table(
            "Tabla 2: Cobre presente en muestras de agua. Límite máximo permitido: 2 mg/L",
            "Cobre [mg/L]",
            (("0,081", "0,093"), ("0,145", "0,162"), ("0,057", "0,066")),
        )
    ],
)


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("cuanto cobre tenia la ultima casa en marzo 2022", "0,145"),
        ("cobre en la ultima vivienda en junio 2023", "0,162"),
        ("cobre en la plaza en el ultimo muestreo", "0,066"),
    ],
)
def test_the_last_house_is_a_point_and_the_last_sampling_a_campaign(asked: str, expected: str) -> None:
    answer = chat_over({"informe_socoroma.docx": END_OF_LINE}).ask(asked).content
    assert expected in answer, answer


@pytest.mark.parametrize(
    ("asked", "expected"),
    [("zinc de la psota en mayo 2023", "0,230"), ("cuanto zinc en la palza en mayo 2023", "0,450")],
)
def test_a_place_with_two_letters_swapped_is_that_place(asked: str, expected: str) -> None:
    answer = chat_over({"informe_socoroma.docx": REPORT}).ask(asked).content
    assert expected in answer, answer
