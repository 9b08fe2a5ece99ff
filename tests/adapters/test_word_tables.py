"""Word tables as field documents have them, generated here with python-docx: every cell a fact."""

from __future__ import annotations

import io
from collections.abc import Callable

import docx
from docx.table import Table

from botk_adapters.documents import default_reader
from botk_adapters.memory.documents import InMemoryDocumentStore
from botk_core.domain import Chunk, DocumentInfo, TableFact

CAMPAIGNS = ["Mayo 2021", "Octubre 2021", "Marzo 2022"]
ROWS = [
    ("M3", "Macaya Puquios", ["<0,005", "0,0950", "-"]),
    ("M4", "Macaya Miraflores", ["0,0210", "0,1400*", "2,000*"]),
]
NOTE = "(*) Valor que supera el límite máximo permitido. (-) No medido."


def _merge(table: Table, r0: int, c0: int, r1: int, c1: int, text: str = "") -> None:
    cells, width = table._cells, len(table.columns)
    if text:
        cells[r0 * width + c0].text = text
    cells[r0 * width + c0].merge(cells[r1 * width + c1])


def _lab_table(document: docx.document.Document) -> None:
    """Caption row merged from column 2, two header rows, code and one campaign column twice."""
    width = 2 + 1 + len(CAMPAIGNS) + 1  # code twice, point, campaigns with October twice
    table = document.add_table(rows=3 + len(ROWS), cols=width)
    caption = "Tabla 8: Manganeso presente en muestras de agua. Límite máximo permitido: 0,1 mg/L"
    _merge(table, 0, 1, 0, width - 1, caption)  # the first cell stays empty
    _merge(table, 1, 0, 2, 1, "Código")  # across the doubled code column and down both header rows
    _merge(table, 1, 2, 2, 2, "Punto de muestreo")
    _merge(table, 1, 3, 1, width - 1, "Manganeso [mg/L]")
    cells = table._cells
    for column, campaign in zip((3, 4, 6), CAMPAIGNS, strict=True):
        cells[2 * width + column].text = campaign
    _merge(table, 2, 4, 2, 5)  # "Octubre 2021" spans two grid columns: python-docx repeats it
    for index, (code, point, values) in enumerate(ROWS):
        row = 3 + index
        _merge(table, row, 0, row, 1, code)
        cells[row * width + 2].text = point
        for column, value in zip((3, 4, 6), values, strict=True):
            cells[row * width + column].text = value
        _merge(table, row, 4, row, 5)
    document.add_paragraph(NOTE)


def _word(*builders: object) -> bytes:
    document = docx.Document()
    document.add_heading("Informe de laboratorio", 1)
    document.add_heading("Resultados", 2)
    for build in builders:
        build(document)  # type: ignore[operator]
    raw = io.BytesIO()
    document.save(raw)
    return raw.getvalue()


def _facts(data: bytes) -> list[Chunk]:
    """The table cells read from ``data`` (each table's outlines left out)."""
    return [c for c in _read(data) if c.fact is not None and c.fact.kind != "outline"]


def _read(data: bytes) -> list[Chunk]:
    return default_reader().read("informe.docx", data)


def _at(chunks: list[Chunk], row: str, column: str) -> TableFact:
    found = [c.fact for c in chunks if c.fact and c.fact.row[0] == row and c.fact.column[-1] == column]
    assert len(found) == 1, found
    return found[0]


def test_python_docx_shows_the_quirks_this_reader_undoes() -> None:
    table = docx.Document(io.BytesIO(_word(_lab_table))).tables[0]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0][0] == "" and len(set(rows[0][1:])) == 1  # caption repeated once per grid column
    assert rows[1][:3] == rows[2][:3] == ["Código", "Código", "Punto de muestreo"]  # merged down
    assert rows[2][4] == rows[2][5] == "Octubre 2021" and rows[4][4] == rows[4][5] == "0,1400*"


