"""Prose answers the way field documents write them: list items under lead-ins, synonyms, settings."""

from __future__ import annotations

import pytest

from tests.answers.documents import chat_over, docx_bytes

GUIDE = docx_bytes(
    "Guía de riego y bebederos",
    "1. ¿Cuánta agua necesitan los animales?",
    "Depende de la especie:",
    "Vacunos: unos 40 litros por animal al día",
    "Vaca lechera (Bos taurus)",
    "Ternero (Bos taurus)",
    "Équidos: unos 25 litros por animal al día",
    "Burro (Equus asinus)",
    "2. ¿Cómo se riegan las huertas?",
    "Frutales: riego cada 6 días, unos 12 L por m²",
    "Damasco (Prunus armeniaca)",
    "Membrillo (Cydonia oblonga)",
)


@pytest.mark.parametrize(
    ("asked", "expected", "item"),
    [
        ("cuanta agua toma un burro al dia", "25 litros", "Burro"),
        ("cuanta agua lleva el membrillo", "12 L", "Membrillo"),
    ],
)
def test_an_item_of_a_list_is_answered_by_its_lead_in_with_the_item(
    asked: str, expected: str, item: str
) -> None:
    answer = chat_over({"guia.docx": GUIDE}).ask(asked).content
    assert expected in answer and item in answer, answer


MANUAL = docx_bytes(
    "Manual de la planta de cloración",
    "3. Puesta en marcha",
    "Cierre el interruptor general. El clorador arranca solo después de 45 segundos.",
    "Batería de respaldo: si la luz roja se enciende, cámbiela dentro de los próximos 5 días.",
    "El clorador se calibra dos veces al año, en marzo y en septiembre.",
    "4. Atención a los socios",
    "Las solicitudes de conexión se responden en un plazo de 12 días hábiles.",
)


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("cuanto se demora en arrancar el clorador", "45 segundos"),
        ("en cuanto tiempo responden las solicitudes", "12 días"),
    ],
)
def test_how_long_is_answered_by_a_span_of_time(asked: str, expected: str) -> None:
    answer = chat_over({"manual.docx": MANUAL}).ask(asked).content
    assert expected in answer, answer


@pytest.mark.parametrize(
    "asked",
    [
        "cuanto dura la bateria de respaldo",  # "cámbiela en 5 días" is not how long it lasts
        "cuantos años de garantia tiene el clorador",  # no passage speaks of a warranty
        "cuantas solicitudes llegan al mes",  # "12 días hábiles" does not count requests
    ],
)
def test_a_figure_near_the_question_words_is_not_an_answer(asked: str) -> None:
    answer = chat_over({"manual.docx": MANUAL}).ask(asked).content
    assert answer.startswith("No lo encontré") and not any(c.isdigit() for c in answer), answer


FAQ = docx_bytes(
    "Preguntas de la junta de vecinos",
    "1. ¿A quién aviso si veo una fuga en el camino?\n"
    "Al gasfíter de la junta, don Aurelio Paz, al +56 9 5555 0101.",
    "Datalogger: equipo que envía cada 30 minutos el nivel del pozo a la plataforma.",
)


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("a quien le aviso si hay una filtracion en el camino", "Aurelio Paz"),
        ("cada cuanto manda el nivel el datalogger", "30 minutos"),
    ],
)
def test_a_regional_word_finds_the_documents_word(asked: str, expected: str) -> None:
    answer = chat_over({"faq.docx": FAQ}).ask(asked).content
    assert expected in answer, answer


CAPTION = "Tabla 3: Turbiedad en el agua. Límite máximo permitido: 2 UNT"
TURBIDITY = docx_bytes(
    "Informe de calidad del agua de Socoroma",
    [
        [CAPTION] * 4,
        ["Código", "Punto de muestreo", "Turbiedad [UNT] Marzo 2022", "Turbiedad [UNT] Agosto 2022"],
        ["T1", "Socoroma Copa de agua", "0,8", "2,9*"],
        ["T2", "Socoroma Estanque bajo", "0,5", "0,7"],
    ],
)


def test_a_place_is_found_by_another_name_for_it() -> None:
    answer = (
        chat_over({"informe.docx": TURBIDITY}).ask("turbiedad del estanque elevado en agosto 2022").content
    )
    assert "2,9" in answer and "Copa de agua" in answer, answer


RECORD = docx_bytes(
    "Informe de ensayo del SSR Camiña",
    [
        ["Análisis microbiológicos", "T.M. Sofía Lagos"],
        ["Análisis químicos", "Q.F. Pedro Mollo"],
        ["Emisión del informe", "9 de mayo de 2024"],
    ],
)


