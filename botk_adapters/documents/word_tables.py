"""A Word table as a grid of texts per grid column, read straight from its XML.

Like python-docx's ``row.cells``, a cell merged across columns repeats its text
in each column it spans and a vertically merged cell repeats the text of the
cell above, but in one pass over the XML instead of one per row (python-docx
recomputes the whole grid for every row).

A span never reaches past the table's grid (its declared columns, or its
widest row when the grid is missing), and the expanded cells of a table and of
the whole document are counted against a budget as each row is built: a few
kilobytes of ``w:gridSpan="1000000"`` cannot become millions of cells.
"""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from botk_adapters.documents.tables import CellBudget, RawTable

_TC, _TR = qn("w:tc"), qn("w:tr")
_MAX_DIGITS = 9


def raw_table(
    table: Table,
    caption: str,
    note: str,
    ordinal: int,
    budget: CellBudget,
    definitions: dict[str, str] | None = None,
) -> RawTable:
    """The table's rows of texts, one per grid column; ``DocumentTooLarge`` past the budget."""
    rows: list[list[str]] = []
    bold: list[bool] = []
    width = grid_width(table._tbl)
    cells_so_far = 0
    for tr in table._tbl.iterchildren(_TR):
        above = rows[-1] if rows else []
        cells, flags = _row(tr, above, width)
        cells_so_far += len(cells)
        budget.spend(len(cells), cells_so_far)
        rows.append(cells)
        bold.append(_is_header_row(tr, flags))
    return RawTable(rows, bold, caption, note, ordinal, dict(definitions or {}))


def grid_width(tbl: etree._Element) -> int:
    """The table's columns: its ``w:tblGrid``, or its widest row when the grid has fewer."""
    grid = tbl.find(qn("w:tblGrid"))
    declared = len(grid.findall(qn("w:gridCol"))) if grid is not None else 0
    widest = max((len(tr.findall(_TC)) for tr in tbl.iterchildren(_TR)), default=0)
    return max(declared, widest, 1)


def _row(tr: etree._Element, above: list[str], width: int) -> tuple[list[str], list[bool]]:
    cells: list[str] = []
    flags: list[bool] = []
    before = min(_int(tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}")), width)
    cells += [""] * before
    for tc in tr.iterchildren(_TC):
        tc_pr = tc.find(qn("w:tcPr"))
        span = _int(tc_pr.find(qn("w:gridSpan")) if tc_pr is not None else None) or 1
        # Every cell keeps one column for its text; a span ends at the grid's edge.
        span = max(1, min(span, width - len(cells)))
        merge = tc_pr.find(qn("w:vMerge")) if tc_pr is not None else None
        column = len(cells)
        if merge is not None and merge.get(qn("w:val")) in (None, "continue"):
            text = above[column] if column < len(above) else ""
        else:
            text = " ".join(" ".join(p.text.split()) for p in _paragraphs(tc) if p.text.strip())
        cells += [text] * span
        flags.append(_bold(tc))
    return cells, flags


def _paragraphs(tc: etree._Element) -> list[Paragraph]:
    # Only the text and runs are read, so no story part is needed.
    return [Paragraph(p, None) for p in tc.iterchildren(qn("w:p"))]  # type: ignore[arg-type]


def _int(element: etree._Element | None) -> int:
    """A count attribute; a huge or non-ASCII one reads as the largest count (it is clamped later)."""
    value = element.get(qn("w:val")) if element is not None else None
    if not value or not (value.isascii() and value.isdigit()):
        return 0
    return int(value) if len(value) <= _MAX_DIGITS else 10**_MAX_DIGITS


def _bold(tc: etree._Element) -> bool:
    runs = [r for p in _paragraphs(tc) for r in p.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


def _is_header_row(tr: etree._Element, bold: list[bool]) -> bool:
    tr_pr = tr.find(qn("w:trPr"))
    if tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None:
        return True
    return bool(bold) and all(bold)
