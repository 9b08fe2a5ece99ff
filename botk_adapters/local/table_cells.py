"""Search results that are table cells, with the campaign and place read from their labels."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from botk_adapters.local.dates import Campaign, find_campaign
from botk_adapters.local.limits import with_caption_limit
from botk_adapters.local.sources import is_code
from botk_core.domain import TableFact
from botk_core.phrasing import month_and_year
from botk_core.text import words
from botk_core.tools.search import FoundPassage


@attrs.frozen
class Cell:
    """A search result that is a table cell, with its campaign and place read from its labels."""

    found: FoundPassage
    fact: TableFact
    campaign: Campaign | None
    place: str

    @property
    def table_key(self) -> tuple[str, str]:
        return (self.found.document_id or self.found.document, self.fact.table or self.fact.caption)

    @property
    def row_key(self) -> tuple[str, ...]:
        return self.fact.row


def cells_of(results: Sequence[FoundPassage]) -> list[Cell]:
    """The results that are table cells with a parameter (key/value rows are prose-like)."""
    found = []
    for result in results:
        if result.fact is None or not is_cell(result.fact):
            continue
        fact = with_caption_limit(result.fact)
        names = [label for label in fact.row if label and not is_code(label)]
        place = max(names, key=len) if names else " ".join(fact.row)
        found.append(Cell(attrs.evolve(result, fact=fact), fact, campaign_of(fact), place))
    return found


def is_cell(fact: TableFact) -> bool:
    """A measurement of a parameter; other table cells (a key/value row, a parts list) read as prose.

    A table's outline is no cell: it answers only questions about the table's structure.
    """
    return fact.kind != "outline" and bool(fact.parameter or fact.unit or fact.limit is not None)


def is_outline(fact: TableFact | None) -> bool:
    """Whether a search result's fact is a table's outline (its rows and campaigns), not a cell."""
    return fact is not None and fact.kind == "outline"


def campaign_of(fact: TableFact) -> Campaign | None:
    """The campaign a cell's column labels name (the innermost label first)."""
    for label in reversed(fact.column):
        campaign = label_campaign(label)
        if campaign:
            return campaign
    return None


def label_campaign(label: str) -> Campaign | None:
    """The campaign one column label names ("Octubre 2021", "Oct-21"), or None."""
    dated = month_and_year(label)  # the index reads campaign labels the same way
    if dated:
        return Campaign(dated[1], dated[0])
    return find_campaign(" ".join(words(label)), labels=True)


def column_label(cell: Cell) -> str:
    """The cell's innermost column label (its campaign, in a lab table)."""
    return cell.fact.column[-1] if cell.fact.column else ""
