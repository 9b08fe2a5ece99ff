"""The kind of value a question asks for, and whether a text holds one.

"¿A qué hora ...?" is answered by "19:00", "fono del laboratorio" by
"+56 57 254 8830", "el correo de soporte" by "soporte@empresa.cl", "¿cuánto
vale ...?" by "$350", "¿cada cuánto ...?" by "todos los lunes" or "cada 15
días", "¿a qué temperatura ...?" by "4 °C". The word that asks ("hora",
"fono", "correo") need not be in the answer: the value is.
"""

from __future__ import annotations

import re

import attrs

_WEEKDAYS = r"lunes|martes|miercoles|jueves|viernes|sabados?|domingos?"
_MONTHS = (
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
)


@attrs.frozen
class Kind:
    """A kind of value: what asks for it, the words that name or narrow it, and its pattern."""

    name: str
    asks: re.Pattern[str]
    # Words of the question that the value stands for ("hora", "fono") or narrows ("tarde").
    words: frozenset[str]
    value: re.Pattern[str]
    # A value that answers better ("13 de diciembre de 2022" rather than "diciembre de 2022").
    strong: re.Pattern[str] | None = None

    @property
    def label(self) -> str:
        """The word a document labels such a value with ("Fecha de emisión", "Teléfono")."""
        return self.name


def _kind(name: str, asks: str, words: str, value: str, strong: str | None = None) -> Kind:
    return Kind(
        name,
        re.compile(asks),
        frozenset(words.split()),
        re.compile(value),
        re.compile(strong) if strong else None,
    )


