"""Which other speakers one speaker agrees or conflicts with, read off the comparisons."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from ..model import Comparison

# (comparison key, verdict, speaker entity id, side or None): where one speaker stands in one comparison
Stand = tuple[str, str, str, int | None]


def stands(comparisons: Iterable[Comparison], speaker_of: dict[str, str | None]) -> Iterator[Stand]:
    """Where each speaker stands in each comparison: a row per claim with a speaker (the article's
    own voice has none and is left out)."""
    for n, c in enumerate(comparisons):
        side_of = {x: i for i, side in enumerate(c.sides) for x in side}
        for x in dict.fromkeys(c.claims):
            if speaker_of.get(x) is not None:
                yield str(n), c.verdict, speaker_of[x], side_of.get(x)  # type: ignore[misc]


def relations_from_stands(speaker_id: str, rows: Iterable[Stand]) -> dict[str, Counter[str]]:
    """``relations`` from ``(comparison, verdict, speaker, side)`` rows (``stands``, or the store's
    ``speaker_stands`` query, which reads only the comparisons the speaker is in)."""
    by_comparison: dict[str, tuple[str, dict[str, set[int | None]]]] = {}
    for key, verdict, speaker, side in rows:
        by_comparison.setdefault(key, (verdict, {}))[1].setdefault(speaker, set()).add(side)
    out: dict[str, Counter[str]] = {"agrees": Counter(), "conflicts": Counter()}
    for verdict, sides in by_comparison.values():
        if speaker_id not in sides or verdict not in ("conflict", "consistent"):
            continue
        others = set(sides) - {speaker_id}
        if verdict == "consistent":
            out["agrees"].update(others)
            continue
        mine = sides[speaker_id] - {None}
        for other in others:
            out["agrees" if sides[other] & mine else "conflicts"][other] += 1
    return out


def all_relations(rows: Iterable[Stand]) -> dict[str, dict[str, Counter[str]]]:
    """``relations_from_stands`` of every speaker at once, from the stands of every comparison
    (what the speakers stage stores, so that a speaker's page need not work it out)."""
    by_comparison: dict[str, tuple[str, dict[str, set[int | None]]]] = {}
    for key, verdict, speaker, side in rows:
        by_comparison.setdefault(key, (verdict, {}))[1].setdefault(speaker, set()).add(side)
    out: dict[str, dict[str, Counter[str]]] = {}
    for verdict, sides in by_comparison.values():
        if verdict not in ("conflict", "consistent") or len(sides) < 2:
            continue
        for me, mine in sides.items():
            mine = mine - {None}
            rel = out.setdefault(me, {"agrees": Counter(), "conflicts": Counter()})
            for other, theirs in sides.items():
                if other == me:
                    continue
                agree = verdict == "consistent" or bool(theirs & mine)
                rel["agrees" if agree else "conflicts"][other] += 1
    return out


def relations(
    speaker_id: str, comparisons: Iterable[Comparison], speaker_of: dict[str, str | None]
) -> dict[str, Counter[str]]:
    """``{"agrees": Counter(other speaker id -> comparisons), "conflicts": ...}`` for ``speaker_id``.

    In a conflict with sides, speakers on the same side agree and speakers on other sides conflict;
    without sides every other speaker conflicts. A consistent comparison is agreement; a figure
    revised (``updated``) is neither. Claims in the article's own voice have no speaker and are left out.
    """
    return relations_from_stands(speaker_id, stands(comparisons, speaker_of))
