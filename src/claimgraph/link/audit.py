"""Audit a store's explanations: does any stored comparison state a number its claims do not hold?

Independent of how an explanation was written: the evidence is rebuilt from the stored claims
alone (their words, each compared quantity's value and bounds as written and as normalised, in
every written unit of the comparison, and the sums of two or three figures of one article), so
explanations stored by older versions can be audited as well.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations

from claimgraph.link.check import Evidence, Stated, numbers_in, untraceable
from claimgraph.link.measures import sentence_bounds
from claimgraph.link.shown_units import ShownUnit, shown_unit
from claimgraph.model import Article, Claim, Comparison, Quantity
from claimgraph.store import Store


@dataclass(frozen=True)
class Finding:
    """A stored explanation with numbers its evidence does not hold."""

    comparison: Comparison
    stated: list[Stated]

    def __str__(self) -> str:
        nums = ", ".join(repr(s.text) for s in self.stated)
        return f"{self.comparison.verdict} on {self.comparison.measure}: {nums} in {self.comparison.explanation}"


def _numbers(q: Quantity) -> tuple[list[float], list[float]]:
    """(as written, as normalised) values and bounds of one quantity."""
    norm = q.normalized or {}
    written = [x for x in (q.value, q.low, q.high) if x is not None]
    normal = [float(norm[k]) for k in ("value", "low", "high")
              if isinstance(norm.get(k), int | float) and not isinstance(norm.get(k), bool)]
    return written, normal


def comparison_evidence(comp: Comparison, docs: dict[str, Article]) -> Evidence:
    """What an explanation of ``comp`` may state, from the stored claims alone."""
    claims: dict[str, Claim] = {c.id: c for d in docs.values() for c in d.claims if c.id in comp.claims}
    refs = comp.quantities or [{"claim": cid, "index": i} for cid in comp.claims
                               for i in range(len(claims[cid].quantities) if cid in claims else 0)]
    picked: list[tuple[Article, Claim, Quantity]] = []
    for ref in refs:
        claim = claims.get(str(ref["claim"]))
        idx = ref.get("index")
        if claim is not None and isinstance(idx, int) and 0 <= idx < len(claim.quantities):
            picked.append((docs[claim.id.rsplit("#", 1)[0]], claim, claim.quantities[idx]))
    quoted = [c.text for c in claims.values()] + list(comp.sources) + [comp.measure]
    quoted += [d.published or "" for d in docs.values()]
    quoted += [a.text[slice(*sentence_bounds(a.text, c, q.start))] for a, c, q in picked if a.text]
    quoted += [q.text for _, _, q in picked]
    quoted += [f"{k} more report" for k in range(1, len(comp.claims))]  # "(2 more reports agree)"
    units: dict[str, set[ShownUnit]] = {}
    for _, _, q in picked:
        units.setdefault(q.kind, set()).add(shown_unit(q, q.kind))
    numbers: set[float] = {s.value for c in claims.values() for s in numbers_in(c.text)}
    for _, _, q in picked:
        written, normal = _numbers(q)
        numbers.update(written)
        numbers.update(u.shown(x) for u in units[q.kind] for x in normal)
    by_doc: dict[str, list[Quantity]] = {}
    for a, _, q in picked:
        by_doc.setdefault(a.id, []).append(q)
    for qs in by_doc.values():  # sums of parts ("250 fighters + 3,500 family members")
        for r in (2, 3):
            for group in combinations(qs[:8], r):
                for key in ("value", "low", "high"):
                    vals = [getattr(q, key) if getattr(q, key) is not None else q.value for q in group]
                    if all(v is not None for v in vals):
                        numbers.add(sum(vals))  # type: ignore[arg-type]
    return Evidence(tuple(quoted), tuple(sorted(numbers)))


def audit(store: Store) -> Iterator[tuple[Comparison, Finding | None]]:
    """Every stored comparison, with a finding when its explanation fails the check."""
    for comp in store.comparisons():
        doc_ids = sorted({c.rsplit("#", 1)[0] for c in comp.claims})
        docs = {d.id: d for d in store.documents(doc_ids, with_claims=True)}
        bad = untraceable(comp.explanation, comparison_evidence(comp, docs))
        yield comp, (Finding(comp, bad) if bad else None)
