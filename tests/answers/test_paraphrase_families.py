"""Questions in the committee's own words for what the documents write otherwise, and what stays unknown."""

from __future__ import annotations

import pytest

from tests.answers.documents import chat_over, docx_bytes

FAQ = docx_bytes(
    "Preguntas frecuentes del Comité de Agua Potable Rural Pampa Verde",
    "1. ¿Qué es el Comité de Agua Potable Rural Pampa Verde?",
    "Es una organización comunitaria fundada en 1983. Hoy abastece a 210 arranques del pueblo.",
    "2. ¿Cuánto se paga por el agua?",
    "Cargo fijo mensual: $2.900. Consumo sobre 10 m³: $710 por metro cúbico.",
    "Las personas mayores de 65 años tienen un descuento del 40 % en el cargo fijo.",
    "3. ¿Cómo solicito un arranque nuevo?",
    "El derecho de incorporación cuesta $155.000 y se puede pagar en 4 cuotas.",
    "Presente una fotocopia del carnet de identidad y un certificado de residencia de la junta de vecinos.",
    "4. ¿Se avisan los cortes programados?",
    "Sí. Los cortes por trabajos en la red se avisan con 36 horas de anticipación por la radio local.",
    "5. ¿Cómo puedo ahorrar agua en la casa?",
    "Algunas recomendaciones del comité:",
    "Cierre el grifo mientras se enjabona las manos.",
    "Lave la camioneta con balde y no con manguera.",
    "Riegue antes de las 7:30 o después de las 20:30 horas.",
    "6. ¿Qué hago si el agua sale turbia?",
    "Deje correr la llave durante 4 minutos y avise al operador si sigue turbia.",
    "7. ¿Cuánta agua necesitan los cultivos?",
    "Grupo A: cultivos de verano. Alrededor de 12 litros por metro cuadrado a la semana",
    "- Maíz (Zea mays)",
    "- Frijol (Phaseolus vulgaris)",
    "Grupo B: frutales. Alrededor de 35 litros por árbol a la semana",
    "- Limonero (Citrus aurantiifolia)",
    "- Naranjo (Citrus sinensis)",
    "8. ¿Qué pasa si me atraso en el pago?",
    "Con 3 boletas impagas se corta el suministro. La reposición del servicio cuesta $7.200 y se realiza "
    "dentro de 30 horas después de pagar la deuda.",
    "9. ¿Quién repara una filtración?",
    "Las reparaciones hasta el medidor las hace el operador sin costo para el socio.",
    "10. ¿Dónde y hasta cuándo se paga la cuenta?",
    "La boleta se paga hasta el día 10 de cada mes en la oficina del comité.",
    "11. ¿Hay algún subsidio para pagar el agua?",
    "Sí. El subsidio se postula en la municipalidad con el Registro Social de Hogares.",
    "12. ¿Cómo se paga la cuenta del agua?",
    "En la oficina del comité, o por transferencia indicando el número de arranque.",
    "13. ¿A quién contacto?",
    "Operador del sistema (fugas y emergencias las 24 horas): Luis Mamani Choque, +56 9 7412 3309.",
)
MANUAL = docx_bytes(
    "Manual del sistema de telemetría de Pampa Verde",
    "3. Configuración",
    "La tarjeta SIM del concentrador usa el APN red.pampaverde.cl y el PIN 2291.",
    "El concentrador envía los datos al servidor 10.44.7.19, puerto 1884.",
    "5. Energía",
    "Concentrador: batería de respaldo de gel sellada de 12 V y 9 Ah, cargada por un panel solar de 30 W.",
    "7. Datos técnicos",
    "Estanque Alto: acero vitrificado, capacidad de 45 m³ (45.000 litros).",
    "Bomba de la captación: sumergible de 2 HP, caudal de 1,9 L/s.",
    "8. Mantención periódica",
    "Calibrar el sensor de cloro residual: cada 2 meses.",
    "Limpiar el panel solar: cada 6 meses.",
)
REPORT = docx_bytes(
    "Informe de análisis de agua potable – Pampa Verde",
    "Arica, 3 de septiembre de 2024",
    "El presente informe fue elaborado por el Laboratorio Costero del Norte. Los resultados se comparan "
    "con los límites de la norma chilena NCh 409/1.",
    "Los análisis estuvieron a cargo de la química Ana Soto. La norma fija los límites máximos del agua de "
    "consumo humano desde 2005.",
    "Las muestras se tomaron en frascos estériles de 120 mL para los análisis microbiológicos.",
    "Tabla 1: Antecedentes del proyecto",
    [
        ["Proyecto", "Vigilancia de la calidad del agua de Pampa Verde"],
        ["Teléfono", "+56 58 244 1170"],
        ["Correo electrónico", "lab@costero.ejemplo.cl"],
    ],
)
FILES = {"faq.docx": FAQ, "manual.docx": MANUAL, "informe.docx": REPORT}


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        # A chip is the SIM card; the motor of a well is its pump; "info" is the data it sends.
        ("cual es el apn del chip", "red.pampaverde.cl"),
        ("q apn usa la sim del concentrador", "red.pampaverde.cl"),
        ("a q servidor manda la info el concentrador", "10.44.7.19"),
        ("q motor tiene la captacion", "2 HP"),
        ("de cuantos hp es el motor de la captacion", "2 HP"),
        # "¿Cuánta agua le cabe?" asks a capacity.
        ("cuanta agua le cabe al estanque alto", "45 m³"),
        ("q capacidad tiene el estanque alto", "45 m³"),
        # "¿De qué tipo/clase es?" asks what it is: the document never says "tipo".
        ("la bateria del concentrador de q tipo es", "gel sellada"),
        ("q clase de bateria tiene el concentrador", "gel sellada"),
    ],
)
def test_the_manuals_words_answer_the_committees_words(asked: str, expected: str) -> None:
    answer = chat_over(FILES).ask(asked).content
    assert expected in answer, answer


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("desde q año existe el comite", "1983"),
        ("desde cuando existe el comite", "1983"),
        ("tips pa gastar menos agua en mi ksa", "Cierre el grifo"),
        ("consejos para consumir menos agua en la casa", "Cierre el grifo"),
        ("avisan antes de cortar el agua x arreglos", "36 horas"),
        ("cuanto cuesta conectarse al agua, somos nuevos en el pueblo", "155.000"),
        ("cuanto vale el empalme al agua", "155.000"),
        ("se puede pagar en partes el arranque", "4 cuotas"),
        # Papers are the copy of the identity card and the certificate the document lists.
        ("q papeles piden pa un arranque nuevo", "fotocopia del carnet"),
        ("quiero conectar mi casa nueva al agua, q papeles piden", "fotocopia del carnet"),
        ("los abuelitos tienen rebaja", "40 %"),
        ("hay descuento pa la tercera edad", "40 %"),
        ("los adultos mayores tienen rebaja", "40 %"),
        ("el agua sale con tierra q hago", "4 minutos"),
        ("sale barro de la llave q hago", "4 minutos"),
        ("cuanta agua necesita el choclo", "12 litros"),
        ("cuanta agua necesitan los porotos", "12 litros"),
        # The fruit names its tree: «el limón» is the «Limonero» of the list.
        ("cuanta agua necesita el limon", "35 litros"),
        ("cuanta agua le echo a las naranjas", "35 litros"),
        ("donde pago la cuenta", "oficina del comité"),
        ("donde se paga la cuenta del agua", "oficina del comité"),
        ("pasame el numero del operador xfa hay una fuga", "7412 3309"),
        ("dame el celu del operador hay una fuga", "7412 3309"),
        # A broken pipe at night is an emergency, which the operator attends at any hour.
        ("a quien llamo si se rompe una cañeria de noche", "7412 3309"),
        ("a quien llamo si se rompio la cañeria", "7412 3309"),
        # «cargo fijo» side by side, not «a cargo de» in one sentence and «fija» in the next.
        ("cuanto sale el cargo fijo del agua", "2.900"),
        ("de cuanto es el cargo fijo", "2.900"),
        # A verb spelt with «gu»/«qu» before «e» is the same verb: «pagué», «riegue».
        ("si ya pague lo q debia en cuanto tiempo me vuelve el agua", "30 horas"),
        ("cuanto cuesta q me la vuelvan a dar", "7.200"),
        ("a q hora conviene regar", "7:30"),
        # A phrase not held whole («agua de la cañería») still has its words held (here «agua»).
        ("a q hora se puede regar con agua de la cañeria", "7:30"),
        ("tengo una fuga antes del medidor quien paga el arreglo", "sin costo"),
    ],
)
def test_the_faqs_words_answer_the_committees_words(asked: str, expected: str) -> None:
    answer = chat_over(FILES).ask(asked).content
    assert expected in answer, answer


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("con q reglamento comparan los resultados", "409"),
        ("con q decreto comparan los resultados", "409"),
        ("en q envases tomaron las muestras", "120 mL"),
        # «¿Cómo se llama ...?» asks a name: not the phone of the same table.
        ("como se llama el proyecto del estudio", "Vigilancia de la calidad"),
        ("cual es el nombre del proyecto", "Vigilancia de la calidad"),
    ],
)
def test_the_reports_words_answer_the_committees_words(asked: str, expected: str) -> None:
    answer = chat_over(FILES).ask(asked).content
    assert expected in answer, answer


