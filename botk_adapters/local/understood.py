"""What a turn asks once its thread is read; and a prose follow-up that asks anew, so read.

The readings of a turn are the thread's (the follow-up completed) and, when
that is a guess, the turn's own; ``read_anew`` reads a prose follow-up with an
ask of its own (see ``asked_anew``): the earlier subject with the new ask.
"""

from __future__ import annotations

import attrs

from botk_adapters.local.asked_anew import recompose
from botk_adapters.local.kinds import kind_of
from botk_adapters.local.question import Question, read_question
from botk_adapters.local.vocabulary import ANAPHORA, POINTED, WEAK_WORDS


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
    # What the user typed in the thread, to show the understood question with their accents.
    said: tuple[str, ...] = ()

    def readings(self) -> list[Question]:
        """The readings to search, the likelier first."""
        if self.alone is None:
            return [self.question]
        return [self.alone, self.question] if self.alone_first else [self.question, self.alone]


def read_anew(new: Question, previous: Question) -> Understood | None:
    """A prose follow-up with an ask of its own: the earlier subject with the new ask (see ``asked_anew``)."""
    # "¿cuánto se demora en quedar en verde?" after a procedure asks anew; "¿y la roja?" swaps a colour.
    colour_swap = bool(new.colour) and (bool(previous.colour) or kind_of(new.text) is None)
    slots = new.campaign or colour_swap or new.other_place or new.numbered or new.ordinal
    words = [t.word for t in new.tokens]
    # "¿y si lo hago otra vez?" points to nothing: "otra vez" is "again".
    pointing = any(w in ANAPHORA and words[i + 1 : i + 2] != ["vez"] for i, w in enumerate(words))
    if _about_a_cell(previous) or new.tabular or slots or pointing:
        return None
    recomposed = recompose(new, previous)
    if recomposed is None:
        return None
    if recomposed.order == "own":
        return Understood(new)
    about = recomposed.earlier
    question = attrs.evolve(
        read_question(recomposed.text),
        followup=True,
        fresh=recomposed.fresh,
        about=about.subject if about else (),
        about_lead=about.lead if about else "",
    )
    if recomposed.order == "sure":
        return Understood(question)
    alone_first = recomposed.order == "alone" or (recomposed.order == "enough" and names_enough(new))
    return Understood(question, new, alone_first=alone_first)


def _about_a_cell(question: Question) -> bool:
    """A question a table cell may answer: it names a parameter, and asks neither where nor who."""
    opening = [t.word for t in question.tokens if t.word not in ("y", "a", "con", "en")][:1]
    return question.tabular and opening not in (["donde"], ["quien"], ["quienes"])


def names_enough(new: Question) -> bool:
    """Whether a turn names enough of its own to be read on its own first: two words that are not weak,
    or the thing a «¿qué ...?» asks for ("¿qué puerto?")."""
    own = [w for w in new.content_words() if w not in WEAK_WORDS and w not in POINTED]
    which = [t.word for t in new.tokens if t.word != "y"][:1] in (["que"], ["cual"], ["cuales"])
    return len(own) >= 2 or (which and len(own) == 1)
