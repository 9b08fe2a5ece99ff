"""Table cells as facts: every data cell a chunk that names its table, row and column."""

from __future__ import annotations

import re

import attrs

from botk_adapters.documents.cells import (
    caption_parameter,
    is_campaign,
    read_limit,
    read_value,
    split_unit,
    table_name,
)
from botk_adapters.documents.symbols import mark_key, meaning_of, note_marks
from botk_adapters.documents.table_text import TableRow, all_rows_as_text, key_values, rows_as_text
from botk_adapters.documents.tables import RawTable, TableStructure, structure
from botk_core.domain import Chunk, TableFact
from botk_core.limits import without_limit
from botk_core.text import STOP_WORDS, fold, same_name, stem, words

__all__ = ["TableRow", "table_chunks"]

# A trailing "*" means "over the limit" unless the note under the table says otherwise.
_STAR_MEANS_OVER = re.compile(
    r"l[íi]mite|norma|supera|sobre|exce|fuera|m[áa]ximo|incumple|tope|requisito|admisible", re.IGNORECASE
)
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


_PARAMETER_HEADER = re.compile(
    r"^(?:parametro|analito|elemento|compuesto|determinacion|ensayo)", re.IGNORECASE
)
_UNIT_HEADER = re.compile(r"^unidad", re.IGNORECASE)
_LIMIT_HEADER = re.compile(
    r"^(?:limite(?!s?\s+de\s+(?:deteccion|cuantificacion))|lmp|norma|valor maximo|maximo permitido)",
    re.IGNORECASE,
)
# A column that describes how a parameter is measured, not what was measured.
_DESCRIPTIVE_HEADER = re.compile(
    r"^(?:limites?\s+de\s+(?:deteccion|cuantificacion)|ld|lc|metodo|tecnica|referencia|procedimiento"
    r"|equipo|instrumento|observaciones?)\b",
    re.IGNORECASE,
)


def _describes(shape: TableStructure, column: int) -> bool:
    return any(_DESCRIPTIVE_HEADER.match(fold(p)) for p in shape.headers[column])


def _facts(shape: TableStructure, caption: str, name: str, table: RawTable) -> list[Chunk | TableRow]:
    roles = _Roles.of(shape)
    # The limit is in the caption, or in the note under the table; else maybe in a column's header.
    limit = read_limit(caption) if read_limit(caption).text else read_limit(table.note)
    marks = note_marks(table.note)
    star_over = not table.note or bool(_STAR_MEANS_OVER.search(table.note))
    base = TableFact(table=name, caption=caption, limit=limit.number, limit_text=limit.text, note=table.note)
    reading = _Reading(marks, star_over, table.definitions)
    chunks: list[Chunk | TableRow] = []
    for row, group in zip(shape.body, shape.groups, strict=True):
        kept = [c for i, c in enumerate(row[: shape.label_columns]) if i not in (roles.unit, roles.limit)]
        labels = tuple(dict.fromkeys(c for c in [group, *kept] if c))
        for column in range(shape.label_columns, len(row)):
            if not row[column] or column == roles.limit or _describes(shape, column):
                continue
            parts = tuple(without_limit(p) for p in shape.headers[column])
            if roles.parameter is None:
                parameter, unit = _parameter(parts, caption)
                cell_base = _column_base(base, shape.headers[column], parameter, unit, caption)
            else:
                parameter, unit, cell_base = roles.per_row(base, row)
            fact = reading.cell(cell_base, labels, parts, row[column], parameter, unit or limit.unit)
            chunks.append(_fact_chunk(fact, caption or name))
    if roles.parameter is not None and any(_describes(shape, c) for c in range(len(shape.headers))):
        chunks += rows_as_text(shape, caption, name)  # "¿con qué técnica ...?" reads the whole row
    return chunks


def _column_base(base: TableFact, headers: list[str], parameter: str, unit: str, caption: str) -> TableFact:
    """The table's limit for a column of its parameter, or the limit the column's header states."""
    if not base.limit_text:
        stated = next((read_limit(h, unit) for h in headers if read_limit(h, unit).text), None)
        if stated is not None:
            text = stated.text if stated.unit or not unit else f"{stated.text} {unit}"
            return attrs.evolve(base, limit=stated.number, limit_text=text)
    return base if _names_in(parameter, caption) else attrs.evolve(base, limit=None, limit_text="")


