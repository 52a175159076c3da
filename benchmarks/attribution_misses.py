#!/usr/bin/env python3
"""Count the PolNeAR attributions claimgraph misses, by construction type, on one half of the dev set.

    python benchmarks/eval_scores.py --only attribution --keep /tmp/ev
    python benchmarks/attribution_misses.py /tmp/ev/attribution.json --fold 1 [--show nominal]

Halves are the ones of ``eval_scores.py --folds 2`` (document ids sorted, alternating). A gold
attribution is missed when no system claim's text matches its content (the scorer's one-to-one
match, dice >= 0.5); "src-wrong" counts matches whose speaker does not match the gold source. A
gold attribution can have several types; the types are read off the gold spans with shallow
tests, so they are a guide to what to look at, not a grammar:

- nominal: the source is a common noun phrase ("the report", "critics"), no name;
- pronoun: the source is a personal pronoun;
- belief: the cue is a verb of belief or intention ("wants", "believes", "hopes");
- multi-sentence: the content runs across a sentence end;
- source-after: the source comes after the content;
- passive: the cue is a passive verb ("was reported by", "is expected");
- no-source: the gold names no source.

Skips cleanly (exit 0) when ../shared is not there.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
GOLD = EVAL / "data/attribution/polnear-dev.jsonl"

BELIEF = frozenset(
    "want believe think hope fear expect plan intend feel know worry seek try decide agree doubt consider "
    "vow promise wish".split()
)
_DETERMINERS = re.compile(r"^(The|A|An|This|That|These|Those|His|Her|Their|Its|Some|Many|Other|Several)\b")
_PRONOUN = re.compile(r"(he|she|they|it|we|i|you|him|her|them)", re.I)
_PASSIVE = re.compile(r"\b(is|was|were|are|been|be|being)\s+\w+ed\b", re.I)
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+[\"“]?[A-Z]")


def _base(word: str) -> str:
    w = word.lower()
    for suffix in ("ing", "ed", "es", "s", "d"):
        if w.endswith(suffix) and w[: -len(suffix)] in BELIEF:
            return w[: -len(suffix)]
    return w


def types(a: dict, text: str) -> list[str]:
    """The construction types of one gold attribution (see the module docstring)."""
    src = (a.get("source") or {}).get("text") or ""
    cue = a.get("cue") or {}
    cue_text = cue.get("text") or ""
    out = []
    if src and _PRONOUN.fullmatch(src.strip()):
        out.append("pronoun")
    elif src and not re.search(r"\b[A-Z][a-z]+", _DETERMINERS.sub("", src)):
        out.append("nominal")
    if any(_base(w) in BELIEF for w in re.findall(r"[A-Za-z]+", cue_text)):
        out.append("belief")
    if _SENTENCE_END.search(a["content"]["text"]):
        out.append("multi-sentence")
    if a.get("source") and a["source"]["start"] > a["content"]["start"]:
        out.append("source-after")
    at = cue.get("start", a["content"]["start"])
    if _PASSIVE.search(text[max(0, at - 20) : at + len(cue_text)]):
        out.append("passive")
    if not a.get("source"):
        out.append("no-source")
    return out or ["other"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("analysis", type=Path, help="analysis JSON of polnear-dev.input.jsonl")
    ap.add_argument("--fold", type=int, default=1, help="1 or 2: the half of eval_scores.py --folds 2")
    ap.add_argument("--show", help="print the misses of this type")
    args = ap.parse_args()
    if not (EVAL / "score.py").exists():
        print(f"skipped: {EVAL} is not here")
        return 0
    sys.path.insert(0, str(EVAL))
    from score import attributed, dice, names_match, one_to_one, stem  # the scorer's own matching

    system = {stem(d["id"]): d for d in json.loads(args.analysis.read_text(encoding="utf-8"))["documents"]}
    with GOLD.open(encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]
    part = set(sorted(g["id"] for g in gold)[args.fold - 1 :: 2])
    total, missed, wrong_source = Counter(), Counter(), Counter()
    n_sys = n_tp = n_gold = 0
    for g in gold:
        if g["id"] not in part:
            continue
        golds = [a for a in g["attributions"] if a.get("content")]
        n_gold += len(golds)
        doc = system.get(stem(g["id"])) or {}
        claims = [c for c in doc.get("claims") or [] if attributed(c)]
        n_sys += len(claims)

        def score(a, c):
            s = dice(a["content"]["text"], c.get("text"))
            return s if s >= 0.5 else 0

        hit = {gi: si for gi, si, _ in one_to_one(golds, claims, score)}
        n_tp += len(hit)
        for gi, a in enumerate(golds):
            ts = types(a, g["text"])
            total.update(ts)
            if gi not in hit:
                missed.update(ts)
                if args.show in ts:
                    src, cue = (a.get("source") or {}).get("text"), (a.get("cue") or {}).get("text")
                    print(f"MISS {src!r} {cue!r}: {a['content']['text'][:140]!r}")
            elif a.get("source"):
                c = claims[hit[gi]]
                if not names_match([c.get("speaker"), c.get("speaker_mention")], [a["source"]["text"]]):
                    wrong_source.update(ts)
    print(f"fold {args.fold}: gold {n_gold}, system {n_sys}, matched {n_tp}")
    print(f"{'type':16s} {'gold':>5s} {'missed':>6s} {'src-wrong':>9s}")
    for t, n in total.most_common():
        print(f"{t:16s} {n:5d} {missed[t]:6d} {wrong_source[t]:9d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
