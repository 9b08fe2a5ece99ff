"""What a question about the water asks for: a decision now, an event in the data, the weather.

Each predicate reads the folded question. They are deliberately about the
present data: "¿guardamos agua esta semana?" asks for a decision, while
"¿cuándo conviene guardar agua según el manual?" asks what the documents
say, and stays a document search.
"""

from __future__ import annotations

import re

from botk_adapters.local.vocabulary import PARAMETER_NAMES
from botk_core.phrasing import TYPO_MIN_LENGTH, one_edit_apart

# The documents' rules, not today's data.
_DOCUMENTS = re.compile(
    r"\bsegun (?:el |la |los |las )?(?:manual|documento|guia|plan|reglamento|protocolo|norma|informe|faq)"
    r"|\bque dicen? (?:el |la |los |las )?(?:manual|documento|guia|plan|reglamento|protocolo|informe|norma)"
    r"|\b(?:en|del|de la|el|la) (?:manual|guia|plan maestro|reglamento|protocolo)\b"
    r"|^\W*(?:y\s+)?(?:cuando|en que casos?|por que|quien|quienes)\s+(?:conviene|hay que|se debe|debemos|debo"
    r"|se puede|podemos|se decide|decide|deciden|guard|solt|liber|ahorr|repart|distribu|regar|usar)"
    r"|\b(?:como se decide|como decidir|que criterios?|que reglas?|criterios? para|reglas? para)\b"
    # What a device is for ("¿qué mide el sensor del tanque?"), not what it reads now.
    r"|^\W*(?:y\s+)?(?:que|para que) (?:mide|miden|detecta|detectan|sirve|sirven|controla|controlan)\b"
    # What a device runs on ("¿con qué funciona el sensor del bofedal?"), not whether it works now.
    r"|\bcon (?:que|cual|cuales)(?: \w+)? (?:funciona|funcionan|trabaja|trabajan|opera|operan)\b"
    r"|\bse alimentan?\b|\bque (?:bateria|pila|panel|energia|chip) (?:usa|usan|lleva|llevan|tiene|tienen)\b"
    # Whether and how a cut is announced ("¿avisan antes de cortar el agua?"): the committee's rules.
    r"|\b(?:avisan|se avisa|nos avisan|avisaran|anuncian|notifican)\b|\bcon cuant[oa] anticipacion\b"
)
# How to do it ("¿cómo ahorrar agua?"): advice from the documents.
_HOW_TO = re.compile(
    r"^\W*(?:y\s+)?como\s+(?:se\s+)?(?:(?:puedo|podemos|puede|pueden|debo|debemos|hago|hacemos|hacer)\s+"
    r"(?:para\s+)?)?(?:ahorr|guard|cuid|almacen|reutiliz|junt|distribu|repart)"
    r"|\b(?:consejos?|recomendaciones|tips|ideas|formas|maneras|sugerencias) (?:para|pa|de) (?:\w+ )?"
    r"(?:ahorr|guard|cuid|gast|us|consum|ocup|reutiliz|aprovech)"
    r"|\bcomo (?:\w+ )?(?:gastar|usar|consumir|ocupar) menos\b"
)
_ACTIONS_TEXT = """
    guardar guardamos guardemos guardo guarda guardan guardaremos guardariamos soltar soltamos
    soltemos suelto suelta sueltan soltaremos liberar liberamos liberemos libero libera liberan
    repartir repartimos repartamos reparto distribuir distribuimos distribuyamos distribuyo ahorrar
    ahorramos ahorremos ahorro ahorra usar usamos usemos ocupar ocupamos ocupemos gastar gastamos
    gastemos almacenar almacenamos reservar reservamos juntar juntamos acumular acumulamos racionar
    racionamos racionemos raciono cortar cortamos cortemos abrir abrimos abramos abro cerrar cerramos
    cerremos cierro cuidar cuidamos cuidemos
"""
_ACTIONS = frozenset(_ACTIONS_TEXT.split())
# Nouns one letter away from an action ("cuidados del agua" is advice, not "cuidamos").
_NOT_ACTIONS = frozenset({"cuidado", "cuidados", "usado", "usados", "ahorros", "reservas", "cortes"})
# Verbs that speak of the water by themselves: "¿tenemos que racionar?" needs no "agua".
_WATER_VERBS_TEXT = """
    racionar racionamos racionemos raciono racionamiento racionarlo racionarla guardarla guardarlo
    soltarla soltarlo liberarla liberarlo
"""
_WATER_VERBS = frozenset(_WATER_VERBS_TEXT.split())
_MUST = re.compile(
    r"\b(?:tenemos que|hay que|debemos|deberiamos|toca|conviene|vamos a|habra que|tendremos que)\s+"
    r"(?:guardar|soltar|liberar|racionar|ahorrar|repartir|distribuir|cuidar)\b"
)
# "¿guardamos o soltamos?", "¿abro o espero?", "¿guardamos o no?": a choice between two actions.
_THEN = frozenset({"esperamos", "esperar", "espero", "esperemos", "no", "nada"})
_CHOICE_GAP = 3


