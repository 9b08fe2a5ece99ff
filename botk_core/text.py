"""Spanish text helpers shared by search, routing, stations and places.

One definition of folding, words and stop words, so that the index, the
offline assistant and the station lookup agree on what "the same word" is.
"""

from __future__ import annotations

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


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its accents; ñ becomes n, as people type it on phones."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def same_name(a: str, b: str) -> bool:
    """Whether two names are equal ignoring case, accents and surrounding or repeated spaces."""
    return " ".join(fold(a).split()) == " ".join(fold(b).split())


def words(text: str) -> list[str]:
    """The folded words of ``text``, numbers included."""
    return _WORD.findall(fold(text))


def keywords(text: str) -> list[str]:
    """The meaningful words of ``text``, folded, stop words and single letters left out."""
    return [w for w in words(text) if w not in STOP_WORDS and len(w) > 1]


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

# Chat abbreviations as a committee writes them from a phone.
_ABBREVIATIONS = {
    "q": "que", "k": "que", "ke": "que", "xq": "porque", "pq": "porque", "xk": "porque",
    "porq": "porque", "pa": "para", "pal": "para el", "tb": "tambien", "tmb": "tambien",
    "tbn": "tambien", "dnd": "donde", "cdo": "cuando", "qdo": "cuando", "x": "por", "d": "de",
    "xfa": "por favor", "porfa": "por favor", "info": "informacion", "lab": "laboratorio",
    "temp": "temperatura", "nro": "numero", "hrs": "horas", "aprox": "aproximadamente",
    "msj": "mensaje", "cel": "celular",
}  # fmt: skip


def expand_abbreviations(text: str) -> str:
    """``text`` folded, with chat abbreviations ("q", "xq", "pa", "tb") written out."""
    return " ".join(_ABBREVIATIONS.get(token, token) for token in fold(text).split())


_MONTHS_TEXT = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
MONTHS = tuple(_MONTHS_TEXT.split())
_MONTH_ABBREVIATIONS = {m[:3]: m for m in MONTHS} | {"sept": "septiembre", "set": "septiembre"}
_MONTH_WORD = "|".join(sorted({*MONTHS, *_MONTH_ABBREVIATIONS}, key=len, reverse=True))
_MONTH_YEAR = re.compile(rf"\b({_MONTH_WORD})\.?(?:\s*(?:de|del)\s+|\s*[-/' ]\s*)((?:19|20)\d\d|\d\d)\b")
_NUMERIC_DATE = re.compile(r"\b(?:(\d{1,2})[/.-])?(\d{1,2})[/-]((?:19|20)\d\d)\b")
_ISO_MONTH = re.compile(r"\b((?:19|20)\d\d)[-/](\d{1,2})\b(?![-/]\d)")


def normalise_dates(text: str) -> str:
    """``text`` folded, with month-and-year dates written as "diciembre 2022".

    "dic 2022", "dic-22", "diciembre del 2022", "12/2022", "2022-12" and
    "15/12/2022" all name the same campaign as a table column "Diciembre 2022".
    """
    text = _MONTH_YEAR.sub(_month_year, fold(text))
    text = _NUMERIC_DATE.sub(_numeric_date, text)
    return _ISO_MONTH.sub(lambda m: _month_name(int(m.group(2)), m.group(1)) or m.group(0), text)


_CAMPAIGN = re.compile(rf"\b({'|'.join(MONTHS)}) ((?:19|20)\d\d)\b")


def month_and_year(text: str) -> tuple[int, int] | None:
    """(year, month) of the first month-and-year date in ``text`` ("Octubre 2021", "oct-21", "10/2021").

    Campaign columns sort by it, so "el último muestreo" is the latest one.
    """
    match = _CAMPAIGN.search(normalise_dates(text))
    return (int(match.group(2)), MONTHS.index(match.group(1)) + 1) if match else None


def _month_year(match: re.Match[str]) -> str:
    month, year = _MONTH_ABBREVIATIONS.get(match.group(1), match.group(1)), match.group(2)
    if len(year) == 2:
        if match.group(1) in MONTHS and "-" not in match.group(0) and "'" not in match.group(0):
            return match.group(0)  # "octubre 21" is more likely a day than a year
        year = f"20{year}"
    return f"{month} {year}"


def _numeric_date(match: re.Match[str]) -> str:
    day, month, year = match.group(1), int(match.group(2)), match.group(3)
    name = _month_name(month, year)
    if name is None:
        return match.group(0)
    return f"{int(day)} {name}" if day else name


def _month_name(month: int, year: str) -> str | None:
    return f"{MONTHS[month - 1]} {year}" if 1 <= month <= 12 else None


TYPO_MIN_LENGTH = 5


def deletions(term: str) -> set[str]:
    """``term`` and every string one deleted letter away: two words one edit apart share one."""
    return {term, *(term[:i] + term[i + 1 :] for i in range(len(term)))}


def one_edit_apart(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by one insertion, deletion, substitution or swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((i for i, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[i:] == long[i + 1 :]
