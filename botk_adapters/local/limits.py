"""A table's legal limit read from its caption, when the cell came without it.

"Tabla 3. Zinc total en las muestras. Límite máximo permitido: 3,0 mg/L" says
the limit of every cell of the table; a reader that did not parse it leaves
``limit`` empty, and the answer would lose its comparison.
"""

from __future__ import annotations

import re

import attrs

from botk_core.domain import TableFact

_LIMIT = re.compile(
    r"l[ií]mite(?:\s+m[aá]ximo)?(?:\s+permitido)?(?:\s+\(?NCh[\s\d/.-]*\)?)?\s*:\s*"
    r"(?P<text>(?:entre\s+)?[<≤]?\s*\d+(?:[.,]\d+)?(?:\s*(?:y|a|-)\s*\d+(?:[.,]\d+)?)?\s*[^\s.;,)]*)",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def with_caption_limit(fact: TableFact) -> TableFact:
    """``fact`` with the limit its caption states, when it has none of its own."""
    if fact.limit is not None or fact.limit_text or not fact.caption:
        return fact
    found = _LIMIT.search(fact.caption)
    if not found:
        return fact
    text = found["text"].strip()
    numbers = _NUMBER.findall(text)
    single = len(numbers) == 1 and not text.lower().startswith("entre")
    limit = float(numbers[0].replace(",", ".")) if single else None
    return attrs.evolve(fact, limit=limit, limit_text=text)
