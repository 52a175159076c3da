"""The attribution word lists' old import path; they live in :mod:`claimgraph.lexicon.cues`.

Kept so that modules not yet moved over (``attribution``, ``speakers``, ``hedges``) still import
them from here; new code imports ``claimgraph.lexicon.cues``.
"""

from __future__ import annotations

from claimgraph.lexicon.cues import *  # noqa: F403 - a re-export, not a second definition
from claimgraph.lexicon.cues import SPEAKER_PERSON_NOUNS

# The old name of the speaker list, as speakers.py and attribution.py know it.
PERSON_NOUNS: frozenset[str] = SPEAKER_PERSON_NOUNS