def _a_choice(tokens: list[str]) -> bool:
    """An action, then within a few words "o" and another action (or "esperar", "no")."""
    for i, token in enumerate(tokens):
        if token != "o" or i == 0:
            continue
        before = tokens[max(0, i - _CHOICE_GAP) : i]
        after = tokens[i + 1 : i + 1 + _CHOICE_GAP]
        if any(t in _ACTIONS for t in before) and any(t in _ACTIONS or t in _THEN for t in after):
            return True
    return False


# "¿Podemos regar esta semana?" asks for a decision; "¿cuánto hay que regar la lechuga?" for advice.
_WATERING = re.compile(
    r"\b(?:(?:podemos|puedo|se puede|debemos|debo|hay que|conviene|deberiamos|vamos a)\s+regar"
    r"|regamos|reguemos)\b"
)
_PRESENT = re.compile(r"\b(?:hoy|ahora|esta semana|estos dias|este fin de semana|manana|este mes)\b")
# A fact or a piece of advice ("¿cuánta agua se ahorra con riego por goteo?"), not a decision now.
_FACT = re.compile(
    r"^\W*(?:y\s+)?(?:con |en |a |de |por |para |desde |hasta )?(?:cuant[oa]s?|cada cuant[oa]s?|que cantidad"
    r"|donde|cuando|como)\b"
    r"|\bse (?:ahorra|guarda|usa|gasta|riega|riegan|reparte|distribuye|libera|suelta|almacena)\b"
    r"|\b(?:multas?|turnos? de riego|riego por)\b"
)
_WATER = re.compile(r"\b(?:agua|aguas|estanques?|tanques?|reserva|reservas|llaves?|valvulas?|compuertas?)\b")
_ENOUGH = re.compile(
    r"\balcanza(?:ra|ria|n|ran)?\b.*\bagua\b|\bagua\b.*\balcanza(?:ra|ria)?\b"
    r"|\bhay (?:suficiente|bastante|poca|harta|mucha|menos|mas) agua\b"
    r"|\b(?:agua suficiente|suficiente agua)\b"
    r"|\bcomo (?:estamos|andamos|vamos|quedamos) (?:de|con el|con la|en) agua\b"
    r"|\bque (?:hacemos|hago|hacer|haremos|deberiamos hacer|debemos hacer) con el agua\b"
    r"|\b(?:nos )?(?:queda|quedara|faltara|falta) agua\b|\bsituacion del agua\b"
    r"|\bcuanta agua (?:queda|nos queda|hay|tenemos)\b"
)
_EMPTY = re.compile(
    r"\b(?:vaci[oa]s?|vaciad[oa]s?|se vacio|se seco|sec[oa]|sin agua|cortes? (?:de|del) agua|cortaron el agua"
    r"|se corto el agua)\b"
)
_SILENT = re.compile(
    r"\b(?:sin datos|sin senal|sin conexion|dejo de (?:enviar|transmitir|mandar|medir|funcionar)"
    r"|no (?:envio|mando|transmitio|midio|envia|manda|transmite)"
    r"|se (?:cayo|cayeron|apago|desconecto|callo|callaron)"
    r"|caidas?|callad[oa]|desconectad[oa]"
    r"|fuera de linea|apagad[oa])\b"
)
_ANOMALOUS = re.compile(
    r"\b(?:picos?|saltos?|anomalias?|(?:lecturas|valores|datos|mediciones) (?:raras|raros|extranas|extranos"
    r"|anomalas|anomalos|malas|malos|erroneas|erroneos|falsas|falsos)|sensor pegado|pegad[oa]"
    r"|errores? de (?:medicion|lectura))\b"
)
_HAPPENED = re.compile(
    r"\b(?:estuvo|estuvieron|hubo|hubieron|ha habido|han habido|ha estado|han estado|se vacio|se seco|quedo"
    r"|quedaron|quedamos|paso|ocurrio|alguna vez|cuantas veces|ultimamente|recientemente|eventos?|dejo"
    r"|se cayo|se cayeron|se apago|se desconecto|se callo|se callaron"
    r"|no envio|no mando|no transmitio|no midio"
    r"|no envia|no manda|no transmite)\b"
    r"|^\W*(?:y\s+)?cuando\b|\bhay (?:picos|saltos)|\bque (?:paso|ocurrio|sucedio)\b"
)
_ANY_EVENT = re.compile(r"\b(?:eventos?|fallas?|problemas?)\b|\bque (?:paso|ocurrio|sucedio) (?:con|en)\b")
# "¿Qué hago si el estanque está vacío?", "¿qué significa una lectura vacía?": the documents.
_ADVICE = re.compile(
    r"\b(?:que (?:hago|hacer|hacemos|debo|se hace)|por que|significa|que pasa si|si el|si la)\b"
)


