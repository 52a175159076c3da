"""The figures a speaker's page shows about the whole store (claims per outlet, who agrees or
conflicts with whom), worked out by the speakers stage and stored by ``store/speaker_summaries.py``
(which the schema migration that adds their tables calls too, hence the code lives there)."""

from __future__ import annotations

from ..store.speaker_summaries import refresh

__all__ = ["refresh"]
