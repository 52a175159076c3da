"""Words for comparisons: how a figure is shown, what a measure is called, and each verdict's
one-sentence explanation a reader can check."""

from __future__ import annotations

from claimgraph.lexicon.measures import (
    PERSON_PREDICATES,
    PREDICATE_LABELS,
    UNSPECIFIC_HEADS,
)
from claimgraph.lexicon.units import TIME_UNITS
from claimgraph.link import render
from claimgraph.link.check import checked, evidence_of
from claimgraph.link.measures import Mention


def describe(m: Mention) -> str:
    """A mention as written, with its range (in the written unit) when the words alone do not give
    the number: "some 2.5 million cubic metres (2.25–2.75 million cubic metres)"."""
    if m.is_sum:
        unit = m.parts[0].shown
        return f"{' + '.join(p.text for p in m.parts)} (= {render.value(unit.shown(m.figure() or 0), unit)})"
    if m.bound in ("approx", "range") and m.low is not None and m.high is not None and m.low < m.high:
        return f"{m.text} ({render.span(m.shown.shown(m.low), m.shown.shown(m.high), m.shown)})"
    return m.text


def _converted(m: Mention, ref: Mention) -> str:
    """" (12 ft ≈ 3.66 metres)" when ``m`` was written in another unit than ``ref``, else ""."""
    u, v = m.shown, ref.shown
    if m.kind != ref.kind or m.unit != ref.unit or m.is_sum or m.figure() is None or \
            (u.factor, u.offset, u.prefix) == (v.factor, v.offset, v.prefix) or not (u.label and v.label):
        return ""
    return f" ({render.conversion(m.figure() or 0.0, u, v)})"


def _common_words(ms: list[Mention], limit: int = 3) -> list[str]:
    """Context words every mention shares, as written, in the first mention's order."""
    common = set(ms[0].context)
    for m in ms[1:]:
        common &= set(m.context)
    return [ms[0].context[s] for s in ms[0].context if s in common][:limit]


def measure_name(ms: list[Mention]) -> str:
    """A label a reader understands: what is counted and what happened to it ("people killed
    (Varosh)"), or the amount and the words around it ("USD: reconstruction fund")."""
    plain = [m for m in ms if not m.is_sum] or ms
    classes = [c for m in plain for c in sorted(m.predicates)]
    pred = min(set(classes), key=lambda c: (-classes.count(c), c)) if classes else None
    places = sorted({p for m in plain for p in m.places})
    first = plain[0]
    if first.kind == "count" or (first.kind == "measure" and first.unit not in TIME_UNITS):
        heads = [m.head for m in plain if m.head and m.head not in UNSPECIFIC_HEADS]
        counted = sorted((m.counted for m in plain if m.counted and m.head in heads), key=lambda c: (len(c), c))
        if heads and min(set(heads), key=lambda h: (-heads.count(h), h)) == "person":
            noun = "people"
        elif counted:
            noun = counted[0].lower() if not counted[0][:1].isupper() else counted[0]
        else:
            noun = "people" if pred in PERSON_PREDICATES else "number"
        name = noun + (f" {PREDICATE_LABELS[pred]}" if pred in PREDICATE_LABELS else "")
        if any(m.is_sum for m in ms):
            name = f"{name} in all"
        if name in ("number", "people"):
            words = _common_words(plain)
            name += f" ({' '.join(words)})" if words else ""
    else:
        what = {"money": f"amount ({first.unit or 'money'})", "percent": "share (%)"}.get(
            first.kind, "duration" if first.unit in TIME_UNITS else f"{first.kind} ({first.unit})")
        words = _common_words(plain)
        name = what + (f": {' '.join(words)}" if words else "") + \
            (f", {PREDICATE_LABELS[pred]}" if pred in PREDICATE_LABELS and not words else "")
    places = [p for p in places if p.lower() not in name.lower()]
    if places:
        name += f" in {' and '.join(places[:2])}"
    return name


def _said(m: Mention, ref: Mention | None = None) -> str:
    return f"{m.source_label or 'the article'} said {describe(m)}{_converted(m, ref) if ref else ''}"


def _checked(text: str, measure: str, ms: list[Mention]) -> str:
    """``text`` if every number in it traces to the figures of ``ms``; else the bare evidence."""
    bare = "; ".join(f"{m.source_label or 'the article'}: {m.text}" for m in ms)
    return checked(text, evidence_of(ms, [measure]), f"On {measure}: {bare}.")


def conflict_explanation(measure: str, a: Mention, b: Mention, rest: list[Mention]) -> str:
    others = [m for m in rest if m is not a and m is not b and m.source != a.source and m.source != b.source]
    tail = "".join(f"; {_said(m, a)}" for m in others[:2])
    return _checked(f"On {measure}, {_said(a)}, but {_said(b, a)}{tail}.", measure, [a, b, *others[:2]])


def denial_explanation(measure: str, deniers: list[Mention], asserters: list[Mention]) -> str:
    d, a = deniers[0], asserters[0]
    others = [m for m in asserters[1:] if m.source != a.source][:2]
    tail = "".join(f"; {_said(m, d)}" for m in others)
    text = f"On {measure}, {d.source_label or 'the article'} denied {describe(d)}, but {_said(a, d)}{tail}."
    return _checked(text, measure, [d, a, *others])


def consistent_explanation(measure: str, ms: list[Mention]) -> str:
    sums = [m for m in ms if m.is_sum]
    shown: list[Mention] = []
    for m in ms:
        if m.source not in {x.source for x in shown}:
            shown.append(m)
    said = ", and ".join(_said(m, shown[0]) for m in shown[:3])
    if sums:
        why = "the parts add up to a figure inside the total's range"
    elif len({m.figure() for m in ms}) == 1 and len({m.bound for m in ms}) == 1:
        why = "the same figure"
    else:
        why = "the ranges overlap once rounding, approximations and bounds are allowed for"
    return _checked(f"On {measure}, {said}: {why}.", measure, shown[:3])
