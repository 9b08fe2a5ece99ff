"""Questions that link what they ask with a verb the documents never use, or ask for a kind of value."""

from __future__ import annotations

import pytest

from tests.answers.documents import chat_over, docx_bytes

FAQ = docx_bytes(
    "Preguntas frecuentes del comité de agua de Quebe",
    "1. ¿Dónde se paga la boleta?",
    "En la oficina del comité, los lunes y viernes de 9:00 a 13:00.",
    "2. ¿Cuándo se riega?",
    "Solo los martes y jueves, antes de las 8:00 horas.",
    "3. ¿Hay agua las 24 horas?",
    "No. El servicio funciona de 7:00 a 22:00 horas.",
    "4. ¿Qué usos están prohibidos?",
    "Lavar vehículos con agua de la red y llenar piscinas. La multa es de $20.000.",
    "5. ¿Qué hago si el agua sale turbia?",
    "Deje correr la llave durante 5 minutos antes de usarla.",
    "6. ¿Cuánta agua necesitan los cultivos?",
    "Hortalizas: alrededor de 30 mm por semana",
    "Acelga (Beta vulgaris)",
    "Cebolla (Allium cepa)",
)
MANUAL = docx_bytes(
    "Manual del sistema de cloración de Quebe",
    "2. Equipos",
    "Dosificador: bomba que inyecta hipoclorito de calcio al 65% en la tubería de salida.",
    "Tambor de solución: recipiente de 120 litros junto al dosificador.",
    "3. Módem",
    "El módem usa un chip con el APN datos.quebe.cl y el PIN 4417.",
    "Las consultas técnicas se envían al correo tecnico@aguasquebe.cl.",
)


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        # The linking verb («pongo», «meto», «caben», «mando», «trae») is not in the answer.
        ("q apn le meto al chip del modem", "datos.quebe.cl"),
        ("que pin le pongo al chip", "4417"),
        ("cuantos litros le caben al tambor", "120 litros"),
        ("a que correo mando las consultas tecnicas", "tecnico@aguasquebe.cl"),
        ("a q concentracion viene el hipoclorito", "65%"),
        ("que porcentaje trae el hipoclorito", "65%"),
        # Water for a crop is a depth of water.
        ("cuanta agua necesita la acelga a la semana", "30 mm"),
        ("cuanta agua le tengo que echar a la cebolla", "30 mm"),
    ],
)
def test_a_question_is_answered_without_its_linking_verb(asked: str, expected: str) -> None:
    answer = chat_over({"faq.docx": FAQ, "manual.docx": MANUAL}).ask(asked).content
    assert expected in answer, answer


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("donde se paga la cuenta", "oficina del comité"),
        ("en donde se pagan las cuentas", "oficina del comité"),
        ("hay agua todo el dia?", "7:00 a 22:00"),
        ("se puede lavar el auto con agua de la llave", "Lavar vehículos"),
        ("se puede lavar la camioneta con agua de la red", "Lavar vehículos"),
        ("el agua me sale cafe que hago", "5 minutos"),
        ("que dias se puede regar", "martes y jueves"),
        ("en que dias toca regar", "martes y jueves"),
    ],
)
def test_the_committees_own_words_find_the_documents_words(asked: str, expected: str) -> None:
    answer = chat_over({"faq.docx": FAQ, "manual.docx": MANUAL}).ask(asked).content
    assert expected in answer, answer


def test_a_day_named_elsewhere_in_the_document_does_not_answer_which_days() -> None:
    # «¿qué días ...?» holds only the asking word in the payment entry: the watering entry answers.
    answer = chat_over({"faq.docx": FAQ}).ask("k dias se riega").content
    assert "martes y jueves" in answer and "lunes y viernes" not in answer, answer


@pytest.mark.parametrize(
    "asked",
    ["que pin le pongo al router de la escuela", "cuantos litros le caben al estanque de la posta"],
)
def test_a_weak_verb_never_lets_a_missing_thing_be_answered(asked: str) -> None:
    answer = chat_over({"faq.docx": FAQ, "manual.docx": MANUAL}).ask(asked).content
    assert answer.startswith("No lo encontré"), answer


COMMITTEE = docx_bytes(
    "Preguntas frecuentes del comité de agua de Sibaya",
    "1. ¿Qué es el comité?",
    "Es la organización que administra el agua potable de Sibaya. Funciona desde 1987 y la presidenta es "
    "Rosa Mamani.",
    "Actualizado en enero de 2025.",
    "2. ¿Hay algún subsidio para pagar el agua?",
    "Sí. El subsidio se postula en la municipalidad y cubre hasta el 50% del consumo.",
    "3. ¿Cómo se ahorra agua en la casa?",
    "Cierre la llave mientras se lava los dientes y riegue al atardecer.",
    "4. Mantención del sistema",
    "Calibrar el medidor de cloro: cada 4 meses.",
    "Reiniciar el módem: mantenga el botón apretado 20 segundos.",
    "El módem envía los datos al servidor 10.20.30.40.",
)


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("desde q año funciona el comite", "1987"),
        ("de que año es el comite", "1987"),
        ("quien es la presi del comite", "Rosa Mamani"),
        ("hay ayuda pa pagar el agua", "subsidio"),
        ("tips pa ahorrar agua en la ksa", "Cierre la llave"),
        ("cada cuanto hay q ajustar el medidor de cloro", "4 meses"),
        ("como reseteo el modem", "20 segundos"),
        ("a q servidor manda los datos el modem", "10.20.30.40"),
    ],
)
def test_regional_words_abbreviations_and_years(asked: str, expected: str) -> None:
    answer = chat_over({"faq.docx": COMMITTEE}).ask(asked).content
    assert expected in answer, answer


