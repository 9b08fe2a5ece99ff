"""Completing an earlier question with a follow-up's parts: which span to replace, what to append.

Spans come from ``read_question``: a new campaign replaces the earlier
campaign's words, a new place its place phrase, a new colour its colour; a
part the earlier question lacked is appended ("... en agosto de 2022").
"""

from __future__ import annotations

from botk_adapters.local.colour_edits import colour_edits, unsaid_states
from botk_adapters.local.dates import MONTH_NAMES
from botk_adapters.local.followup_places import names_a_place
from botk_adapters.local.kinds import kind_of
from botk_adapters.local.question import Question, Span
from botk_adapters.local.question_spans import ARTICLE_WORDS, ARTICLES, INTERROGATIVES, Edit, subject_span
from botk_adapters.local.vocabulary import ANAPHORA, CHAT_WORDS, FOLLOW_UP_OPENERS, POINTED

SLOT_INTENTS = ("over", "within", "limit", "row", "column")


def edits(new: Question, previous: Question) -> list[Edit]:
    """The changes ``new`` makes to ``previous``'s text: swapped parts, or parts it lacked."""
    edits: list[Edit] = []
    if new.parameter and new.parameter_span:
        edits.append((previous.parameter_span, _cut(new, new.parameter_span)))
    if new.campaign:
        phrase = _cut(new, new.campaign.span)
        old = previous.campaign
        if new.campaign.month and not new.campaign.year and old and old.year:
            phrase = f"{MONTH_NAMES[new.campaign.month]} de {old.year + new.campaign.year_shift}"
        elif new.campaign.year_shift and old and old.year:
            phrase = f"{old.year + new.campaign.year_shift}"  # "¿y el año siguiente?"
        elif new.campaign.relative and new.campaign.anchor is None and old:
            # Before (or after) the one just answered.
            side = "siguiente" if new.campaign.before < 0 else "anterior"
            phrase = f"la campana {side} a {_cut(previous, old.span)}"
        edits.append((old.span if old else None, phrase if old else f"en {phrase}"))
    if (new.place or new.other_place) and new.place_span:
        edits.append(_place_edit(previous, _cut(new, new.place_span), _same_thing(new)))
    edits += colour_edits(new, previous)
    if new.subject and not (new.parameter or new.campaign or new.place or new.colour):
        edits.append(_subject_edit(new, previous))
    elif previous.tabular and names_a_place(new):
        edits.append(_place_edit(previous, " ".join(new.subject)))  # "¿y la escuela en marzo?"
    return edits + unsaid_states(new, previous, edits)


def _component_span(question: Question) -> Span | None:
    """In a prose question, the span of "<subject> de/del <place>" when the place qualifies a thing."""
    span = question.place_span
    if question.tabular or not span or not question.text[span[0] :].startswith(("de ", "del ")):
        return None
    before = [t for t in question.tokens if t.end <= span[0]]
    if not before or before[-1].word not in question.subject:
        return None
    start = before[-1].start
    if len(before) > 1 and before[-2].word in ARTICLE_WORDS:
        start = before[-2].start
    return (start, span[1])


def asks_anew(new: Question) -> bool:
    """Whether a follow-up brings a question word of its own ("¿y cuánto cuesta?", "¿y quién lo hace?")."""
    return any(t.word in INTERROGATIVES for t in new.tokens) or kind_of(new.text) is not None


def remainder(new: Question) -> list[Edit]:
    """A turn with no part to swap ("¿y qué hago en ese caso?"): its own words are added."""
    dropped = ANAPHORA | POINTED | CHAT_WORDS | {"y", "e"}
    kept = [t.word for t in new.tokens if t.word not in dropped]
    words = " ".join(kept)
    return [(None, words)] if words and new.intent not in SLOT_INTENTS else []


def _same_thing(new: Question) -> bool:
    """Whether a turn asks of the same thing elsewhere: "¿y el del estanque?", "¿y la de la posta?"."""
    words = _without_opener(new).split()
    return len(words) > 2 and words[0] in ARTICLE_WORDS and words[1] in ("de", "del")


def _place_edit(previous: Question, phrase: str, same_thing: bool = False) -> Edit:
    """Replace the earlier place; "en" is added, or dropped when the earlier text already has it.

    In prose, "la cajita del sensor" is one thing: "¿y en el gateway?" replaces it whole;
    "¿y el del estanque?" keeps the thing («el código») and replaces only whose it is.
    """
    opened = phrase.startswith(("en ", "de ", "del "))
    span = previous.place_span
    whole = None if same_thing else _component_span(previous)
    if whole:
        return (whole, phrase.split(" ", 1)[1] if opened else phrase)
    if span and previous.text[: span[0]].endswith(("en ", "de ", "del ")):
        return (span, phrase.split(" ", 1)[1] if opened else phrase)
    return (span, phrase if opened else f"en {phrase}")


def _subject_edit(new: Question, previous: Question) -> Edit:
    """Bare words: a place in a table question; in prose they replace the earlier question's last subject."""
    words = _without_opener(new)
    if previous.tabular:
        return _place_edit(previous, " ".join(new.subject))
    if words.startswith(ARTICLES) or len(new.tokens) <= len(new.subject) + 1:
        head = subject_span(previous)
        if head:
            return (head, words)
    return (None, words)


def opens_follow_up(text: str) -> bool:
    """Whether a turn opens as a follow-up ("y ...", "¿y en ...?", "oiga, y ...", "ya, y ...")."""
    bare = text.lstrip("¿¡")
    return any(bare.startswith(o) or _without_chat(text).startswith(o) for o in FOLLOW_UP_OPENERS)


def _without_chat(text: str) -> str:
    """``text`` without the chat words and marks that open it ("oiga, y en la sede" -> "y en la sede")."""
    words = text.split()
    while words and (words[0].strip("¿¡,.") in CHAT_WORDS or not words[0].strip("¿¡,.")):
        words.pop(0)
    return " ".join(words).lstrip("¿¡")


def _without_opener(question: Question) -> str:
    text = _without_chat(question.text).strip(" ¿?¡!.,")
    for opener in FOLLOW_UP_OPENERS:
        if text.startswith(opener):
            return text[len(opener) :].strip()
    return text


def _cut(question: Question, span: Span) -> str:
    return question.text[span[0] : span[1]]


def apply(text: str, edits: list[Edit]) -> str:
    """Replace the spans of ``text`` (right to left), then append the parts it lacked."""
    text = text.rstrip(" ?.!")
    appended = [phrase for span, phrase in edits if span is None]
    for span, phrase in sorted((e for e in edits if e[0] is not None), key=lambda e: -e[0][0]):  # type: ignore[index]
        start, end = span  # type: ignore[misc]
        text = text[:start] + phrase + text[end:]
    return " ".join([text, *appended])
