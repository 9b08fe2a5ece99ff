"""Table cells as facts: every data cell a chunk that names its table, row and column."""

from __future__ import annotations

import re

from botk_adapters.documents.cells import (
    read_limit,
    read_value,
    table_name,
)
from botk_adapters.documents.fact_columns import Roles, column_base, column_parameter
from botk_adapters.documents.fact_values import STAR_MEANS_OVER, Reading
from botk_adapters.documents.outlines import table_outlines
from botk_adapters.documents.symbols import note_marks
from botk_adapters.documents.table_text import TableRow, all_rows_as_text, key_values, rows_as_text
from botk_adapters.documents.tables import RawTable, TableStructure, structure
from botk_core.domain import Chunk, TableFact
from botk_core.limits import without_limit
from botk_core.text import fold

__all__ = ["TableRow", "table_chunks"]

_MEANING = {"below_detection": " (bajo el límite de detección)", "not_measured": " (no medido)"}
_OVER = " (sobre el límite)"
_SEPARATOR = " · "
_UNNAMED = "Tabla de datos"
_NAME_MAX_CHARS = 60


def table_chunks(table: RawTable) -> list[Chunk | TableRow]:
    """Facts for a table of measurements or a key/value table; rows as text for any other.

    No table is left out of the index: one that no reading understands is
    kept as its rows' text.
    """
    shape = structure(table)
    parts = [p for p in (table.caption, *shape.captions) if p]
    caption = " ".join(parts)
    name = next((table_name(p) for p in parts if table_name(p)), "") or _unnumbered_name(caption)
    if shape.key_value:
        chunks = key_values(shape, caption, name)
    elif _measurements(shape):
        chunks = _facts(shape, caption, name, table)
    else:
        chunks = rows_as_text(shape, caption, name)
    return chunks or all_rows_as_text(table.rows, caption, name)


def _unnumbered_name(caption: str) -> str:
    """A table without a number is cited by its caption, never by a number another table has."""
    if not caption:
        return _UNNAMED
    if len(caption) <= _NAME_MAX_CHARS:
        return caption.rstrip(" .:")
    return caption[:_NAME_MAX_CHARS].rsplit(" ", 1)[0].rstrip(" .,:;") + "…"


def _measurements(shape: TableStructure) -> bool:
    """Whether the cells right of the row labels are mostly measurements (not detection limits)."""
    columns = [c for c in range(shape.label_columns, len(shape.headers)) if not _describes(shape, c)]
    cells = [read_value(row[c]) for row in shape.body for c in columns if c < len(row) and row[c]]
    return shape.label_columns > 0 and bool(cells) and sum(c.kind != "text" for c in cells) > len(cells) / 2


# A column that describes how a parameter is measured, not what was measured.
_DESCRIPTIVE_HEADER = re.compile(
    r"^(?:limites?\s+de\s+(?:deteccion|cuantificacion)|ld|lc|metodo|tecnica|referencia|procedimiento"
    r"|equipo|instrumento|observaciones?)\b",
    re.IGNORECASE,
)


def _describes(shape: TableStructure, column: int) -> bool:
    return any(_DESCRIPTIVE_HEADER.match(fold(p)) for p in shape.headers[column])


def _facts(shape: TableStructure, caption: str, name: str, table: RawTable) -> list[Chunk | TableRow]:
    roles = Roles.of(shape)
    # The limit is in the caption, or in the note under the table; else maybe in a column's header.
    limit = read_limit(caption) if read_limit(caption).text else read_limit(table.note)
    marks = note_marks(table.note)
    star_over = not table.note or bool(STAR_MEANS_OVER.search(table.note))
    base = TableFact(table=name, caption=caption, limit=limit.number, limit_text=limit.text, note=table.note)
    reading = Reading(marks, star_over, table.definitions)
    chunks: list[Chunk | TableRow] = []
    for row, group in zip(shape.body, shape.groups, strict=True):
        kept = [c for i, c in enumerate(row[: shape.label_columns]) if i not in (roles.unit, roles.limit)]
        labels = tuple(dict.fromkeys(c for c in [group, *kept] if c))
        for column in range(shape.label_columns, len(row)):
            if not row[column] or column == roles.limit or _describes(shape, column):
                continue
            parts = tuple(without_limit(p) for p in shape.headers[column])
            if roles.parameter is None:
                parameter, unit = column_parameter(parts, caption)
                cell_base = column_base(base, shape.headers[column], parameter, unit, caption)
            else:
                parameter, unit, cell_base = roles.per_row(base, row)
            fact = reading.cell(cell_base, labels, parts, row[column], parameter, unit or limit.unit)
            chunks.append(_fact_chunk(fact, caption or name))
    if roles.parameter is None:
        # "¿En qué puntos muestrearon?": the whole table's rows and campaigns, not the cells a search finds.
        chunks += table_outlines(chunks, caption or name)
    elif any(_describes(shape, c) for c in range(len(shape.headers))):
        chunks += rows_as_text(shape, caption, name)  # "¿con qué técnica ...?" reads the whole row
    return chunks


def _fact_chunk(fact: TableFact, heading: str) -> Chunk:
    # The index reads the kind of value; what a symbol means in this document travels in the fact.
    meaning = _MEANING.get(fact.kind, "") or (_OVER if fact.over_limit else "")
    column = _SEPARATOR.join(fact.column)
    text = f"{heading}\n{' '.join(fact.row)}{_SEPARATOR}{column}: {fact.value}{meaning}"
    where = fact.column[-1] if fact.column else fact.parameter
    location = _SEPARATOR.join(p for p in (fact.table, " ".join(fact.row), where) if p)
    return Chunk(text, location, fact)