BOX = docx_bytes(
    "Manual de la caja del sensor",
    "2. Mantención",
    "Revisar el sobre desecante de la caja: cada 3 meses.",
    "Apretar los tornillos de la tapa: una vez al año.",
)


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("cada cuanto hay q mirar el sobrecito de la caja", "3 meses"),
        ("cada cuanto se aprietan los tornillitos de la tapa", "una vez al año"),
    ],
)
def test_a_diminutive_names_the_plain_thing(asked: str, expected: str) -> None:
    answer = chat_over({"manual.docx": BOX}).ask(asked).content
    assert expected in answer, answer


PROCEDURES = docx_bytes(
    "Manual de mantención de Quebe",
    "5. Calendario",
    [("Tarea", "Frecuencia"), ("Cambiar las pilas del sensor", "Cada 12 meses")],
    "6. Cambiar las pilas del sensor",
    "1. Suelte los 6 tornillos de la tapa.",
    "2. Saque las pilas usadas y ponga 3 pilas nuevas de litio.",
    "3. Cierre la tapa y espere la luz verde.",
    "7. Reiniciar el router",
    "1. Desenchufe el router.",
    "2. Espere 40 segundos.",
    "3. Vuelva a enchufarlo.",
)


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("como cambio las pilas del sensor", ("6 tornillos", "3 pilas nuevas", "luz verde")),
        ("q pasos hay q seguir pa cambiar las pilas del sensor", ("6 tornillos", "luz verde")),
        ("como reseteo el router", ("Desenchufe", "40 segundos", "enchufarlo")),
    ],
)
def test_a_how_to_question_gets_every_step_of_the_procedure(asked: str, expected: tuple[str, ...]) -> None:
    answer = chat_over({"manual.docx": PROCEDURES}).ask(asked).content
    assert all(part in answer for part in expected), answer


def test_how_often_still_gets_the_schedule() -> None:
    answer = chat_over({"manual.docx": PROCEDURES}).ask("cada cuanto se cambian las pilas del sensor").content
    assert "12 meses" in answer, answer


def test_a_year_alone_does_not_answer_an_event_no_document_tells() -> None:
    # «Actualizado en enero de 2025» is a year, but nothing says when the committee was founded.
    answer = chat_over({"faq.docx": COMMITTEE}).ask("en q año se fundo el comite").content
    assert answer.startswith("No lo encontré") and "2025" not in answer, answer


def test_how_much_it_covers_is_not_a_typo_of_copper() -> None:
    answer = chat_over({"faq.docx": COMMITTEE}).ask("y el subsidio cuanto cubre").content
    assert "50%" in answer, answer


TROUBLE = docx_bytes(
    "Manual del concentrador de Quebe",
    "6. Problemas",
    "Si el concentrador queda en rojo por más de 20 minutos, desconéctelo 15 segundos y vuelva a conectarlo.",
    "Si la bomba no parte después de 2 intentos, llame al técnico.",
)


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("el concentrador lleva una hora en rojo q hago", "15 segundos"),
        ("hace 3 horas q el concentrador esta en rojo, que hago", "15 segundos"),
    ],
)
def test_a_span_of_time_the_user_tells_is_a_condition(asked: str, expected: str) -> None:
    answer = chat_over({"manual.docx": TROUBLE}).ask(asked).content
    assert expected in answer, answer


def test_a_complement_of_the_same_family_names_the_same_thing() -> None:
    doc = docx_bytes(
        "Manual de cloración",
        "2. Equipos",
        "Clorador: bomba que dosifica el hipoclorito en la tubería.",
        "4. Capacidades",
        "El bidón de hipoclorito es de 80 litros y el estanque de 25 m³.",
        "El número de arranque va impreso en la boleta.",
    )
    assert (
        "80 litros"
        in chat_over({"manual.docx": doc}).ask("cuantos litros le caben al bidon del clorador").content
    )
    # Another complement of another family is still another thing.
    other = chat_over({"manual.docx": doc}).ask("cual es el numero de cuenta del comite").content
    assert other.startswith("No lo encontré"), other


@pytest.mark.parametrize("asked", ["cuanto le pagan al operador", "cuanto le pagan a la tesorera"])
def test_how_much_someone_is_paid_needs_a_price_of_that_person(asked: str) -> None:
    faq = docx_bytes(
        "Preguntas frecuentes",
        "1. ¿Quién repara una filtración?",
        "Avise al operador dentro de 48 horas. El operador repara sin costo para el socio.",
        "2. ¿Cuánto cuesta la reposición?",
        "La reposición cuesta $8.500 y se hace dentro de 24 horas después del pago.",
    )
    answer = chat_over({"faq.docx": faq}).ask(asked).content
    assert answer.startswith("No lo encontré") and "8.500" not in answer and "48" not in answer, answer


def test_a_thing_of_another_owner_is_not_found() -> None:
    # The manual's wifi is the modem's: nothing in it is the community hall's.
    chat = chat_over(
        {
            "manual.docx": docx_bytes(
                "Manual", "3. Módem", "Conéctese a la red wifi APR-QUEBE, clave Llama2024."
            )
        }
    )
    assert chat.ask("cual es la clave del wifi de la sede").content.startswith("No lo encontré")
    assert (
        "Llama2024"
        in chat_over(
            {
                "manual.docx": docx_bytes(
                    "Manual", "3. Módem", "Conéctese a la red wifi APR-QUEBE, clave Llama2024."
                )
            }
        )
        .ask("cual es la clave del wifi")
        .content
    )
