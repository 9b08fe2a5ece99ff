"""What a question asks: the thing after its question word, a condition, a light's component.

"¿Cuántos litros ...?" asks for litres, "¿quién revisó ...?" for whoever did
that, "... si está nublado" only narrows the question down, and "la luz roja
de la cajita" belongs to the box.
"""

from __future__ import annotations

import itertools

from botk_adapters.local.dates import MONTH_NAMES
from botk_adapters.local.question import Question
from botk_adapters.local.related import LIGHT_WORDS
from botk_adapters.local.vocabulary import WEAK_WORDS
from botk_core.lights import is_state_word
from botk_core.text import STOP_WORDS

QUANTITY = frozenset({"cuanto", "cuanta", "cuantos", "cuantas"})
# The word after these names the thing asked ("¿qué laboratorio ...?"); after "quién" comes a verb.
_FOCUS_AFTER = QUANTITY | {"que", "cual", "cuales", "llama", "llaman"}
_SKIP_BEFORE_FOCUS = frozenset({"es", "son", "el", "la", "los", "las", "un", "una", "de", "del", "se"})
# Question words that a document's own question heading repeats ("¿Cuándo conviene guardar agua?").
ASKING = frozenset({"cuando", "donde", "quien", "quienes", "como", "porque", "cuanto", "cuanta", "cuantos"})


def condition_words(tokens: list[str], content: list[str]) -> tuple[str, ...]:
    """The words of a condition or a purpose after the question ("... si está nublado"): they qualify it.

    Only when the question before "si" names its own subject ("¿qué hago si ...?" does not).
    """
    purpose = [i for i, (a, b) in enumerate(itertools.pairwise(tokens)) if i and (a, b) == ("para", "que")]
    if "si" not in tokens[1:] and not purpose:
        return ()
    # "¿a qué hora riego para que no se pierda el agua?": the purpose qualifies, like a condition.
    cut = min([*purpose, *([tokens.index("si", 1)] if "si" in tokens[1:] else [])])
    before = [w for w in tokens[:cut] if w in content and w not in WEAK_WORDS]
    return tuple(w for w in tokens[cut + 1 :] if w in content) if len(before) >= 2 else ()


def focus_of(tokens: list[str]) -> str | None:
    """The thing asked: the noun right after the first question word ("¿cuántos litros ...?")."""
    for index, word in enumerate(tokens):
        if word in ("quien", "quienes") and tokens[index + 1 : index + 2] in (
            ["es"],
            ["son"],
            ["era"],
            ["fue"],
        ):
            rest = [w for w in tokens[index + 2 :] if w not in _SKIP_BEFORE_FOCUS]
            return rest[0] if rest and _noun_like(rest[0]) else None  # "¿quién es el presidente ...?"
        if word in ("quien", "quienes") and index + 1 < len(tokens) and _deed(tokens[index + 1]):
            return tokens[index + 1]  # "¿quién revisó ...?": the answer names who did that
        if word in _FOCUS_AFTER:
            rest = [w for w in tokens[index + 1 :] if w not in _SKIP_BEFORE_FOCUS]
            if rest[:1] in (["tipo"], ["clase"]) and len(rest) > 1 and _noun_like(rest[1]):
                return rest[1]  # "¿qué tipo de batería ...?" asks for a battery
            if rest and _noun_like(rest[0]):
                return rest[0]
            if word not in ("llama", "llaman"):
                return None
    return None


def _deed(word: str) -> bool:
    """A verb that says what someone did ("revisó", "llevó", "firma"), not a general one ("hizo")."""
    return len(word) > 3 and word not in WEAK_WORDS and word not in STOP_WORDS and word not in ASKING


def _noun_like(word: str) -> bool:
    """Not a function word, a question verb or an infinitive ("¿qué tiene que pasar ...?")."""
    infinitive = len(word) > 4 and word.endswith(("ar", "er", "ir"))
    return not (word in WEAK_WORDS or word in STOP_WORDS or len(word) <= 2 or infinitive)


def component_words(question: Question) -> tuple[str, ...]:
    """The words naming the thing a light belongs to: its place phrase and the subject before it.

    Without an "en/de X" phrase, the subject's own words name it ("el tablero
    tiene la luz blanca").
    """
    if not question.place:
        return tuple(
            w
            for w in question.subject
            if w not in LIGHT_WORDS and not is_state_word(w) and w not in WEAK_WORDS
        )
    before = [t.word for t in question.tokens if question.place_span and t.end <= question.place_span[0]]
    head = [before[-1]] if before and before[-1] in question.subject and before[-1] not in LIGHT_WORDS else []
    return (*head, *question.place)


def campaign_words(question: Question) -> list[str]:
    """The month and year a table question names, as a passage would write them."""
    campaign = question.campaign
    if campaign is None or campaign.latest or campaign.earliest or campaign.nth:
        return []
    found = [MONTH_NAMES[campaign.month]] if campaign.month else []
    return found + ([str(campaign.year)] if campaign.year else [])


_AFTER_A_NOUN = frozenset({"es", "son", "de", "del", "tiene", "tienen", "usa", "usan", "hay"})


def asked_as_noun(focus: str | None, tokens: list[str]) -> bool:
    """Whether the thing asked is followed as a noun is ("marca es", "pin de"), or ends the question."""
    if focus is None or focus not in tokens:
        return False
    after = tokens[tokens.index(focus) + 1 : tokens.index(focus) + 2]
    return not after or after[0] in _AFTER_A_NOUN


_OF = ("de", "del")
_ARTICLES = frozenset({"el", "la", "los", "las", "un", "una"})


def complements(
    tokens: list[str], nouns: frozenset[str], content: list[str], articles: bool = False
) -> tuple[tuple[str, str], ...]:
    """Things named by their complement: («número», «cuenta») in "el número de cuenta"; with
    ``articles``, also («wifi», «sede») in "el wifi de la sede"."""
    found = []
    for i, head in enumerate(tokens[:-2]):
        if head not in nouns or head not in content or tokens[i + 1] not in _OF:
            continue
        at = i + 3 if articles and tokens[i + 2] in _ARTICLES and i + 3 < len(tokens) else i + 2
        if tokens[at] in content:
            found.append((head, tokens[at]))
    return tuple(found)
