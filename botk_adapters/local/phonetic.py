"""Words as they sound: «estanke» is «estanque», «bertiente» «vertiente», «poso» «pozo».

People write place names by ear. Spanish spells one sound several ways (k,
qu and c before a, o, u; s, z and c before e, i; b and v; y and ll; a silent
h), so two spellings that fold to the same sound key name the same place.
A table's own row labels are compared this way; elsewhere only a word the
documents never use is read by its sound («casa» and «caza» stay different).
"""

from __future__ import annotations

from botk_core.phrasing import one_edit_apart
from botk_core.sounds import SOUND_MIN_LENGTH, sound_key
from botk_core.text import stem

# Longer sound keys may also differ by one typo.
SOUND_TYPO_LENGTH = 6


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
    # A stem that lost the «e» or «i» after its g lost its soft sound too: «coleg», of «colegio», is «colej».
    soft = other[:-1] + "j" if other.endswith("g") else other
    return len(root) >= SOUND_MIN_LENGTH and root in (other, soft)
