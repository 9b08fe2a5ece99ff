"""The days of a report's campaigns, when its prose says them ("el 13 de diciembre de 2022").

A table's columns name a campaign's month ("Diciembre 2022"); the report's
text often gives its day. Only the text of the same document counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from botk_adapters.local.dates import MONTHS, Campaign
from botk_core.text import fold
from botk_core.tools.search import FoundPassage

_DAY = re.compile(rf"\b(\d{{1,2}})\s+de\s+({'|'.join(MONTHS)})\s+(?:de|del)\s+((?:19|20)\d\d)\b")


def campaign_days(
    campaigns: dict[str, Campaign], results: Sequence[FoundPassage], document: str
) -> tuple[dict[str, str], list[FoundPassage]]:
    """Each campaign's day as the prose of ``document`` says it, and the passages that say them.

    A month with two different days in the text ("del 3 y el 20 de mayo") has no one day.
    """
    days: dict[tuple[int, int], set[str]] = {}
    sources: dict[tuple[int, int], FoundPassage] = {}
    for found in results:
        if found.fact is not None or (found.document_id or found.document) != document:
            continue
        for day, month, year in _DAY.findall(fold(found.text)):
            key = (int(year), MONTHS[month])
            days.setdefault(key, set()).add(f"{int(day)} de {month} de {year}")
            sources.setdefault(key, found)
    said: dict[str, str] = {}
    cited: list[FoundPassage] = []
    for label, campaign in campaigns.items():
        key = (campaign.year or 0, campaign.month or 0)
        if len(days.get(key, ())) == 1:
            said[label] = next(iter(days[key]))
            if sources[key] not in cited:
                cited.append(sources[key])
    return said, cited
