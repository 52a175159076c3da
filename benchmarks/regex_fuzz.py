"""Pathological text through every regex path of cleaning and extraction: the worst ms per KB.

Each adversarial input (long runs of digits, commas, spaces, quotes, unit words ...) is built at
1, 10 and 100 KB and goes through each stage on its own:

- text stages: ``clean`` (clean_text, as plain text and as extracted text), ``condense``,
  ``quotes`` (paragraphs and quotes), ``numbers`` (parse_number, parse_vague), ``dates``
  (normalize_date, days_named);
- parse stages: ``nlp:tokenizer`` (spaCy's prefix, suffix and infix regexes), then one per spaCy
  component (``nlp:claimgraph_fast_attribute_ruler`` and
  ``nlp:claimgraph_fast_lemmatizer`` are the fast rules), timed apart;
- doc stages on the parsed Doc: ``quantities``, ``context`` (quantity_context.annotate),
  ``attribution``, ``claims``.

The statistical components (``nlp:tok2vec``, ``tagger``, ``parser``, ``ner``) run no regex;
their figures are printed for reference (a text of one-character tokens costs them about five
times what prose does) and are not held to the limit.

A linear stage keeps its ms/KB as the input grows; a super-linear one multiplies it. Two checks:

- the limit: any case over ``--limit`` ms/KB (50 by default);
- the growth: a stage whose ms/KB grows more than ``--growth`` times (3 by default) from one size
  to the next (10x the text), once it takes ``--growth-floor`` ms (100) or more. A quadratic with
  a small constant is under the limit at 100 KB and still caught here.

Every stage's input is built whatever is timed: with ``--stage``, the stages not asked for still run
(untimed), so ``claims`` gets the figures and attributions it gets in a real run. When a stage takes
over ``--skip-after`` seconds on one size, its larger sizes are skipped (they would take minutes)
and reported as such, and so are the stages after it on that input (they would be timed on an
empty input and look fast). Each regex stage runs ``--repeat`` times (3) with the garbage collector
off, and the best time counts: on a shared machine one run can take several times the next, which
would read as growth. Prints a line per stage and case, then the worst ms/KB per stage, and
exits 1 when any case fails a check. Not a test: run it by hand.

    python benchmarks/regex_fuzz.py [--sizes 1,10,100] [--stage quotes] [--case digits]
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from claimgraph.clean.dates import normalize_date
from claimgraph.clean.text import clean_text
from claimgraph.extract.attribution import find_attributions
from claimgraph.extract.attribution.quotes import find_quotes, paragraphs
from claimgraph.extract.claims import build_claims
from claimgraph.extract.condense import condense
from claimgraph.extract.numbers import parse_number, parse_vague
from claimgraph.extract.quantities import find_quantities
from claimgraph.extract.quantity_context import annotate
from claimgraph.extract.when import days_named

PUBLISHED = "2031-04-16T10:00:00+00:00"
# spaCy's statistical components: no regex, linear in tokens; reported, not held to the limit
REFERENCE = ("nlp:tok2vec", "nlp:tagger", "nlp:parser", "nlp:ner")
# doc stages whose output the later ones read (claims takes the figures and the attributions)
FEEDS = ("quantities", "context", "attribution")

# Units that repeat to make a case: each is a few characters a regex may stumble on.
CASES: dict[str, str] = {
    "digits": "7",
    "digits-spaced": "7 ",
    "commas": ",",
    "digit-commas": "1,",
    "thousands": "1,000,",
    "decimals": "1.5.",
    "dots": ".",
    "hyphens": "-",
    "digit-hyphens": "3-",
    "spaces": " ",
    "newlines": "\n",
    "blank-lines": " \n\n",
    "tabs-spaces": "\t \u00a0",
    "quotes": '"',
    "curly-quotes": "\u201c",
    "quote-words": '"a ',
    "apostrophes": "'",
    "unit-words": "million ",
    "number-words": "twenty-five hundred ",
    "money": "$1 million ",
    "percent": "5 per cent ",
    "measures": "5 km ",
    "units-bare": "km ",
    "ranges": "between 5 and ",
    "dates": "March 3, ",
    "said": "said ",
    "according": "according to ",
    "capitals": "Ana ",
    "long-word": "a",
    "parens": "(",
    "slashes": "1/",
    "mixed": '"1,000 km," said Ana. ',
}


@dataclass(slots=True)
class Timing:
    stage: str
    case: str
    kb: int
    ms: float | None  # None: skipped, a smaller size was already too slow
    starved: bool = False  # skipped because a stage before it on this input was skipped

    @property
    def ms_per_kb(self) -> float | None:
        return None if self.ms is None else self.ms / self.kb


def build(unit: str, kb: int) -> str:
    """``unit`` repeated to ``kb`` KB of UTF-8 (a character or two short at worst)."""
    size = kb * 1024
    reps = max(1, size // max(1, len(unit.encode("utf-8"))))
    return (unit * reps)[:size]


def _numbers(text: str) -> None:
    parse_number(text)
    parse_vague(text)


def _dates(text: str) -> None:
    normalize_date(text)
    days_named(text, PUBLISHED)


def _quotes(text: str) -> None:
    paragraphs(text)
    find_quotes(text)


TEXT_STAGES: dict[str, Callable[[str], object]] = {
    "clean": lambda t: clean_text(t),
    "clean-extracted": lambda t: clean_text(t, extracted=True),
    "condense": lambda t: condense(t),
    "quotes": _quotes,
    "numbers": _numbers,
    "dates": _dates,
}


def _timed(fn: Callable[[], object]) -> float:
    """``fn``'s time in ms, without the garbage collector: a collection of the previous input's
    objects falls on whichever stage allocates at that moment (timeit does the same)."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        fn()
        return (time.perf_counter() - start) * 1000
    finally:
        gc.enable()


