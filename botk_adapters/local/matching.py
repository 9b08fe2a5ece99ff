"""Word matching for the offline assistant: same stem, or one typo away.

Users write from phones ("manganezo", "miraflore", "agsoto"); a word of six
letters or more matches a word of the documents one edit away (a letter
added, dropped, changed, or two neighbours swapped), and any word matches
one it is said like («yama», «llama»).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import attrs

from botk_adapters.local.related import DEEDS, RELATED
from botk_adapters.local.units import unit_words
from botk_core import phrasing
from botk_core.sounds import SOUND_MIN_LENGTH, sound_key
from botk_core.synonyms import Synonyms
from botk_core.text import family_prefix, fold, stem, words

SYNONYMS = Synonyms.builtin()

# Stricter than the index's five letters: a five-letter word one edit from another
# is too often another word ("marca" and "marcha", "cobre" and "cobra").
TYPO_MIN_LENGTH = 6
SWAP_MIN_LENGTH = 5
ROOT_MIN_LENGTH = 4
# Endings of one Spanish word's forms: "espere"/"esperar", "decante"/"decantar", "muestras"/"muestreo".
_ENDINGS = frozenset(
    {"", "a", "e", "o", "as", "es", "os", "an", "en", "ar", "er", "ir", "ado", "ada", "ados", "adas", "ido",
     "ida", "ando", "iendo", "aron", "ieron", "amos", "emos", "imos", "io", "aba", "ia", "eo", "eos", "ara",
     "era", "ira", "on", "i"}
)  # fmt: skip


_SOFTENED = re.compile(r"([gq])u(e|en)$")


@functools.lru_cache(maxsize=65536)
def spelled_stem(word: str) -> str:
    """The stem of a verb form that spelling changed: «pagué» is «pagar», «riegue» «riego», «busque» «buscar».

    Spanish writes a hard g or c before «e» as «gu», «qu»; the stem is the one of the plain letter.
    """
    if len(word) < 5:
        return stem(word)
    return stem(_SOFTENED.sub(lambda m: ("g" if m.group(1) == "g" else "c") + m.group(2), word))


def one_edit_apart(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are equal or one edit apart (a swap of neighbours counts as one)."""
    return a == b or phrasing.one_edit_apart(a, b)


@functools.lru_cache(maxsize=131072)
def similar(word: str, other: str, typos: bool = True) -> bool:
    """Whether the user's ``word`` means the documents' ``other``.

    Same stem, one word family (the same first six letters, both of seven or
    more: "muestras", "muestreo"), or one typo apart (both of five letters or more).
    """
    if word == other or stem(word) == stem(other) or spelled_stem(word) == spelled_stem(other):
        return True
    if word.isdigit() or other.isdigit():
        return False
    bare, other_bare = without_clitic(word), without_clitic(other)
    if (bare, other_bare) != (word, other) and (bare == other_bare or same_root(bare, other_bare)):
        return True  # "tomar" and "tomarla", "llenar" and "llenarlo"
    prefix = family_prefix(word)
    if (prefix and family_prefix(other) == prefix) or same_root(word, other) or deed_of(word, other):
        return True
    if not typos:
        return False
    if len(word) >= TYPO_MIN_LENGTH and len(other) >= TYPO_MIN_LENGTH and one_edit_apart(word, other):
        return True
    if len(word) >= SWAP_MIN_LENGTH and sorted(word) == sorted(other) and one_edit_apart(word, other):
        return True  # two neighbours swapped keep every letter: «psota» is «posta», never another word
    return _said_alike(word, other) or _swapped(word, other)


def _said_alike(word: str, other: str) -> bool:
    # Written by ear: «yama» is «llama», «lleba» «lleva», «zonda» «sonda»; «reinisio» a form of «reiniciar».
    if len(word) < SOUND_MIN_LENGTH or not word.isalpha():
        return False
    key, other_key = sound_key(word), sound_key(other)
    return key == other_key or same_root(key, other_key)


def _swapped(word: str, other: str) -> bool:
    """A swap of neighbours and then a form of one family: «muestars» is «muestras», so «muestreo»."""
    if len(word) < TYPO_MIN_LENGTH or word[:3] != other[:3]:
        return False
    return any(
        similar(word[:i] + word[i + 1] + word[i] + word[i + 2 :], other, typos=False)
        for i in range(3, len(word) - 1)
    )


_CLITICS = ("selas", "selos", "sela", "selo", "las", "los", "les", "la", "lo", "le", "se")


def without_clitic(word: str) -> str:
    """An infinitive without the pronoun joined to it ("tomarla" -> "tomar", "revisarlo" -> "revisar")."""
    for clitic in _CLITICS:
        base = word[: -len(clitic)]
        if word.endswith(clitic) and len(base) >= ROOT_MIN_LENGTH + 1 and base[-1] == "r":
            return base
    return word


