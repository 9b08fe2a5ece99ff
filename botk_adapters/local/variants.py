"""A parameter's variant said alone: «¿y el libre?» after «cloro total» asks for «cloro libre».

Some parameters come in kinds that lab reports put in tables of their own
(total and free chlorine, total and faecal coliforms). A follow-up that names
only the kind means the same parameter of that other kind.
"""

from __future__ import annotations

import re

from botk_adapters.local.question import Question, read_question
from botk_adapters.local.vocabulary import PARAMETER_NAMES
from botk_core.text import stem


def variant_name(words: tuple[str, ...], previous: str) -> str | None:
    """The parameter name that ``words`` make with ``previous``'s first word, if it names another one."""
    head = previous.split()[0] if previous else ""
    said = {stem(w) for w in words}
    for name, canonical in PARAMETER_NAMES.items():
        parts = name.split()
        rest = {stem(p) for p in parts if p != head}
        if len(parts) > 1 and parts[0] == head and canonical != previous and rest and rest <= said:
            return name
    return None


def with_variant(new: Question, previous: Question) -> Question | None:
    """``new`` read with the variant spelled out («y el cloro libre»), when it names only a variant."""
    if not previous.tabular or new.tabular or not new.subject or previous.parameter is None:
        return None
    name = variant_name(new.subject, previous.parameter)
    if name is None:
        return None
    kind = [w for w in new.subject if stem(w) in {stem(p) for p in name.split()}]
    if len(kind) != len(new.subject):
        return None  # "¿y el libre de la escuela?" is fine; "¿y el total del pago?" is not a variant
    spelled = re.sub(rf"\b{re.escape(kind[0])}\b", name, new.text, count=1)
    for word in kind[1:]:
        spelled = re.sub(rf"\s*\b{re.escape(word)}\b", "", spelled, count=1)
    return read_question(spelled)
