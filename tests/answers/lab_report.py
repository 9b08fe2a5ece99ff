"""A lab report .docx shaped like the organisation's: merged caption row, two header rows, doubled columns.

Row 0 is the caption merged from the third column (its first cells empty);
row 1 names the parameter over the campaign columns, row 2 the campaigns;
the code column is doubled by a merge, and so is one campaign column. Each
table is followed by its notes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import attrs
import docx
from docx.document import Document


@attrs.frozen
class Table:
    """One parameter's table: its caption, header, one row of values per point, and its notes."""

    caption: str
    header: str
    values: Sequence[Sequence[str]]
    notes: Sequence[str] = ()
    doubled: int | None = 1  # the campaign column a merge repeats
    # A table that has its own rows or campaigns (a point added later, a campaign missed).
    points: Sequence[tuple[str, str]] | None = None
    campaigns: Sequence[str] | None = None


def lab_report(
    title: str, points: Sequence[tuple[str, str]], campaigns: Sequence[str], tables: Sequence[Table]
) -> bytes:
    """The report's bytes: a title paragraph, then each table and its notes."""
    document = docx.Document()
    document.add_paragraph(title)
    for table in tables:
        _add(document, points, campaigns, table)
    raw = io.BytesIO()
    document.save(raw)
    return raw.getvalue()


def _add(
    document: Document, points: Sequence[tuple[str, str]], campaigns: Sequence[str], spec: Table
) -> None:
    points = spec.points if spec.points is not None else points
    campaigns = spec.campaigns if spec.campaigns is not None else campaigns
    widths = [2 if index == spec.doubled else 1 for index in range(len(campaigns))]
    columns = 3 + sum(widths)
    table = document.add_table(rows=3 + len(points), cols=columns)
    table.cell(0, 2).merge(table.cell(0, columns - 1)).text = spec.caption
    table.cell(1, 0).merge(table.cell(2, 1)).text = "Código"
    table.cell(1, 2).merge(table.cell(2, 2)).text = "Punto de muestreo"
    table.cell(1, 3).merge(table.cell(1, columns - 1)).text = spec.header
    for row, labels in enumerate([campaigns, *spec.values], start=2):
        if row > 2:
            code, place = points[row - 3]
            table.cell(row, 0).merge(table.cell(row, 1)).text = code
            table.cell(row, 2).text = place
        column = 3
        for text, width in zip(labels, widths, strict=True):
            table.cell(row, column).merge(table.cell(row, column + width - 1)).text = text
            column += width
    for note in spec.notes:
        document.add_paragraph(note)
