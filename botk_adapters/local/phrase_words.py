"""Spanish pieces of a question: articles, pronouns, a noun phrase, the words that open a follow-up.

"la" is an article in «la bomba» and a pronoun in «¿quién la preside?» or «la
cambio»; «la cajita del sensor» and «el led azul de la cajita» are one thing
each. Follow-ups cut questions at these pieces.
"""

from __future__ import annotations

from collections.abc import Sequence

from botk_adapters.local.kinds import KINDS, kind_of
from botk_adapters.local.question_spans import INTERROGATIVES
from botk_adapters.local.vocabulary import CHAT_WORDS, WEAK_WORDS
from botk_core.text import STOP_WORDS

Words = tuple[str, ...]

OPENERS = frozenset({"y", "e", "tambien", "entonces", "pero", "ahora", *CHAT_WORDS})
ARTICLES = frozenset({"el", "la", "los", "las", "un", "una", "unos", "unas"})
POSSESSIVES = frozenset({"mi", "mis", "su", "sus", "tu", "tus", "nuestro", "nuestra"})
DETERMINERS = ARTICLES | POSSESSIVES
CLITICS = frozenset({"se", "lo", "la", "los", "las", "le", "les", "me", "te", "nos"})
COPULAS = frozenset({"es", "son", "era", "eran", "fue", "fueron", "sera", "seria"})
# Words that name the kind of value asked ("hora", "fono"): the value answers them.
_KIND_WORDS = frozenset(w for kind in KINDS for w in kind.words)


def without_opener(words: Sequence[str]) -> Words:
    """The words after "y", "oiga", "ya" and the like."""
    index = 0
    while index < len(words) - 1 and words[index] in OPENERS:
        index += 1
    return tuple(words[index:])


def noun_like(word: str) -> bool:
    """Not a function word, a light verb or an infinitive."""
    infinitive = len(word) > 4 and word.endswith(("ar", "er", "ir"))
    return not (word in WEAK_WORDS or word in STOP_WORDS or len(word) <= 2 or infinitive)


def noun_phrase_end(words: Words, start: int) -> int:
    """Where the noun phrase at ``start`` ends: «la cajita del sensor», «el led azul de la cajita»."""
    index = start
    while index < len(words) and (words[index] in ARTICLES or words[index] in POSSESSIVES):
        index += 1
    if index >= len(words) or not noun_like(words[index]):
        return start
    index += 1
    while index < len(words):
        if words[index] in ("de", "del") and index + 1 < len(words):
            after = noun_phrase_end(words, index + 1) if words[index] == "de" else index + 2
            if after <= index + 1 or not noun_like(words[after - 1]):
                break
            index = after
        elif index + 1 < len(words) and words[index + 1] in ("de", "del") and noun_like(words[index]):
            index += 1  # "el led azul de ...": a word that qualifies the noun before its complement
        else:
            break
    return index


def clitic(words: Sequence[str], index: int, after_ask: bool = False) -> bool:
    """Whether an article-like word is a pronoun before a verb: «quién la preside», «la cambio»."""
    word = words[index]
    if word not in CLITICS:
        return False
    if index == 0:
        return after_ask
    before = words[index - 1]
    if before in INTERROGATIVES or before in CLITICS | {"no"}:
        return True
    after = words[index + 1] if index + 1 < len(words) else ""
    return word in ("la", "las") and after.endswith(("o", "os"))  # «la cambio», not «la bomba»


def kind_word(word: str) -> bool:
    """A word that names the kind of value asked ("hora", "fono", "multa"): the value answers it."""
    return word in _KIND_WORDS or kind_of(word) is not None


def infinitive(word: str) -> bool:
    """«lavar», «regar», «cambiar»: a verb not yet said of anyone."""
    return len(word) > 4 and word.endswith(("ar", "er", "ir")) and word not in STOP_WORDS