def test_every_data_cell_is_one_fact_with_its_caption_labels_and_limit() -> None:
    facts = _facts(_word(_lab_table))
    assert len(facts) == len(ROWS) * len(CAMPAIGNS)  # duplicated columns and caption row collapsed
    cell = next(c for c in facts if c.fact and c.fact.row[0] == "M4" and c.fact.column[-1] == "Octubre 2021")
    assert cell.location == "Tabla 8 · M4 Macaya Miraflores · Octubre 2021"
    assert cell.fact == TableFact(
        table="Tabla 8",
        caption="Tabla 8: Manganeso presente en muestras de agua. Límite máximo permitido: 0,1 mg/L",
        parameter="Manganeso",
        unit="mg/L",
        limit=0.1,
        limit_text="0,1 mg/L",
        row=("M4", "Macaya Miraflores"),
        column=("Manganeso [mg/L]", "Octubre 2021"),
        value="0,1400*",
        kind="value",
        number=0.14,
        over_limit=True,
        note=NOTE,
        meaning="Valor que supera el límite máximo permitido.",  # the note's line for its "*"
    )
    assert "M4 Macaya Miraflores" in cell.text and "Octubre 2021" in cell.text and "Manganeso" in cell.text


def test_values_below_detection_not_measured_and_with_trailing_zeros() -> None:
    facts = _facts(_word(_lab_table))
    below = _at(facts, "M3", "Mayo 2021")
    assert (below.kind, below.number, below.over_limit, below.value) == (
        "below_detection",
        0.005,
        False,
        "<0,005",
    )
    missing = _at(facts, "M3", "Marzo 2022")
    assert (missing.kind, missing.number, missing.over_limit) == ("not_measured", None, None)
    assert _at(facts, "M3", "Octubre 2021").over_limit is False  # 0,0950 is under 0,1
    kept = _at(facts, "M4", "Marzo 2022")
    assert (kept.value, kept.number, kept.over_limit) == ("2,000*", 2.0, True)


def test_a_star_that_the_note_explains_otherwise_is_judged_by_the_limit() -> None:
    def estimated(document: docx.document.Document) -> None:
        _lab_table(document)
        document.paragraphs[-1].text = "(*) Valor estimado a partir de una muestra parcial."

    facts = _facts(_word(estimated))
    assert _at(facts, "M4", "Octubre 2021").over_limit is True  # 0,14 > 0,1 anyway
    assert _at(facts, "M4", "Mayo 2021").note.startswith("(*) Valor estimado")


def test_a_locality_merged_down_labels_every_row_and_a_caption_paragraph_names_the_table() -> None:
    def table_with_locality(document: docx.document.Document) -> None:
        document.add_paragraph("Tabla 3. Cobre (mg/L) por punto. LMP: 2 mg/L", style="Caption")
        table = document.add_table(rows=4, cols=4)
        for column, text in enumerate(["Localidad", "Punto", "Julio 2023", "Enero 2024"]):
            table.cell(0, column).paragraphs[0].add_run(text).bold = True
        for row, values in enumerate(
            [["P1", "0,12", "0,30"], ["P2", "2,50*", "N.D."], ["P3", "s/m", "0,01"]], 1
        ):
            for column, text in enumerate(values, start=1):
                table.cell(row, column).text = text
        _merge(table, 1, 0, 3, 0, "Sibaya")

    facts = _facts(_word(table_with_locality))
    assert {c.fact.row for c in facts if c.fact} == {("Sibaya", "P1"), ("Sibaya", "P2"), ("Sibaya", "P3")}
    fact = next(
        c.fact for c in facts if c.fact and c.fact.row[1] == "P1" and c.fact.column == ("Julio 2023",)
    )
    assert (fact.table, fact.parameter, fact.unit, fact.limit) == ("Tabla 3", "Cobre", "mg/L", 2.0)
    values = {(c.fact.row[1], c.fact.column[-1]): c.fact for c in facts if c.fact}
    assert values[("P2", "Enero 2024")].kind == "below_detection"
    assert values[("P3", "Julio 2023")].kind == "not_measured"
    assert values[("P2", "Julio 2023")].over_limit is True


