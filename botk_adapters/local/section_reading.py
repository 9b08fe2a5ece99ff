"""The thread's last answer: what it cited, and the section a prose follow-up is read in.

``last_sources`` are the documents, sections and quote a follow-up's answer
is sought in first. When no reading of a prose follow-up answers, it is read
inside the section the last answer quoted.

"¿qué días atienden?" after "¿dónde se paga?" asks about that FAQ entry;
"¿y cómo sé si quedó bien?" after a procedure, about its steps. The turn is
searched with the section's heading, and answered only from that section,
which lends it the words it leaves out (see ``need_checks``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from botk_adapters.local.matching import Words
from botk_adapters.local.need import need_of
from botk_adapters.local.passage_words import QUOTED
from botk_adapters.local.prose import write_prose
from botk_adapters.local.prose_lists import persons_value
from botk_adapters.local.question import Question
from botk_adapters.local.question_spans import INTERROGATIVES
from botk_adapters.local.reply import Answer
from botk_adapters.local.searching import MAX_QUERY_CHARS, PROSE_K
from botk_adapters.local.understood import Understood
from botk_core.model import ChatItem, ModelRequest
from botk_core.tools.search import FoundPassage

_SOURCE = re.compile(r"^Fuente: (.+?)(?: · | \(documento de ejemplo\)|$)", re.MULTILINE)
_NOT_QUOTED = re.compile(r"^(?:Fuente|Entendí|No lo encontré):? ")
_SECTION = re.compile(r"^Fuente: (.+?) · (.+?)(?: \(documento de ejemplo\))?$", re.MULTILINE)
# A table's cell is cited by its table, row and column: no section of prose to read a turn in.
_TABLE = re.compile(r"^Tabla\b")
_MOVES = frozenset({"en", "de", "del", "para", "pa", "por", "con", "sin", "a", "al", "desde", "hasta"})


@attrs.frozen
class Section:
    """Where the last answer quoted from (a document and a heading trail), and what it answered."""

    document: str
    location: str
    asked: str = ""

    def holds(self, found: FoundPassage) -> bool:
        return found.fact is None and found.document == self.document and found.location == self.location

    @property
    def heading(self) -> str:
        return self.location.rsplit("›", 1)[-1].strip()


def _last_exchange(request: ModelRequest) -> tuple[str, str] | None:
    """The thread's last answer and the user message it answered ("" when none comes before it)."""
    chat = [i for i in request.items if isinstance(i, ChatItem)]
    answers = [n for n, i in enumerate(chat) if i.role == "assistant"]
    if not answers:
        return None
    asked = [i.text for i in chat[: answers[-1]] if i.role == "user"][-1:]
    return chat[answers[-1]].text, " ".join(asked)


def last_sources(request: ModelRequest) -> tuple[str, ...]:
    """The documents the last answer of the thread cited (its "Fuente: ..." lines)."""
    exchange = _last_exchange(request)
    if exchange is None:
        return ()
    answer = exchange[0]
    documents = [m.group(1) for m in _SOURCE.finditer(answer)]
    # With each document, the section it was quoted from («doc · section»): a follow-up's answer is
    # sought there first.
    sections = [f"{m.group(1)} · {m.group(2)}" for m in _SECTION.finditer(answer)]
    # And what it quoted: "¿qué otras plantas están en ese grupo?" is about the passage just quoted.
    quoted = [f"{QUOTED}{line}" for line in answer.splitlines() if line and not _NOT_QUOTED.match(line)]
    return tuple(dict.fromkeys([*documents, *sections, *quoted[:1]]))


def last_section(request: ModelRequest) -> Section | None:
    """The section of prose the thread's last answer quoted, if it quoted one."""
    exchange = _last_exchange(request)
    found = _SECTION.search(exchange[0]) if exchange else None
    if exchange is None or found is None or _TABLE.match(found.group(2)):
        return None
    return Section(found.group(1), found.group(2), exchange[1])


def section_for(request: ModelRequest, understood: Understood) -> Section | None:
    """The section a prose follow-up may be read in: the one the last answer quoted."""
    question = understood.question
    if question.tabular or not (question.followup or understood.alone is not None):
        return None
    return last_section(request)


def section_search(asked: str, section: Section) -> dict[str, Any]:
    """The search for the turn inside the section: its own words and the section's heading."""
    return {"query": f"{asked} {section.heading}"[:MAX_QUERY_CHARS], "k": PROSE_K}


def answer_in_section(
    question: Question, section: Section, searches: Iterable[Sequence[FoundPassage]], completed: Question
) -> Answer | None:
    """The turn answered from the section's passages; its heading and earlier ask lend it their words.

    A turn that only moves the earlier question somewhere else ("¿y en el
    tablero?") keeps its ask, which the section need not answer: not read here.
    """
    words = [t.word for t in question.tokens if t.word != "y"]
    if words and words[0] in _MOVES and not set(words[1:2]) & INTERROGATIVES:
        return None  # «¿a qué hora ...?» asks; «¿y en el tablero?» moves the earlier ask
    # "¿y el correo?" after "¿quién es la tesorera?" is hers: not the plumber's on the next line.
    whose = need_of(completed)
    held = (f for results in searches for f in results if section.holds(f) and persons_value(whose, f))
    passages = list({f.text: f for f in held}.values())
    if not passages:
        return None
    lent = Words.of(f"{section.location} {section.asked}")
    return write_prose(question, passages, (f"{section.document} · {section.location}",), lent)
