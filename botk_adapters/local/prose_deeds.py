"""How a passage says what the question says: the deed asked bare or one kind of it, words side by side.

«¿Quién analizó las muestras?» names the deed bare; «los análisis
microbiológicos» are one kind of it, the one «¿quién analizó las bacterias?»
asks about. «el cargo fijo» is «Cargo fijo mensual», not «a cargo de ...».
"""

from __future__ import annotations

import itertools
import re

from botk_adapters.local.matching import Words, holds
from botk_adapters.local.need import Need, asks_who
from botk_adapters.local.passage_words import own_text
from botk_adapters.local.related import DEEDS
from botk_core.text import fold, stem
from botk_core.tools.search import FoundPassage

_WORD = re.compile(r"[a-z]+")
_DEED_NOUNS = frozenset(noun for nouns in DEEDS.values() for noun in nouns)
# A word that classifies a deed: «fisicoquímicos», «microbiológicos», «químicos», «ambientales».
_CLASSIFIER = re.compile(r"^[a-z]{4,}(?:ic[oa]s?|ales?)$")


def qualified_deed(need: Need, text: str) -> bool:
    """Whether ``text`` names the deed a «¿quién ...?» asks about only as one kind of it, a kind the
    question does not name («los análisis microbiológicos» for «¿quién analizó las muestras?»)."""
    if not asks_who(need):
        return False
    # The deed asked, as a verb («analizó») or as its noun («hizo los análisis»).
    deeds = {n for w in need.required if w in DEEDS for n in DEEDS[w]} | (set(need.required) & _DEED_NOUNS)
    asked = Words.of(" ".join((*need.required, *need.optional)))
    words = _WORD.findall(fold(text))
    kinds = [after for word, after in itertools.pairwise(words) if word in deeds]
    if not kinds:
        return False
    other = [k for k in kinds if _CLASSIFIER.match(k) and not holds(k, asked)]
    return len(other) == len(kinds)


def holds_adjacent(need: Need, text: str) -> bool:
    """Whether two words the question says side by side («cargo fijo») are side by side in ``text`` too.

    «Cargo fijo mensual: $3.200» is the fixed charge; «a cargo de la química» and
    «fija los límites» only hold the same words apart.
    """
    pairs = [tuple(pair) for pair in need.pairs if len(pair) == 2 and pair <= set(need.required)]
    if not pairs:
        return False
    stems = [stem(w) for w in _WORD.findall(fold(text))]
    together = set(itertools.pairwise(stems))
    return any((stem(a), stem(b)) in together or (stem(b), stem(a)) in together for a, b in pairs)


def names_the_deed(need: Need, found: FoundPassage) -> bool:
    """Whether a key/value row answering «¿quién ...?» names the deed asked itself («Análisis: ...»).

    The row «Muestreo: <name>» is who sampled; its document's other words do
    not make it who analysed.
    """
    if found.fact is None or not asks_who(need):
        return True
    own = Words.of(own_text(found))
    return all(holds(w, own) for w in need.required if w in DEEDS)
