"""Numbered things as a follow-up slot: «¿y el segundo?» after «el 1er tramo» asks for «el tramo 2».

A question that counts ("el punto 1", "la campaña 1", "el turno 1", spelled
from "el 1er punto", "la primera campaña") keeps its words when a follow-up
says only another ordinal, or the same noun with another number: only the
number changes, of the noun of the same gender ("la tercera" is the
campaign, "el tercero" the point or the tariff block).
"""

from __future__ import annotations

from botk_adapters.local.ordinals import gender, numbered_spans
from botk_adapters.local.question import Question
from botk_adapters.local.question_spans import Edit
from botk_adapters.local.vocabulary import CHAT_WORDS, WEAK_WORDS
from botk_core.text import STOP_WORDS


def renumber(new: Question, previous: Question) -> Edit | None:
    """The edit that gives ``previous``'s counted noun the number ``new`` asks for, if it asks only that."""
    counted = numbered_spans(previous.text)
    if not counted or new.parameter:
        return None
    if new.ordinal is not None:
        number, said = new.ordinal
        same = [span for noun, span in counted if not said or gender(noun) == said]
        # People mix genders ("¿y la tercera?" after "el turno 2"): one counted noun is the one meant,
        # except that in a table question a feminine ordinal without its noun counts campaigns.
        if not same and len({noun for noun, _ in counted}) == 1 and not (previous.tabular and said == "f"):
            same = [span for _, span in counted]
    elif len(new.numbered) == 1 and _only_numbered(new):
        wanted, number = new.numbered[0]
        same = [span for noun, span in counted if noun[:4] == wanted[:4]]
    else:
        return None
    return (same[-1], str(number)) if same else None


def _only_numbered(new: Question) -> bool:
    """Whether a turn names nothing but its counted noun and number ("¿y en el tramo 3?")."""
    noun, number = new.numbered[0]
    others = [
        t.word
        for t in new.tokens
        if t.word not in STOP_WORDS
        and t.word not in WEAK_WORDS
        and t.word not in CHAT_WORDS
        and t.word[:4] != noun[:4]
        and t.word != str(number)
    ]
    return not others and new.colour is None
