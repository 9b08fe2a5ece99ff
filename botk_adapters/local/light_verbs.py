"""Verbs whose meaning comes from their objects: «q apn le pongo», «cuántos litros le caben».

In a question such a verb only links the thing asked about to what is asked
(«a q correo mando consultas» asks for an e-mail address), and the document
that answers rarely uses it. Their forms are written out here so they can be
weak words: they count when a text holds them but are never required.
"""

from __future__ import annotations

from botk_core.text import fold

# Regular verbs: every form is built from the stem.
_REGULAR_AR = "mand llev pas necesit ocup qued ech toc tom sac dej lleg coloc"
_REGULAR_ER = "deb"
_AR_ENDINGS = "o as a amos an e es en emos é ó aron aba aban ado ada ando ar"
_ER_ENDINGS = "o es e emos en a as an í ió ieron ía ían ido iendo er"

# Irregular verbs, by their forms (participles that are also nouns, «puesto», «hecho», left out).
_IRREGULAR = """
    poner pongo pones pone ponemos ponen ponga pongan puse puso pusieron ponia poniendo
    hacer hago haces hace hacemos hacen haga hagan hice hizo hicieron hacia haciendo
    venir vengo vienes viene venimos vienen venga vengan vino vinieron venia viniendo
    caber quepo cabe caben quepa cupo cupieron cabia
    tener tengo tienes tiene tenemos tienen tenga tengan tuvo tuvieron tenia teniendo
    mantener mantengo mantiene mantienen mantenga mantuvo mantuvieron mantenia manteniendo
    salir salgo sales sale salimos salen salga salgan salio salieron salia saliendo
    pedir pido pides pide pedimos piden pida pidan pidio pidieron pedia pidiendo
    traer traigo traes trae traemos traen traiga trajo trajeron traia trayendo
    decir digo dices dice decimos dicen diga digan dijo dijeron decia diciendo
    poder puedo puedes puede podemos pueden pueda puedan pudo pudieron podia
    querer quiero quieres quiere queremos quieren quiera quiso quisieron queria
"""


def _regular(stems: str, endings: str) -> set[str]:
    return {fold(stem + ending) for stem in stems.split() for ending in endings.split()}


LIGHT_VERB_FORMS = frozenset(
    _regular(_REGULAR_AR, _AR_ENDINGS) | _regular(_REGULAR_ER, _ER_ENDINGS) | set(_IRREGULAR.split())
)
