"""Follow-ups: a turn that lacks a subject takes what it lacks from the earlier turns.

"¿y en agosto?" after "cuánto plomo salió en Miraflores en dic 2022" is read
as "cuánto plomo salió en Miraflores en agosto de 2022": the new turn's
parts (parameter, place, campaign, colour, the number of a counted thing)
replace the earlier question's, and the rest is kept. A new full question
(its own subject and no "y ...", "eso", "otro") starts afresh, so nothing
stale is inherited. A prose follow-up with an ask of its own ("¿y cuándo?",
"¿a qué hora atienden?", "¿y el fono?", "¿y si ...?") replaces the earlier
ask and keeps only the earlier subject (see ``asked_anew``).
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from botk_adapters.local.colour_edits import of_a_light
from botk_adapters.local.completion import (
    SLOT_INTENTS,
    apply,
    asks_anew,
    edits,
    opens_follow_up,
    remainder,
)
from botk_adapters.local.dates import Campaign
from botk_adapters.local.kinds import kind_of
from botk_adapters.local.numbered import renumber
from botk_adapters.local.question import Question, read_question
from botk_adapters.local.question_spans import INTERROGATIVES
from botk_adapters.local.smalltalk import is_small_talk
from botk_adapters.local.understood import Understood, names_enough, read_anew
from botk_adapters.local.variants import with_variant
from botk_adapters.local.vocabulary import ANAPHORA, POINTED

_BARE_MAX_WORDS = 3


def understand(history: Iterable[str], current: str) -> Understood:
    """Read ``current`` in the light of the earlier user turns ``history`` (oldest first)."""
    said = (*history, current)
    previous: Question | None = None
    for text in said[:-1]:
        if not is_small_talk(text):
            previous = _carried(complete(read_question(text), previous).question, previous)
    return attrs.evolve(complete(read_question(current), previous), said=said)


def complete(new: Question, previous: Question | None) -> Understood:
    """``new`` with the parts it lacks taken from ``previous``, when it is a follow-up."""
    if previous is None:
        return Understood(new)
    if _asks_about_the_value(new, previous):
        # "¿por qué salió tan alto?", "¿qué significan los asteriscos?" after a table answer: its cell.
        about = attrs.evolve(previous, explains=True, followup=True, intent="value")
        return Understood(about, new, alone_first=True)
    new = with_variant(new, previous) or new  # "¿y el libre?" after "cloro total": "cloro libre"
    number = renumber(new, previous)  # "¿y el segundo?" after "el 1er tramo": "el tramo 2"
    anew = None if number else read_anew(new, previous)
    if anew is not None:
        return anew
    kind = "sure" if number else _follow_up_kind(new, previous)
    if kind is None:
        return Understood(new)
    if number:
        new = attrs.evolve(new, subject=(), place=(), place_span=None)  # "del quinto" names no place
    if not [w for w in new.subject if w not in POINTED]:
        new = attrs.evolve(new, subject=())  # "en ese caso" points back, it names nothing new
    swapped = [number] if number else edits(new, previous)
    completed = read_question(apply(previous.text, swapped or remainder(new)))
    intent = new.intent if new.intent in SLOT_INTENTS else completed.intent
    excluded = previous.place if new.other_place else previous.excluded if completed.other_place else ()
    question = attrs.evolve(
        completed,
        intent=intent,
        excluded=tuple(excluded),
        followup=True,
        fresh=_fresh(new, previous),
        campaign=_campaign(completed.campaign, new, previous),
        # A new ask about the same thing ("¿y cuánto se demora?") asks what this turn asks.
        ask=new.text if not swapped and asks_anew(new) else previous.ask,
    )
    if intent == "limit" and previous.tabular and not (new.place or new.campaign or new.numbered):
        # "¿y cuál es la norma?" after a cell: the table's limit holds for every point and campaign.
        question = attrs.evolve(question, place=(), place_span=None, campaign=None, point=None)
    if kind == "sure":
        return Understood(question)
    # A bare ask ("¿cuánto espero?") is about what was just said; one that names two things stands alone.
    alone_first = (kind == "new" and names_enough(new)) or (kind == "guess" and not previous.tabular)
    return Understood(question, new, alone_first=alone_first)


def _carried(question: Question, previous: Question | None) -> Question:
    """What the next turn goes on from: the cell asked before a question about its table's limit.

    The limit holds for every point and campaign, so "¿y en la iglesia en
    octubre?" after "¿y cuál es el límite?" still changes the cell's place and date.
    """
    limit_only = question.intent == "limit" and not (question.place or question.campaign)
    if previous is not None and previous.tabular and limit_only and question.parameter == previous.parameter:
        return previous
    return question


def _campaign(completed: Campaign | None, new: Question, previous: Question) -> Campaign | None:
    """The completed campaign, its year marked as assumed when only an earlier turn said it."""
    if completed is None or not completed.year:
        return completed
    said = new.campaign
    old = previous.campaign
    month_only = (
        said is not None and bool(said.month) and not said.year and old is not None and bool(old.year)
    )
    kept = said is None and old is not None and old.year_assumed
    return attrs.evolve(completed, year_assumed=True) if month_only or kept else completed


def _fresh(new: Question, previous: Question) -> tuple[str, ...]:
    """The words the new turn brings that an answer must hold (a prose component counts)."""
    own = new.subject if previous.tabular else (*new.subject, *new.place)
    # "¿y el otro color, el rojo?", "¿y el led rojo?": the colour is the light's, the word "color"
    # or "led" need not be there.
    return tuple(w for w in own if not (new.colour and (w in ("color", "colores") or of_a_light(w))))


def _asks_about_the_value(new: Question, previous: Question) -> bool:
    """A why/what-does-it-mean turn with no subject of its own of a table kind, after a table question."""
    return previous.tabular and new.explains and not (new.tabular or new.place or new.colour or new.campaign)


def _only_a_value(new: Question) -> bool:
    """A turn that names only the kind of value it wants ("¿a qué número?"), nothing it is about."""
    kind = kind_of(new.text)
    if kind is None or not new.subject or new.tabular or new.place:
        return False
    return all(w in kind.words for w in new.subject)


def _follow_up_kind(new: Question, previous: Question) -> str | None:
    """How a turn leans on the thread: «sure» (completed), «thread» (completed first), «guess» (its own
    reading first after prose), «new» (its own first) or None (a question of its own)."""
    words = [t.word for t in new.tokens]
    opener = opens_follow_up(new.text)
    asks = any(w in INTERROGATIVES for w in words)
    if _only_a_value(new):
        return "sure"  # "¿a qué número?", "¿a qué hora?": the value of what was just asked about
    pointing = any(w in ANAPHORA for w in words)  # "¿y qué hago en ese caso?"
    if asks and new.subject and not new.tabular and not new.place and not pointing:
        # "¿y quién tomó las muestras?" asks something new; "¿y qué día atiende?" may ask it of the same.
        # Without "y": its own reading first, then of the same thing ("¿cuánto se demora?" after a procedure).
        return "new" if not previous.tabular else None
    if opener or pointing or new.other_place:
        named = [w for w in new.subject if w not in POINTED]
        if not named or (new.colour and previous.colour and all(of_a_light(w) for w in named)):
            return "sure"  # "¿y la luz azul?" after the gateway's red: the gateway's blue, or none
        # "¿y su número?" is the number of what was just asked about: the thread's reading first.
        return "thread" if any(w in ("su", "sus") for w in words) else "guess"
    if asks and not previous.tabular and not new.tabular:
        return "new"  # "¿cuánto se demora en prender de nuevo?" after a procedure may be about it
    has_subject = new.tabular or bool(new.subject)
    slots = new.campaign or new.place or new.colour or new.intent in SLOT_INTENTS
    if not has_subject and slots:
        return "sure"
    if previous.tabular and not new.tabular and not asks and 0 < len(new.subject) <= _BARE_MAX_WORDS:
        return "guess"
    return None
