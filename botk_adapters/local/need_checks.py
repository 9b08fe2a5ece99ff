"""Whether a passage answers a question's Need: enough of its words, every hinge, the kind of value.

A passage answers when it holds most of the question's words (by stem,
synonym or one typo) and every word the question hinges on; of two words,
a rare one may stand for both, and a key/value row takes from its document
the words its label lacks. A question heading in the document that is the
user's own question answers first (see ``prose``).
"""

from __future__ import annotations

import math
import re

import attrs

from botk_adapters.local.kinds import holds_kind
from botk_adapters.local.matching import Words, holds
from botk_adapters.local.need import Need
from botk_adapters.local.need_subject import holds_a_date
from botk_adapters.local.ordinals import names_number
from botk_adapters.local.related import NUMBER_WORDS
from botk_adapters.local.values import counts, named_as_thing, other_complement
from botk_adapters.local.vocabulary import EVERYWHERE, has_colour
from botk_core.text import fold, keywords

_DIGIT = re.compile(r"\d")
ENOUGH = 0.6
_MOST = 0.75
_FEW = 4  # below this many passages, "most of them" says nothing
_PAGE = re.compile(r"\s*\(p[aá]gina \d+\)\s*$")  # a PDF's heading carries its page: "¿...? (página 2)"


def heading_asks_alike(need: Need, location: str) -> bool:
    """Whether a passage's question heading asks with the user's question word ("¿Por qué ...?")."""
    last = fold(location.rsplit("›", 1)[-1])
    have = set(re.findall(r"[a-z]+", last.replace("por que", "porque")))
    return bool(need.asks) and any(w in have for w in need.asks)


def heading_answers(need: Need, location: str) -> bool:
    """Whether a passage's heading is a question that is the user's question (a FAQ entry)."""
    last = _PAGE.sub("", location.rsplit("›", 1)[-1]).strip()
    if not last.endswith("?") or not need.required:
        return False
    have = Words.of(last)
    held = sum(1 for w in need.required if holds(w, have))
    if held >= ENOUGH * len(need.required):
        return True
    # A paraphrase adds words of its own ("¿a qué hora riego para que no se pierda el agua?"): the
    # heading still is its question when the user's words hold most of the heading's own.
    asked = Words.of(" ".join((*need.required, *need.optional)))
    own = [w for w in keywords(last) if not w.isdigit()]
    return held >= 2 and sum(1 for w in own if holds(w, asked)) >= ENOUGH * len(own)


def satisfied(need: Need, have: Words, context: Words | None = None, row: bool = False) -> bool:
    """Whether ``have`` answers: enough of the words, every hinge, the colour, a number.

    Of two words both must be there, unless the one there is rare among the
    results ("lechuga") and the other is not what the question hinges on.
    Of two words, the one that is not a hinge may be held by the passage's
    document (``context``) when the passage holds the other itself; a
    key/value ``row`` takes from its document every word its label lacks.
    """
    if need.section is not None:
        return _within(need, have, need.section)
    required = list(need.required)
    count = _size(required)  # a synonym phrase («tercera edad») counts its words, as they were asked
    own = [w for w in required if holds(w, have)]
    valued = need.kind is not None and holds_kind(need.kind, have.text)
    # The word that asks for the value ("hora", "fono") is answered by the value itself.
    by_value = [w for w in required if w not in own and valued and need.kind and w in need.kind.words]
    held = own + by_value
    # A key/value row that gives the kind of value asked ("Teléfono: +56 ...") leans on its document too.
    # "¿cuántos socios tiene el comité?": a count is of the thing the passage itself names, never lent.
    # Only a word most passages hold may be lent to a count ("¿cuántas casas tienen agua?").
    counted_own = not need.counts or (
        need.counted in own and all(w in need.common for w in required if w not in own)
    )
    # The word that only asks for the value ("¿qué días ...?") names nothing a document could lend to.
    asking = need.kind.words if need.kind is not None else frozenset()
    lends = row or (count == 2 and len(own) == 1 and counted_own and own[0] not in asking)
    if context is not None and (own or (row and valued and count == 1)) and lends:
        # The deed a date or a time is asked of («¿cuándo firmaron el informe?») is the passage's own:
        # lent, any date of the document would answer.
        # Water is named by every document of the committee, even when no result of the search does.
        lent = [
            w
            for w in required
            if w not in held and w not in need.hinges and (holds(w, context) or w in EVERYWHERE)
        ]
        held += [w for w in lent if row or need.kind is None or w in need.nouns]
    # A thing no document names counts twice; so does a deed no document tells («se fundó») when a
    # mere value of the kind asked («2025») stands for the asking word.
    weight = count + len(need.unknown & need.nouns) + (len(need.unknown - need.nouns) if by_value else 0)
    # A phrase not held whole still counts the words held of it («agua de la llave»: «agua»).
    parts = sum(1 for w in required if w not in held and " " in w for p in w.split() if holds(p, have))
    enough = _size(held) == count if count <= 2 else _size(held) + parts >= math.ceil(ENOUGH * weight)
    if count == 2 and len(held) == 1 and held[0] in need.rare and held[0] not in asking:
        missing = [w for w in required if w not in held]
        # ... nor for a thing no passage names («¿hay rebaja para los estudiantes?»), unless the word
        # held is the thing asked («¿quién muestreó el agua?»).
        unnamed = need.unknown & need.nouns if held[0] not in need.hinges else frozenset()
        needed = set(need.hinges) | unnamed
        enough = not any(w in needed or frozenset((w, held[0])) in need.pairs for w in missing)
    if any(name in need.unknown for name in need.names):
        return False  # "el sector la isla" of documents that never name it: the other sectors do not answer
    if not count:
        return need.colour is not None and holds_hinges(need, have)  # "¿y la luz roja?": the colour is enough
    if context is not None and any(not holds(c, have) and not holds(c, context) for c in _owners(need)):
        return False  # "la clave del wifi de la sede": a document that never names the sede has another wifi
    return enough and holds_hinges(need, have, counted=not row)


