"""A parameter's name of several words written with a typo ("solidos disuletos totales")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from botk_core.phrasing import one_edit_apart

# Words shorter than this must be written right ("agua dura" is not "agua pura").
_TYPO_LENGTH = 6


def fuzzy_phrase(folded: str, names: Sequence[list[str]]) -> tuple[str, tuple[int, int]] | None:
    """The first of ``names`` (each as its words) that ``folded`` writes with a typo in its long words,
    and where.

    One of its words must be written right, so that two loose words never make a parameter.
    """
    found = list(re.finditer(r"[a-z]+", folded))
    tokens = [m.group(0) for m in found]
    if not {w for name in names for w in name}.intersection(tokens):
        return None  # no word of any such name written right: the common case, decided at once
    for wanted in names:
        for start in range(len(tokens) - len(wanted) + 1):
            run = tokens[start : start + len(wanted)]
            exact = [have == want for have, want in zip(run, wanted, strict=True)]
            if any(exact) and all(
                ok or (len(want) >= _TYPO_LENGTH and one_edit_apart(have, want))
                for ok, have, want in zip(exact, run, wanted, strict=True)
            ):
                return " ".join(wanted), (found[start].start(), found[start + len(wanted) - 1].end())
    return None
