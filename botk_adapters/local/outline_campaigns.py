"""The campaigns of a report: every table's, in time order, the last or n-th named when asked.

The day of each campaign is added when the report's text says it ("las
campañas se realizaron el 18 de mayo de 2021, ..."): the columns only say
the month.
"""

from __future__ import annotations

from collections.abc import Sequence

from botk_adapters.local.dates import Campaign
from botk_adapters.local.ordinals import FEMININE
from botk_adapters.local.outline_dates import campaign_days
from botk_adapters.local.outline_labels import joined, only, union
from botk_adapters.local.outline_questions import StructureAsk
from botk_adapters.local.table_cells import label_campaign
from botk_core.tools.search import FoundPassage


def write_campaigns(
    ask: StructureAsk, outlines: list[FoundPassage], results: Sequence[FoundPassage]
) -> tuple[str, list[FoundPassage]] | None:
    """The campaigns' sentence and the passages it read; None when the tables have no campaign columns."""
    found = union(outlines, lambda f: f.column)
    if not found:
        return None
    dated = {label: label_campaign(label) for label in found}
    known = {label: campaign for label, campaign in dated.items() if campaign}
    order = list(found)
    if len(known) == len(order):  # in time order when every label is a date; else as the tables go
        order.sort(key=lambda label: known[label].order)
    days, prose = campaign_days(known, results, outlines[0].document_id or outlines[0].document)
    partial = [only(found[label], outlines, f"({label} solo en {{}})") for label in order]
    listed = f"{len(order)} campañas de muestreo: {joined(order)}."
    text = f"Hubo {listed}" if ask.count else f"Las muestras se tomaron en {listed}"
    if days:
        which = "las fechas fueron" if len(days) == len(order) else "algunas de las fechas fueron"
        text += f"\nSegún el texto del informe, {which}: {joined([days[c] for c in order if c in days])}."
    named = _named(ask.campaign, order, days)
    return "\n".join([*named, text, *[p for p in partial if p]]), [*outlines, *prose]


def _named(campaign: Campaign | None, order: list[str], days: dict[str, str]) -> list[str]:
    """«El último muestreo fue el 13 de diciembre de 2022 (Diciembre 2022).», when one is asked."""
    if campaign is None:
        return []
    nth = len(order) if campaign.latest else 1 if campaign.earliest else campaign.nth
    if nth is None or nth >= len(FEMININE):
        return []
    which = "El último muestreo" if campaign.latest else "El primer muestreo" if nth == 1 else ""
    which = which or f"La {FEMININE[nth]} campaña"
    if nth > len(order):
        return [f"El informe no tiene una {FEMININE[nth]} campaña: tiene {len(order)}."]
    label = order[nth - 1]
    when = f"el {days[label]} ({label})" if label in days else f"en {label}"
    return [f"{which} fue {when}."]
