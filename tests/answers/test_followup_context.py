"""Follow-ups keep the right context: the campaign the table has, a place over a typo, the other of a kind."""

from __future__ import annotations

from tests.answers.documents import chat_over, docx_bytes

HEADER = ["Código", "Punto de muestreo", "Abril 2022", "Noviembre 2022", "Septiembre 2023"]
ROWS = [
    ("Q1", "Pachica Pozo Norte"),
    ("Q2", "Pachica Pozo Sur"),
    ("Q3", "Pachica Copa"),
    ("Q4", "Pachica Barrio Alto"),
]
NITRATE = [["12,5", "14,1", "51,30*"], ["8,20", "-", "9,75"], ["3,10", "4,05", "6,60"], ["22,0", "-", "19,4"]]
CHLORIDE = [
    ["180,2", "190,7", "455,0*"],
    ["96,4", "101,3", "120,8"],
    ["77,0", "80,1", "79,9"],
    ["310", "-", "298"],
]


def _table(values: list[list[str]]) -> list[list[str]]:
    return [HEADER, *[[code, place, *row] for (code, place), row in zip(ROWS, values, strict=True)]]


REPORT = docx_bytes(
    "Informe de calidad de agua de Pachica",
    "Tabla 2: Nitrato en agua de pozo. LMP 50 mg/L",
    _table(NITRATE),
    "Tabla 3: Cloruro en agua de pozo (Norma: 400 mg/L)",
    _table(CHLORIDE),
)
FAQ = docx_bytes(
    "1. ¿Cuándo pasa el camión aljibe?\nEl camión aljibe pasa por el barrio los martes a las 10:00."
)


def _answers(*turns: str) -> list[str]:
    chat = chat_over({"informe_pachica.docx": REPORT, "preguntas_pachica.docx": FAQ})
    return [chat.ask(t).content for t in turns]


def test_a_month_whose_inherited_year_has_no_campaign_takes_the_campaign_the_table_has() -> None:
    month, other, compared = _answers(
        "nitrato en el pozo norte en abril 2022", "y en septiembre?", "y el cloruro?", "eso es mucho?"
    )[1:]
    assert "51,30" in month and "septiembre de 2023" in month and "2022" not in month.split("\n", 1)[1]
    assert "455,0" in other
    assert "455,0" in compared and "400 mg/L" in compared and "sobre" in compared


def test_a_place_one_typo_from_a_parameter_stays_a_place() -> None:
    answer = _answers("nitrato en el pozo sur en abril 2022", "y en el barrio alto?")[-1]
    assert (
        "22,0" in answer and "Barrio Alto" in answer and "bario" not in answer.lower().replace("barrio", "")
    )


def test_a_word_the_documents_do_not_have_as_a_parameter_is_not_read_as_one() -> None:
    answer = _answers("cuando pasa el camion por mi barrio")[-1]
    assert "martes" in answer


def test_the_other_of_a_kind_is_that_row_only() -> None:
    answer = _answers("cloruro en el pozo norte nov 2022", "y en el otro pozo?")[-1]
    assert "101,3" in answer and "Pozo Sur" in answer
    assert not any(other in answer for other in ("Copa", "Barrio Alto", "80,1", "Pozo Norte", "190,7"))


def test_a_question_verb_before_the_place_is_not_taken_for_the_place() -> None:
    for asked in (
        "¿Qué nitrato tuvo el pozo sur en septiembre de 2023?",
        "que cloruro hubo la copa sep 2023",
    ):
        answer = _answers(asked)[-1]
        assert ("9,75" in answer) if "nitrato" in asked else ("79,9" in answer), answer


def test_an_adjective_that_also_asks_stays_part_of_a_place_name() -> None:
    report = docx_bytes(
        "Tabla 2: Sulfato en vertientes. LMP 500 mg/L",
        [
            ["Código", "Punto de muestreo", "Marzo 2024"],
            ["V1", "Mocha Vertiente Alta", "120,5"],
            ["V2", "Mocha Vertiente Baja", "310,8"],
            ["V3", "Mocha Escuela", "98,0"],
            ["V4", "Mocha Plaza", "101,2"],
        ],
    )
    chat = chat_over({"sulfato_mocha.docx": report, "informe_pachica.docx": REPORT})
    low = chat.ask("sulfato vertiente baja marzo 2024").content
    assert "310,8" in low and "120,5" not in low
    other = chat.ask("y en la otra vertiente?").content
    assert "120,5" in other and "310,8" not in other
