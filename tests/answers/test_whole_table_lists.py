"""A list over a whole campaign of a big table names every point over the limit, not the first ranked.

The organisation's reports have a dozen points and six or seven campaigns per
table (one of them doubled by a merge): more cells than a short search brings.
"""

from __future__ import annotations

import pytest

from tests.answers.documents import chat_over
from tests.answers.lab_report import Table, lab_report

NAMES = (
    "Plaza",
    "Sede",
    "Pozo",
    "Copa",
    "Cancha",
    "Posta",
    "Escuela",
    "Iglesia",
    "Vertiente",
    "Bodega",
    "Huerto",
    "Feria",
)
POINTS = tuple((f"M{n}", f"Chapiquiña {name}") for n, name in enumerate(NAMES, start=1))
CAMPAIGNS = ("Abril 2021", "Octubre 2021", "Mayo 2022", "Noviembre 2022", "Junio 2023", "Diciembre 2023")
# Over the limit (0,01 mg/L) in the latest campaign: Pozo, Cancha, Bodega and Feria (marked).
OVER = {3, 5, 10, 12}
ARSENIC = tuple(
    tuple(
        f"0,0{row:02d}{campaign}*" if campaign == 6 and row in OVER else f"0,00{row % 9}{campaign}"
        for campaign in range(1, 7)
    )
    for row in range(1, 13)
)
REPORT = lab_report(
    "Informe de ensayo del agua de Chapiquiña",
    POINTS,
    CAMPAIGNS,
    [
        Table(
            "Tabla 1: Arsénico presente en muestras de agua. Límite máximo permitido: 0,01 mg/L",
            "Arsénico [mg/L]",
            ARSENIC,
            notes=("* Valor que supera el límite máximo permitido.",),
        ),
        Table(
            "Tabla 2: Boro presente en muestras de agua. Valor máximo NCh 409: 2,4 mg/L",
            "Boro [mg/L]",
            tuple(tuple(f"1,{row:02d}{campaign}" for campaign in range(1, 7)) for row in range(1, 13)),
        ),
        Table(
            "Tabla 3: Nitrato presente en muestras de agua. Norma: 50 mg/L",
            "Nitrato [mg/L]",
            tuple(tuple(f"2{row:02d},{campaign}" for campaign in range(1, 7)) for row in range(1, 13)),
        ),
    ],
)


@pytest.mark.parametrize(
    "turns",
    [
        ("en q lugares el arsenico paso la norma en el ultimo muestreo",),
        ("en que puntos se paso el arsenico en mayo 2022", "y en el ultimo muestreo?"),
        ("donde supero la norma el arsenico en diciembre 2023",),
    ],
)
def test_every_point_over_the_limit_in_the_latest_campaign_is_listed(turns: tuple[str, ...]) -> None:
    chat = chat_over({"informe_chapiquina.docx": REPORT})
    answer = [chat.ask(turn).content for turn in turns][-1]
    for row in sorted(OVER):
        assert f"Chapiquiña {NAMES[row - 1]}" in answer, answer
    assert "4 de 12" in answer, answer