@pytest.mark.parametrize(
    "asked",
    [
        "hay rebaja para los estudiantes",
        "cuanta agua le cabe a la piscina municipal",
        "q motor tiene el camion aljibe",
        "desde q año existe la escuela",
        "de q tipo es la bateria del camion",
        "cual es el apn del medidor de la posta",
        # The account's number is not the connection's («número de arranque»), though «cuenta» is asked twice.
        "el numero de cuenta pa transferir la cuenta del agua",
    ],
)
def test_what_no_document_tells_is_still_not_found(asked: str) -> None:
    answer = chat_over(FILES).ask(asked).content
    assert answer.startswith("No lo encontré"), answer


SIGNED = docx_bytes(
    "Informe de ensayo – Pampa Verde",
    "1. Introducción",
    "El presente informe entrega los resultados de las campañas realizadas entre enero y julio de 2023.",
    "2. Responsable",
    "Rosa Pérez Condori",
    "Jefa de Laboratorio",
    "Tacna, 2 de agosto de 2023",
)


@pytest.mark.parametrize("asked", ["cuando firmaron el informe", "en q fecha se firmo el informe"])
def test_the_date_of_a_deed_is_never_another_date_of_its_document(asked: str) -> None:
    # The campaigns' dates are the report's too, but nobody signed anything then.
    answer = chat_over({"informe.docx": SIGNED}).ask(asked).content
    assert "enero" not in answer, answer