def _within(need: Need, have: Words, section: Words) -> bool:
    """Whether ``have`` answers a follow-up inside its section: the section lends the turn's words.

    "¿qué días atienden?" after "¿dónde se paga?" is answered by the days of
    that entry, though it never says «atienden»: a word the turn adds may be
    missing when the excerpt gives the kind of value asked; otherwise each is
    in the excerpt or in what the section lends (its heading, the earlier ask).
    """
    valued = need.kind is not None and holds_kind(need.kind, have.text)
    # The word that asks for the value ("hora") is answered by the value itself.
    by_value = need.kind.words if need.kind is not None and valued else frozenset()
    own = [w for w in need.required if w in by_value or holds(w, have)]
    missing = [w for w in need.required if w not in own and not holds(w, section)]
    if not (own or valued) or len(missing) > (1 if valued else 0):
        return False
    if any(name in need.unknown for name in need.names):
        return False
    return holds_hinges(need, have, section)


def _size(words: list[str]) -> int:
    return sum(len(w.split()) for w in words)


def _owners(need: Need) -> list[str]:
    """Whose the asked thing is: the complements of the thing a «¿cuál es ...?» hinges on, in a chain
    ("la clave del wifi de la sede": the wifi, then the sede)."""
    heads, found = set(need.hinges), []
    for head, complement in need.owned:
        if head in heads:
            found.append(complement)
            heads.add(complement)
    return found


def with_rarity(need: Need, haves: list[Words]) -> Need:
    """``need`` knowing which of its words are rare among the passages ``haves`` of one search."""
    limit = max(1, len(haves) // 4)
    counts = {w: sum(1 for h in haves if holds(w, h)) for w in need.required}
    rare = frozenset(w for w, n in counts.items() if 0 < n <= limit)
    unknown = frozenset(w for w, n in counts.items() if n == 0 and w not in EVERYWHERE)
    # The words of a synonym phrase count alone too: «cloro» of «sensor de cloro» may be named nowhere.
    parts = {p for w in need.required if " " in w for p in w.split()}
    unknown |= {p for p in parts if p not in EVERYWHERE and not any(holds(p, h) for h in haves)}
    common = frozenset(w for w, n in counts.items() if len(haves) >= _FEW and n >= _MOST * len(haves))
    return attrs.evolve(need, rare=rare, unknown=unknown, common=common)


def holds_hinges(need: Need, have: Words, context: Words | None = None, counted: bool = True) -> bool:
    """Whether ``have`` (the quoted excerpt) holds every hinge, the colour and, when asked, a number.

    The thing a light belongs to may be named by the document around it
    (``context``): "la luz de la estación" is any light of the station's manual.
    """
    # The words a question hinges on match exactly (or by synonym): "marca" is not "marcha".
    # The word that asks for a kind of value ("¿y cuánto se demora?") is held by such a value.
    valued_kind = need.kind is not None and holds_kind(need.kind, have.text)
    kind_words = need.kind.words if need.kind is not None and valued_kind else frozenset()
    if not all(h in kind_words or holds(h, have, typos=False) for h in need.hinges):
        return False
    if need.noun_focus and not all(named_as_thing(h, have.text) for h in need.hinges):
        return False
    if need.asked_of and not holds(need.asked_of, have):
        return False  # a budget "para repuestos" is not the price of the battery asked
    if need.dated and not holds_a_date(have.text):
        return False  # «el cloro en la plaza en el último muestreo»: not the chlorine sensor's description
    around = [have, context] if context is not None else [have]
    if need.any_of and not any(holds(w, words) for w in need.any_of for words in around):
        return False
    if need.colour and not has_colour(have.text, need.colour):
        return False
    if need.kind and not holds_kind(need.kind, have.text):
        return False
    if any(other_complement(head, of, have.text) for head, of in need.compounds):
        return False
    if any(other_complement(head, of, have.text) and not holds(of, have) for head, of in need.possessed):
        return False  # «el número del operador» is not the «número de arranque» of a text without him
    if not all(names_number(noun, number, have.text) for noun, number in need.numbered):
        return False
    if not all(re.search(rf"\b{label}\b", have.text) for label in need.lettered):
        return False  # "el grupo b" is answered by "Grupo B: ...", not by the group beside it
    if counted and need.counted and need.kind is None and need.counts and not counts(need.counted, have.text):
        return False  # "¿cuántos socios ...?": "120 socios" answers, not any figure (a table row counts)
    return not need.quantity or bool(_DIGIT.search(have.text) or have.words & NUMBER_WORDS)
