"""RunEvaluation: ask every conversation of an evaluation in a fresh thread, through the use cases."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import attrs

from botk_core.domain import Citation
from botk_core.errors import BotkError
from botk_core.evaluation.cases import EvalCase, EvalConversation, EvalTurn
from botk_core.evaluation.scoring import Score, score_turn
from botk_core.usecases import SendMessageInput, StartConversation, StartConversationInput
from botk_core.usecases.send_message import MessageSender


@attrs.frozen
class TurnResult:
    """One asked turn: the answer, its sources, how long it took and its score (None: not scored)."""

    conversation: str
    number: int
    turn: EvalTurn
    answer: str
    citations: tuple[Citation, ...]
    seconds: float
    score: Score | None
    tags: tuple[str, ...] = ()
    error: str | None = None


class RunEvaluation:
    """Runs an EvalCase on the real StartConversation and SendMessage (any gateway behind them)."""

    def __init__(
        self,
        start: StartConversation,
        send: MessageSender,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self._start = start
        self._send = send
        self._clock = clock

    def execute(self, case: EvalCase) -> Iterator[TurnResult]:
        """Yield each turn's result as soon as it is answered, conversation by conversation."""
        for conversation in case.conversations:
            yield from self._conversation(conversation)

    def _conversation(self, conversation: EvalConversation) -> Iterator[TurnResult]:
        thread = self._start.execute(StartConversationInput()).thread.id
        for number, turn in enumerate(conversation.turns, start=1):
            began = self._clock()
            try:
                message = self._send.execute(SendMessageInput(thread, turn.ask))
                answer, citations, error = message.content, message.citations, None
            except BotkError as failure:
                answer, citations, error = "", (), failure.message
            seconds = self._clock() - began
            score = score_turn(turn, answer, citations) if turn.scored else None
            if error and score is not None:
                score = _all_wrong(turn)
            yield TurnResult(
                conversation.id, number, turn, answer, citations, seconds, score, conversation.tags, error
            )


def _all_wrong(turn: EvalTurn) -> Score:
    """A turn that failed with an error fails every check it asks for."""
    return Score(
        fact=False if turn.expect or turn.expect_any else None,
        source=False if turn.documents else None,
        not_found=False if turn.not_found else None,
    )
