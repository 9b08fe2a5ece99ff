"""Field-shaped sets the answers were not written for: the blind sets and the sets written before tuning.

The blind sets (Tarucani, Achacollo, then Quillaguasi) were written by
evaluators who never saw the code; the Cariquima set was written after
Tarucani, before its first score was known, the Cosapilla set (prose only)
before the prose answers were tuned on it, and the Chusmiza set (over-limit
lists, notes, parameter variants, ordinals, places by sound) before the table
answers and follow-ups were tuned on it; Cancosa, Ollagüe and Camiña came
from three more evaluators, with the documents they generated, and Enquelga, Mocha and Camar from
three more, scored blind before anything was tuned on them, as were Sibaya, Usmagama and Guallatire
after them.
Each set has its own minimum score:
the 90 % the answers must reach, or, for a set not yet there, the score
reached so far (rounded down) as a guard against going back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from botk_web.cli.eval import evaluate, load_case
from botk_web.settings import Settings
from tests.fixtures.achacollo.generate import build as build_achacollo
from tests.fixtures.cariquima.build import build as build_cariquima
from tests.fixtures.chusmiza.generate import build as build_chusmiza
from tests.fixtures.cosapilla.generate import build as build_cosapilla
from tests.fixtures.evaluator_sets import copier
from tests.fixtures.quillaguasi.generate import build as build_quillaguasi
from tests.fixtures.tarucani.generate import build as build_tarucani

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# name: (document builder, questions, at least this many scored turns, minimum score)
SETS: dict[str, tuple[Callable[[Path], list[Path]], Path, int, float]] = {
    "tarucani": (build_tarucani, FIXTURES / "tarucani" / "questions.json", 100, 0.9),
    "cariquima": (build_cariquima, FIXTURES / "cariquima" / "questions.json", 60, 0.9),
    "achacollo": (build_achacollo, FIXTURES / "achacollo" / "questions.json", 130, 0.93),
    # Its rules come as a PDF made with reportlab; without it the generator writes the same lines as .txt.
    "quillaguasi": (build_quillaguasi, FIXTURES / "quillaguasi" / "questions.json", 160, 0.94),
    # Prose only (FAQ, manual, minutes, an inspection report), written before the prose answers were tuned.
    "cosapilla": (build_cosapilla, FIXTURES / "cosapilla" / "questions.json", 55, 0.83),
    # Table answers and follow-ups, written before they were tuned on it.
    "chusmiza": (build_chusmiza, FIXTURES / "chusmiza" / "questions.json", 55, 0.98),
    # Three later evaluator sets, documents and questions as the evaluators made them: Cancosa and
    # Ollagüe were then used to find what failed; Camiña was scored blind first (67.1 %).
    "cancosa": (copier("cancosa"), FIXTURES / "cancosa" / "questions.json", 180, 0.93),
    "ollague": (copier("ollague"), FIXTURES / "ollague" / "questions.json", 180, 0.94),
    "camina": (copier("camina"), FIXTURES / "camina" / "questions.json", 165, 0.9),
    # Two more evaluators' sets, scored blind first (86.2 % and 87.5 %), then used to find what failed.
    "enquelga": (copier("enquelga"), FIXTURES / "enquelga" / "questions.json", 135, 0.9),
    "mocha": (copier("mocha"), FIXTURES / "mocha" / "questions.json", 165, 0.9),
    # Scored blind at 82.3 % (11 invented figures), then used to find what failed (now 84.8 %, none).
    "camar": (copier("camar"), FIXTURES / "camar" / "questions.json", 160, 0.84),
    # Scored blind at 80.0 % (3 invented figures) and 78.7 % (10), then used to find what failed.
    "sibaya": (copier("sibaya"), FIXTURES / "sibaya" / "questions.json", 210, 0.83),
    "usmagama": (copier("usmagama"), FIXTURES / "usmagama" / "questions.json", 230, 0.82),
    # Scored blind at 87.6 % (no invented figure) before and after one round of fixes made on the
    # two sets above, then used to find what failed.
    "guallatire": (copier("guallatire"), FIXTURES / "guallatire" / "questions.json", 125, 0.92),
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_questions_are_answered_with_the_right_fact_and_source_and_no_invented_figure(
    name: str, tmp_path: Path
) -> None:
    build, questions, at_least, minimum = SETS[name]
    documents = tmp_path / "docs"
    build(documents)
    settings = Settings(database_path=str(tmp_path / "b.sqlite3"), reports_dir=str(tmp_path / "r"))
    run = evaluate(load_case(questions), settings, documents)
    assert run.totals.scored >= at_least
    assert run.totals.invented == 0
    assert run.totals.score >= minimum, "\n".join(
        r.turn.ask for r in run.results if r.score and not r.score.right
    )