_DIMINUTIVE = re.compile(r"^([a-z]{4,}?)(c?)(it)([oa])(s?)$")


def undiminished(word: str) -> tuple[str, ...]:
    """The plain words a diminutive may stand for: "sobrecito" -> "sobre", "cajita" -> "caja"."""
    found = _DIMINUTIVE.match(word) if len(word) >= 6 else None
    if found is None:
        return ()
    root, c, _, gender, plural = found.groups()
    if c:  # "sobrecito", "lucecita", "motorcito": the root is the word
        return (root + plural, root + "e" + plural) if not root.endswith("e") else (root + plural,)
    return (root + gender + plural,)  # "tapita" -> "tapa", "tornillito" -> "tornillo"


def same_root(word: str, other: str) -> bool:
    """Two forms of one word: a shared root of four letters or more, each followed by an inflection."""
    if word[:ROOT_MIN_LENGTH] != other[:ROOT_MIN_LENGTH]:
        return False
    shared = ROOT_MIN_LENGTH
    while shared < min(len(word), len(other)) and word[shared] == other[shared]:
        shared += 1
    return word[shared:] in _ENDINGS and other[shared:] in _ENDINGS


DEED_MIN_LENGTH = 6  # "medio" is not "medición", "poso" not "posición"
_NOUN_OF_DEED = re.compile(r"^([a-z]{3,}?)(?:aci|ici|ci|si)on(?:es)?$")


def deed_of(word: str, other: str) -> bool:
    """A verb and the noun of its deed: "emitió"/"emisión", "revisó"/"revisión", "instaló"/"instalación"."""
    for noun, verb in ((word, other), (other, word)):
        found = _NOUN_OF_DEED.match(noun)
        if found and len(verb) >= DEED_MIN_LENGTH and verb.startswith(found.group(1)):
            rest = verb[len(found.group(1)) :]
            rest = rest[1:] if rest[:1] in ("t", "d", "s", "c") else rest  # emit-ió / emi-sión
            if rest in _ENDINGS and rest:
                return True
    return False


def matches_any(word: str, others: Iterable[str]) -> bool:
    """Whether ``word`` is similar to one of ``others``."""
    return any(similar(word, other) for other in others)


@attrs.frozen
class Words:
    """A text's words and their stems, looked up many times."""

    words: frozenset[str]
    stems: frozenset[str]
    text: str

    @classmethod
    def of(cls, text: str) -> Words:
        folded = fold(text)
        found = frozenset(words(folded)) | unit_words(folded) | _mark_words(folded)
        return cls(found, frozenset(s for w in found for s in (stem(w), spelled_stem(w))), folded)


# A table's note names its marks by their symbols: "(*) Valor que supera ...", "(-) No medido".
_MARK_NAMES = (("(*)", "asterisco"), ("(-)", "guion"), ("(<)", "menor"), ("(**)", "asterisco"))


def _mark_words(folded: str) -> frozenset[str]:
    return frozenset(name for symbol, name in _MARK_NAMES if symbol in folded)


def holds(word: str, have: Words, typos: bool = True) -> bool:
    """Whether ``have`` contains ``word``, a synonym of it, or (with ``typos``) a near spelling."""
    if word in have.words or stem(word) in have.stems or spelled_stem(word) in have.stems:
        return True
    if " " in word:  # a synonym phrase of the question («tercera edad»): as a whole, or word by word
        phrase = tuple(stem(w) for w in word.split())
        equivalents = SYNONYMS.equivalents(phrase) or (phrase,)
        held = any(all(t in have.stems for t in other) for other in equivalents)
        return held or all(holds(w, have, typos) for w in word.split())
    if not word.isalpha():
        return word in have.text
    bare = without_clitic(word)
    if bare != word:
        return holds(bare, have, typos)  # "arreglarla" is "arreglar", and "reparar" by synonym
    if any(holds(base, have, typos) for base in undiminished(word)):
        return True  # "el sobrecito" is "el sobre", "los tornillitos" are "los tornillos"
    related = RELATED.get(word, frozenset()) | DEEDS.get(word, frozenset())
    if related & have.words:
        return True
    if any(all(t in have.stems for t in phrase) for phrase in SYNONYMS.equivalents((stem(word),))):
        return True
    return any(similar(word, h, typos) for h in have.words)


@functools.lru_cache(maxsize=4096)
def phrase_variants(phrase: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """``phrase`` and its wordings by synonym: "tanque elevado" is also "copa de agua".

    A run of its words that a synonym group holds is replaced by each of the
    group's phrases (as stems, which ``similar`` compares by stem).
    """
    found = [phrase]
    stems = tuple(stem(w) for w in phrase)
    for size in range(len(stems), 0, -1):
        for start in range(len(stems) - size + 1):
            for other in SYNONYMS.equivalents(stems[start : start + size])[1:]:
                found.append((*phrase[:start], *other, *phrase[start + size :]))
    return tuple(dict.fromkeys(found))
