"""Words that name a person by their role: «la presidenta», «el operador», «la química analista»."""

from __future__ import annotations

from botk_adapters.local.phrase_words import noun_like

_ROLES_TEXT = """
    presidente presidenta presi vicepresidente vicepresidenta tesorero tesorera secretario secretaria
    vocal delegado delegada operador operadora tecnico tecnica encargado encargada jefe jefa director
    directora gerente analista quimico quimica microbiologo microbiologa ingeniero ingeniera gasfiter
    fontanero fontanera socio socia dirigente dirigenta
"""
_ROLES = frozenset(_ROLES_TEXT.split())
# A doer named by what they do: «coordinadora», «muestreador», «laboratorista».
_AGENT_ENDINGS = ("dor", "dora", "ista")
_AGENT_MIN = 7


def is_person(word: str) -> bool:
    """Whether ``word`` (folded) names a person by role or deed."""
    return word in _ROLES or (len(word) >= _AGENT_MIN and word.endswith(_AGENT_ENDINGS))


def whose_value(subject: tuple[str, ...]) -> tuple[str, ...]:
    """Of a person asked about, who a value asked next must belong to: the person, or what they belong to.

    "¿y correo?" after "quién es el operador" is his, or none, never another person's;
    after "la jefa del laboratorio", the laboratory's will do.
    """
    people = [i for i, w in enumerate(subject) if is_person(w)]
    if not people:
        return ()
    after = subject[people[0] + 1 :]
    owner = tuple(w for w in after[1:] if noun_like(w)) if after[:1] in (("de",), ("del",)) else ()
    return owner or (subject[people[0]],)
