"""The evaluation: its file format, its scoring rules and its runner through the real use cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from botk_adapters.memory import InMemoryThreadRepository
from botk_adapters.memory.gateway import ScriptedAssistantGateway
from botk_core.domain import Citation
from botk_core.errors import InvalidInput
from botk_core.evaluation import EvalTurn, RunEvaluation, document_key, parse_cases, score_turn, totals
from botk_core.model import ModelReply
from botk_core.profile import AssistantCatalog, default_profile
from botk_core.tools import ToolRegistry
from botk_core.usecases import SendMessage, StartConversation, TurnRunner
from botk_web.cli import main
from botk_web.cli.eval_report import by_tag
from tests.answers.lab import FactStore
from tests.answers.thread import Chat

REPORT = Citation("EJEMPLO_informe_laboratorio.docx", "Tabla 9 · M4 Macaya Miraflores · Diciembre 2022")


def test_expected_strings_compare_without_case_accents_or_spaces() -> None:
    turn = EvalTurn("plomo?", expect=("0,0591", "sobre el limite"), documents=("informe_laboratorio",))
    good = score_turn(turn, "Fue 0,0591 mg/L, SOBRE el  límite.", [REPORT])
    assert good.fact and good.source and good.right
    one_missing = score_turn(turn, "Fue 0,0591 mg/L.", [REPORT])
    assert one_missing.fact is False and not one_missing.right


def test_expect_any_needs_one_whole_group() -> None:
    turn = EvalTurn("¿es mucho?", expect_any=(("0,0591", "supera"), ("0,0591", "sobre el limite")))
    assert score_turn(turn, "0,0591 mg/L, sobre el límite", []).fact
    assert score_turn(turn, "supera el límite", []).fact is False


def test_a_deliberately_wrong_answer_is_counted_wrong() -> None:
    turn = EvalTurn("plomo en miraflores dic 2022", expect=("0,0591",), documents=("informe_laboratorio",))
    wrong_value = score_turn(turn, "Fue 0,0779 mg/L.", [REPORT])
    wrong_source = score_turn(turn, "Fue 0,0591 mg/L.", [Citation("manual.docx")])
    assert (wrong_value.fact, wrong_value.source) == (False, True)
    assert (wrong_source.fact, wrong_source.source) == (True, False)
    assert not wrong_value.right and not wrong_source.right


def test_document_names_ignore_folder_extensions_case_and_the_sample_mark() -> None:
    assert document_key("EJEMPLO_Informe_Calidad_Agua.docx") == "informe_calidad_agua"
    assert document_key("docs/uso_del_agua.pdf") == "uso_del_agua"
    assert document_key("informe (ejemplo).docx") == "informe"
    assert document_key("ejemplar.docx") == "ejemplar"


def test_not_found_must_say_so_cite_nothing_and_invent_no_figure() -> None:
    turn = EvalTurn("cuanto cadmio habia en pulcha en dic 2022", not_found=True)
    honest = score_turn(turn, "No lo encontré: no hay datos de cadmio en Pulcha en diciembre de 2022.", [])
    assert honest.not_found and honest.right
    invented = score_turn(turn, "No lo encontré, pero el plomo fue 0,0551 mg/L.", [])
    assert invented.not_found is False and invented.invented == ("0,0551",)
    cited = score_turn(turn, "No lo encontré.", [REPORT])
    assert cited.not_found is False
    answered = score_turn(turn, "El cadmio fue bajo.", [])
    assert answered.not_found is False


def test_a_turn_without_expectations_is_asked_but_not_scored() -> None:
    case = parse_cases({"conversations": [{"id": "x", "turns": [{"ask": "hola"}]}]})
    assert not case.conversations[0].turns[0].scored


@pytest.mark.parametrize(
    "data",
    [[], {"conversations": [{"turns": []}]}, {"conversations": [{"turns": [{"expect": ["1"]}]}]},
     {"conversations": [{"turns": [{"ask": "x", "expect": [1]}]}]}],
)  # fmt: skip
def test_a_malformed_file_is_refused_saying_where(data: object) -> None:
    with pytest.raises(InvalidInput):
        parse_cases(data)


CASE = {
    "conversations": [
        {"id": "c1", "tags": ["tabla", "seguimiento"], "turns": [
            {"ask": "cuanto plomo salio en miraflores en dic 2022", "expect": ["0,0591"],
             "document": "informe_laboratorio"},
            {"ask": "y en mayo 2021?", "expect": ["0,0779"], "document": "informe_laboratorio"},
        ]},
        {"id": "c2", "turns": [{"ask": "hola"}, {"ask": "cuanto cadmio habia en pulcha", "not_found": True}]},
        {"id": "c3", "turns": [{"ask": "plomo en pulcha dic 2022", "expect": ["9,9999"]}]},
    ]
}  # fmt: skip


def test_the_runner_asks_each_conversation_in_a_fresh_thread_and_adds_up_the_scores() -> None:
    chat = Chat(FactStore())
    results = list(RunEvaluation(chat.start, chat.send).execute(parse_cases(CASE)))
    assert [(r.conversation, r.number) for r in results] == [
        ("c1", 1),
        ("c1", 2),
        ("c2", 1),
        ("c2", 2),
        ("c3", 1),
    ]
    assert [r.score.right if r.score else None for r in results] == [True, True, None, True, False]
    figures = totals([(r.score, r.seconds, r.error is not None) for r in results])
    assert (figures.scored, figures.right, figures.fact, figures.not_found) == (4, 3, (2, 3), (1, 1))
    assert figures.invented == 0 and figures.p95_ms >= figures.p50_ms > 0
    assert by_tag(tuple(results)) == {"tabla": (2, 2), "seguimiento": (2, 2)}


def test_a_turn_that_fails_is_a_wrong_answer_not_a_crash() -> None:
    threads = InMemoryThreadRepository()
    catalog = AssistantCatalog([default_profile()])
    gateway = ScriptedAssistantGateway([ModelReply(text="Fue 0,0591 mg/L.")])  # then it runs out
    send = SendMessage(threads, catalog, TurnRunner(gateway, ToolRegistry()))
    case = parse_cases(
        {"conversations": [{"turns": [{"ask": "a", "expect": ["0,0591"]}, {"ask": "b", "expect": ["x"]}]}]}
    )
    first, second = RunEvaluation(StartConversation(threads, catalog), send).execute(case)
    assert first.score is not None and first.score.right
    assert second.error and second.score is not None and second.score.fact is False


def write_case(folder: Path, expect: str) -> Path:
    documents = folder / "docs"
    documents.mkdir()
    (documents / "EJEMPLO_guia.md").write_text(
        "# 3. Luces\n\nLa luz roja del sensor indica batería baja: limpie el panel solar.\n", encoding="utf-8"
    )
    light = {"ask": "q significa la luz roja del sensor", "expect": [expect], "document": "guia"}
    case = {
        "documents": "docs",
        "conversations": [
            {"id": "g1", "turns": [light]},
            {"id": "g2", "turns": [{"ask": "cuantos litros tiene el estanque pulcha", "not_found": True}]},
        ],
    }
    path = folder / "preguntas.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    return path


def test_botk_eval_runs_on_a_throwaway_database_and_exits_by_the_threshold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOTK_DATABASE", str(tmp_path / "configurada.sqlite3"))
    monkeypatch.chdir(tmp_path)
    path = write_case(tmp_path, "batería baja")
    out = tmp_path / "resultados.json"
    assert main(["eval", str(path), "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "g1·1  hecho ✓  fuente ✓" in printed and "g2·1  no lo encontré ✓" in printed
    assert "Correctas: 2/2 = 100,0 %" in printed and "Fallas: ninguna" in printed
    assert json.loads(out.read_text())["totals"]["right"] == 2
    assert not (tmp_path / "configurada.sqlite3").exists()  # the configured database is left alone


def test_botk_eval_lists_the_failures_and_fails_under_the_minimum(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = write_case(tmp_path, "batería agotada")
    assert main(["eval", str(path), "--min", "0.9"]) == 1
    printed = capsys.readouterr().out
    assert (
        "Fallas (1):" in printed
        and "g1·1 «q significa la luz roja del sensor» — esperaba batería agotada" in printed
    )
    assert "respuesta: La luz roja del sensor indica batería baja" in printed
    assert main(["eval", str(path), "--min", "0.5", "--quiet"]) == 0


def test_botk_eval_reports_an_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "malo.json").write_text("{no", encoding="utf-8")
    assert main(["eval", str(tmp_path / "malo.json")]) == 2
    assert "no pude leer" in capsys.readouterr().err
