"""Legal limits in the wordings lab reports use; a detection limit or a bare norm is not one."""

from __future__ import annotations

import pytest

from botk_core.limits import find_limit


@pytest.mark.parametrize(
    ("text", "stated", "number"),
    [
        ("Tabla 4: Boro disuelto (Decreto 735, máximo 2,4 mg/L)", "2,4 mg/L", 2.4),
        ("Tabla 5. Cromo total. LMP 0,05 mg/L", "0,05 mg/L", 0.05),
        ("Tabla 6 - Cloruro en agua cruda. Norma: 400 mg/L", "400 mg/L", 400.0),
        ("Selenio en red de distribución (NCh 409/1: 0,01 mg/L)", "0,01 mg/L", 0.01),
        ("Aluminio, valor límite 0,2 mg/L", "0,2 mg/L", 0.2),
        ("Bario total — Límite máximo permitido (NCh 409/1 Of. 2005) = 0,7 mg/L", "0,7 mg/L", 0.7),
        ("Turbiedad, máx. 4 UNT", "4 UNT", 4.0),
        ("Cloro libre: mínimo 0,2 y máximo 2,0 mg/L", "2,0 mg/L", 2.0),
        ("Dureza total. Límite máximo: 1.500,0 mg/L CaCO3", "1.500,0 mg/L", 1500.0),
        ("pH de terreno (límite entre 6,5 y 8,5)", "entre 6,5 y 8,5", None),
        ("Nota: el límite de la NCh 409/1 para sulfato es 500 mg/L.", "500 mg/L", 500.0),
        ("Color verdadero (Pt-Co) máx. 20 Marzo 2023", "20", 20.0),
        ("Nota: la dureza no está regulada; como referencia se usa 500 mg/L CaCO3.", "500 mg/L", 500.0),
        ("Sodio: valor recomendado 200 mg/L", "200 mg/L", 200.0),
    ],
)
def test_a_limit_is_read_in_any_wording(text: str, stated: str, number: float | None) -> None:
    found = find_limit(text)
    assert found is not None and (found.text, found.number) == (stated, number)


@pytest.mark.parametrize(
    "text",
    [
        "(*) Valor que excede el límite máximo permitido por la NCh 409/1 Of. 2005.",
        "Límite de detección: 0,005 mg/L",
        "(<) Bajo el límite de cuantificación del método",
        "Tabla 12: Conductividad eléctrica medida en muestras de agua",
        "Los resultados se comparan con la norma chilena NCh 409/1 Of. 2005.",
        "Ver la referencia 3 de la bibliografía.",
    ],
)
def test_a_detection_limit_or_a_norm_without_a_figure_is_no_limit(text: str) -> None:
    assert find_limit(text) is None
