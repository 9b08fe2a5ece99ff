"""Synonyms: groups of words and phrases that a search treats as the same thing.

People ask with their own words ("fierro", "la cajita", "el tanque") for what
documents write otherwise ("hierro", "caja de protección", "estanque"). A
group holds equivalent phrases; a search for any of them also matches the
others. BOTK ships a list for its domain; an organisation adds its own groups
in a text file (one group per line, phrases separated by commas).
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from botk_core.text import fold, terms

# An organisation's file is untrusted input: bounded so that a huge or odd file
# cannot slow every search down.
MAX_GROUPS = 2000
MAX_PHRASES_PER_GROUP = 30
MAX_PHRASE_CHARS = 80
MAX_PHRASE_TERMS = 5

Phrase = tuple[str, ...]  # stemmed terms, stop words left out, as the index holds them

_BUILTIN = """
hierro, fierro
estanque, tanque, depósito, aljibe
captación, bocatoma, obra de toma, toma de agua, punto de captación
caja de protección, cajita, caja del sensor, caja protectora, gabinete
luz, led, indicador, luz indicadora, lucecita, piloto, foco
norma, normativa, límite máximo permitido, límite permitido, máximo permitido, lmp, límite
norma, normativa, reglamento, reglamentos, decreto, ley, nch
gateway, concentrador, pasarela, gatewey, getway, gatway, geteway
teléfono, fono, celular, celu, número de teléfono, whatsapp, wsp
correo, correo electrónico, email, e-mail, mail
clave, contraseña, password
batería, pila
panel solar, placa solar
asterisco, estrellita, estrella
localidad, pueblo
transporte, traslado, llevar, llevó, llevaron, trasladar, transportar
lavado, limpieza, lavar, limpiar, lavan, limpian, lava, limpia
revisar, chequear, verificar, revisión, revisó, revisaron
riego, regar, riegos, riegue, rieguen, riega, riegan
lluvia, precipitación, precipitaciones
responsable, encargado, encargada, a cargo, coordinador, coordinadora
arreglar, reparar, solucionar
arreglo, arreglos, reparación, reparaciones, trabajos, obras
parpadea, parpadeante, pestañea, intermitente
medir, mide, miden, medición, mediciones, monitorear, monitorea, monitorean, monitoreo
supera, superan, superó, pasa, pasan, pasó, sobrepasa, sobrepasan, excede, exceden
frecuencia, frecuente, seguido, a menudo
recepción, recibir, recibió, recibe, recibidas
cambiar, cambio, reemplazar, reemplazo, recambio
ahorrar, ahorro, guardar, cuidar, gastar menos, consumir menos, usar menos, ocupar menos
potencia, watts, vatios, w
muestreo, campaña, campaña de muestreo
guardar, conservar, preservar, almacenar, refrigerar, mantener refrigerado
costo, precio, cuesta, cuestan, vale, valen, tarifa
hora, horario, horarios, turno, turnos
fuga, filtración, filtraciones, fugas, pérdida de agua, escape de agua
enviar, envía, envían, envió, mandar, manda, mandan, mandó, transmitir, transmite
arrancar, arranca, arrancan, partir, encender, enciende, encienden, prender, prende, prenden
apagar, apaga, apagan, detener, detiene, detienen, parar
copa de agua, estanque elevado, tanque elevado, torre de agua
módem, router, enrutador
microbios, bichos, gérmenes, microorganismos
bacterias, bacteriológico, bacteriológicos, microbiológico, microbiológicos, microbiología
resistir, resisten, resiste, aguantar, aguantan, aguanta, soportar, soportan
papeles, documentos, documentación, requisitos
papeles, fotocopia, fotocopias, carnet, certificado
potable, apta para tomar, apta para beber, apta para el consumo, bebible
apta, segura, potable, bebible
hipoclorito, cloro doméstico, cloro
metro cúbico, metros cúbicos, m3, m³, mts3
número, n°, nº, nro, num
reunión, reuniones, reúne, reúnen, reunirse, asamblea, asambleas
calibrar, calibración, calibra, ajustar, ajuste, ajusta
medidor de cloro, sensor de cloro, analizador de cloro, clorímetro
reiniciar, reinicio, reinicia, resetear, reseteo, reset, resetea
subsidio, subsidios, ayuda, ayudas, beneficio
descuento, descuentos, rebaja, rebajas, rebajan, descuentan, subsidio
adultos mayores, adulto mayor, personas mayores, tercera edad, abuelitos, abuelos, ancianos, jubilados
conexión, arranque, conectarse, conectar, conectarme, instalación nueva, incorporación, incorporarse, empalme
servidor, ip del servidor, dirección ip
presidente, presidenta, presidencia
escuela, colegio, liceo
posta, consultorio, posta rural, centro de salud
iglesia, capilla, templo
cementerio, panteón
mantención, mantenimiento, mantenciones, mantención periódica
semestral, cada 6 meses, cada seis meses, semestre
anual, cada año, una vez al año
mensual, cada mes, mensualmente
semanal, cada semana, semanalmente
volts, voltios, volt, v
pasos, procedimiento, instrucciones
gastar, gasta, gastan, gasto, consumir, consume, consumen, consumo, usar, usa, usan, ocupar, ocupa, ocupan
página, página web, sitio web, plataforma, portal, web
mirar, ver, consultar
demora, demoran, demorar, tarda, tardan, tardar, se demora
casas, familias, hogares, viviendas, arranques
falla, fallar, falló, fallan, descompuesto, dañado
firma, firmado, firmante, firman
sucia, turbia, turbio, sucio, café, color café, barrosa, barroso, barro, tierra, con tierra, terrosa, opaca
turbiedad, turbidez
cañería, cañerías, tubería, tuberías, caños, matriz, matrices
rotura, roturas, rompe, rompió, se rompe, se rompió, roto, rota, revienta, reventó
cuenta, cuentas, cuenta del agua, boleta, boletas, boleta del agua
todo el día, las 24 horas, 24 horas, día y noche, de noche
auto, autos, vehículo, vehículos, carro, camioneta
agua de la llave, agua de la red, agua de la cañería
chacra, huerto, huerta, huertos
profesión, título, ocupación
emergencia, urgencia, se rompe una cañería, se rompió la cañería, cañería rota, rotura de cañería
chip, tarjeta sim, sim, simcard
motor, bomba, motobomba, electrobomba
información, info, datos
capacidad, volumen, cabe, caben, cabida
fundado, fundada, fundó, fundación, existe, existen, creado, creada
consejos, tips, recomendaciones, sugerencias, datos útiles
reposición, reconexión, reconectar, reconecten, reponer, vuelve el agua, vuelvan a dar, volver a dar
pagar, pague, paguen, pagó, pagué, paga, pagan, costo
cuotas, en cuotas, en partes, parcialidades, convenio de pago
informe, estudio, reporte
envases, frascos, botellas, recipientes
choclo, maíz
poroto, porotos, frijol, frijoles
frutilla, frutillas, fresa, fresas
palta, palto, aguacate
limón, limonero
naranja, naranjo
manzana, manzano
guayaba, guayabo
ciruela, ciruelo
pera, peral
zapallo, calabaza
betarraga, remolacha
durazno, duraznos, melocotón
arveja, arvejas, guisante
"""


@attrs.frozen
class Synonyms:
    """Groups of equivalent phrases, each phrase as the stemmed terms the index holds."""

    groups: tuple[tuple[Phrase, ...], ...] = ()
    _index: dict[Phrase, tuple[int, ...]] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index: dict[Phrase, list[int]] = {}
        for number, group in enumerate(self.groups):
            for phrase in group:
                index.setdefault(phrase, []).append(number)
        object.__setattr__(self, "_index", {p: tuple(g) for p, g in index.items()})

    @classmethod
    def parse(cls, text: str) -> Synonyms:
        """Groups from lines of comma-separated phrases; ``#`` starts a comment line."""
        groups: list[tuple[Phrase, ...]] = []
        for line in text.splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            group = _group(line.replace(";", ",").split(","))
            if len(group) > 1:
                groups.append(group)
            if len(groups) >= MAX_GROUPS:
                break
        return cls(tuple(groups))

    @classmethod
    def builtin(cls) -> Synonyms:
        """The list BOTK ships for water monitoring in rural Chile."""
        return cls.parse(_BUILTIN)

    def merged(self, other: Synonyms) -> Synonyms:
        return Synonyms(self.groups + other.groups)

    @property
    def longest(self) -> int:
        return max((len(p) for p in self._index), default=0)

    def equivalents(self, phrase: Phrase) -> tuple[Phrase, ...]:
        """Every phrase equivalent to ``phrase`` (itself first); empty when it is in no group."""
        found: dict[Phrase, None] = {}
        for number in self._index.get(phrase, ()):
            found.update(dict.fromkeys(self.groups[number]))
        found.pop(phrase, None)
        return (phrase, *found) if found else ()

    def single_terms(self) -> Iterable[str]:
        """The one-word phrases, so that a typo of a synonym is recognised too."""
        return (p[0] for p in self._index if len(p) == 1)


def _group(phrases: Iterable[str]) -> tuple[Phrase, ...]:
    group: dict[Phrase, None] = {}
    for raw in phrases:
        phrase = tuple(terms(fold(raw.strip())[:MAX_PHRASE_CHARS]))
        if phrase and len(phrase) <= MAX_PHRASE_TERMS:
            group[phrase] = None
        if len(group) >= MAX_PHRASES_PER_GROUP:
            break
    return tuple(group)


# The file, in a documents folder, where an organisation lists its own synonyms.
SYNONYMS_FILE = "sinonimos.txt"
