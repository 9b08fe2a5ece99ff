"""How people write on phones: chat abbreviations, dates in many forms, one-letter typos.

Each helper turns a question's text towards the documents' own forms
("dic del 2022" -> "diciembre 2022", "q" -> "que"), or tells two words apart
by one edit, so that search and the offline assistant agree on them.
"""

from __future__ import annotations

import re

from botk_core.text import fold

# Chat abbreviations as a committee writes them from a phone.
_ABBREVIATIONS = {
    "q": "que", "k": "que", "ke": "que", "xq": "porque", "pq": "porque", "xk": "porque",
    "porq": "porque", "pa": "para", "pal": "para el", "tb": "tambien", "tmb": "tambien",
    "tbn": "tambien", "dnd": "donde", "cdo": "cuando", "qdo": "cuando", "x": "por", "d": "de",
    "xfa": "por favor", "porfa": "por favor", "info": "informacion", "lab": "laboratorio",
    "temp": "temperatura", "nro": "numero", "hrs": "horas", "aprox": "aproximadamente",
    "msj": "mensaje", "cel": "celular", "celu": "celular", "m3": "metro cubico", "mts3": "metro cubico",
    "muni": "municipalidad", "presi": "presidenta", "ksa": "casa", "kasa": "casa",
    "ta": "esta", "tai": "estas", "tamos": "estamos",
    "kien": "quien", "kienes": "quienes", "kual": "cual", "komo": "como", "kuanto": "cuanto",
    "tel": "telefono", "dir": "direccion", "wsp": "whatsapp", "wasap": "whatsapp", "guasap": "whatsapp",
    "bn": "bien", "mnn": "manana", "hr": "hora", "dsp": "despues", "dps": "despues", "tdo": "todo",
    "tdos": "todos", "xa": "para", "prox": "proximo", "ult": "ultimo", "sgte": "siguiente",
    "aki": "aqui", "aka": "aca", "ud": "usted", "uds": "ustedes", "porfis": "por favor",
    "plis": "por favor", "pls": "por favor", "xfavor": "por favor", "weno": "bueno", "nse": "no se",
    # The silent h dropped: «q ago», «a q ora», «ay agua».
    "ase": "hace", "ace": "hace", "aser": "hacer", "acer": "hacer", "ise": "hice",
    "iso": "hizo", "izo": "hizo", "ay": "hay", "abia": "habia", "ora": "hora", "oras": "horas",
    "asta": "hasta", "aora": "ahora", "oy": "hoy",
}  # fmt: skip
# Regional idioms said in several words, written as the one word the documents use.
_IDIOMS = (
    (re.compile(r"\bcuantas lucas\b"), "cuanto dinero"),  # a «luca» is a thousand pesos
    # «q ago» is «qué hago»; «ago del 22» is August.
    (re.compile(r"\bago\b(?!\.?\s*(?:del?\s+|[-/' ]\s*)?(?:19|20)?\d\d\b)"), "hago"),
    (re.compile(r"\b(?:se )?(?:echa|echan|echo|echaron|echara|echado) a perder\b"), "falla"),
    (re.compile(r"\b(?:se )?echar a perder\b"), "fallar"),
)


def expand_abbreviations(text: str) -> str:
    """``text`` folded, with chat abbreviations ("q", "xq", "pa", "tb") written out."""
    expanded = " ".join(_ABBREVIATIONS.get(token, token) for token in fold(text).split())
    for idiom, word in _IDIOMS:
        expanded = idiom.sub(word, expanded)
    return expanded


_MONTHS_TEXT = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
MONTHS = tuple(_MONTHS_TEXT.split())
_MONTH_ABBREVIATIONS = {m[:3]: m for m in MONTHS} | {"sept": "septiembre", "set": "septiembre"}
_MONTH_WORD = "|".join(sorted({*MONTHS, *_MONTH_ABBREVIATIONS}, key=len, reverse=True))
_MONTH_YEAR = re.compile(rf"\b({_MONTH_WORD})\.?(?:\s*(?:de|del)\s+|\s*[-/' ]\s*)((?:19|20)\d\d|\d\d)\b")
_NUMERIC_DATE = re.compile(r"\b(?:(\d{1,2})[/.-])?(\d{1,2})[/-]((?:19|20)\d\d)\b")
# "12/22": a month and a two-digit year past 12 (a day and a month would not be).
_SHORT_NUMERIC = re.compile(r"(?<![\d/.-])(0?[1-9]|1[0-2])\s*/\s*(1[3-9]|[23]\d)\b(?![/.-]\d)")
_ISO_MONTH = re.compile(r"\b((?:19|20)\d\d)[-/](\d{1,2})\b(?![-/]\d)")


def normalise_dates(text: str) -> str:
    """``text`` folded, with month-and-year dates written as "diciembre 2022".

    "dic 2022", "dic-22", "diciembre del 2022", "12/2022", "12/22", "2022-12"
    and "15/12/2022" all name the same campaign as a table column "Diciembre 2022".
    """
    text = _MONTH_YEAR.sub(_month_year, fold(text))
    text = _NUMERIC_DATE.sub(_numeric_date, text)
    text = _SHORT_NUMERIC.sub(lambda m: _month_name(int(m.group(1)), f"20{m.group(2)}") or m.group(0), text)
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