def _key_values(document: docx.document.Document) -> None:
    table = document.add_table(rows=4, cols=2)
    for row, (key, value) in zip(
        table.rows,
        [
            ("Proyecto", "Monitoreo del agua"),
            ("Responsable de la toma de muestras", "Rosa Mamani"),
            ("Correo electrónico", "lab@ejemplo.cl"),
            ("Teléfono", "+56 57 255 0199"),
        ],
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text = key, value


def test_a_key_value_table_answers_who_did_each_step() -> None:
    chunks = default_reader().read("informe.docx", _word(_key_values))
    who = next(c for c in chunks if c.fact and c.fact.row == ("Responsable de la toma de muestras",))
    assert who.fact is not None and who.fact.value == "Rosa Mamani" and who.fact.kind == "text"
    assert who.location == "Tabla de datos · Responsable de la toma de muestras"  # it has no number
    store = InMemoryDocumentStore()
    store.put(DocumentInfo("doc_1", "informe.docx", "h"), chunks)
    assert "Rosa Mamani" in store.search("quien tomo las muestras")[0].text
    assert "lab@ejemplo.cl" in store.search("cual es el mail")[0].text
    assert "255 0199" in store.search("el fono del laboratorio")[0].text


def test_tables_of_other_shapes_still_read_as_rows_with_their_headers() -> None:
    def colours(document: docx.document.Document) -> None:
        table = document.add_table(rows=3, cols=3)
        for row, texts in zip(
            table.rows,
            [
                ("Componente", "Color", "Significado"),
                ("Gateway", "Rojo", "Sin internet"),
                ("Nodo", "Verde", "Normal"),
            ],
            strict=True,
        ):
            for cell, text in zip(row.cells, texts, strict=True):
                cell.text = text

    chunks = default_reader().read("manual.docx", _word(colours))
    rows = [c for c in chunks if "Gateway" in c.text]
    assert [c.text for c in rows] == ["Componente: Gateway; Color: Rojo; Significado: Sin internet"]
    assert rows[0].fact is None and rows[0].location == "Resultados › Tabla de datos"


def test_a_two_row_header_that_is_not_bold_with_merged_cells_in_the_first_row() -> None:
    def two_rows(document: docx.document.Document) -> None:
        document.add_paragraph("Tabla 2. Metales por estanque.", style="Caption")
        table = document.add_table(rows=4, cols=3)
        _merge(table, 0, 1, 0, 2, "Metales (mg/L)")
        table.cell(0, 0).text = "Estanque"
        for column, text in enumerate(["Estanque", "Arsénico", "Plomo"]):
            table.cell(1, column).text = text
        for row, values in enumerate(
            [["Pulcha", "0,007", "0,013*"], ["Janchima", "0,011", "<0,002"]], start=2
        ):
            for column, text in enumerate(values):
                table.cell(row, column).text = text

    facts = _facts(_word(two_rows))
    lead = next(c for c in facts if c.fact and c.fact.row == ("Pulcha",) and c.fact.column[-1] == "Plomo")
    assert lead.fact is not None
    assert (lead.fact.parameter, lead.fact.unit, lead.fact.value) == ("Plomo", "mg/L", "0,013*")
    assert lead.fact.column == ("Metales (mg/L)", "Plomo")
    assert lead.location == "Tabla 2 · Pulcha · Plomo"
    assert len(facts) == 4


def test_the_note_under_a_table_is_one_passage_cited_with_its_table() -> None:
    chunks = default_reader().read("informe.docx", _word(_lab_table))
    notes = [c for c in chunks if c.text.endswith(NOTE)]
    assert [c.location for c in notes] == ["Resultados › Tabla 8 (nota)"]
    assert notes[0].text.startswith("Tabla 8: Manganeso")  # the table it explains


def test_the_same_note_under_every_table_is_one_passage_of_its_section() -> None:
    chunks = default_reader().read("informe.docx", _word(_lab_table, _lab_table))
    assert [c.location for c in chunks if NOTE in c.text] == ["Resultados"]


def test_a_table_with_one_parameter_per_row_takes_unit_and_limit_from_that_row() -> None:
    def per_row(document: docx.document.Document) -> None:
        document.add_paragraph("Tabla 4. Resultados del pozo de Iquiuca.", style="Caption")
        table = document.add_table(rows=3, cols=5)
        rows = [
            ("Parámetro", "Unidad", "LMP NCh 409", "Abril 2023", "Octubre 2023"),
            ("Arsénico", "mg/L", "0,01", "0,008", "0,013*"),
            ("Turbiedad", "UNT", "4", "<0,2", "5,1*"),
        ]
        for row, texts in zip(table.rows, rows, strict=True):
            for cell, text in zip(row.cells, texts, strict=True):
                cell.text = text

    facts = {(c.fact.row, c.fact.column): c.fact for c in _facts(_word(per_row)) if c.fact}
    assert len(facts) == 4  # the limit column is the rows' limit, not a measurement
    arsenic = facts[(("Arsénico",), ("Octubre 2023",))]
    assert (arsenic.parameter, arsenic.unit, arsenic.limit, arsenic.limit_text) == (
        "Arsénico",
        "mg/L",
        0.01,
        "0,01 mg/L",
    )
    assert arsenic.over_limit is True and facts[(("Arsénico",), ("Abril 2023",))].over_limit is False
    turbidity = facts[(("Turbiedad",), ("Abril 2023",))]
    assert (turbidity.unit, turbidity.limit, turbidity.kind) == ("UNT", 4.0, "below_detection")


def _pairs(rows: list[tuple[str, str]]) -> Callable[[docx.document.Document], None]:
    def add(document: docx.document.Document) -> None:
        table = document.add_table(rows=len(rows), cols=2)
        for row, (key, value) in zip(table.rows, rows, strict=True):
            row.cells[0].text, row.cells[1].text = key, value

    return add


def test_a_two_column_table_whose_first_row_names_its_columns_keeps_that_header() -> None:
    chunks = default_reader().read(
        "faq.docx", _word(_pairs([("Animal", "Litros por día"), ("Burro", "20"), ("Llama", "6")]))
    )
    burro = next(c for c in chunks if c.fact and c.fact.row == ("Burro",))
    assert burro.fact is not None and burro.fact.column == ("Litros por día",) and burro.fact.value == "20"
    assert "Burro · Litros por día: 20" in burro.text
    assert not any(c.fact and c.fact.row == ("Animal",) for c in chunks)  # the header is no row


def test_a_two_column_table_of_names_has_no_header_unless_bold() -> None:
    chunks = default_reader().read(
        "informe.docx", _word(_pairs([("Proyecto", "Monitoreo"), ("Muestreado por", "Rosa Mamani")]))
    )
    rows = [c.fact.row for c in chunks if c.fact]
    assert rows == [("Proyecto",), ("Muestreado por",)]
    who = next(c for c in chunks if c.fact and c.fact.row == ("Muestreado por",))
    assert who.text.endswith("Muestreado por: Rosa Mamani (responsable)")  # it names someone's role


def _outlines(data: bytes) -> list[TableFact]:
    return [c.fact for c in _read(data) if c.fact is not None and c.fact.kind == "outline"]


def test_a_measurement_table_has_one_outline_with_all_its_points_and_campaigns_once() -> None:
    (outline,) = _outlines(_word(_lab_table))
    assert (outline.table, outline.parameter, outline.unit, outline.limit_text) == (
        "Tabla 8",
        "Manganeso",
        "mg/L",
        "0,1 mg/L",
    )
    assert outline.row == ("M3 · Macaya Puquios", "M4 · Macaya Miraflores")
    assert outline.column == tuple(CAMPAIGNS)  # the doubled October column once


def test_a_table_of_several_parameters_has_an_outline_per_parameter_and_dated_rows_are_campaigns() -> None:
    def dated_rows(document: docx.document.Document) -> None:
        document.add_paragraph("Tabla 2. Metales por estanque y fecha.", style="Caption")
        rows = [
            ["Estanque", "Fecha", "Arsénico (mg/L)", "Plomo (mg/L)"],
            ["Pulcha", "agosto 2022", "0,007", "0,013*"],
            ["Pulcha", "enero 2023", "0,009", "0,004"],
            ["Janchima", "agosto 2022", "0,011", "<0,002"],
        ]
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, texts in enumerate(rows):
            for c, text in enumerate(texts):
                table.cell(r, c).text = text

    outlines = _outlines(_word(dated_rows))
    assert [o.parameter for o in outlines] == ["Arsénico", "Plomo"]
    assert all(o.row == ("Pulcha", "Janchima") for o in outlines), outlines
    assert all(o.column == ("agosto 2022", "enero 2023") for o in outlines), outlines


def test_a_key_value_table_has_no_outline() -> None:
    assert _outlines(_word(_pairs([("Proyecto", "Monitoreo"), ("Muestreado por", "Rosa Mamani")]))) == []