def _one_input(nlp: object, text: str, record: Callable[[str, Callable[[], object]], None]) -> None:
    """Every stage on one input: the text stages, each spaCy component, then the Doc stages."""
    for name, fn in TEXT_STAGES.items():
        record(name, lambda fn=fn: fn(text))
    doc = None

    def tokenize() -> None:
        nonlocal doc
        doc = nlp.make_doc(text)

    record("nlp:tokenizer", tokenize)  # with its prefix/suffix regexes, quadratic on punctuation runs
    for name, proc in nlp.pipeline:

        def step(proc=proc) -> None:
            nonlocal doc
            doc = proc(doc)

        record(f"nlp:{name}", step)
    quantities: list = []
    attributions: list = []
    # each stage may run more than once (the best time counts): results replace, never add up
    record("quantities", lambda: quantities.__setitem__(slice(None), find_quantities(doc)))
    record("context", lambda: annotate(doc, quantities))
    record("attribution", lambda: attributions.__setitem__(slice(None), find_attributions(doc)))
    record("claims", lambda: build_claims(doc, "fuzz", attributions, quantities))


def run(
    sizes: list[int], stages: list[str], cases: list[str], skip_after: float, repeat: int = 3
) -> list[Timing]:
    """Every stage on every case at every size, smallest first; a stage too slow at one size is
    skipped at the larger ones. A regex stage's time is the best of ``repeat`` runs: on a shared
    machine one run can be several times slower than the next, which reads as growth."""
    from claimgraph.extract.nlp import load_nlp

    nlp = load_nlp()
    out: list[Timing] = []
    slow: set[tuple[str, str]] = set()

    skipped_before: set[tuple[str, int]] = set()  # (case, kb) where a stage was skipped

    def record(stage: str, case: str, kb: int, fn: Callable[[], object]) -> None:
        if (case, kb) in skipped_before:  # its input is missing what the skipped stage makes
            out.append(Timing(stage, case, kb, None, starved=True))
            return
        if (stage, case) in slow and not stage.startswith("nlp:"):  # the parse feeds the doc stages
            out.append(Timing(stage, case, kb, None))
            if stage in FEEDS:
                skipped_before.add((case, kb))
            return
        if stages and not any(s in stage for s in stages):
            fn()  # not timed, but every stage feeds the next ones (quantities and attributions: claims)
            return
        ms = _timed(fn)
        if stage not in REFERENCE and ms < skip_after * 1000:  # the parse itself is timed once
            ms = min([ms] + [_timed(fn) for _ in range(repeat - 1)])
        out.append(Timing(stage, case, kb, ms))
        print(f"{stage:38} {case:15} {kb:4} KB {ms:10.1f} ms {ms / kb:8.2f} ms/KB", flush=True)
        if ms > skip_after * 1000:
            slow.add((stage, case))

    # one untimed pass first: the unit registry and lexicons load on first use, not per case
    _one_input(nlp, CASES["mixed"] + CASES["measures"] + CASES["money"], lambda stage, fn: fn())
    for case in cases:
        for kb in sizes:
            _one_input(
                nlp, build(CASES[case], kb), lambda stage, fn, case=case, kb=kb: record(stage, case, kb, fn)
            )
    return out


def growths(timings: list[Timing], factor: float, floor_ms: float) -> list[tuple[Timing, Timing]]:
    """(smaller, larger) size pairs of one stage and case whose ms/KB grew more than ``factor``
    times, the larger taking ``floor_ms`` or more (below it, fixed costs and noise dominate)."""
    by_key: dict[tuple[str, str], list[Timing]] = {}
    for t in timings:
        if t.ms is not None:
            by_key.setdefault((t.stage, t.case), []).append(t)
    out = []
    for runs in by_key.values():
        runs.sort(key=lambda t: t.kb)
        for small, big in zip(runs, runs[1:], strict=False):
            if big.ms >= floor_ms and big.ms_per_kb > factor * max(small.ms_per_kb, 1e-3):
                out.append((small, big))
    return out


