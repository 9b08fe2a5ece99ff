"""A table's structure as its cells show it: caption rows, headers, merges, row labels.

Readers give every table as a grid of texts per grid column, the way
python-docx does: a merged cell repeats its text once per column it spans (a
caption row, a duplicated column) and a vertically merged cell repeats the
text above. ``structure`` undoes that, so that each data cell can be read with
its caption, its row labels and its column labels.
"""

from __future__ import annotations

import itertools

import attrs

from botk_adapters.documents.cells import looks_like_value
from botk_core.errors import DocumentTooLarge

_MAX_HEADER_ROWS = 3
_CAPTION_MIN_COLUMNS = 3
_MERGED = " (una celda combinada cuenta una vez por cada columna que abarca); divídalo en partes."


@attrs.frozen
class RawTable:
    """A table as a reader found it; ``bold[i]`` tells whether row ``i`` looks like a header."""

    rows: list[list[str]]
    bold: list[bool] = attrs.Factory(list)
    caption: str = ""
    note: str = ""
    ordinal: int = 1
    # The symbols the document defines ("s/m" -> "sin muestra"), folded, for the cells that use them.
    definitions: dict[str, str] = attrs.Factory(dict)


@attrs.define
class CellBudget:
    """The expanded cells a document's tables may have, per table and in all; counts as it goes."""

    max_table: int
    max_document: int
    used: int = 0

    def spend(self, row: int, table: int) -> None:
        """Count a row of ``row`` cells that brings its table to ``table`` cells."""
        self.used += row
        if table > self.max_table:
            raise DocumentTooLarge(f"Una tabla del documento tiene más de {self.max_table} celdas{_MERGED}")
        if self.used > self.max_document:
            raise DocumentTooLarge(
                f"Las tablas del documento tienen más de {self.max_document} celdas{_MERGED}"
            )


@attrs.frozen
class TableStructure:
    """The table after undoing merges: caption, one header per column, body rows."""

    captions: list[str]
    headers: list[list[str]]  # per column: its header parts, outermost first
    body: list[list[str]]
    groups: list[str]  # per body row: the label of the group row above it ("" if none)
    label_columns: int  # leading columns that label rows (code, place)
    key_value: bool


def structure(table: RawTable) -> TableStructure:
    """Caption rows, collapsed duplicates, combined headers and row labels of ``table``."""
    rows, bold = _clean(table.rows, table.bold)
    captions = []
    while len(rows) > 1 and _single_text(rows[0]) is not None:
        captions.append(_single_text(rows[0]) or "")
        rows, bold = rows[1:], bold[1:]
    rows = _without_duplicate_columns(rows)
    rows, bold = _without_repeated_rows(rows, bold)
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    key_value = width == 2 and not any(looks_like_value(r[0]) for r in rows)
    count = _header_count(rows, bold, key_value)
    body, groups = _groups(rows[count:])
    headers = [_parts(rows[:count], column) for column in range(width)]
    return TableStructure(captions, headers, body, groups, _label_columns(body), key_value)


def _clean(rows: list[list[str]], bold: list[bool]) -> tuple[list[list[str]], list[bool]]:
    texts = [[" ".join(cell.split()) for cell in row] for row in rows]
    flags = bold + [False] * (len(rows) - len(bold))
    kept = [(r, b) for r, b in zip(texts, flags, strict=True) if any(r)]
    return [r for r, _ in kept], [b for _, b in kept]


def _single_text(row: list[str]) -> str | None:
    """The text of a row that is one cell merged across the table, maybe after empty cells."""
    filled = [cell for cell in row if cell]
    if len(row) < 2 or not filled or len(set(filled)) != 1:
        return None
    if len(filled) >= 2 or (len(row) >= _CAPTION_MIN_COLUMNS and len(filled[0]) > 20):
        return filled[0]
    return None


def _without_duplicate_columns(rows: list[list[str]]) -> list[list[str]]:
    """One column for each run of columns equal in every row (a merge repeated by the reader)."""
    width = max((len(r) for r in rows), default=0)
    padded = [r + [""] * (width - len(r)) for r in rows]
    keep = [0] + [c for c in range(1, width) if any(r[c] != r[c - 1] for r in padded)]
    return [[r[c] for c in keep] for r in padded]


def _without_repeated_rows(rows: list[list[str]], bold: list[bool]) -> tuple[list[list[str]], list[bool]]:
    kept = [i for i in range(len(rows)) if i == 0 or rows[i] != rows[i - 1]]
    return [rows[i] for i in kept], [bold[i] for i in kept]


def _header_count(rows: list[list[str]], bold: list[bool], key_value: bool) -> int:
    """Header rows: bold ones, or value-free rows that a merge ties to the row above."""
    if key_value:
        return 1 if (bold and bold[0] and not any(bold[1:])) or _heads_values(rows) else 0
    count = 0
    while count < min(_MAX_HEADER_ROWS, len(rows) - 1):
        row = rows[count]
        if any(looks_like_value(cell) for cell in row if cell):
            break
        if not (bold[count] or count == 0 or _tied(rows[count - 1], row)):
            break
        count += 1
    return count


def _heads_values(rows: list[list[str]]) -> bool:
    """Whether a two-column table's first row names its columns: labels over a column of figures.

    "Animal | Litros por día" over "Burro | 20" is a header, bold or not: the
    figures mean litres per day only with it.
    """
    values = [row[1] for row in rows[1:] if row[1]]
    figures = sum(looks_like_value(v) for v in values)
    return not looks_like_value(rows[0][1]) and len(values) >= 2 and figures > len(values) / 2


def _tied(above: list[str], row: list[str]) -> bool:
    """Whether ``row`` completes ``above``: a cell spans columns above, or repeats the cell above."""
    spans = any(a == b and a for a, b in itertools.pairwise(above))
    repeats = any(a == b and a for a, b in zip(above, row, strict=False))
    return spans or repeats


def _groups(rows: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """Body rows without the rows that label a group of rows ("Campaña 2022")."""
    body: list[list[str]] = []
    groups: list[str] = []
    label = ""
    for row in rows:
        single = _single_text(row) if len(row) >= _CAPTION_MIN_COLUMNS else None
        if single is not None:
            label = single
            continue
        body.append(row)
        groups.append(label)
    return body, groups


def _parts(header_rows: list[list[str]], column: int) -> list[str]:
    parts: list[str] = []
    for row in header_rows:
        text = row[column] if column < len(row) else ""
        if text and text not in parts:
            parts.append(text)
    return parts


def _label_columns(body: list[list[str]]) -> int:
    """Leading columns whose cells are mostly labels, not measurements."""
    width = len(body[0]) if body else 0
    count = 0
    while count < width - 1:
        cells = [row[count] for row in body if row[count]]
        if not cells or sum(looks_like_value(c) for c in cells) > len(cells) / 2:
            break
        count += 1
    return count
