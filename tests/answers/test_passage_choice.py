"""Which passage and which of its sentences answer, once the right document is found."""

from __future__ import annotations

import pytest

from botk_adapters.local.followup import understand
from tests.answers.documents import chat_over, docx_bytes

PROCEDURES = docx_bytes(
    "Manual de la bomba dosificadora",
    "3. Procedimientos",
    "Rutina 1: purga de la bomba dosificadora\n1. Cierre la válvula de salida.\n2. Abra el tornillo de purga"
    " durante 40 segundos.\n3. Apriete el tornillo y abra la válvula.\n4. Confirme que el caudal vuelve"
    " en menos de 3 minutos.",
    "Rutina 2: cambio del filtro de succión\n1. Apague la bomba.\n2. Desenrosque el vaso del filtro.\n"
    "3. Ponga un filtro nuevo de 80 micras.\n4. Encienda la bomba y revise que no gotee.",
)


@pytest.mark.parametrize(
    ("asked", "first", "last"),
    [
        ("como purgo la bomba dosificadora", "Cierre la válvula", "menos de 3 minutos"),
        ("cómo se hace la purga de la bomba", "Cierre la válvula", "menos de 3 minutos"),
        ("como cambio el filtro de succion", "Apague la bomba", "no gotee"),
        ("pasos pa cambiar el filtro", "Apague la bomba", "no gotee"),
    ],
)
def test_a_titled_procedure_is_answered_with_all_its_steps(asked: str, first: str, last: str) -> None:
    answer = chat_over({"manual.docx": PROCEDURES}).ask(asked).content
    assert first in answer and last in answer, answer


LIVESTOCK = docx_bytes(
    "Preguntas frecuentes del comité",
    "4. ¿Cuánta agua toman los animales?",
    "Los bebederos se llenan por turnos. Estas son las cantidades de referencia:",
    "Grupo 1: aves de corral. Unos 0,3 litros por ave al día\n- Gallina (Gallus gallus)"
    "\n- Pato (Anas platyrhynchos)",
    "Grupo 2: camélidos. Unos 6 litros por animal al día\n- Llama (Lama glama)\n- Alpaca (Vicugna pacos)"
    "\n- Vicuña (Vicugna vicugna)",
    "5. ¿Dónde se paga la cuenta?",
    "En la oficina del comité, los lunes de 10:00 a 13:00.",
)


@pytest.mark.parametrize(
    ("asked", "items"),
    [
        ("q camelidos aparecen", ("Llama", "Alpaca", "Vicuña")),
        ("cuales son los camelidos", ("Llama", "Alpaca", "Vicuña")),
        ("que aves de corral nombran", ("Gallina", "Pato")),
    ],
)
def test_which_things_of_a_group_lists_the_items_under_its_lead_in(
    asked: str, items: tuple[str, ...]
) -> None:
    answer = chat_over({"faq.docx": LIVESTOCK}).ask(asked).content
    assert all(item in answer for item in items), answer


def test_an_amount_for_one_item_still_quotes_that_item_alone() -> None:
    answer = chat_over({"faq.docx": LIVESTOCK}).ask("cuanta agua toma una alpaca").content
    assert "6 litros" in answer and "Alpaca" in answer and "Vicuña" not in answer, answer


LIGHTS = docx_bytes(
    "Manual de la red de monitoreo",
    "2. Equipos",
    "Concentrador: recibe por radio los datos de los medidores y los reenvía al servidor.\n"
    "Concentrador — Verde fijo: enlazado con el servidor\nConcentrador — Amarillo: sin saldo en el chip",
    "Medidor de presión: mide la presión de la matriz que sale de la copa del cerro.\n"
    "Medidor de presión — Verde: presión sobre 2 bar\nMedidor de presión — Amarillo: presión bajo 1 bar",
    "Gabinete del medidor: caja estanca que protege la batería del medidor de caudal.\n"
    "Gabinete del medidor — Verde: batería sobre 50%\nGabinete del medidor — Amarillo: batería bajo 30%",
)


@pytest.mark.parametrize(
    ("asked", "expected", "other"),
    [
        ("la luz verde del medidor de la copa q indica", "sobre 2 bar", "enlazado"),
        ("q significa la luz amarilla del medidor de la matriz", "bajo 1 bar", "sin saldo"),
        ("luz verde del medidor del estanque", "sobre 2 bar", "batería sobre"),
        ("el medidor del tanque tiene la luz amarilla q pasa", "bajo 1 bar", "sin saldo"),
        ("q indica el led verde del medidor del deposito", "sobre 2 bar", "enlazado"),
    ],
)
def test_a_colour_line_belongs_to_the_component_the_question_names(
    asked: str, expected: str, other: str
) -> None:
    answer = chat_over({"manual.docx": LIGHTS}).ask(asked).content
    assert expected in answer and other not in answer, answer


