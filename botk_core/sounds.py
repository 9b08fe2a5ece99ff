"""Words as they sound: «estanke» is «estanque», «bertiente» «vertiente», «yama» «llama».

People write by ear. Spanish spells one sound several ways (k, qu and c
before a, o, u; s, z and c before e, i; j and g before e, i; b and v; y and ll;
a silent h), so
two folded spellings with one sound key are said alike.
"""

from __future__ import annotations

import functools
import re

# Shorter words sound alike too often ("sal", "cal") to be read by their sound.
SOUND_MIN_LENGTH = 4
_SOFT_C = re.compile(r"c(?=[ei])")
_HARD_QU = re.compile(r"qu(?=[ei])")
_SOFT_G = re.compile(r"g(?=[ei])")  # «colejio» is «colegio»; «gue», «gui» keep the hard g
_DOUBLED = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=8192)
def sound_key(word: str) -> str:
    """The folded ``word`` as it sounds: one letter per sound, no silent h, no doubled letter."""
    key = _HARD_QU.sub("k", word)
    key = _SOFT_G.sub("j", _SOFT_C.sub("s", key)).replace("ch", "\x00")
    key = key.replace("c", "k").replace("q", "k").replace("z", "s").replace("v", "b").replace("w", "gu")
    key = key.replace("ll", "y").replace("h", "").replace("\x00", "ch")
    return _DOUBLED.sub(r"\1", key)