@pytest.mark.parametrize(
    "asked", ["cada cuanto hay q ajustar el medidor de cloro", "cada cuanto se calibra el medidor de cloro"]
)
def test_the_chlorine_meter_is_the_chlorine_sensor(asked: str) -> None:
    # A manual that never says «medidor»: the meter of chlorine is its sensor, not any meter.
    answer = chat_over({"manual.docx": MANUAL}).ask(asked).content
    assert "2 meses" in answer, answer


GATEWAY = docx_bytes(
    "Manual del gateway de Pampa Verde",
    "2. Componentes",
    "Gateway — Verde fijo: conectado al servidor, funcionamiento normal",
    "Gateway — Rojo: sin conexión con el servidor",
    "3. Configuración del gateway",
    "Los datos que se deben ingresar son: Servidor: datos.pampaverde.cl. Usuario: apr-pampa.",
)


@pytest.mark.parametrize("asked", ["cual es el servidor del gateway", "q servidor usa el gateway"])
def test_a_setting_given_as_label_and_value_answers_which_one(asked: str) -> None:
    # «Servidor: datos.pampaverde.cl» gives the server; «conectado al servidor» only names it.
    answer = chat_over({"manual.docx": GATEWAY}).ask(asked).content
    assert "datos.pampaverde.cl" in answer, answer
