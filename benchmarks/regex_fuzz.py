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

A linear stage keeps its ms/KB as the input grows; a super-linear one multiplies it. When a stage
takes over ``--skip-after`` seconds on one size, its larger sizes are skipped (they would take
minutes) and reported as such. Prints a line per stage and case, then the worst ms/KB per stage,
and exits 1 when any case is over ``--limit`` ms/KB (50 by default). Not a test: run it by hand.

    python benchmarks/regex_fuzz.py [--sizes 1,10,100] [--stage quotes] [--case digits]
"""

from __future__ import annotations

import argparse
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
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


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
    record("quantities", lambda: quantities.extend(find_quantities(doc)))
    record("context", lambda: annotate(doc, quantities))
    record("attribution", lambda: attributions.extend(find_attributions(doc)))
    record("claims", lambda: build_claims(doc, "fuzz", attributions, quantities))


def run(sizes: list[int], stages: list[str], cases: list[str], skip_after: float) -> list[Timing]:
    """Every stage on every case at every size, smallest first; a stage too slow at one size is
    skipped at the larger ones."""
    from claimgraph.extract.nlp import load_nlp

    nlp = load_nlp()
    out: list[Timing] = []
    slow: set[tuple[str, str]] = set()

    def record(stage: str, case: str, kb: int, fn: Callable[[], object]) -> None:
        if stages and not any(s in stage for s in stages):
            fn() if stage.startswith("nlp:") else None  # parse components still feed the next ones
            return
        if (stage, case) in slow and not stage.startswith("nlp:"):  # the parse feeds the doc stages
            out.append(Timing(stage, case, kb, None))
            return
        ms = _timed(fn)
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


def summary(timings: list[Timing], limit: float) -> int:
    """Print the worst ms/KB per stage (and its case); return how many cases are over ``limit``."""
    worst: dict[str, Timing] = {}
    skipped: dict[str, list[str]] = {}
    over = 0
    for t in timings:
        if t.ms is None:
            skipped.setdefault(t.stage, []).append(f"{t.case}@{t.kb}KB")
            over += t.stage not in REFERENCE
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
    top = max(
        (t for t in worst.values() if t.stage not in REFERENCE), key=lambda t: t.ms_per_kb, default=None
    )
    if top is not None:
        print(
            f"worst regex stage: {top.ms_per_kb:.2f} ms/KB ({top.stage}, {top.case}, {top.kb} KB); "
            f"cases over {limit:g} ms/KB: {over}"
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
    args = ap.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    cases = args.case or list(CASES)
    unknown = [c for c in cases if c not in CASES]
    if unknown:
        ap.error(f"unknown case(s) {unknown}; known: {', '.join(CASES)}")
    over = summary(run(sizes, args.stage, cases, args.skip_after), args.limit)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
