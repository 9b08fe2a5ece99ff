"""Questions about a lab report's structure: its sampling points, campaigns, parameters, a point's code.

"¿En qué puntos muestrearon?", "¿cuántas campañas hubo?", "¿qué le midieron
al agua?" name no parameter, place or date: every word of them is a word of
sampling, of places, of time or of asking. A question with any other word
("¿qué puntos pasaron la norma?", "¿dónde queda la sede?") is not one of
them, and is answered as before; only "¿cuál es el código de ...?" names
something else: the place whose code it asks.
"""

from __future__ import annotations

import re
from typing import Literal

import attrs

from botk_adapters.local.dates import Campaign
from botk_adapters.local.fact_upkeep import asks_how_often
from botk_adapters.local.question import Question

__all__ = ["StructureAsk", "structure_asked"]

StructureKind = Literal["points", "campaigns", "parameters", "code"]

# Words that anchor a question in the lab report: sampling, analysing, measuring, its tables.
_SAMPLING = re.compile(
    r"^(?:muestr\w*|analiz\w*|analisis|campanas?|mediciones|medicion|midieron|midio|mide|miden|medir"
    r"|medimos|midan|parametros?|codigos?)$"
)
# The report itself anchors only a question that names the points ("¿qué puntos tiene el informe?"):
# "¿cuándo salió el informe?" asks for its date, which the prose or a key/value table says.
_REPORT = re.compile(r"^(?:informes?|tablas?)$")
_PLACE = re.compile(r"^(?:puntos?|lugar(?:es)?|sector(?:es)?|sitios?|partes?|localidad(?:es)?|a?donde)$")
_TIME = re.compile(r"^(?:cuando|fechas?|mes(?:es)?|anos?|dias?|veces|vez)$")
_CAMPAIGN = re.compile(r"^(?:campanas?|muestreos?)$")
_PARAMETER = re.compile(
    r"^(?:parametros?|elementos?|cosas?|analisis|compuestos?|sustancias?|metales|quimicos?"
    r"|contaminantes?|variables?)$"
)
_MEASURED = re.compile(r"^(?:midieron|midio|mide|miden|medir|midan|analiz\w*)$")
_COUNT = re.compile(r"^cuant[oa]s$")
_CODE = re.compile(r"^codigos?$")
# The other words such a question is made of: asking, doing, the water and the report.
_FILLER = re.compile(
    r"^(?:tom\w*|sac\w*|hic\w*|hiz\w*|hac\w*|realiz\w*|hubo|hay|habia|tien\w*|teni\w*|fue|fueron|son|es"
    r"|era|eran|sal(?:e|en|io)|aparec\w*|incluy\w*|agua|aguas|ultim[oa]s?|primer[oa]?s?|pa|para|ver"
    r"|revis\w*|estudi\w*|hech[oa]s?|tod[oa]s|cada|tablas?|resultados?|cual(?:es)?|que|cuant[oa]s?"
    r"|se|le|les|al|del|nos|nombre|nombres|lista|dime|dame|sabes?|saber|quisiera|quiero|tercer[oa]?"
    r"|segund[oa]|cuart[oa]|quint[oa]|otr[oa]s?|exactamente|entonces|porfa|favor)$"
)


@attrs.frozen
class StructureAsk:
    """What a question about the report's structure asks."""

    kind: StructureKind
    count: bool = False  # "¿cuántas campañas hubo?" asks how many
    campaign: Campaign | None = None  # the last, first or n-th campaign it asks for
    place: tuple[str, ...] = ()  # of a code question: the words that name the point


def structure_asked(question: Question) -> StructureAsk | None:
    """What ``question`` asks about the report's structure, or None when it asks something else."""
    every = [t.word for t in question.tokens]
    # "¿quién tomó las muestras?" asks for a person, which the prose or the key/value table says.
    if question.parameter or question.why or any(w in ("quien", "quienes") for w in every):
        return None
    if asks_how_often(question.text):
        return None  # "¿cada cuánto le hacen análisis al agua?" asks how often, which prose says
    others = tuple(w for w in question.content_words() if not _known(w))
    if any(_CODE.match(w) for w in every):
        return StructureAsk("code", place=others)  # "¿con qué código sale ...?" asks no method
    if question.explains:
        return None
    points = [w for w in every if _PLACE.match(w) and not w.endswith("donde")]
    sampling = any(_SAMPLING.match(w) for w in every)
    if others or not (sampling or (points and any(_REPORT.match(w) for w in every))):
        return None
    count = any(_COUNT.match(w) for w in every)
    place = any(_PLACE.match(w) for w in every)
    campaign = question.campaign
    ordinal = campaign is not None and bool(campaign.latest or campaign.earliest or campaign.nth)
    if (
        any(_TIME.match(w) for w in every)
        or ordinal
        or (any(_CAMPAIGN.match(w) for w in every) and not place)
    ):
        return StructureAsk("campaigns", count, campaign if ordinal else None)
    if place and (sampling or points):
        return StructureAsk("points", count)
    if any(_PARAMETER.match(w) or _MEASURED.match(w) for w in every):
        return StructureAsk("parameters", count)
    return None


def _known(word: str) -> bool:
    patterns = (_SAMPLING, _REPORT, _PLACE, _TIME, _CAMPAIGN, _PARAMETER, _COUNT, _CODE, _FILLER)
    return any(p.match(word) for p in patterns)
