"""Spanish text helpers shared by search, routing, stations and places.

One definition of folding, words and stop words, so that the index, the
offline assistant and the station lookup agree on what "the same word" is.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_WORD = re.compile(r"[^\W_]+", re.UNICODE)

# Function words that carry no topic: kept out of the index and out of the
# offline assistant's coverage so that "de la" never outranks what a question is about.
_STOP_WORDS_TEXT = """
    a al algo algun alguna algunas alguno algunos ante antes aqui asi aun cada como con contra cual
    cuales cuando cuanto cuanta cuantos cuantas de del desde donde dos durante e el ella ellas ellos
    en entre era eran es esa esas ese eso esos esta estas este esto estos estan ha han hay hace
    hacer hasta la las le les lo los mas me mi mis muy nada ni no nos nuestra nuestro o otra otro
    otros otras para pero poco por porque puede pueden puedes podrias que quien quienes se segun ser
    si sin sobre solo son su sus tal tambien tan tanto te tiene tienen todo todos todas toda tu un
    una unas uno unos usted ustedes y ya yo cosa cosas debe deben hago favor dime decir sabes saber
    quiero the of and or to in on for is are what how which
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())


@functools.lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Lower-case ``text`` and strip its accents; ñ becomes n, as people type it on phones.

    The same passages are folded on every search: the results are remembered.
    """
    lowered = text.casefold()
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def same_name(a: str, b: str) -> bool:
    """Whether two names are equal ignoring case, accents and surrounding or repeated spaces."""
    return " ".join(fold(a).split()) == " ".join(fold(b).split())


def name_key(name: str) -> str:
    """What a file name says to a reader: no folders, no extension, folded, any separators as one.

    ``Informe_Agua.DOCX``, ``informe agua.pdf`` and ``ＩＮＦＯＲＭＥ-agua.md`` have one key, so a
    file cannot pass for another by its case, accents, width, separators or extension.
    """
    base = re.split(r"[\\/]", name)[-1]
    stem, dot, _ = base.rpartition(".")
    folded = fold(stem if dot and stem else base)
    return " ".join(_WORD.findall(folded)) or folded


def words(text: str) -> list[str]:
    """The folded words of ``text``, numbers included."""
    return _WORD.findall(fold(text))


def keywords(text: str) -> list[str]:
    """The meaningful words of ``text``, folded, stop words and single letters left out."""
    return [w for w in words(text) if w not in STOP_WORDS and len(w) > 1]


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light Spanish stem: plurals, gender and the commonest verb endings removed.

    Light on purpose: it conflates "tanques/tanque", "luces/luz", "estaciones/
    estación", "roja/rojo", "miden/mide", "superó/supera", "revisar/revisa",
    "agotada/agotando" without merging unrelated words the way an aggressive
    stemmer does on short technical vocabulary.
    """
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ces"):
        word = word[:-3] + "z"
    elif word.endswith("iones") or (word.endswith("es") and len(word) > 4 and word[-3] not in "aeiou"):
        word = word[:-2]
    elif word.endswith("s") and word[-2] in "aeiou":
        word = word[:-1]
    return _verb_stem(word)


_VERB_FORMS = ("ieron", "iendo", "aron", "ando")
_PARTICIPLES = ("ado", "ada", "ido", "ida")


def _verb_stem(word: str) -> str:
    for ending in _VERB_FORMS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    if word.endswith(_PARTICIPLES) and len(word) - 3 >= 4:
        return word[:-3]
    if len(word) >= 6 and word.endswith("io"):
        return word[:-2]
    if len(word) >= 5 and word.endswith(("an", "en")):
        word = word[:-1]  # superan -> supera
    if len(word) >= 5 and word.endswith(("ar", "er", "ir")):
        return word[:-2]
    if len(word) > 3 and word[-1] in "aeo":
        word = word[:-1]
    return word


def terms(text: str) -> list[str]:
    """Stemmed content words of ``text``, in order, stop words removed."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS]


def query_terms(text: str) -> list[str]:
    """Distinct terms of a query; falls back to stop words when nothing else is left."""
    found = terms(text) or [stem(w) for w in words(text)]
    return list(dict.fromkeys(found))


FAMILY_PREFIX = 6
FAMILY_MIN_LENGTH = 7


def family_prefix(term: str) -> str | None:
    """The prefix shared by a long term's word family, or None for short terms.

    "mantenimiento" and "mantener", "instalación" and "instalar" share their
    first six letters; matching on it (besides the exact term, which scores
    higher) finds a passage phrased with another word of the family.
    """
    if len(term) < FAMILY_MIN_LENGTH or term.isdigit():
        return None
    return term[:FAMILY_PREFIX]


# Words a question is phrased with that say nothing about what it asks for
# ("cuánto plomo salió", "qué había"): left out of searches so they never match
# a passage by accident or by a typo correction.
_QUESTION_WORDS_TEXT = """
    salio salieron sale salen habia habian hubo dio dieron tenia tenian tuvo tuvieron dices dime oye
    hola porfa necesito quisiera ver mirar significa quiere decir hacer hago hacemos quedo queda
    quedaron anda andan
"""
QUESTION_WORDS = frozenset(_QUESTION_WORDS_TEXT.split())


# Abbreviations whose period does not end a sentence ("Sr. Choque", "NCh 409/1 Of. 2005", "var. cicla").
_ABBREVIATIONS_TEXT = """
    sr sra srta dr dra ing ingra lic prof sto sta of var subsp spp sp aprox approx ltda cia av avda
    n nro num no pag pags tel fono cel fig figs ej etc vs min max mín máx hrs aprox ca obs art cap
    dpto depto mg qf qfb tec ud uds km mt mts lt lts
"""
_ABBREVIATIONS = frozenset(_ABBREVIATIONS_TEXT.split())
_PERIOD = re.compile(r"([.!?])\s+")


def split_sentences(text: str) -> list[str]:
    """The sentences of one line of text; a period after an abbreviation or an initial does not end one.

    "Acelga (Beta vulgaris var. cicla)", "la NCh 409/1 Of. 2005", "Sr. Wilson
    Choque", "N°. 2" and "aprox. 10 cm" stay whole; so does a period followed
    by a lower-case word.
    """
    pieces: list[str] = []
    start = 0
    for match in _PERIOD.finditer(text):
        end = match.end()
        numbering = text[start : match.start()].strip().isdigit()  # "2. Conecte ..." is one step
        if match.group(1) == "." and (numbering or not _ends_sentence(text[: match.start()], text[end:])):
            continue
        pieces.append(text[start : match.start() + 1].strip())
        start = end
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def _ends_sentence(before: str, after: str) -> bool:
    last = before.rsplit(None, 1)[-1] if before.split() else ""
    word = fold(last.lstrip("(«\"'¿¡")).rstrip("°º")
    if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return False
    if "." in word and all(len(part) <= 3 for part in word.split(".")):
        return False  # "S.A.", "Q.F.", "p.ej."
    return not after[:1].islower()