def test_a_lay_word_finds_the_technical_label_of_a_key_value_row() -> None:
    answer = chat_over({"informe.docx": RECORD}).ask("quien analizo las bacterias").content
    assert "Sofía Lagos" in answer, answer


def test_a_common_short_verb_is_not_read_as_a_typo_of_a_parameter() -> None:
    # "salió" is one letter from "talio"; the question is about the report, not thallium.
    answer = chat_over({"informe.docx": RECORD}).ask("cuando salio el informe").content
    assert "9 de mayo de 2024" in answer and "talio" not in answer.lower(), answer


ROUTER = docx_bytes(
    "Manual del datalogger",
    "3. Luces del módem",
    "Módem: equipo celular del datalogger.",
    "Amarillo: tarjeta bloqueada; revise el PIN y el saldo.",
    "4. Configuración",
    "Paso 1: En el menú Red escriba el PIN 4821 de la tarjeta; la red wifi es CASETA, clave Llama2020.",
    "Paso 3: Abra la dirección 192.168.1.1 y entre con el usuario admin y la contraseña Rio#Seco7.",
    "Paso 2: En el menú Destino ponga el servidor 10.20.30.40 y el puerto 8883.",
)


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("cual es el pin de la tarjeta", "4821"),
        ("q puerto le pongo", "8883"),
        ("a q servidor se conecta", "10.20.30.40"),
    ],
)
def test_which_setting_is_answered_by_the_line_that_gives_its_value(asked: str, expected: str) -> None:
    answer = chat_over({"manual.docx": ROUTER}).ask(asked).content
    assert expected in answer, answer


SYMBOLS = docx_bytes(
    "Informe de calidad del agua de Socoroma",
    "En las tablas: s/m = sin muestra (vertiente seca el día de la campaña); - = no analizado.",
    [
        ["Tabla 5: Sólidos disueltos totales [mg/L]. Límite máximo permitido: 1.500 mg/L"] * 4,
        ["Código", "Punto de muestreo", "SDT [mg/L] Marzo 2022", "SDT [mg/L] Agosto 2022"],
        ["V1", "Socoroma Vertiente", "s/m", "820"],
        ["E2", "Socoroma Escuela", "640", "-"],
    ],
)


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("solidos disueltos de la vertiente en marzo 2022", "sin muestra"),
        ("solidos totales disueltos en la escuela agosto 2022", "no se midió"),
    ],
)
def test_a_cell_without_result_says_what_its_symbol_means(asked: str, expected: str) -> None:
    answer = chat_over({"informe.docx": SYMBOLS}).ask(asked).content
    assert expected in answer, answer


NOTED = docx_bytes(
    "Informe de calidad del agua de Socoroma",
    [
        ["Tabla 4: Turbiedad [UNT]. Límite máximo permitido: 2 UNT"] * 4,
        ["Código", "Punto de muestreo", "Turbiedad [UNT] Marzo 2022", "Turbiedad [UNT] Agosto 2022"],
        ["E2", "Socoroma Escuela", "0,6", "4,8**"],
        ["P3", "Socoroma Posta", "0,4", "0,5"],
    ],
    "* Sobre el límite.",
    "** Muestra tomada justo después del corte de agua del 3 de agosto.",
)


def test_a_marked_cell_is_answered_with_its_note_and_a_why_follow_up_gets_the_note() -> None:
    chat = chat_over({"informe.docx": NOTED})
    first = chat.ask("turbiedad de la escuela en agosto 2022").content
    assert "4,8" in first and "corte de agua" in first, first
    why = chat.ask("xq salio tan alto?").content
    assert "corte de agua" in why and "Tabla 4" in why, why
    stars = chat_over({"informe.docx": NOTED})
    stars.ask("turbiedad de la escuela en agosto 2022")
    assert "corte de agua" in stars.ask("q significan los 2 asteriscos?").content


ADVISED = docx_bytes(
    "Informe de calidad del agua de Socoroma",
    [
        ["Tabla 4: Turbiedad [UNT]. Límite máximo permitido: 2 UNT"] * 3,
        ["Código", "Punto de muestreo", "Turbiedad [UNT] Agosto 2022"],
        ["E2", "Socoroma Escuela", "4,8*"],
    ],
    "5. Recomendaciones",
    "La Escuela superó la turbiedad en agosto de 2022; se recomienda instalar un filtro de arena.",
)


def test_what_to_do_about_a_parameter_at_a_place_is_answered_by_the_recommendation() -> None:
    answer = chat_over({"informe.docx": ADVISED}).ask("q hay q hacer con la escuela x la turbiedad").content
    assert "filtro de arena" in answer, answer


