"""Words the offline assistant knows: water-quality parameters, colours, question words.

The parameter list is the drinking-water vocabulary (the Chilean norm's
parameters and the usual lab analyses) with the names people use for them,
so that "¿y el fierro?" is known to change the parameter, not the place.
A parameter a document names that is missing here is still found through
the table facts themselves.
"""

from __future__ import annotations

import functools
import re

from botk_adapters.local.fact_typos import fuzzy_phrase
from botk_adapters.local.light_verbs import LIGHT_VERB_FORMS
from botk_core.lights import COLOURS, colour_in, has_colour
from botk_core.phrasing import one_edit_apart
from botk_core.sounds import sound_key
from botk_core.text import STOP_WORDS, fold

# canonical name (as lab reports print it) -> other names people write
_PARAMETERS: dict[str, tuple[str, ...]] = {
    "hierro": ("fierro", "fe"),
    "manganeso": ("mn",),
    "plomo": ("pb",),
    "cobre": ("cu",),
    "zinc": ("cinc", "zn"),
    "arsenico": ("arsenio",),
    "cadmio": ("cd",),
    "mercurio": ("hg",),
    "cromo": ("cromo total", "cromo hexavalente"),
    "niquel": ("ni",),
    "aluminio": (),
    "boro": (),
    "selenio": (),
    "antimonio": (),
    "bario": (),
    "berilio": (),
    "plata": (),
    "cobalto": (),
    "molibdeno": (),
    "vanadio": (),
    "uranio": (),
    "talio": (),
    "estano": (),
    "litio": (),
    "calcio": (),
    "magnesio": (),
    "sodio": (),
    "potasio": (),
    "cianuro": (),
    "fluoruro": ("fluor", "floruro"),
    "cloruro": ("cloruros",),
    "sulfato": ("sulfatos",),
    "nitrato": ("nitratos",),
    "nitrito": ("nitritos",),
    "amonio": ("amoniaco", "nitrogeno amoniacal"),
    "fosfato": ("fosforo",),
    "bicarbonato": (),
    "carbonato": (),
    "silice": (),
    "cloro libre": ("cloro residual", "cloro libre residual"),
    "cloro total": (),
    "cloro": (),
    "ph": ("acidez",),
    "turbiedad": ("turbidez", "turbiedad", "turbio"),
    "conductividad": ("conductividad electrica",),
    "dureza": ("dureza total", "tan dura", "agua dura"),
    "alcalinidad": (),
    "solidos disueltos": ("solidos disueltos totales", "solidos totales disueltos", "sdt", "tds"),
    "coliformes totales": ("coliformes", "bacterias coliformes"),
    "coliformes fecales": ("e coli", "escherichia coli"),
    "color": ("color verdadero",),
    "olor": (),
    "sabor": (),
    "oxigeno disuelto": ("oxigeno",),
    "trihalometanos": (),
    "benceno": (),
    "tolueno": (),
    "xileno": (),
}

__all__ = ["COLOURS", "colour_in", "find_parameter", "has_colour", "parameter_display"]

PARAMETER_NAMES: dict[str, str] = {}
for _canonical, _aliases in _PARAMETERS.items():
    PARAMETER_NAMES[_canonical] = _canonical
    for _alias in _aliases:
        PARAMETER_NAMES[_alias] = _canonical

# Two-letter symbols ("pb", "mn") count only as whole words, after the names.
_BY_LENGTH = sorted(PARAMETER_NAMES, key=len, reverse=True)
_PHRASES = [name.split() for name in _BY_LENGTH if " " in name]
_SINGLE_WORDS = [name for name in PARAMETER_NAMES if " " not in name and len(name) >= 5]

# Display names with their accents, for the sentences the assistant writes.
_DISPLAY = {
    "arsenico": "arsénico",
    "niquel": "níquel",
    "estano": "estaño",
    "silice": "sílice",
    "oxigeno disuelto": "oxígeno disuelto",
    "solidos disueltos": "sólidos disueltos",
    "ph": "pH",
}


def find_parameter(folded: str, fuzzy: bool = True) -> tuple[str | None, tuple[int, int] | None, bool]:
    """The parameter a folded text names, where, and whether only by a typo (longest name first).

    A word one typo from a parameter is not one when it stands where a place
    does ("y en la plaza" is not "plata").
    """
    for name in _BY_LENGTH:
        found = re.search(rf"\b{re.escape(name)}(?:s|es)?\b", folded)
        if found:
            return PARAMETER_NAMES[name], found.span(), False
    if not fuzzy:
        return None, None, False
    phrase = fuzzy_phrase(folded, _PHRASES)
    if phrase is not None:
        return PARAMETER_NAMES[phrase[0]], phrase[1], True
    for word in re.finditer(r"[a-z]{5,}", folded):
        if word.group(0) in _WORDS_OF_THEIR_OWN or _PLACE_BEFORE.search(folded[: word.start()]):
            continue  # "sobre" is not a typo of "cobre", nor "cobra" (cobrar)
        for name in _SINGLE_WORDS:
            if _typo_of(word.group(0), name):
                return PARAMETER_NAMES[name], word.span(), True
    return None, None, False


