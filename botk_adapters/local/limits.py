"""A table's legal limit read from its caption, when the cell came without it.

"Tabla 3. Zinc total en las muestras (NCh 409/1, máximo 3,0 mg/L)" says the
limit of every cell of the table; an index written by an older reader may
leave ``limit`` empty, and the answer would lose its comparison.
"""

from __future__ import annotations

import attrs

from botk_core.domain import TableFact
from botk_core.limits import find_limit


def with_caption_limit(fact: TableFact) -> TableFact:
    """``fact`` with the limit its caption (or its note) states, when it has none of its own."""
    if fact.limit is not None or fact.limit_text or not (fact.caption or fact.note):
        return fact
    found = find_limit(fact.caption) or find_limit(fact.note)
    if found is None:
        return fact
    return attrs.evolve(fact, limit=found.number, limit_text=found.text)