FAQ = docx_bytes(
    "Preguntas frecuentes del comité de agua",
    "2. ¿Dónde se paga la cuenta del agua?",
    "La cuenta se paga en la sede, los lunes y miércoles de 15:00 a 18:00, o por depósito a la cuenta"
    " del comité.",
    "3. ¿Qué pasa si me atraso en los pagos?",
    "Con 4 meses de atraso se suspende el servicio.\nLa reposición del servicio cuesta $9.300 y se hace"
    " dentro de 72 horas.",
    "4. ¿Cuándo hay reuniones?",
    "La asamblea de socios es el segundo domingo de cada mes a las 10:00. La directiva se reúne el primer"
    " lunes de cada mes.",
)


@pytest.mark.parametrize(
    "asked",
    [
        "q pasa si no pago la cuenta",
        "que pasa si me atraso en pagar la boleta",
        "q pasa si dejo de pagar el agua",
    ],
)
def test_a_faq_question_asked_the_same_way_answers_before_one_that_shares_more_words(asked: str) -> None:
    answer = chat_over({"faq.docx": FAQ}).ask(asked).content
    assert "4 meses" in answer and "15:00" not in answer, answer


@pytest.mark.parametrize(
    ("follow_up", "expected"),
    [
        ("y cuanto sale q me reconecten", "$9.300"),
        ("y cuanto cuesta la reposicion", "$9.300"),
        ("y en cuanto tiempo me reconectan", "72 horas"),
    ],
)
def test_a_follow_up_is_answered_from_the_section_just_quoted(follow_up: str, expected: str) -> None:
    chat = chat_over({"faq.docx": FAQ})
    chat.ask("q pasa si no pago la cuenta")
    answer = chat.ask(follow_up).content
    assert expected in answer, answer


@pytest.mark.parametrize(
    ("asked", "expected"),
    [("cuando se junta la directiva", "primer lunes"), ("cuando se reune la directiva", "primer lunes")],
)
def test_getting_together_is_meeting(asked: str, expected: str) -> None:
    answer = chat_over({"faq.docx": FAQ}).ask(asked).content
    assert expected in answer, answer


TARIFF = docx_bytes(
    "Informe y tarifas",
    "1. Antecedentes",
    "El estudio estuvo a cargo de la consultora Agua Norte, que fija los criterios de calidad del agua.",
    "El riego cuesta $1.100 por turno, a cargo del canalero, en un día fijo de la semana.",
    "2. ¿Cuánto se paga?",
    "Cargo fijo mensual: $2.700.\nConsumo de 0 a 12 m³: $540 por metro cúbico.",
)


@pytest.mark.parametrize(
    "asked",
    ["cuanto sale el cargo fijo del agua", "de cuanto es el cargo fijo", "cargo fijo del agua cuanto es"],
)
def test_words_asked_side_by_side_are_found_side_by_side(asked: str) -> None:
    answer = chat_over({"informe.docx": TARIFF}).ask(asked).content
    assert "$2.700" in answer, answer


TIERS = docx_bytes(
    "Preguntas frecuentes",
    "3. ¿Cuánto cuesta el agua?",
    "La tarifa es la siguiente:\n- Cargo fijo mensual: $2.900\n- Consumo de 0 a 8 m³: $410 por m³\n"
    "- Consumo de 9 a 25 m³: $760 por m³\n- Consumo sobre 25 m³: $1.240 por m³",
)


@pytest.mark.parametrize(
    ("asked", "expected", "others"),
    [
        ("si gasto mas de 25 metros cuanto pago x metro", "$1.240", ("$410", "$760")),
        ("cuanto sale el metro si gasto 12 metros cubicos", "$760", ("$410", "$1.240")),
        ("si ocupo 5 metros a cuanto me sale el metro cubico", "$410", ("$760", "$1.240")),
        ("y pasado los 25 cuanto es", "$1.240", ("$410", "$760")),
    ],
)
def test_a_figure_asked_is_answered_by_the_tier_that_holds_it(
    asked: str, expected: str, others: tuple[str, ...]
) -> None:
    answer = chat_over({"faq.docx": TIERS}).ask(asked).content
    assert expected in answer and not any(o in answer for o in others), answer


def test_a_tier_asked_as_a_follow_up_is_the_tier_of_its_figure() -> None:
    chat = chat_over({"faq.docx": TIERS})
    chat.ask("cuanto es el cargo fijo")
    answer = chat.ask("y pasado los 25").content
    assert "$1.240" in answer and "$760" not in answer, answer


