"""Property: a figure in any unit, bound and scale renders an explanation that passes the checker,
and every number in it reads back to the evidence it came from."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.extract.units import UNIT_WORDS, conversion, normalize_measure
from claimgraph.lexicon.units import UNIT_SYMBOLS
from claimgraph.link import render, wording
from claimgraph.link.check import evidence_of, numbers_in, traces, untraceable
from claimgraph.link.measures import Mention
from claimgraph.link.shown_units import shown_unit
from claimgraph.link.timeline import build_timeline, ordered_reports, timeline_explanation
from claimgraph.model import Quantity

# every written unit with a pint conversion, by the reference unit it is compared in
_UNITS: dict[str, list[tuple[str, str]]] = {}
for _written, _expr in sorted({**UNIT_SYMBOLS, **UNIT_WORDS}.items()):
    if _expr and (_conv := conversion(_expr)) is not None and _conv[0] > 0:
        _UNITS.setdefault(_conv[2], []).append((_written, _expr))
_DIMENSIONS = sorted(k for k, v in _UNITS.items() if len(v) >= 2)
_BOUNDS = ("exact", "approx", "range", "lower", "upper", "upper_figure", "near_below")
_MAGNITUDE = st.floats(min_value=-3, max_value=13).map(lambda e: round(10.0 ** e, 4) or 0.001)


def _values(value: float, bound: str, spread: float) -> tuple[float | None, float | None, float | None]:
    """(value, low, high) as an extractor writes them for ``bound``."""
    if bound == "exact":
        return value, value, value
    if bound == "approx":
        return value, value * (1 - spread), value * (1 + spread)
    if bound == "range":
        return None, value, value * (1 + spread)
    if bound == "lower":
        return value, value, None
    return value, None, value  # upper, upper_figure, near_below


@st.composite
def figures(draw: st.DrawFn, dimension: str | None = None, source: str = "Harbor Post") -> Mention:
    """A measure in a written unit of ``dimension`` (any when None), with any bound and scale."""
    dim = dimension or draw(st.sampled_from(_DIMENSIONS))
    written, expr = draw(st.sampled_from(_UNITS[dim]))
    bound = draw(st.sampled_from(_BOUNDS))
    sign = -1.0 if expr in ("degC", "degF") and draw(st.booleans()) else 1.0
    value, low, high = _values(sign * draw(_MAGNITUDE), bound, draw(st.sampled_from((0.05, 0.1, 0.5, 2.0))))
    if low is not None and high is not None and low > high:
        low, high = high, low
    text = f"about {render.number(value if value is not None else low or 0)} {written}"
    norm = normalize_measure(expr, value, low, high)
    assert norm is not None
    q = Quantity(text=text, start=0, end=len(text), value=value, low=low, high=high, unit=written,
                 kind="measure", normalized=norm, bound=bound)
    return Mention(id=f"{source}#c1/q0", doc_id=source, claim_ids=(f"{source}#c1",), text=text, kind="measure",
                   unit=norm["unit"], head=None, counted=written, value=norm["value"], low=norm["low"],
                   high=norm["high"], approx=bound == "approx", bound=bound, tolerance=0.0, source=source,
                   source_label=source, shown=shown_unit(q, "measure"))


_FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FAST
@given(figures())
def test_any_figure_renders_a_description_that_checks(m):
    text = f"On size, {m.source_label} said {wording.describe(m)}."
    assert untraceable(text, evidence_of([m], ["size"])) == []


@_FAST
@given(st.sampled_from(_DIMENSIONS).flatmap(lambda d: st.tuples(figures(d), figures(d, source="Valley Times"))))
def test_two_figures_in_any_units_render_explanations_that_check(pair):
    a, b = pair
    entries = build_timeline(ordered_reports([a, b]))
    days = [e["date"] for e in entries if e["date"]]
    for text in (wording.conflict_explanation("size", a, b, []), wording.consistent_explanation("size", [a, b]),
                 timeline_explanation("size", entries, [a, b])):
        assert not text.startswith("On size:")  # the checker passed: no fallback to the bare evidence
        assert untraceable(text, evidence_of([a, b], ["size", *days])) == []


@_FAST
@given(figures())
def test_a_range_reads_back_to_its_bounds_in_the_written_unit(m):
    unit = m.shown
    lo, hi = (unit.shown(m.low), unit.shown(m.high)) if m.low is not None and m.high is not None else (0.0, 1.0)
    lo, hi = min(lo, hi), max(lo, hi)
    stated = numbers_in(render.span(lo, hi, unit))
    assert len(stated) == 2
    assert traces(stated[0], [lo]) and traces(stated[1], [hi])


@_FAST
@given(st.sampled_from(_DIMENSIONS).flatmap(lambda d: st.tuples(figures(d), figures(d))))
def test_a_conversion_reads_back_to_one_value_in_both_units(pair):
    a, b = pair
    x = a.figure()
    assert x is not None and math.isfinite(x)
    stated = numbers_in(render.conversion(x, a.shown, b.shown))
    assert len(stated) == 2
    assert traces(stated[0], [a.shown.shown(x)]) and traces(stated[1], [b.shown.shown(x)])


@st.composite
def amounts(draw: st.DrawFn) -> Mention:
    """A count, a share or a sum of money (signed or named currency), with any bound and scale."""
    kind, unit, before, after = draw(st.sampled_from([
        ("count", None, "", " people"), ("percent", "percent", "", "%"), ("percent", "percent", "", " percent"),
        ("money", "USD", "$", ""), ("money", "GBP", "£", ""), ("money", "EUR", "", " euros")]))
    bound = draw(st.sampled_from(_BOUNDS))
    value, low, high = _values(draw(_MAGNITUDE), bound, draw(st.sampled_from((0.05, 0.1, 0.5))))
    text = f"about {before}{render.number(value if value is not None else low or 0)}{after}"
    q = Quantity(text=text, start=0, end=len(text), value=value, low=low, high=high, unit=unit, kind=kind,
                 bound=bound)
    return Mention(id="a#c1/q0", doc_id="a", claim_ids=("a#c1",), text=text, kind=kind, unit=unit, head=None,
                   counted=None, value=value, low=low, high=high, approx=bound == "approx", bound=bound,
                   tolerance=0.0, source="a", source_label="Harbor Post", shown=shown_unit(q, kind))


@_FAST
@given(amounts())
def test_counts_shares_and_money_render_descriptions_that_check(m):
    text = f"On size, {m.source_label} said {wording.describe(m)}."
    assert untraceable(text, evidence_of([m], ["size"])) == []
    if m.kind == "money" and m.bound in ("approx", "range") and m.shown.prefix:
        assert f"({m.shown.prefix}" in text  # "$36–44 million", in the currency as written
