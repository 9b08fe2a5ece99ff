"""Signature blocks: the rule, then each signer's name and role, side by side in columns.

A report ends with

    __________________          __________________
    Q.F. Ana Pérez Soto          Ing. Luis Rojas
    Jefa de Laboratorio          Revisor técnico

written as three paragraphs whose columns are runs of spaces or tabs. Read
as text, the names and roles mix; read by column, each signer becomes one
line «Jefa de Laboratorio: Q.F. Ana Pérez Soto», which answers "¿quién es
la jefa del laboratorio?" and "¿quién firmó?".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_RULE = re.compile(r"^\s*_{5,}(?:\s+_{5,})*\s*$")
_GAP = re.compile(r"\s{3,}|\t+")
_MAX_LINES = 4
_MAX_LINE_CHARS = 160
SIGNED = "Firma"


def signature_at(texts: Sequence[str], index: int) -> tuple[list[str], int] | None:
    """The signers of the block whose rule is ``texts[index]``, and the index after it; else None."""
    rule = texts[index].strip()
    if not _RULE.match(rule):
        return None
    columns = len(rule.split())
    signers: list[list[str]] = [[] for _ in range(columns)]
    end = index + 1
    while end < len(texts) and end - index <= _MAX_LINES:
        line = texts[end].strip()
        parts = _GAP.split(line) if columns > 1 else [line]
        if not line or len(line) > _MAX_LINE_CHARS or _RULE.match(line) or len(parts) != columns:
            break
        for signer, part in zip(signers, parts, strict=True):
            signer.append(part.strip())
        end += 1
    if end == index + 1:
        return None
    return [_line(signer) for signer in signers], end


def _line(signer: list[str]) -> str:
    """«Role: Name» (a signer's first line is the name, the next ones the role)."""
    name, *role = signer
    return f"{', '.join(role)}: {name}" if role else f"{SIGNED}: {name}"