def _names_in(parameter: str, caption: str) -> bool:
    """Whether a column's parameter is the one the caption is about (its limit is the column's).

    "Boro" is what "Tabla 1: Contenido de boro en el agua; máximo 2,4 mg/L" is
    about; "Cobre" is not what "Tabla 3: Zinc total (máximo 3 mg/L)" is.
    """
    if not caption_parameter(caption) or same_name(parameter, caption_parameter(caption)):
        return True
    named = {stem(w) for w in words(caption)}
    return bool(words(parameter)) and all(stem(w) in named for w in words(parameter) if w not in STOP_WORDS)


@attrs.frozen
class _Roles:
    """Columns of a table that lists one parameter per row (with its unit and limit) instead of per table."""

    parameter: int | None = None
    unit: int | None = None
    limit: int | None = None

    @classmethod
    def of(cls, shape: TableStructure) -> _Roles:
        def first(pattern: re.Pattern[str], columns: range) -> int | None:
            return next((c for c in columns if any(pattern.match(fold(p)) for p in shape.headers[c])), None)

        labels = range(shape.label_columns)
        parameter = first(_PARAMETER_HEADER, labels)
        if parameter is None:
            return cls()
        return cls(parameter, first(_UNIT_HEADER, labels), first(_LIMIT_HEADER, range(len(shape.headers))))

    def per_row(self, base: TableFact, row: list[str]) -> tuple[str, str, TableFact]:
        assert self.parameter is not None
        parameter, unit = split_unit(row[self.parameter])
        unit = row[self.unit] if self.unit is not None and row[self.unit] else unit
        stated = row[self.limit] if self.limit is not None else ""
        number = read_value(stated).number if stated else None
        limit_text = f"{stated} {unit}".strip() if stated else ""
        return parameter, unit, attrs.evolve(base, limit=number, limit_text=limit_text)


def _parameter(parts: tuple[str, ...], caption: str) -> tuple[str, str]:
    """The column's parameter and unit: its innermost label that is not a campaign, else the caption's.

    The unit comes from the parameter's label ("SDT [mg/L]"), never from a
    campaign's ("2.ª campaña (nov 2022)").
    """
    labels = [p for p in parts if not is_campaign(p)]
    unit = next((split_unit(p)[1] for p in reversed(labels) if split_unit(p)[1]), "")
    named = [split_unit(p)[0] for p in labels]
    return (named[-1] if named else caption_parameter(caption)), unit


@attrs.frozen
class _Reading:
    """How a table's cells read: its note's marks, whether a bare "*" means over, its symbols."""

    marks: dict[str, str]
    star_over: bool
    definitions: dict[str, str]

    def cell(
        self,
        base: TableFact,
        row: tuple[str, ...],
        column: tuple[str, ...],
        text: str,
        parameter: str,
        unit: str,
    ) -> TableFact:
        value = read_value(text)
        line = self.marks.get(mark_key(value.mark), "") if value.mark else ""
        over: bool | None = None
        if value.starred and (bool(_STAR_MEANS_OVER.search(line)) if line else self.star_over):
            over = True
        elif base.limit is not None and value.number is not None and value.kind != "not_measured":
            over = value.number > base.limit
        meaning = line
        if value.number is None and value.kind in ("not_measured", "below_detection"):
            meaning = meaning_of(value.text, self.definitions)
        return attrs.evolve(
            base,
            parameter=parameter,
            unit=unit,
            row=row,
            column=column,
            value=value.text,
            kind=value.kind,
            number=value.number,
            over_limit=over,
            meaning=meaning,
        )


def _fact_chunk(fact: TableFact, heading: str) -> Chunk:
    # The index reads the kind of value; what a symbol means in this document travels in the fact.
    meaning = _MEANING.get(fact.kind, "") or (_OVER if fact.over_limit else "")
    column = _SEPARATOR.join(fact.column)
    text = f"{heading}\n{' '.join(fact.row)}{_SEPARATOR}{column}: {fact.value}{meaning}"
    where = fact.column[-1] if fact.column else fact.parameter
    location = _SEPARATOR.join(p for p in (fact.table, " ".join(fact.row), where) if p)
    return Chunk(text, location, fact)
