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
from botk_adapters.documents.tables import RawTable, TableStructure, structure
from botk_core.domain import Chunk, TableFact
from botk_core.limits import without_limit
from botk_core.text import fold, same_name

# A trailing "*" means "over the limit" unless the note under the table says otherwise.
_STAR_MEANS_OVER = re.compile(r"l[íi]mite|norma|supera|sobre|exce|fuera|m[áa]ximo", re.IGNORECASE)
_MEANING = {"below_detection": " (bajo el límite de detección)", "not_measured": " (no medido)"}
_OVER = " (sobre el límite)"
_SEPARATOR = " · "


@attrs.frozen
class TableRow:
    """A row of a table that is not made of measurements: its text, for the section around it."""

    text: str
    table: str


def table_chunks(table: RawTable) -> list[Chunk | TableRow]:
    """Facts for a table of measurements or a key/value table; rows as text for any other."""
    shape = structure(table)
    parts = [p for p in (table.caption, *shape.captions) if p]
    caption = " ".join(parts)
    name = next((table_name(p) for p in parts if table_name(p)), f"Tabla {table.ordinal}")
    if shape.key_value:
        return _key_values(shape, caption, name)
    if not _measurements(shape):
        return [TableRow(text, name) for text in _rows_as_text(shape, caption)]
    return _facts(shape, caption, name, table.note)


def _measurements(shape: TableStructure) -> bool:
    """Whether the cells right of the row labels are mostly measurements."""
    cells = [read_value(c) for row in shape.body for c in row[shape.label_columns :] if c]
    return shape.label_columns > 0 and bool(cells) and sum(c.kind != "text" for c in cells) > len(cells) / 2


def _facts(shape: TableStructure, caption: str, name: str, note: str) -> list[Chunk | TableRow]:
    roles = _Roles.of(shape)
    # The limit is in the caption, or in the note under the table; else maybe in a column's header.
    limit = read_limit(caption) if read_limit(caption).text else read_limit(note)
    star_over = not note or bool(_STAR_MEANS_OVER.search(note))
    base = TableFact(table=name, caption=caption, limit=limit.number, limit_text=limit.text, note=note)
    chunks: list[Chunk | TableRow] = []
    for row, group in zip(shape.body, shape.groups, strict=True):
        kept = [c for i, c in enumerate(row[: shape.label_columns]) if i not in (roles.unit, roles.limit)]
        labels = tuple(dict.fromkeys(c for c in [group, *kept] if c))
        for column in range(shape.label_columns, len(row)):
            if not row[column] or column == roles.limit:
                continue
            parts = tuple(without_limit(p) for p in shape.headers[column])
            if roles.parameter is None:
                parameter, unit = _parameter(parts, caption)
                cell_base = _column_base(base, shape.headers[column], parameter, unit, caption)
            else:
                parameter, unit, cell_base = roles.per_row(base, row)
            fact = _cell(cell_base, labels, parts, row[column], parameter, unit or limit.unit, star_over)
            chunks.append(_fact_chunk(fact, caption or name))
    return chunks


def _column_base(base: TableFact, headers: list[str], parameter: str, unit: str, caption: str) -> TableFact:
    """The table's limit for a column of its parameter, or the limit the column's header states."""
    if not base.limit_text:
        stated = next((read_limit(h) for h in headers if read_limit(h).text), None)
        if stated is not None:
            text = stated.text if stated.unit or not unit else f"{stated.text} {unit}"
            return attrs.evolve(base, limit=stated.number, limit_text=text)
    applies = not caption_parameter(caption) or same_name(parameter, caption_parameter(caption))
    return base if applies else attrs.evolve(base, limit=None, limit_text="")


_PARAMETER_HEADER = re.compile(
    r"^(?:parametro|analito|elemento|compuesto|determinacion|ensayo)", re.IGNORECASE
)
_UNIT_HEADER = re.compile(r"^unidad", re.IGNORECASE)
_LIMIT_HEADER = re.compile(r"^(?:limite|lmp|norma|valor maximo|maximo permitido)", re.IGNORECASE)


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
    """The column's parameter and unit: its innermost label that is not a campaign, else the caption's."""
    unit = next((split_unit(p)[1] for p in reversed(parts) if split_unit(p)[1]), "")
    named = [split_unit(p)[0] for p in parts if not is_campaign(p)]
    return (named[-1] if named else caption_parameter(caption)), unit


def _cell(
    base: TableFact,
    row: tuple[str, ...],
    column: tuple[str, ...],
    text: str,
    parameter: str,
    unit: str,
    star_over: bool,
) -> TableFact:
    value = read_value(text)
    over: bool | None = None
    if value.starred and star_over:
        over = True
    elif base.limit is not None and value.number is not None and value.kind != "not_measured":
        over = value.number > base.limit
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
    )


def _fact_chunk(fact: TableFact, heading: str) -> Chunk:
    meaning = _MEANING.get(fact.kind, "") or (_OVER if fact.over_limit else "")
    column = _SEPARATOR.join(fact.column)
    text = f"{heading}\n{' '.join(fact.row)}{_SEPARATOR}{column}: {fact.value}{meaning}"
    where = fact.column[-1] if fact.column else fact.parameter
    location = _SEPARATOR.join(p for p in (fact.table, " ".join(fact.row), where) if p)
    return Chunk(text, location, fact)


def _key_values(shape: TableStructure, caption: str, name: str) -> list[Chunk | TableRow]:
    header = tuple(p for p in shape.headers[1] if p) if shape.headers else ()
    chunks: list[Chunk | TableRow] = []
    for (key, text), group in zip(shape.body, shape.groups, strict=True):
        if not (key and text):
            continue
        value = read_value(text)
        row = tuple(p for p in (group, key) if p)
        fact = TableFact(
            name, caption, row=row, column=header, value=text, kind=value.kind, number=value.number
        )
        line = f"{key}: {text}{_kind_of_contact(text)}"
        body = f"{caption}\n{line}" if caption else line
        chunks.append(Chunk(body, _SEPARATOR.join((name, *row)), fact))
    return chunks


_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_PHONE = re.compile(r"^\+?\d[\d\s()-]{6,}\d$")


def _kind_of_contact(value: str) -> str:
    """Say what a contact value is, so that "correo" or "teléfono" finds it under any key."""
    if _EMAIL.search(value):
        return " (correo electrónico)"
    return " (teléfono)" if _PHONE.match(value.strip()) else ""


def _rows_as_text(shape: TableStructure, caption: str) -> list[str]:
    """Each row as "Header: value; ..." after the caption (or "first: rest" without headers)."""
    headers = [" - ".join(parts) for parts in shape.headers]
    texts = []
    for row, group in zip(shape.body, shape.groups, strict=True):
        context = " › ".join(p for p in (caption, group) if p)
        if any(headers):
            pairs = [f"{h}: {v}" if h and h != v else v for h, v in zip(headers, row, strict=True) if v]
            body = "; ".join(pairs)
        else:
            filled = [v for v in row if v]
            body = f"{filled[0]}: {'; '.join(filled[1:])}" if len(filled) > 1 else "".join(filled)
        if body:
            texts.append(f"{context}\n{body}" if context else body)
    return texts
