"""Related words for telling whether a passage answers: same meaning, what a question word asks for.

The index has its own synonym list (``botk_core.synonyms``); these groups are
the offline assistant's, used when it checks a passage against the question.
"""

from __future__ import annotations

import re

# Words of the same meaning for telling whether a passage answers (the index has its own list).
_RELATED_GROUPS = (
    "luz luces led leds indicador indicadores luminoso foco foquito lucecita lampara ampolleta piloto",
    "caja cajita gabinete carcasa proteccion",
    "estanque estanques tanque tanques copa deposito acumulador",
    "norma limite limites maximo permitido nch",
    "hierro fierro",
    "muestra muestras muestreo muestreos campana campanas",
    "parpadea parpadeando parpadeo pestanea intermitente titila",
    "litro litros lt lts",
    "metro metros mt mts",
    "clave contrasena password",
    "wifi wi fi red inalambrica",
    "bateria baterias pila",
    "panel paneles placa solar",
    "arreglar reparar solucionar hacer",
    "falla fallas error errores problema problemas",
    "analizo analizaron analisis analizar",
    "correo mail email",
    "telefono celular fono numero",
    "riego regar riegos riega riegan riegue rieguen agua",
    "cambia cambiar cambio reemplaza reemplazar reemplazo sustituir renovar",
    "dura duracion vida util",
    "limpia limpiar limpio limpieza lavar lava lavan",
    "revisa revisar revision inspeccion",
    "dia dias diario diaria diarios diarias",
    "llevo llevar llevaron lleva traslado trasladar traslada transporte transporto",
    "echo echar echa agrego agregar agregue agrega poner pongo anadir anado coloque colocar instale instalar",
    "rato tiempo minutos horas",
    "cuesta cuestan costo costar precio tarifa cobra cobran",
    "atiende atienden atencion recibe reciben abre abren",
    "vacio vacia vacios vacias blanco",
    "conexion conexiones conectar conectarse conecta conectado empalme",
    "lluvia lluvias llover llueve llovio lluvioso lluviosos",
    "mirar mira miran ver ve ven consultar consulta consultan revisar",
    "reconecten reconectan reconectar reconecta reconexion reposicion reponer reponen repongan",
    "junta juntas reunion reuniones reune reunen sesion sesiones",
    "informacion info datos",
    "bacteria bacterias microbiologico microbiologicos microbiologica microbiologicas microbiologia",
)
# A deed and the words a key/value table names its step or its doer with: "¿quién analizó ...?" is
# answered by «Análisis químico: ...», "¿quién firma?" by the head who signs, "¿a quién llamo?" by a phone.
_DEEDS = (
    ("analizo analizaron analiza analizan analizar analizado", "analisis analista analistas"),
    ("firma firman firmo firmaron firmar firmado", "firma firmante jefa jefe director directora"),
    ("muestreo muestrearon muestrear muestreado", "muestreo muestreos muestreador muestreadora"),
    ("llamo llamar llamamos llame", "telefono fono celular contacto"),
    ("redacto redactaron elaboro elaboraron escribio", "elaboracion elaborado redaccion autor autora"),
    ("aprobo aprobaron aprobar", "aprobacion aprobado"),
    ("coordina coordino coordinan", "coordinador coordinadora coordinacion"),
    ("atiende atienden atendio", "atencion"),
    ("consume consumen gasta gastan", "consumo potencia"),
)
DEEDS: dict[str, frozenset[str]] = {
    verb: frozenset(nouns.split()) for verbs, nouns in _DEEDS for verb in verbs.split()
}
# Deeds said with a verb and its object: "tomó las muestras" is the sampling («Muestreado por: ...»).
DEED_PHRASES = (
    (
        re.compile(r"\b(?:tom|sac|recog|junt)\w*\s+(?:las\s+|la\s+|los\s+)?muestras?\b"),
        "muestreo muestreado muestreador",
    ),
    (re.compile(r"\b(?:hizo|hicieron|realizo|realizaron)\s+(?:el |los )?analisis\b"), "analisis analista"),
)
LIGHT_WORDS = frozenset(
    {
        "luz",
        "luces",
        "led",
        "leds",
        "indicador",
        "lucecita",
        "foco",
        "foquito",
        "piloto",
        "lampara",
        "ampolleta",
    }
)
# What a question word asks for, as a table column or a label names it.
ASKS_FOR = {
    "quien": ("responsable", "encargado", "encargada", "tecnico", "cargo"),
    "quienes": ("responsable", "encargado", "encargados", "responsables"),
    "cuanto": ("frecuencia", "cantidad", "valor"),
    "donde": ("lugar", "ubicacion", "direccion", "sitio"),
    "cuando": ("fecha", "frecuencia", "mes", "dia"),
}
RELATED: dict[str, frozenset[str]] = {}
for _group in _RELATED_GROUPS:
    for _word in _group.split():
        RELATED[_word] = RELATED.get(_word, frozenset()) | frozenset(_group.split())

_NUMBER_WORDS_TEXT = """
    uno una dos tres cuatro cinco seis siete ocho nueve diez once doce quince veinte treinta cien mil
    media medio mitad doble diario diaria semanal mensual anual cada
"""
NUMBER_WORDS = frozenset(_NUMBER_WORDS_TEXT.split())
