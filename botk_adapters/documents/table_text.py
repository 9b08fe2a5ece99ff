"""Tables that are not measurements, as text: key/value rows as facts, other rows as "Header: value; ...".

Every table reaches the index: a methods table ("Parámetro | Técnica |
Referencia | Límite de detección"), a parts list or a schedule is read row by
row with its headers, so that "¿con qué técnica midieron el arsénico?" finds
its row.
"""

from __future__ import annotations

import re

import attrs

from botk_adapters.documents.cells import read_value
from botk_adapters.documents.tables import TableStructure
from botk_core.domain import Chunk, TableFact

_SEPARATOR = " · "
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_PHONE = re.compile(r"^\+?\d[\d\s()-]{6,}\d$")


@attrs.frozen
class TableRow:
    """A row of a table that is not made of measurements: its text, for the section around it."""

    text: str
    table: str


def key_values(shape: TableStructure, caption: str, name: str) -> list[Chunk | TableRow]:
    """A two-column table of labels and values ("Proyecto | ...", "Teléfono | ..."): one fact per row."""
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
        # "Burro · Litros por día: 20": a figure means something only with its column's header.
        label = " · ".join((key, *header))
        line = f"{label}: {text}{_kind_of_contact(text) or _role_of(key)}"
        body = f"{caption}\n{line}" if caption else line
        chunks.append(Chunk(body, _SEPARATOR.join((name, *row)), fact))
    return chunks


# A key that names who did a step: "Muestreado por", "Responsable del análisis", "Jefa de laboratorio".
_ROLE = re.compile(
    r"\bpor\s*:?$|^(?:responsable|encargad[oa]|jef[ea]|director[a]?|coordinador[a]?|analista|muestreador[a]?"
    r"|t[eé]cnic[oa]|firma|revisi[oó]n|revisad[oa]|a cargo|operador[a]?|presidente|presidenta|tesorer[oa]"
    r"|secretari[oa])\b",
    re.IGNORECASE,
)


def _role_of(key: str) -> str:
    """Say that a row names someone's role, so that "¿quién ...?" finds it whatever its step is called."""
    return " (responsable)" if _ROLE.search(key.strip()) else ""


def _kind_of_contact(value: str) -> str:
    """Say what a contact value is, so that "correo" or "teléfono" finds it under any key."""
    if _EMAIL.search(value):
        return " (correo electrónico)"
    return " (teléfono)" if _PHONE.match(value.strip()) else ""


def rows_as_text(shape: TableStructure, caption: str, name: str) -> list[Chunk | TableRow]:
    """Each row as "Header: value; ..." after the caption (or "first: rest" without headers)."""
    headers = [" - ".join(parts) for parts in shape.headers]
    rows: list[Chunk | TableRow] = []
    for row, group in zip(shape.body, shape.groups, strict=True):
        context = " › ".join(p for p in (caption, group) if p)
        if any(headers):
            pairs = [f"{h}: {v}" if h and h != v else v for h, v in zip(headers, row, strict=True) if v]
            body = "; ".join(pairs)
        else:
            filled = [v for v in row if v]
            body = f"{filled[0]}: {'; '.join(filled[1:])}" if len(filled) > 1 else "".join(filled)
        if body:
            rows.append(TableRow(f"{context}\n{body}" if context else body, name))
    return rows


def all_rows_as_text(raw_rows: list[list[str]], caption: str, name: str) -> list[Chunk | TableRow]:
    """A table no other reading understood: each distinct row's cells, once each, in order."""
    rows: list[Chunk | TableRow] = []
    for row in raw_rows:
        cells = list(dict.fromkeys(" ".join(c.split()) for c in row if c.strip()))
        if cells:
            body = " | ".join(cells)
            rows.append(TableRow(f"{caption}\n{body}" if caption else body, name))
    return rows
