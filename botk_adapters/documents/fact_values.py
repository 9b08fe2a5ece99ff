"""How a table cell's value reads: a number, below detection, not measured, marked over the limit.

A trailing "*" means "over the limit" unless the note under the table says
otherwise; a value is also over when it exceeds the table's limit; a symbol
the document defines ("s/m") keeps its meaning.
"""

from __future__ import annotations

import re

import attrs

from botk_adapters.documents.cells import read_value
from botk_adapters.documents.symbols import mark_key, meaning_of
from botk_core.domain import TableFact

# A trailing "*" means "over the limit" unless the note under the table says otherwise.
STAR_MEANS_OVER = re.compile(
    r"l[íi]mite|norma|supera|sobre|exce|fuera|m[áa]ximo|incumple|tope|requisito|admisible", re.IGNORECASE
)


@attrs.frozen
class Reading:
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
        if value.starred and (bool(STAR_MEANS_OVER.search(line)) if line else self.star_over):
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
