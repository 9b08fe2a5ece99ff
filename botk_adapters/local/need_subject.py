"""The thing a price or a date is asked of, and the names a question gives its things.

«¿Cuánto cuesta la batería de repuesto?» asks the price of a battery: a
budget «para repuestos» is not it, however many of the other words it holds;
«¿cuándo fue la asamblea de febrero?» asks the date of an assembly, not of
February's sampling.
«el turno del sector la isla» names its sector: the turns of the other
sectors do not answer it, and a document that never names «la isla» has no
answer at all.
"""

from __future__ import annotations

import re

from botk_adapters.local.kinds import Kind
from botk_adapters.local.question import Question
from botk_adapters.local.vocabulary import WEAK_WORDS
from botk_core.phrasing import MONTHS

_PRICED = re.compile(
    r"\b(?:cuesta|cuestan|vale|valen|sale|salen|cobran|cobra)\s+(?:el|la|los|las|un|una)\s+(\w+)"
)
_DATED = re.compile(
    r"\bcuando (?:fue|fueron|es|son|sera|seran|toca|se hizo|se hace|se hara|se realizo|se realiza)"
    r"\s+(?:el|la|los|las)\s+(\w+)"
)
_ARTICLES = frozenset({"el", "la", "los", "las"})
# A noun of these kinds may be followed by its own name («el sector la isla», «la posta el carmen»).
_NAMED_KINDS = frozenset(
    {
        "sector",
        "sectores",
        "punto",
        "pozo",
        "noria",
        "posta",
        "escuela",
        "estanque",
        "tanque",
        "villa",
        "poblacion",
        "localidad",
        "comunidad",
        "pueblo",
        "quebrada",
        "canal",
        "vertiente",
        "calle",
        "pasaje",
        "barrio",
        "campamento",
        "sitio",
        "parcela",
    }
)


def valued_thing(text: str, kind: Kind | None, content: list[str]) -> str | None:
    """The thing whose price («¿cuánto cuesta la X?») or date («¿cuándo fue la X?») is asked."""
    if kind is None or kind.name not in ("precio", "fecha"):
        return None
    found = (_PRICED if kind.name == "precio" else _DATED).search(text)
    if found is None:
        return None
    thing = found.group(1)
    return thing if thing in content and thing not in WEAK_WORDS else None


def proper_names(tokens: list[str]) -> tuple[str, ...]:
    """The words that name a place by its own name after its kind: «sector la isla» -> «isla»."""
    names = []
    for kind, article, name in zip(tokens, tokens[1:], tokens[2:], strict=False):
        if kind in _NAMED_KINDS and article in _ARTICLES and name.isalpha() and name not in WEAK_WORDS:
            names.append(name)
    return tuple(names)


_A_DATE = re.compile(rf"\b(?:{'|'.join(MONTHS)}|setiembre|(?:19|20)\d\d)\b")


def needs_a_date(question: Question) -> bool:
    """Whether a question asks a campaign by its order («el último muestreo»): prose answers it only
    with a date of its own, never with a sensor's description (nor when no table has its parameter)."""
    campaign = question.campaign
    ordered = campaign is not None and bool(campaign.latest or campaign.earliest or campaign.nth)
    return ordered and not question.explains


def holds_a_date(text: str) -> bool:
    """Whether a folded text names a month or a year."""
    return _A_DATE.search(text) is not None
