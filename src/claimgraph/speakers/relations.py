"""Which other speakers one speaker agrees or conflicts with, read off the comparisons."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..model import Comparison


def relations(speaker_id: str, comparisons: Iterable[Comparison],
              speaker_of: dict[str, str | None]) -> dict[str, Counter[str]]:
    """``{"agrees": Counter(other speaker id -> comparisons), "conflicts": ...}`` for ``speaker_id``.

    In a conflict with sides, speakers on the same side agree and speakers on other sides conflict;
    without sides every other speaker conflicts. A consistent comparison is agreement; a figure
    revised (``updated``) is neither. Claims in the article's own voice have no speaker and are left out.
    """
    out: dict[str, Counter[str]] = {"agrees": Counter(), "conflicts": Counter()}
    for c in comparisons:
        mine = [x for x in c.claims if speaker_of.get(x) == speaker_id]
        if not mine or c.verdict not in ("conflict", "consistent"):
            continue
        others = {speaker_of.get(x) for x in c.claims} - {None, speaker_id}
        if c.verdict == "consistent":
            out["agrees"].update(others)
            continue
        my_sides = [set(s) for s in c.sides if set(s) & set(mine)]
        for other in others:
            theirs = {x for x in c.claims if speaker_of.get(x) == other}
            same = any(theirs & side for side in my_sides)
            out["agrees" if same and my_sides else "conflicts"][other] += 1
    return out
