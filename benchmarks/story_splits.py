#!/usr/bin/env python3
"""Where story clustering splits or merges events, on a store made by `claimgraph analyze`.

    python benchmarks/story_splits.py STORE.db GOLD.stories.json [--variant dev,notitle,jitter,oneday]
        [--set rejoin_threshold=1.0 ...]

Re-clusters the store's documents (their text, title, date and the parse's names) with the
current :class:`StoryIndex` and prints, per variant, B-cubed P/R/F1 and each gold event split over
more than one story. The variants make the set harder, to guess how the clusterer holds on unseen
events: ``notitle`` drops titles, ``jitter`` moves each date by -2..+2 days (by a hash of the id,
so runs repeat), ``oneday`` puts every article on one day (time no longer separates events).
Keep a store with ``benchmarks/eval_scores.py --keep DIR``; gold files live in ../shared/eval.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from claimgraph.link.stories import StoryDoc, StoryIndex
from claimgraph.store import Store


def _stem(doc_id: str) -> str:
    return doc_id.rsplit("/", 1)[-1].split(".")[0]


def _shift(doc_id: str, published: str | None, reach: int) -> str | None:
    if not published:
        return published
    k = int(hashlib.md5(doc_id.encode()).hexdigest(), 16) % (2 * reach + 1) - reach
    return (date.fromisoformat(published[:10]) + timedelta(days=k)).isoformat()


def variant_docs(docs: list[StoryDoc], variant: str) -> list[StoryDoc]:
    """The documents as the variant shows them."""
    out = []
    for d in docs:
        title, published = d.title, d.published
        if variant == "notitle":
            title = None
        elif variant == "jitter":
            published = _shift(d.id, published, 2)
        elif variant == "oneday":
            published = "2000-01-01"
        out.append(StoryDoc(d.id, title, d.text, published, d.outlet, d.entities))
    return out


def bcubed(clusters: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 over the documents both sides know."""
    ids = [d for d in gold if d in clusters]
    by_sys, by_gold = defaultdict(set), defaultdict(set)
    for d in ids:
        by_sys[clusters[d]].add(d)
        by_gold[gold[d]].add(d)
    p = sum(len(by_sys[clusters[d]] & by_gold[gold[d]]) / len(by_sys[clusters[d]]) for d in ids) / len(ids)
    r = sum(len(by_sys[clusters[d]] & by_gold[gold[d]]) / len(by_gold[gold[d]]) for d in ids) / len(ids)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store", type=Path)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--variant", default="dev,notitle,jitter,oneday")
    ap.add_argument(
        "--set", action="append", default=[], help="a StoryOptions knob, e.g. rejoin_threshold=1.0"
    )
    args = ap.parse_args()
    if not args.gold.exists():
        print(f"skipped: {args.gold} is not here")
        return 0
    gold = {_stem(k): v for k, v in json.loads(args.gold.read_text(encoding="utf-8"))["events"].items()}
    overrides = {k: json.loads(v) for k, v in (s.split("=", 1) for s in args.set)}
    with Store(str(args.store)) as store:
        docs = []
        for a in store.documents(with_claims=False):
            a.entities = store.entities(a.id)
            docs.append(StoryDoc.from_article(a))
    for variant in args.variant.split(","):
        idx = StoryIndex(**overrides)
        idx.add_many(variant_docs(docs, variant))
        clusters = {_stem(d): s.id for s in idx.stories() for d in s.documents}
        p, r, f = bcubed(clusters, gold)
        events: dict[str, set[str]] = defaultdict(set)
        for d, e in gold.items():
            if d in clusters:
                events[e].add(clusters[d])
        split = {e: len(s) for e, s in sorted(events.items()) if len(s) > 1}
        merged = sum(
            len({gold[d] for d, s in clusters.items() if s == sid and d in gold}) > 1
            for sid in set(clusters.values())
        )
        print(
            f"{variant:8s} B-cubed P {p:.4f} R {r:.4f} F1 {f:.4f}  stories holding 2+ events: {merged}  "
            f"events split: {len(split)} (+{sum(n - 1 for n in split.values())} stories) {split}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
