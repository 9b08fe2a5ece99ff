"""A measurement table's outline: its parameter, unit and limit, all its rows and all its campaigns.

"¿En qué puntos muestrearon?" or "¿cuántas campañas hubo?" is answered by
every table of a report, and a search returns only some of its cells: one
outline per parameter of a table, indexed with its cells, holds them all.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from botk_adapters.documents.cells import is_campaign
from botk_core.domain import TABLE_OUTLINE, Chunk, TableFact

ROW_SEPARATOR = " · "


def table_outlines(chunks: Sequence[object], heading: str) -> list[Chunk]:
    """One outline per parameter of the table whose cell chunks are ``chunks`` (others ignored)."""
    facts = [c.fact for c in chunks if isinstance(c, Chunk) and c.fact is not None and c.fact.parameter]
    groups: dict[tuple[str, str], list[TableFact]] = {}
    for fact in facts:
        groups.setdefault((fact.parameter, fact.unit), []).append(fact)
    return [_outline(group, heading) for group in groups.values()]


def _outline(facts: list[TableFact], heading: str) -> Chunk:
    first = facts[0]
    # A row label that names a campaign ("Pulcha | agosto 2022") is a campaign, not part of the point.
    rows = tuple(dict.fromkeys(ROW_SEPARATOR.join(p for p in f.row if not is_campaign(p)) for f in facts))
    rows = tuple(r for r in rows if r)
    # A column's innermost label is its campaign only when it says one ("Octubre 2021", "2.ª campaña").
    columns = [f.column[-1] for f in facts if len(f.column) > 1 and is_campaign(f.column[-1])]
    campaigns = tuple(dict.fromkeys([*columns, *(p for f in facts for p in f.row if is_campaign(p))]))
    fact = attrs.evolve(
        first, row=rows, column=campaigns, value="", kind="outline", number=None, over_limit=None, meaning=""
    )
    location = first.table or heading
    text = f"{heading}\n{TABLE_OUTLINE} ({first.parameter})"
    return Chunk(text, location, fact)
