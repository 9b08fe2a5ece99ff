"""Greetings, thanks, goodbyes and acknowledgements: a short fitting reply, no search."""

from __future__ import annotations

import re

from botk_adapters.local.question import normalise

GREETING = (
    "Hola, soy BOTK, el asistente del monitoreo de agua de Macaya. Puedo buscar en los "
    "documentos técnicos de la comunidad y citar la fuente. Pregúntame, por ejemplo: "
    "«¿qué significa la luz roja del sensor?» o «¿cuánto plomo salió en el último muestreo?»"
)


def _words(*forms: str) -> re.Pattern[str]:
    """Any of ``forms`` as whole words, the longest first ("buenas tardes" before "buenas")."""
    return re.compile(rf"(?:{'|'.join(sorted(forms, key=len, reverse=True))})(?!\w)")


_KINDS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    (
        "thanks",
        _words(
            r"(?:muchas |mil )?(?:gracias|gracia|grax|grcs|grs)",
            "thx",
            "thanks",
            "se agradece",
            "te pasaste",
            r"(?:muy )?amable",
            "buena onda",
        ),
        "De nada. Si tienes otra pregunta sobre el agua o los sensores, aquí estoy.",
    ),
    (
        "bye",
        _words(
            "chaito",
            "chao",
            "chau",
            "adios",
            r"hasta (?:luego|pronto|manana)",
            "nos vemos?",
            "cuidate",
            "bye",
            "me voy",
        ),
        "¡Hasta luego! Cuando quieras vuelves a preguntar.",
    ),
    (
        "hello",
        _words(
            "hola+",
            "holi",
            "ola",
            "wenas?",
            "buenas",
            "buen dia",
            "buenos dias",
            "buenas tardes",
            "buenas noches",
            "alo",
            "hey",
            "saludos",
            "ayuda",
            "que tal",
            "como estas?",
        ),
        GREETING,
    ),
    (
        "ack",
        _words(
            "ok",
            "okis?",
            "oka",
            "okey",
            "okay",
            "vale",
            "dale",
            "listo",
            "perfecto",
            "bueno",
            "weno",
            "bien",
            "genial",
            "bacan",
            "super",
            "excelente",
            "entiendo",
            "entendido",
            "entendi",
            "ya",
            "yapo",
            "si",
            "sip",
            "sipo",
            "no",
            "ah",
            r"jaja\w*",
        ),
        "Entendido. Si quieres saber algo más, pregúntame.",
    ),
)
_FILLER = re.compile(r"\b(?:y|muy|bueno|oye|entonces|po|pues|nomas|amigo|botk|a todos|por todo)\b")


def small_talk_reply(text: str) -> str | None:
    """The reply when ``text`` is only small talk, else None."""
    folded = normalise(text)
    rest = re.sub(r"[^\w\s]", " ", folded)
    found: list[str] = []
    for _ in range(4):
        rest = _FILLER.sub(" ", rest).strip()
        for kind, pattern, _reply in _KINDS:
            match = pattern.match(rest)
            if match and (match.end() == len(rest) or not rest[match.end()].isalnum()):
                found.append(kind)
                rest = rest[match.end() :].strip()
                break
        else:
            break
    if not found or rest:
        return None
    chosen = next(k for k in ("thanks", "bye", "hello", "ack") if k in found)
    return next(reply for kind, _pattern, reply in _KINDS if kind == chosen)


def is_small_talk(text: str) -> bool:
    return small_talk_reply(text) is not None
