"""A small lab report as the document store returns it: table cells with their facts, and prose."""

from __future__ import annotations

from collections.abc import Sequence

from botk_core.domain import Chunk, DocumentInfo, Passage, TableFact
from botk_core.text import query_terms, terms

REPORT = "EJEMPLO_informe_laboratorio.docx"
CAMPAIGNS = ("Mayo 2021", "Octubre 2021", "Diciembre 2022")
POINTS = (("M1", "Macaya Cau-Cau"), ("M4", "Macaya Miraflores"), ("M6", "Macaya Pulcha"))
# parameter, limit text, limit, values per point and campaign
MANGANESE = (("0,0162", "-", "0,0651"), ("0,1168*", "0,1400*", "0,0076"), ("<0,005", "0,0063", "0,0879"))
LEAD = (("0,0681*", "0,0335", "0,0145"), ("0,0779*", "<0,0050", "0,0591*"), ("<0,0050", "0,0042", "0,0768*"))
TABLES = {
    "Tabla 8": ("Manganeso", "0,1 mg/L", 0.1, MANGANESE),
    "Tabla 9": ("Plomo", "0,05 mg/L", 0.05, LEAD),
}


def cell(table: str, point: int, campaign: int) -> TableFact:
    parameter, limit_text, limit, values = TABLES[table]
    value = values[point][campaign]
    kind = "below_detection" if value.startswith("<") else "not_measured" if value == "-" else "value"
    number = None if kind == "not_measured" else float(value.strip("<*").replace(",", "."))
    over = None if kind == "not_measured" else "*" in value
    return TableFact(
        table=table,
        caption=f"{table}: {parameter} presente en muestras de agua. Límite máximo permitido: {limit_text}",
        parameter=parameter,
        unit="mg/L",
        limit=limit,
        limit_text=limit_text,
        row=POINTS[point],
        column=(f"{parameter} [mg/L]", CAMPAIGNS[campaign]),
        value=value,
        kind=kind,  # type: ignore[arg-type]
        number=number,
        over_limit=over,
    )


def fact_text(fact: TableFact) -> str:
    return f"{fact.caption}\n{' '.join(fact.row)} · {fact.column[-1]}: {fact.value}"


def key_value(label: str, value: str) -> TableFact:
    return TableFact(table="Tabla 1", row=(label,), column=("Dato",), value=value, kind="text")


LIGHTS = "3. Componentes y sus luces"
CROPS = "6. ¿Cuánta agua necesitan los cultivos en verano?"
PROSE = (
    ("Metodología", "Las muestras se tomaron en botellas de polietileno de un litro. Los metales por ICP."),
    (
        LIGHTS,
        "Caja de protección: guarda el nodo y la batería.\nVerde: la estación mide y envía."
        "\nRojo: falla del sensor de nivel; revise el cable.\nSin luz: la batería está agotada.",
    ),
    (
        LIGHTS,
        "Gateway: recibe por radio los datos.\nVerde: conectado a internet.\nRojo: sin conexión a internet.",
    ),
    (
        CROPS,
        "Grupo B: hortalizas. Alrededor de 4 L por m² al día\n- Tomate (Solanum lycopersicum)\n- Lechuga",
    ),
    (CROPS, "Grupo C: forrajes. Alrededor de 7 L por m² al día\n- Alfalfa (Medicago sativa)"),
)


def chunks() -> list[Chunk]:
    found = [
        Chunk(fact_text(f), f"{f.table} · {' '.join(f.row)} · {f.column[-1]}", f)
        for table in TABLES
        for point in range(len(POINTS))
        for campaign in range(len(CAMPAIGNS))
        for f in [cell(table, point, campaign)]
    ]
    found += [
        Chunk(
            f"Responsable de la toma de muestras: {v}",
            "Tabla 1",
            key_value("Responsable de la toma de muestras", v),
        )
        for v in ["Rosa Mamani"]
    ]
    found += [Chunk(text, heading) for heading, text in PROSE]
    return found


class FactStore:
    """A DocumentStore over ``chunks()`` that keeps facts (ranked by shared terms, then order)."""

    def __init__(self, items: Sequence[Chunk] | None = None, name: str = REPORT) -> None:
        self._info = DocumentInfo("doc_lab", name, "h")
        self._chunks = list(items if items is not None else chunks())

    def put(self, document: DocumentInfo, items: Sequence[Chunk]) -> None:
        self._info, self._chunks = document, list(items)

    def remove(self, document_id: str) -> None:
        self._chunks = []

    def list_documents(self) -> list[DocumentInfo]:
        return [self._info]

    def search(self, query: str, k: int = 5) -> list[Passage]:
        wanted = set(query_terms(query))
        scored = []
        for index, chunk in enumerate(self._chunks):
            have = set(terms(f"{chunk.text} {chunk.location}"))
            shared = len(wanted & have)
            if shared:
                scored.append((-shared, index, chunk))
        return [
            Passage(self._info.id, self._info.name, c.location, c.text, float(-s), c.fact)
            for s, _, c in sorted(scored)[:k]
        ]
