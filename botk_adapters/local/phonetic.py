"""Words as they sound: «estanke» is «estanque», «bertiente» «vertiente», «poso» «pozo».

People write place names by ear. Spanish spells one sound several ways (k,
qu and c before a, o, u; s, z and c before e, i; b and v; y and ll; a silent
h), so two spellings that fold to the same sound key name the same place.
Only a table's own row labels are compared this way: elsewhere, «casa» and
«caza» are different words.
"""

from __future__ import annotations

import functools
import re

from botk_core.phrasing import one_edit_apart
from botk_core.text import stem

# Shorter words sound alike too often ("sal", "cal"); longer keys may also differ by one typo.
SOUND_MIN_LENGTH = 4
SOUND_TYPO_LENGTH = 6
_SOFT_C = re.compile(r"c(?=[ei])")
_HARD_QU = re.compile(r"qu(?=[ei])")
_DOUBLED = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=8192)
def sound_key(word: str) -> str:
    """The folded ``word`` as it sounds: one letter per sound, no silent h, no doubled letter."""
    key = _HARD_QU.sub("k", word)
    key = _SOFT_C.sub("s", key).replace("ch", "\x00")
    key = key.replace("c", "k").replace("q", "k").replace("z", "s").replace("v", "b").replace("w", "gu")
    key = key.replace("ll", "y").replace("h", "").replace("\x00", "ch")
    return _DOUBLED.sub(r"\1", key)


def sounds_alike(word: str, other: str) -> bool:
    """Whether two folded words are spelt differently but said alike (or one typo apart as said)."""
    if len(word) < SOUND_MIN_LENGTH or len(other) < SOUND_MIN_LENGTH or not word.isalpha():
        return False
    key, other_key = sound_key(word), sound_key(other)
    if key == other_key or sound_key(stem(word)) == sound_key(stem(other)):  # "posos", "pozo"
        return True
    return min(len(key), len(other_key)) >= SOUND_TYPO_LENGTH and one_edit_apart(key, other_key)


def sounds_like_stem(word: str, stemmed: str) -> bool:
    """Whether a folded ``word`` sounds like a stem ("tanke" and "tanqu", of «tanque»).

    A stem has lost its last vowel, so both are compared as said, without the vowels they end with.
    """
    if not word.isalpha() or not stemmed.isalpha():
        return False
    root, other = sound_key(word).rstrip("aeiou"), sound_key(stemmed).rstrip("aeiou")
    return len(root) >= SOUND_MIN_LENGTH and root == other