_DAY_PARTS = r"(?:de la|en la|por la) (?:manana|tarde|noche)"
# "máximo 2 horas", "durante 3 horas" are spans of time, not the time of day "¿a qué hora?" asks.
_SPAN_BEFORE = "".join(
    f"(?<!{w} )" for w in ("maximo", "minimo", "durante", "cada", "por", "en", "unas", "hasta")
)
_FULL_DATE = rf"\b\d{{1,2}}\s+de\s+(?:{_MONTHS})\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b"
_EVERY = (
    rf"\bcada\s+\w+|\btodos\s+los\s+(?:{_WEEKDAYS}|dias|meses|anos)|\b(?:diari|semanal|mensual|anual"
    rf"|quincenal)\w*|\b(?:una|dos|tres)\s+(?:vez|veces)\b|\blos\s+(?:{_WEEKDAYS})\b"
)
# A past event: "cuándo fue", "cuándo se instaló/emitió", "cuándo tomaron/hicieron".
_PAST_EVENT = r"\b(?:en que fecha|que fecha|cuando (?:fue|fueron|se [a-z]{3,}o|[a-z]{3,}(?:io|aron|ieron)))\b"
# "el día 5", "5 de cada mes", "los primeros 10 días de cada mes".
_DAY_OF_MONTH = r"\bdias?\s+\d{1,2}\b|\b\d{1,2}\s+(?:dias?\s+)?de\s+cada\s+mes\b"
_PRICE = (
    r"\b(?:precio|cuesta|cuestan|cuanto vale|cuanto valen|costo|cuanto (?:se )?cobra\w*|cuanto se paga|tarifa"
    r"|cuanto (?:le |les |me |nos )?(?:pagan|paga|pago|pagamos)"
    r"|multas?|a cuanto (?:el|la|sale|esta))\b"
)
_UNITS_OF_TIME = r"(?:segundos?|minutos?|min|horas?|hrs?|dias?|semanas?|meses|mes|anos?)"
_COUNTS = r"un|una|unos|unas|dos|tres|cuatro|cinco|seis|siete|ocho|diez|quince|veinte|treinta|media|medio"
_TAKES = r"demora|demoran|demoro|tarda|tardan|tardo"
_DURATION = (
    rf"\b(?:cuanto (?:se )?(?:{_TAKES}|dura|duran)|(?:en )?cuanto (?:tiempo|rato)|(?:cuantos|cuantas) "
    rf"(?:segundos|minutos|horas|dias|semanas|meses|anos))\b"
)
# "¿cuántos litros por segundo?" asks for a flow: a tank's volume does not answer it.
_VOLUME = (
    r"\b(?:cuanta agua|cuantos litros(?! (?:por|al|a la) (?:segundo|minuto|hora|dia))|que cantidad de agua"
    r"|(?:que|cuanta) capacidad|cuanto cabe)\b"
)
_PERCENT = r"\b(?:a |con )?(?:que|cuanta) (?:concentracion|porcentaje)\b|\b(?:al )?cuanto por ciento\b"
_HEIGHT = (
    r"\b(?:a que|que|cuanta) (?:altura|distancia|profundidad)\b"
    r"|\bque tan (?:alt[oa]|lejos|hond[oa]|profund[oa])\b|\ba cuantos (?:metros|centimetros|cm)\b"
)
_LENGTH = (
    r"\b\d[\d.,]*\s*(?:m|mts?|metros?|cm|centimetros?|km|kilometros?)\b"
    r"|\b(?:un|uno|dos|tres|cuatro|cinco|diez|medio)\s+(?:metros?|centimetros?|kilometros?)\b"
)
_CONDITION = (
    r"\b(?:que (?:tiene|tendria|debe|deberia) que pasar|en que casos?|desde (?:que|cuanto)"
    r"|a partir de (?:que|cuanto)|cuando se considera)\b"
)
_IF = (
    r"\bsi (?:se|el|la|los|las|hay|no|su|sus|un|una|es|esta|uno)\b|\bcuando\b|\bsiempre que\b"
    r"|\b(?:mayor|menor|superior|inferior) (?:a|que|de)\b|\b(?:mas|menos) de\b"
)
_CALL = (
    r"\b(?:su|sus) numeros?\b"
    r"|\b(?:a quien|a donde|donde) (?:le |les )?(?:llamo|llamar|llamamos|llame|llamo yo)\b"
)
_PROFESSION = (
    r"\b(?:ingenier|quimic|tecnic|licenciad|abogad|medic|enfermer|biolog|geolog|geograf|agronom|profesor"
    r"|analista|contador|veterinari|arquitect|sociolog|hidrolog)\w*"
)
_ADDRESS = r"\b\d{1,3}(?:\.\d{1,3}){3}\b|\b[\w-]+(?:\.[\w-]+)*\.(?:cl|com|org|net)\b"
KINDS = (
    _kind("frecuencia", r"\b(?:cada cuant[oa]s?|con que frecuencia|cuantas veces)\b",
          "frecuencia cuanto cuantos cuantas", _EVERY),
    # "fuera de horario" is a rule broken, not a time asked.
    _kind("hora", r"\bque hora\b|(?<!fuera de )\bhorarios?\b|\bhora de\b",
          "hora horas horario horarios manana tarde noche",
          rf"\b\d{{1,2}}[:.]\d{{2}}\b|{_SPAN_BEFORE}\b\d{{1,2}}\s*(?:hrs?|horas|am|pm)\b|\b\w+ {_DAY_PARTS}",
          # A clock time or a span of them answers "¿a qué hora?" better than "2 horas".
          r"\b\d{1,2}[:.]\d{2}\b|\bde \d{1,2} a \d{1,2}\b|\b(?:a|desde|hasta) las \d{1,2}\b"),
    # "¿Cuánto se demora ...?", "¿cuánto rato ...?": a span of time answers, whatever word asked;
    # "¿cuánto dura la pila?" also needs what lasts ("dura"), not any span ("cámbiela en 7 días").
    _kind("duracion", _DURATION, f"{_TAKES.replace('|', ' ')} tiempo rato demorar tardar",
          rf"\b\d[\d.,]*\s*{_UNITS_OF_TIME}\b|\b(?:{_COUNTS})\s+{_UNITS_OF_TIME}\b"),
    # "¿A qué altura va la caja?": a length answers ("a un metro y medio del suelo", "a 3 m").
    _kind("altura", _HEIGHT, "altura distancia profundidad alto alta lejos hondo metros", _LENGTH),
    # "¿Desde qué año existe el comité?": a year answers ("desde 1996").
    _kind("ano", r"\b(?:desde |en |de )?que ano\b", "ano anos", r"\b(?:19|20)\d{2}\b"),
    # "¿Qué tiene que pasar para que sea crítica?", "¿desde qué porcentaje ...?": a condition answers.
    _kind("condicion", _CONDITION, "pasar pase casos caso considera", _IF),
    # Water for a crop is given as a depth ("25 mm por semana"): that is its amount of water too.
    _kind("volumen", _VOLUME,
          "agua litros litro cantidad capacidad cabe",
          r"\b\d[\d.,]*\s*(?:mil\s+)?(?:litros?|lts?|l|m3|m³|metros cubicos|mm|milimetros?)\b"),
    # "¿A qué concentración viene el hipoclorito?": a percentage answers ("al 10%").
    _kind("porcentaje", _PERCENT, "concentracion porcentaje ciento", r"\d[\d.,]*\s*%|\bpor ciento\b"),
    # "¿a quién llamo?" asks for whom to call and at what number.
    _kind("telefono", rf"\b(?:telefonos?|fonos?|celular|whatsapp|numero de contacto|a que numero)\b|{_CALL}",
          "telefono telefonos fono fonos celular whatsapp numero", r"(?<![\w/.-])\+?\d[\d\s-]{6,}\d"),
    _kind("correo", r"\b(?:correos?|e?mail|correo electronico)\b", "correo correos mail email",
          r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    _kind("precio", _PRICE, "precio cuesta cuestan vale valen costo cobran cobra tarifa paga pagan pago",
          r"\$\s?\d|\b\d[\d.,]*\s*(?:pesos|uf|clp)\b|\buf\b"),
    _kind("temperatura", r"\b(?:que|cuanta) temperatura\b|\bcuantos grados\b", "temperatura grados",
          r"\d\s*[°º]\s*c?\b|\bgrados\b"),
    # "¿qué profesión tiene?": a profession answers ("Marcela Iturra, ingeniera ambiental").
    _kind("profesion", r"\b(?:que |cual es (?:la |su )?)(?:profesion|ocupacion|titulo)\b",
          "profesion ocupacion titulo", _PROFESSION),
    _kind("direccion", r"\b(?:que|cual(?: es)?(?: la)?) (?:direccion|pagina|ip|url|servidor)\b",
          "direccion pagina web ip url", _ADDRESS),
    # "¿Qué días pasa el camión?" is answered by the days named ("martes y viernes"), not by "días".
    _kind("dias", r"\b(?:(?:en )?que dias?|cuales dias|que dia de la semana)\b", "dia dias semana",
          rf"\b(?:{_WEEKDAYS})\b|\btodos los dias\b|{_DAY_OF_MONTH}|{_FULL_DATE}"),
    # "¿Cuándo fue ...?" asks for a date; "¿cuándo conviene ...?" asks for a circumstance.
    _kind("fecha", _PAST_EVENT, "fecha ultimo ultima reciente",
          rf"{_FULL_DATE}|\b(?:{_MONTHS})\s+(?:de\s+|del\s+)?\d{{4}}\b", _FULL_DATE),
)  # fmt: skip
FREQUENCY = KINDS[0]


def kind_of(folded: str) -> Kind | None:
    """The kind of value a folded question asks for, or None."""
    return next((kind for kind in KINDS if kind.asks.search(folded)), None)


def holds_kind(kind: Kind, folded: str) -> bool:
    """Whether a folded text holds a value of ``kind``."""
    return bool(kind.value.search(folded))


def strongly_holds(kind: Kind, folded: str) -> bool:
    """Whether a folded text holds the better form of ``kind``'s value."""
    return bool((kind.strong or kind.value).search(folded))