# Long words these questions hinge on, put right when a question has them with one typo ("estubo").
_SPELLED_TEXT = """
    estuvo estuvieron vacio vaciado vaciaron hubieron ocurrio ultimamente recientemente alcanza
    alcanzara suficiente pronostico promedio promedios
"""
_SPELLED = frozenset(_SPELLED_TEXT.split())


def corrected(folded: str) -> str:
    """``folded`` with each word one typo away from a word above written right."""
    return re.sub(r"[a-z]{5,}", lambda m: _spelled(m.group(0)), folded)


def _spelled(word: str) -> str:
    if word in _SPELLED:
        return word
    return next((known for known in _SPELLED if one_edit_apart(word, known)), word)


def asks_documents(folded: str) -> bool:
    """Whether the question asks what the documents say or advise."""
    return bool(_DOCUMENTS.search(folded) or _HOW_TO.search(folded))


def asks_decision(folded: str) -> bool:
    """A decision about the water now: save, release, share out, use, water the crops; is there enough."""
    if asks_documents(folded):
        return False
    if _ENOUGH.search(folded):
        return True
    tokens = re.findall(r"[a-z]+", folded)
    if _FACT.search(folded):
        return False
    if _WATERING.search(folded) and (_PRESENT.search(folded) or len(tokens) <= 4):
        return True
    if any(t in _WATER_VERBS for t in tokens) or (_MUST.search(folded) and len(tokens) <= 6):
        return True
    if _a_choice(tokens):
        return True
    # A lab parameter spelled right is not a typo of an action («hierro» is not «cierro»).
    return bool(_WATER.search(folded)) and any(
        t not in _NOT_ACTIONS and t not in PARAMETER_NAMES and _near(t, _ACTIONS) for t in tokens
    )


def event_kind(folded: str) -> tuple[bool, str | None]:
    """Whether the question asks about events in the data, and which kind (None: any)."""
    if _ADVICE.search(folded) or asks_documents(folded) or not _HAPPENED.search(folded):
        return False, None
    for pattern, kind in (
        (_EMPTY, "estanque_vacio"),
        (_SILENT, "sin_datos"),
        (_ANOMALOUS, "lecturas_anomalas"),
    ):
        if pattern.search(folded):
            return True, kind
    return bool(_ANY_EVENT.search(folded)), None


def _near(token: str, vocabulary: frozenset[str]) -> bool:
    """In the vocabulary, or one typo away from a long word of it."""
    if token in vocabulary:
        return True
    # Only the ending differs: another person of the verb («me cortan el agua»), not a typo.
    return len(token) >= TYPO_MIN_LENGTH + 1 and any(
        one_edit_apart(token, word) and token[:-1] != word[:-1] for word in vocabulary
    )