def summary(timings: list[Timing], limit: float, factor: float = 3.0, floor_ms: float = 100.0) -> int:
    """Print the worst ms/KB per stage (and its case) and the super-linear growths; return how many
    cases fail (over ``limit``, skipped as too slow, or growing more than ``factor`` per size)."""
    worst: dict[str, Timing] = {}
    skipped: dict[str, list[str]] = {}
    starved: dict[str, list[str]] = {}
    over = 0
    for t in timings:
        if t.ms is None:
            (starved if t.starved else skipped).setdefault(t.stage, []).append(f"{t.case}@{t.kb}KB")
            over += t.stage not in REFERENCE and not t.starved  # the skipped stage is the one counted
            continue
        # 1 KB inputs are dominated by fixed costs (a call, a Doc): judged from 10 KB up when measured
        if t.kb == 1 and any(u.stage == t.stage and u.kb > 1 for u in timings):
            continue
        over += t.ms_per_kb > limit and t.stage not in REFERENCE
        if t.stage not in worst or t.ms_per_kb > worst[t.stage].ms_per_kb:
            worst[t.stage] = t
    print(f"\nworst ms per KB by stage (inputs of {sorted({t.kb for t in timings})} KB; limit {limit:g}):")
    for stage, t in sorted(worst.items(), key=lambda kv: -kv[1].ms_per_kb):
        flag = "  (reference: no regex)" if stage in REFERENCE else "  OVER" if t.ms_per_kb > limit else ""
        print(f"  {stage:38} {t.ms_per_kb:8.2f} ms/KB  ({t.case}, {t.kb} KB, {t.ms:.0f} ms){flag}")
    for stage, which in skipped.items():
        print(f"  {stage:38} skipped as too slow: {', '.join(which)}  OVER")
    for stage, which in starved.items():
        print(f"  {stage:38} not measured (a stage before it was skipped): {', '.join(which)}")
    grown = growths(timings, factor, floor_ms)
    super_linear = [(a, b) for a, b in grown if a.stage not in REFERENCE]
    if grown:
        print(f"\nms/KB growing over {factor:g}x from one size to the next (at {floor_ms:g} ms or more):")
    for a, b in sorted(grown, key=lambda ab: -ab[1].ms_per_kb / max(ab[0].ms_per_kb, 1e-3)):
        flag = "  (reference: no regex)" if a.stage in REFERENCE else "  SUPER-LINEAR"
        print(
            f"  {a.stage:38} {a.case:15} {a.ms_per_kb:7.2f} ms/KB at {a.kb} KB -> "
            f"{b.ms_per_kb:7.2f} at {b.kb} KB ({b.ms_per_kb / max(a.ms_per_kb, 1e-3):.1f}x){flag}"
        )
    over += len(super_linear)
    top = max(
        (t for t in worst.values() if t.stage not in REFERENCE), key=lambda t: t.ms_per_kb, default=None
    )
    if top is not None:
        print(
            f"worst regex stage: {top.ms_per_kb:.2f} ms/KB ({top.stage}, {top.case}, {top.kb} KB); "
            f"cases over {limit:g} ms/KB or skipped: {over - len(super_linear)}; "
            f"super-linear growths: {len(super_linear)}"
        )
    return over


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1,10,100", help="input sizes in KB, comma-separated")
    ap.add_argument("--stage", action="append", default=[], help="only stages whose name contains this")
    ap.add_argument("--case", action="append", default=[], help="only these cases (see CASES)")
    ap.add_argument("--limit", type=float, default=50.0, help="ms per KB over which a case fails")
    ap.add_argument(
        "--skip-after", type=float, default=5.0, help="seconds after which a stage's larger sizes are skipped"
    )
    ap.add_argument("--repeat", type=int, default=3, help="runs of each regex stage; the best time counts")
    ap.add_argument("--growth", type=float, default=3.0, help="ms/KB growth per size step that fails a stage")
    ap.add_argument("--growth-floor", type=float, default=100.0, help="ms under which growth is not judged")
    args = ap.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    cases = args.case or list(CASES)
    unknown = [c for c in cases if c not in CASES]
    if unknown:
        ap.error(f"unknown case(s) {unknown}; known: {', '.join(CASES)}")
    timings = run(sizes, args.stage, cases, args.skip_after, max(1, args.repeat))
    over = summary(timings, args.limit, args.growth, args.growth_floor)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
