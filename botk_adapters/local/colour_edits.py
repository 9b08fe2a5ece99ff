"""A colour follow-up's edits: the new colour and how it shines, and the component it names.

"¿y si la roja parpadea?" after the box's green is the box's blinking red;
"¿y la caja apagada?" after the gateway is the box's light; "¿y el led
rojo?" after a blinking yellow is the red however it shines.
"""

from __future__ import annotations

from botk_adapters.local.question import Question
from botk_adapters.local.question_spans import ARTICLE_WORDS, Edit, subject_span
from botk_adapters.local.related import LIGHT_WORDS
from botk_adapters.local.tokens import inside
from botk_core.lights import NO_LIGHT, is_state_word, light_state


def of_a_light(word: str) -> bool:
    """A word that says a light, or how it shines («luz», «led», «parpadea»), and names no component."""
    return word in LIGHT_WORDS or is_state_word(word)


def colour_edits(new: Question, previous: Question) -> list[Edit]:
    """The new colour in place of the earlier one, with the component the turn names."""
    if not (new.colour and new.colour_span):
        return []
    edits: list[Edit] = []
    start, end = new.colour_span
    phrase = "apagada" if new.colour == "sin luz" else new.text[start:end]
    state = light_state(new.text)
    if state and new.colour != "sin luz" and light_state(previous.text) != state:
        phrase = f"{phrase} {state}"  # "¿y si la roja parpadea?": the blinking red
    span = previous.colour_span
    if span and phrase == "apagada" and previous.text[: span[0]].endswith("sin "):
        span = (span[0] - len("sin "), span[1])  # "sin ninguna luz" is "apagada", not "sin apagada"
    edits.append((span, phrase))
    component = _component_edit(new, previous)
    if component is not None:
        edits.append(component)  # "¿y la caja apagada?" after the gateway: the box's light
    return edits


def _component_edit(new: Question, previous: Question) -> Edit | None:
    """The component a colour follow-up names («la caja»), in place of the earlier one («el gateway»)."""
    colour = new.colour_span
    if (
        new.place
        or previous.tabular
        or previous.place
        or not new.subject
        or not colour
        or not previous.colour_span
    ):
        return None
    # "¿y si la roja parpadea?", "¿y sin ninguna luz?": how the light shines is no component.
    dark = [m.span() for m in NO_LIGHT.finditer(new.text)]
    lit = [t.word for t in new.tokens if not inside(t, [colour, *dark])]
    things = [w for w in new.subject if w in lit and not of_a_light(w)]
    if not things:
        return None
    named = [t for t in new.tokens if t.word == things[0] and not inside(t, [colour])]
    head = subject_span(previous)
    if not named or head is None or head[1] > previous.colour_span[0] or things[0] in previous.subject:
        return None
    start = named[0].start
    before = [t for t in new.tokens if t.end <= start]
    if before and before[-1].word in ARTICLE_WORDS:
        start = before[-1].start
    return (head, new.text[start : named[0].end])


def unsaid_states(new: Question, previous: Question, edits: list[Edit]) -> list[Edit]:
    """The earlier turn's way of shining, gone when the new one says another or none.

    "¿y el led rojo?" after a blinking yellow asks of the red however it shines;
    "¿y el rojo fijo?" after it, of the steady red.
    """
    if not new.colour or light_state(new.text) == light_state(previous.text):
        return []
    spans = [e[0] for e in edits if e[0] is not None]
    return [
        ((t.start, t.end), "")
        for t in previous.tokens
        if is_state_word(t.word) and not any(a < t.end and t.start < b for a, b in spans)
    ]
