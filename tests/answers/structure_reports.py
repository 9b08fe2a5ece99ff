"""Invented lab reports for the questions about a report's structure, shaped like the organisation's.

The large report is larger than one search returns (ten tables of eleven
points and five campaigns), a point is only in the last table and a campaign
only in another one: a list made from the cells a search happened to return
would miss them. The small one's text gives its campaigns' days.
"""

from __future__ import annotations

from tests.answers.documents import docx_bytes
from tests.answers.lab_report import Table, lab_report

NAME = "informe_caquena.docx"
POINTS = (
    ("M1", "Caquena Captación"),
    ("M2", "Caquena Estanque"),
    ("M3", "Caquena Sede Social"),
    ("M4", "Caquena Escuela"),
    ("M5", "Caquena Iglesia"),
    ("M6", "Chujlluta Bofedal"),
    ("M7", "Chujlluta Vertiente"),
    ("M8", "Chujlluta Cancha"),
    ("M9", "Chujlluta Copa"),
    ("M10", "Chujlluta Casa Pérez"),
)
LATE_POINT = ("M11", "Chujlluta Pozo Nuevo")
CAMPAIGNS = ("Marzo 2022", "Agosto 2022", "Enero 2023", "Julio 2023")
LATE_CAMPAIGN = "Noviembre 2023"
# parameter as the header names it, unit, limit in the caption
PARAMETERS = (
    ("Arsénico", "mg/L", "0,01 mg/L"),
    ("Boro", "mg/L", "2,4 mg/L"),
    ("Fluoruro", "mg/L", "1,5 mg/L"),
    ("Sulfato", "mg/L", "500 mg/L"),
    ("Nitrato", "mg/L", "50 mg/L"),
    ("Hierro", "mg/L", "0,3 mg/L"),
    ("Manganeso", "mg/L", "0,1 mg/L"),
    ("Conductividad", "µS/cm", ""),
    ("Cobre", "mg/L", "2 mg/L"),
    ("Zinc", "mg/L", "3 mg/L"),
)


def _values(table: int, points: int, campaigns: int) -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(f"0,{(table * 7 + point * 3 + campaign) % 90 + 10:02d}" for campaign in range(campaigns))
        for point in range(points)
    )


def _table(number: int, parameter: str, unit: str, limit: str) -> Table:
    caption = f"Tabla {number + 2}: {parameter} presente en muestras de agua."
    caption += f" Límite máximo permitido: {limit}" if limit else ""
    points = (*POINTS, LATE_POINT) if parameter == "Zinc" else None
    campaigns = (*CAMPAIGNS, LATE_CAMPAIGN) if parameter == "Cobre" else None
    shape = (len(points or POINTS), len(campaigns or CAMPAIGNS))
    return Table(
        caption, f"{parameter} [{unit}]", _values(number, *shape), points=points, campaigns=campaigns
    )


REPORT = lab_report(
    "Informe de análisis de agua potable, localidades de Caquena y Chujlluta",
    POINTS,
    CAMPAIGNS,
    [_table(n, *p) for n, p in enumerate(PARAMETERS)],
)

SMALL_NAME = "informe_parca.docx"
SMALL_POINTS = (("PA-01", "Parca Captación"), ("PA-02", "Parca Copa"), ("PA-03", "Parca Iglesia"))
SMALL = lab_report(
    "Informe de calidad del agua del APR Parca. Las muestras se tomaron el 14 de febrero de 2021"
    " y el 5 de octubre de 2021, en tres puntos de la red.",
    SMALL_POINTS,
    ("Febrero 2021", "Octubre 2021"),
    [
        Table(
            "Tabla 2: Plomo presente en muestras de agua. Límite máximo permitido: 0,01 mg/L",
            "Plomo [mg/L]",
            (("0,004", "0,006"), ("<0,001", "0,002"), ("0,011*", "0,009")),
        ),
        Table(
            "Tabla 3: Cloro libre residual en muestras de agua. Rango permitido: 0,2 a 2,0 mg/L",
            "Cloro libre [mg/L]",
            (("0,5", "0,7"), ("0,3", "0,4"), ("0,2", "0,6")),
            doubled=None,
        ),
    ],
)
PROSE_ONLY = docx_bytes(
    "Acta de la asamblea del comité de agua potable.",
    "La directiva se reúne el primer lunes de cada mes en la sede.",
    "La cuota mensual es de 5.000 pesos por arranque.",
)
