"""The cells of a table's campaign a question names: a month and year, the latest, the n-th."""

from __future__ import annotations

from botk_adapters.local.dates import Campaign
from botk_adapters.local.ordinals import names_number
from botk_adapters.local.table_cells import Cell, column_label
from botk_core.text import fold


def in_campaign(campaign: Campaign, cells: list[Cell]) -> list[Cell]:
    """The cells of ``campaign``; a month without its year takes the nearest year that has it."""
    dated = [c for c in cells if c.campaign]
    if campaign.before:
        return _counted_back(campaign, dated)
    if campaign.year_shift and not campaign.year:
        return []  # "al año siguiente" with no year said before: no campaign is meant
    if campaign.nth:
        of_year = [c for c in dated if c.campaign and campaign.matches(c.campaign)]
        # A column the document numbers itself ("2.ª campaña (nov 2022)") is that one; else they are counted.
        labelled = [c for c in of_year if names_number("campana", campaign.nth, fold(column_label(c)))]
        if labelled:
            return labelled
        orders = sorted({c.campaign.order for c in of_year if c.campaign})
        if campaign.nth > len(orders):
            return []
        return [c for c in dated if c.campaign and c.campaign.order == orders[campaign.nth - 1]]
    if campaign.latest or campaign.earliest:
        if not dated:
            return []
        pick = max if campaign.latest else min
        target = pick(c.campaign.order for c in dated if c.campaign)
        return [c for c in dated if c.campaign and c.campaign.order == target]
    found = [c for c in dated if c.campaign and campaign.matches(c.campaign)]
    if found or not (campaign.year_assumed and campaign.month):
        return found
    # "¿y en agosto?" after a question about 2021: the August campaign the table has, nearest first.
    same_month = [c for c in dated if c.campaign and c.campaign.month == campaign.month]
    if not same_month:
        return []
    wanted = campaign.year or 0
    years = {c.campaign.year or 0 for c in same_month if c.campaign}
    year = min(years, key=lambda y: (abs(y - wanted), -y))
    return [c for c in same_month if c.campaign and (c.campaign.year or 0) == year]


def _counted_back(campaign: Campaign, dated: list[Cell]) -> list[Cell]:
    """The cells ``campaign.before`` campaigns before its anchor (after it when negative; the anchor
    is the latest when it has none)."""
    anchored = in_campaign(campaign.anchor or Campaign(latest=True), dated)
    orders = sorted({c.campaign.order for c in dated if c.campaign})
    if not anchored or not orders:
        return []
    start = orders.index(min(c.campaign.order for c in anchored if c.campaign))
    # Before the first campaign or after the last there is none: nothing is invented.
    if not 0 <= start - campaign.before < len(orders):
        return []
    target = orders[start - campaign.before]
    return [c for c in dated if c.campaign and c.campaign.order == target]
