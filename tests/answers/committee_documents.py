"""Invented documents of a water committee for follow-up threads: a FAQ, a lab report, a manual.

Several passages give a time, a phone or a date, so that a follow-up is answered
only when the subject of the earlier turn is kept.
"""

from __future__ import annotations

from tests.answers.documents import Chat, chat_over, docx_bytes

FAQ = docx_bytes(
    "Preguntas frecuentes del Comité de Agua Potable Rural Los Tamarugos",
    "1. ¿Dónde se paga la boleta del agua?\nLa boleta se paga en la oficina del comité, "
    "calle Los Aromos 245. La oficina atiende de lunes a viernes de 9:00 a 13:00.",
    "2. ¿Dónde se compran las tabletas de cloro?\nEn la bodega del comité, detrás de la sede. "
    "La bodega abre solo los sábados de 10:00 a 12:00.",
    "3. ¿Qué días se puede regar el jardín?\nSe puede regar los martes, jueves y sábados, "
    "desde las 20:00 hasta las 23:00.",
    "4. ¿Qué días pasa el camión aljibe?\nEl camión aljibe pasa por los sectores altos los lunes "
    "y los jueves, a las 10:30.",
    "5. ¿Se puede llenar la piscina con agua potable?\nNo. Llenar piscinas con agua de la red está "
    "prohibido en verano. La multa es de $30.000; si se repite, la multa sube a $60.000 y se corta "
    "el suministro por una semana.",
    "6. ¿Cada cuánto se lava el estanque?\nEl estanque se lava dos veces al año, en abril y en octubre. "
    "Se avisa a los socios por WhatsApp con una semana de anticipación.",
    "7. ¿Cada cuánto se cambian los medidores?\nLos medidores se cambian cada diez años. "
    "El cambio no tiene costo para el socio.",
    "8. ¿Cuándo es la asamblea de socios?\nLa asamblea ordinaria es el último sábado de cada mes, "
    "a las 16:00, en la sede social. Para que los acuerdos valgan se necesita la mitad más uno "
    "de los socios inscritos.",
    "9. ¿Cuándo se reúne la directiva?\nLa directiva se reúne el primer lunes de cada mes a las 19:30 "
    "en la oficina. La preside la presidenta del comité, Sra. Gladys Carrasco.",
    "10. ¿A quién aviso si hay una fuga en la calle?\nAvise al operador de turno, "
    "don Hernán Quispe, al +56 9 8123 4567. Atiende emergencias hasta las 22:00; "
    "después de esa hora deje un mensaje.",
    "11. ¿Con quién hablo si me quedo sin agua en la casa?\nHable con la secretaria, Sra. Marta Rojas, "
    "al +56 9 7654 3210 o al correo secretaria@lostamarugos.ejemplo.cl. Atiende de lunes a sábado "
    "de 8:30 a 18:00.",
    "12. ¿Cuántas familias abastece el comité?\nEl comité abastece a 312 familias de Los Tamarugos "
    "y funciona desde 1998.",
    "13. ¿Cuántos kilómetros tiene la red?\nLa red de distribución mide 14 kilómetros y se construyó "
    "en 2004.",
)

REPORT = docx_bytes(
    "Informe de ensayo N° 4471 · Agua potable APR Los Tamarugos",
    "Tabla 1: Datos del informe",
    [
        ["Laboratorio", "Laboratorio Químico del Norte Ltda."],
        ["Muestreado por", "Rodrigo Pizarro, técnico de muestreo"],
        ["Fecha de muestreo", "2 de febrero de 2023"],
        ["Analizado por", "Carolina Vega, química analista"],
        ["Revisado por", "Tomás Araya, jefe de control de calidad"],
        ["Fecha de revisión", "10 de marzo de 2023"],
        ["Firmado por", "Dra. Elena Soto, directora técnica"],
        ["Fecha de emisión", "14 de marzo de 2023"],
        ["Correo para consultas", "consultas@labnorte.ejemplo.cl"],
        ["Teléfono para consultas", "+56 55 234 9876"],
    ],
    "Tabla 2: Puntos de muestreo",
    [
        ["Código", "Punto de muestreo", "Sector"],
        ["TM-01", "Posta rural", "Centro"],
        ["TM-02", "Vertiente Las Pircas", "Quebrada"],
        ["TM-03", "Escuela básica", "Centro"],
        ["TM-04", "Estanque elevado", "Loma Alta"],
    ],
    "Tabla 3: Arsénico total (mg/L). Límite NCh 409/1: 0,01 mg/L",
    [
        ["Código", "Punto de muestreo", "Febrero 2023"],
        ["TM-01", "Posta rural", "0,012*"],
        ["TM-02", "Vertiente Las Pircas", "-"],
        ["TM-03", "Escuela básica", "ND"],
        ["TM-04", "Estanque elevado", "0,004"],
    ],
    "Notas de las tablas: el asterisco (*) indica que el valor supera el límite de la norma. "
    "El guion (-) indica que el punto no se muestreó en esa campaña. "
    "ND significa no detectado: bajo el límite de detección del método.",
)

MANUAL = docx_bytes(
    "Manual de operación del sistema de telemetría",
    "1. Instalación y soporte",
    [
        ["Empresa instaladora", "Hidrosur SpA"],
        ["Mantención del sistema", "Hidrosur SpA, cada seis meses"],
        ["Teléfono de soporte", "+56 2 2987 6543"],
        ["Correo de soporte", "soporte@hidrosur.ejemplo.cl"],
        ["Horario de soporte", "lunes a viernes de 9:00 a 18:00"],
    ],
    "2. Equipos",
    "El panel solar es de 50 W y 12 V. La bomba dosificadora del clorador es de 0,5 HP.",
    "El bidón del clorador tiene una capacidad de 60 litros. El estanque elevado almacena 80 m³.",
    "La señal del gateway llega hasta 2 km en terreno abierto.",
    "3. Luces del gateway",
    "Luz verde fija: el gateway está conectado y envía datos.\n"
    "Luz verde parpadeante: el gateway busca señal celular.\n"
    "Luz roja fija: sin conexión con el servidor. Desconecte el gateway 10 segundos y vuelva a conectarlo.\n"
    "Si la luz roja sigue encendida después de reiniciar, llame a soporte técnico.",
    "4. Luces de la caja del sensor",
    "LED azul: el sensor está transmitiendo una lectura.\n"
    "LED verde: funcionamiento normal.\n"
    "LED rojo: batería baja. Cambie la batería dentro de los próximos 7 días.",
    "5. Cambio de batería de la caja del sensor",
    "La caja del sensor usa una batería de litio de 3,6 V tamaño AA (ER14505). No use pilas alcalinas.",
)


def committee_chat() -> Chat:
    """A thread over the committee's FAQ, the lab report and the telemetry manual."""
    return chat_over(
        {"preguntas_frecuentes.docx": FAQ, "informe_ensayo.docx": REPORT, "manual_telemetria.docx": MANUAL}
    )


def understood(answer: str) -> str:
    """The question an answer says it understood («Entendí: «...».»), or "" when it says none."""
    first = answer.split("\n", 1)[0]
    return first.removeprefix("Entendí: ").strip("«».") if first.startswith("Entendí: ") else ""