LIGHTS = docx_bytes(
    "Manual de la caseta",
    "2. Indicadores",
    "Variador de frecuencia: mueve la bomba del pozo.",
    "Amarillo: el estanque está lleno.",
    "Verde: bombeando.",
    "Sin luz: revise el automático del tablero.",
    "Router celular: envía los datos a la plataforma.",
    "Amarillo: sin saldo en la tarjeta.",
    "Verde: conectado.",
)


def test_a_colour_follow_up_names_the_component_by_another_word() -> None:
    chat = chat_over({"manual.docx": LIGHTS})
    assert "lleno" in chat.ask("q significa la luz amarilla del variador").content
    answer = chat.ask("y en el modem?").content
    assert "sin saldo" in answer and "lleno" not in answer, answer
    # The board is only mentioned in another component's line: it has no yellow light.
    assert "No lo encontré" in chat.ask("y en el tablero?").content


def test_how_many_is_answered_by_a_table_row_that_counts() -> None:
    spares = docx_bytes(
        "Repuestos de la caseta",
        [["Repuesto", "Código", "Cantidad"], ["Fusible 10 A", "FU-10", "6"], ["Relé", "RL-2", "2"]],
    )
    answer = chat_over({"repuestos.docx": spares}).ask("cuantos fusibles de repuesto hay").content
    assert "6" in answer, answer


def test_a_noun_asked_for_is_not_answered_by_the_same_word_as_a_verb() -> None:
    manual = docx_bytes(
        "Manual de la caseta",
        "3. Equipos",
        "Bomba dosificadora: inyecta cloro según el caudal que marca el medidor de la línea 2.",
        "Medidor: de tipo electromagnético, instalado en 2021.",
    )
    answer = chat_over({"manual.docx": manual}).ask("q marca es el medidor").content
    assert "No lo encontré" in answer and not any(c.isdigit() for c in answer), answer


def test_a_bare_follow_up_for_a_setting_gets_the_line_with_its_own_word_and_value() -> None:
    chat = chat_over({"manual.docx": ROUTER})
    assert "192.168.1.1" in chat.ask("cual es la ip pa entrar").content
    answer = chat.ask("y la contraseña?").content
    assert "Rio#Seco7" in answer, answer


def test_a_capacity_is_a_volume_and_household_chlorine_is_hypochlorite() -> None:
    plant = docx_bytes(
        "Datos de la caseta de cloración",
        [["Tanque de hipoclorito", "80 litros"], ["Bomba", "1 HP"], ["Estanque de agua", "30 m³"]],
    )
    answer = chat_over({"caseta.docx": plant}).ask("q capacidad tiene el tanque del cloro").content
    assert "80 litros" in answer, answer


def test_how_to_question_gets_the_documents_whole_answer_found_by_its_own_words() -> None:
    faq = docx_bytes(
        "Preguntas de los vecinos",
        "3. ¿Cómo hago segura el agua si se corta el servicio?\n"
        "Hiérvala al menos 3 minutos.\n"
        "Si no puede, agregue 4 gotas de cloro por litro y espere 20 minutos antes de tomarla.",
        "4. ¿Cuándo se corta el servicio?\nLos domingos de 14:00 a 16:00.",
    )
    answer = chat_over({"faq.docx": faq}).ask("como dejo el agua apta pa tomar si hay corte").content
    assert "3 minutos" in answer and "4 gotas" in answer, answer


CARE = docx_bytes(
    "Cuidado de la planta",
    "5. Mantenimiento de la planta",
    "Cada seis meses se debe hacer:",
    "Cambio del filtro de arena",
    "Revisión del flotador",
    "La batería del datalogger se cambia cuando marca menos de 11,8 V.",
    "6. Preguntas de los socios",
    "7. ¿Cuándo se reúne la directiva?",
    "El tercer jueves de cada mes a las 19:30 en la sede.",
)


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("mantencion semestral q incluye", "filtro de arena"),
        ("q incluye la mantención de cada 6 meses", "flotador"),
        ("bajo cuantos volts se cambia la bateria del datalogger", "11,8 V"),
        ("a cuantos voltios hay q cambiar la bateria", "11,8 V"),
        ("cuando es la reunion de la directiva", "tercer jueves"),
        ("a q hora es la asamblea de la directiva", "19:30"),
    ],
)
def test_a_period_a_unit_or_a_meeting_asked_in_other_words(asked: str, expected: str) -> None:
    answer = chat_over({"cuidado.docx": CARE}).ask(asked).content
    assert expected in answer, answer