# Words one edit from a parameter that are words of their own ("se cobra", "el cobro").
_WORDS_OF_THEIR_OWN = STOP_WORDS | {
    "cobra", "cobro", "cobran", "cobras", "cobrar", "platos", "plato", "cubre", "cubren", "cubrir",
}  # fmt: skip
_SHORT_TYPO = 6
_SOUND_TYPO = 7  # «plaza» sounds one edit from «plata»: only longer words are read so


def _typo_of(word: str, name: str) -> bool:
    """One edit from the name, or said alike and one edit from it as said («turvides», «turbidez»)."""
    if one_edit_apart(word, name):
        return _plausible_typo(word, name)
    if word[:1] != name[:1]:
        return False
    key, name_key = sound_key(word), sound_key(name)
    return key == name_key or (len(word) >= _SOUND_TYPO and one_edit_apart(key, name_key))


def _plausible_typo(word: str, name: str) -> bool:
    """A short word one edit from a name is a typo of it only with the same first letter.

    "salio" (as in "cuánto salió") is not "talio"; "alumino" is "aluminio".
    """
    return len(word) >= _SHORT_TYPO or word[:1] == name[:1]


_PLACE_BEFORE = re.compile(r"\b(?:en(?: el| la| los| las)?|(?:de|a) (?:el|la|los|las)|del|al)\s+$")


def parameter_display(canonical: str) -> str:
    return _DISPLAY.get(canonical, canonical)


# Words that ask rather than name: they carry no subject of their own.
WEAK_WORDS = (
    frozenset(
        fold(
            """
    salio salieron sale salen habia hubo fue fueron dio dieron dan da tiene tienen tenia tomo tomaron
    hizo hicieron realizo realizaron midio midieron marco registro registraron necesita necesitan
    significa significan sirve sirven usa usan dice dicen indica indican aparece aparecen pasa paso
    quiere queria busco busca encontrar resultado resultados valor valores dato datos nivel cantidad
    cuanto cuanta cuantos cuantas cual cuales como donde cuando quien quienes que porque hola
    medido estaba estuvo estan esta resulto arrojo hay habian llama llaman llamo nombre hacer marque
    quedo queda quedaron sea ser puede pueden bien mal normal correcto ok doy dar damos saco sacaron sacar
    bueno buena buenos buenas incluye incluyen contiene contienen comprende comprenden abarca va van
    pasame pasenme pasa dame deme denme mandame digame digan cuentame indiqueme necesito necesitamos
    somos soy estoy estamos tipo tipos clase conviene convienen recomienda recomiendan recomendable
    """
        ).split()
    )
    | LIGHT_VERB_FORMS
)

_LONG_WEAK = tuple(w for w in WEAK_WORDS if len(w) >= 7)


@functools.lru_cache(maxsize=4096)
def is_weak(word: str) -> bool:
    """A weak word, or one typo of a long one: «signifca» asks as «significa» does."""
    return word in WEAK_WORDS or (len(word) >= 7 and any(one_edit_apart(word, w) for w in _LONG_WEAK))


# Words of a chat ("oiga", "porfa", "ahora", "¿tamos bien?"): they call, soften or link, and never name
# a place, a sampling point or a subject.
_CHAT_WORDS_TEXT = """
    oiga oigan oye oiste mire disculpe disculpa perdon porfa porfavor favor gracias hola buenas po pues
    bueno ya ok oka okey dale ahora ahorita altiro estamos estas estoy pasame pasenme dame deme denme digame
"""
CHAT_WORDS = frozenset(_CHAT_WORDS_TEXT.split())

# What every document of a water committee names: a search that ranks other passages first has
# missed it, not shown that the documents never name it.
EVERYWHERE = frozenset({"agua", "aguas"})

# Weak words that are also things when an article names them ("una llama", "el registro").
NOUNS_TOO = frozenset({"llama", "llamas", "registro", "marco", "toma"})

FOLLOW_UP_OPENERS = ("y ", "e ", "tambien ", "y que tal", "que tal ", "ahora ", "y ahora", "entonces ")
_ANAPHORA_TEXT = """
    eso esos esas ese esto ahi alli aca alla mismo misma otro otra anterior
"""
ANAPHORA = frozenset(_ANAPHORA_TEXT.split())
# What an anaphora points with: "en ese caso", "en ese momento" name nothing of their own.
POINTED = frozenset({"caso", "casos", "momento", "situacion", "entonces", "todavia", "nomas"})
