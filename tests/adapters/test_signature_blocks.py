"""Signature blocks of a Word report: each signer's name with its role, read by column."""

from __future__ import annotations

import io

import docx

from botk_adapters.documents import default_reader

GAP = " " * 20


def _report(*lines: str) -> bytes:
    document = docx.Document()
    document.add_paragraph("4. Conclusiones")
    document.add_paragraph("El agua del pozo cumple la norma en todas las campañas.")
    for line in lines:
        document.add_paragraph(line)
    raw = io.BytesIO()
    document.save(raw)
    return raw.getvalue()


def _texts(data: bytes) -> list[str]:
    return [chunk.text for chunk in default_reader().read("informe.docx", data)]


def test_two_signers_side_by_side_are_read_as_one_line_each() -> None:
    texts = _texts(
        _report(
            f"____________________{GAP}____________________",
            f"Dra. Ana Pérez Soto{GAP}Ing. Luis Rojas Mena",
            f"Jefa de Laboratorio{GAP}Revisor técnico",
        )
    )
    joined = "\n".join(texts)
    assert "Jefa de Laboratorio: Dra. Ana Pérez Soto" in joined, texts
    assert "Revisor técnico: Ing. Luis Rojas Mena" in joined, texts


def test_one_signer_under_a_rule_gets_its_role_and_a_rule_alone_is_left_as_it_is() -> None:
    one = "\n".join(_texts(_report("____________________", "Marta Quispe", "Presidenta del comité")))
    assert "Presidenta del comité: Marta Quispe" in one
    alone = "\n".join(_texts(_report("____________________", "")))
    assert "El agua del pozo cumple la norma" in alone
