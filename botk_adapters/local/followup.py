"""Follow-ups: a turn that lacks a subject takes what it lacks from the earlier turns.

"¿y en agosto?" after "cuánto plomo salió en Miraflores en dic 2022" is read
as "cuánto plomo salió en Miraflores en agosto de 2022": the new turn's
parts (parameter, place, campaign, colour) replace the earlier question's,
and the rest is kept. A new full question (its own subject and no "y ...",
"eso", "otro") starts afresh, so nothing stale is inherited.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from botk_adapters.local.dates import MONTH_NAMES
from botk_adapters.local.question import Question, Span, read_question
from botk_adapters.local.smalltalk import is_small_talk
from botk_adapters.local.vocabulary import ANAPHORA, FOLLOW_UP_OPENERS

_INTERROGATIVES_TEXT = """
    que quien quienes cual cuales como donde cuando cuanto cuanta cuantos cuantas porque
"""
_INTERROGATIVES = frozenset(_INTERROGATIVES_TEXT.split())
_ARTICLES = ("el ", "la ", "los ", "las ", "un ", "una ", "unos ", "unas ")
_ARTICLE_WORDS = frozenset(a.strip() for a in _ARTICLES)
_SLOT_INTENTS = ("over", "within", "limit", "row", "column")
_BARE_MAX_WORDS = 3


@attrs.frozen
class Understood:
    """The question a turn asks once its thread is read, and whether it leaned on earlier turns.

    ``alone`` is the turn read on its own, kept when the follow-up reading is a
    guess: a bare word after a table question ("¿kuskalla?") may be a place or
    a new topic; new words after a prose question ("¿y el correo?") usually
    stand on their own, so that reading goes first.
    """

    question: Question
    alone: Question | None = None
    alone_first: bool = False

    def readings(self) -> list[Question]:
        """The readings to search, the likelier first."""
        if self.alone is None:
            return [self.question]
        return [self.alone, self.question] if self.alone_first else [self.question, self.alone]


def understand(history: Iterable[str], current: str) -> Understood:
    """Read ``current`` in the light of the earlier user turns ``history`` (oldest first)."""
    previous: Question | None = None
    for text in history:
        if not is_small_talk(text):
            previous = complete(read_question(text), previous).question
    return complete(read_question(current), previous)


def complete(new: Question, previous: Question | None) -> Understood:
    """``new`` with the parts it lacks taken from ``previous``, when it is a follow-up."""
    if previous is None:
        return Understood(new)
    kind = _follow_up_kind(new, previous)
    if kind is None:
        return Understood(new)
    edits = _edits(new, previous) or _remainder(new)
    completed = read_question(_apply(previous.text, edits))
    intent = new.intent if new.intent in _SLOT_INTENTS else completed.intent
    excluded = previous.place if new.other_place else previous.excluded if completed.other_place else ()
    question = attrs.evolve(
        completed, intent=intent, excluded=tuple(excluded), followup=True, fresh=_fresh(new, previous)
    )
    if kind != "guess":
        return Understood(question)
    return Understood(question, new, alone_first=not previous.tabular)


def _fresh(new: Question, previous: Question) -> tuple[str, ...]:
    """The words the new turn brings that an answer must hold (a prose component counts)."""
    return new.subject if previous.tabular else (*new.subject, *new.place)


def _follow_up_kind(new: Question, previous: Question) -> str | None:
    """«sure», «guess» or None (a question of its own)."""
    words = [t.word for t in new.tokens]
    opener = any(new.text.startswith(o) or new.text.startswith("¿" + o) for o in FOLLOW_UP_OPENERS)
    asks = any(w in _INTERROGATIVES for w in words)
    if asks and new.subject and not new.tabular and not new.place:
        return None  # "¿y quién tomó las muestras?" asks something new
    if opener or any(w in ANAPHORA for w in words) or new.other_place:
        return "guess" if new.subject and not previous.tabular else "sure"
    has_subject = new.tabular or bool(new.subject)
    slots = new.campaign or new.place or new.colour or new.intent in _SLOT_INTENTS
    if not has_subject and slots:
        return "sure"
    if previous.tabular and not new.tabular and not asks and 0 < len(new.subject) <= _BARE_MAX_WORDS:
        return "guess"
    return None


Edit = tuple[Span | None, str]


def _edits(new: Question, previous: Question) -> list[Edit]:
    edits: list[Edit] = []
    if new.parameter and new.parameter_span:
        edits.append((previous.parameter_span, _cut(new, new.parameter_span)))
    if new.campaign:
        phrase = _cut(new, new.campaign.span)
        old = previous.campaign
        if new.campaign.month and not new.campaign.year and old and old.year:
            phrase = f"{MONTH_NAMES[new.campaign.month]} de {old.year}"
        edits.append((old.span if old else None, phrase if old else f"en {phrase}"))
    if (new.place or new.other_place) and new.place_span:
        edits.append(_place_edit(previous, _cut(new, new.place_span)))
    if new.colour and new.colour_span:
        phrase = "apagada" if new.colour == "sin luz" else _cut(new, new.colour_span)
        edits.append((previous.colour_span, phrase))
    if new.subject and not (new.parameter or new.campaign or new.place or new.colour):
        edits.append(_subject_edit(new, previous))
    return edits


def _component_span(question: Question) -> Span | None:
    """In a prose question, the span of "<subject> de/del <place>" when the place qualifies a thing."""
    span = question.place_span
    if question.tabular or not span or not question.text[span[0] :].startswith(("de ", "del ")):
        return None
    before = [t for t in question.tokens if t.end <= span[0]]
    if not before or before[-1].word not in question.subject:
        return None
    start = before[-1].start
    if len(before) > 1 and before[-2].word in _ARTICLE_WORDS:
        start = before[-2].start
    return (start, span[1])


def _remainder(new: Question) -> list[Edit]:
    """A turn with no part to swap ("¿y qué hago en ese caso?"): its own words are added."""
    kept = [t.word for t in new.tokens if t.word not in ANAPHORA and t.word not in ("y", "e")]
    words = " ".join(kept)
    return [(None, words)] if words and new.intent not in _SLOT_INTENTS else []


def _place_edit(previous: Question, phrase: str) -> Edit:
    """Replace the earlier place; "en" is added, or dropped when the earlier text already has it.

    In prose, "la cajita del sensor" is one thing: "¿y en el gateway?" replaces it whole.
    """
    opened = phrase.startswith(("en ", "de ", "del "))
    span = previous.place_span
    whole = _component_span(previous)
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
    if words.startswith(_ARTICLES) or len(new.tokens) <= len(new.subject) + 1:
        head = _subject_span(previous)
        if head:
            return (head, words)
    return (None, words)


def _subject_span(question: Question) -> Span | None:
    """Where the question's main subject word is, with its article.

    A question with a question word names its subject last ("cuánta agua
    necesita la papa"); a bare phrase names it first ("clave del wifi del gateway").
    """
    tokens = question.tokens
    asks = bool(tokens) and tokens[0].word in _INTERROGATIVES
    order = range(len(tokens) - 1, -1, -1) if asks else range(len(tokens))
    for index in order:
        if tokens[index].word in question.subject:
            start = tokens[index].start
            if index and tokens[index - 1].word in _ARTICLE_WORDS:
                start = tokens[index - 1].start
            return (start, tokens[index].end)
    return None


def _without_opener(question: Question) -> str:
    text = question.text.strip(" ¿?¡!.,")
    for opener in FOLLOW_UP_OPENERS:
        if text.startswith(opener):
            return text[len(opener) :].strip()
    return text


def _cut(question: Question, span: Span) -> str:
    return question.text[span[0] : span[1]]


def _apply(text: str, edits: list[Edit]) -> str:
    """Replace the spans of ``text`` (right to left), then append the parts it lacked."""
    text = text.rstrip(" ?.!")
    appended = [phrase for span, phrase in edits if span is None]
    for span, phrase in sorted((e for e in edits if e[0] is not None), key=lambda e: -e[0][0]):  # type: ignore[index]
        start, end = span  # type: ignore[misc]
        text = text[:start] + phrase + text[end:]
    return " ".join([text, *appended])