SETTINGS = docx_bytes(
    "Manual del concentrador",
    "3. Configuración",
    "Mantenga presionado el botón SET del concentrador durante 8 segundos, hasta que la luz quede morada.\n"
    "El concentrador envía los datos al servidor 10.20.30.40, puerto 1883.",
    "4. Energía",
    "El concentrador funciona con una batería de 12 V y un panel de 50 W.",
)


@pytest.mark.parametrize(
    "asked",
    ["a q servidor manda la info el concentrador", "a que servidor envia la informacion el concentrador"],
)
def test_the_info_sent_is_the_data_the_manual_says_is_sent(asked: str) -> None:
    answer = chat_over({"manual.docx": SETTINGS}).ask(asked).content
    assert "10.20.30.40" in answer, answer


# As field documents write lists: the lead-in, then one short paragraph per item.
GARDEN = docx_bytes(
    "Preguntas frecuentes del comité",
    "6. ¿Cuánta agua necesitan las plantas del huerto?",
    "Grupo A: aromáticas. Alrededor de 1 litro por m² al día",
    "Menta (Mentha spicata)",
    "Orégano (Origanum vulgare)",
    "Grupo B: hortalizas de hoja. Alrededor de 4 litros por m² al día",
    "Acelga (Beta vulgaris)",
    "Espinaca (Spinacia oleracea)",
    "Grupo C: frutales. Alrededor de 9 litros por m² al día",
    "Damasco (Prunus armeniaca)",
    "Higuera (Ficus carica)",
)


@pytest.mark.parametrize(
    "follow_up", ["q otras plantas estan en ese grupo", "y q otras plantas hay en ese grupo"]
)
def test_the_group_a_follow_up_points_at_is_the_one_just_quoted(follow_up: str) -> None:
    chat = chat_over({"faq.docx": GARDEN})
    assert "4 litros" in chat.ask("la acelga cuanta agua necesita").content
    answer = chat.ask(follow_up).content
    assert "Espinaca" in answer and "Menta" not in answer and "Damasco" not in answer, answer


@pytest.mark.parametrize(
    "asked", ["cuanto vale el metro cubico", "a cuanto sale el m3", "precio del metro cubico"]
)
def test_a_price_per_unit_without_a_figure_gives_every_tier(asked: str) -> None:
    answer = chat_over({"faq.docx": TIERS}).ask(asked).content
    assert all(price in answer for price in ("$410", "$760", "$1.240")), answer


def test_the_unit_price_asked_after_the_fixed_charge_gives_every_tier() -> None:
    chat = chat_over({"faq.docx": TIERS})
    assert "$2.900" in chat.ask("cuanto sale el cargo fijo").content
    answer = chat.ask("y el metro cubico").content
    assert all(price in answer for price in ("$410", "$760", "$1.240")), answer


DARK = docx_bytes(
    "Manual de equipos",
    "2. Equipos",
    "Repetidor: reenvía la señal de radio entre los sensores y la sede.\n"
    "Repetidor — Sin luz: sin energía, revise el cargador\nRepetidor — Rojo: sin enlace de radio",
    "Gabinete del caudalímetro: protege la electrónica del medidor de caudal.\n"
    "Gabinete del caudalímetro — Sin luz: reposo entre lecturas, es normal\n"
    "Gabinete del caudalímetro — Rojo: pila agotada",
)


@pytest.mark.parametrize(
    ("follow_up", "expected", "other"),
    [
        ("y el gabinete apagado es malo", "reposo entre lecturas", "revise el cargador"),
        ("y el gabinete sin luz?", "reposo entre lecturas", "revise el cargador"),
        ("y el gabinete en rojo", "pila agotada", "sin enlace"),
    ],
)
def test_a_colour_follow_up_naming_another_component_is_that_components_light(
    follow_up: str, expected: str, other: str
) -> None:
    chat = chat_over({"manual.docx": DARK})
    assert "revise el cargador" in chat.ask("el repetidor esta sin ninguna luz").content
    answer = chat.ask(follow_up).content
    assert expected in answer and other not in answer, answer


@pytest.mark.parametrize(
    ("earlier", "follow_up", "named"),
    [
        ("el gateway esta sin ninguna luz", "y la caja apagada es malo", "la caja esta apagada"),
        ("el repetidor esta en rojo", "y el gabinete en verde?", "el gabinete esta en verde"),
    ],
)
def test_a_colour_follow_up_is_understood_of_the_component_it_names(
    earlier: str, follow_up: str, named: str
) -> None:
    question = understand([earlier], follow_up).question
    assert question.text == named, question.text
