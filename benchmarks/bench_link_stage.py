"""The whole link stage (stories, measures, comparisons) on 2,500 and 5,000 articles, and its growth.

Extraction is not timed: the articles are analysed once, without linking, into a store (``--store``
reuses one), then loaded with their claims. For each size the stage runs from scratch in memory,
as ``claimgraph analyze`` would: story clustering with related links, then the comparisons of
every story and of every related pair. Target (issue 14): the 5,000-article time at most 2.2x the 2,500.
Reads ``../shared/eval/data/bench/news-sample.jsonl``; skips cleanly when it is absent.

    python benchmarks/bench_link_stage.py [--store bench.db] [--repeat 2]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from claimgraph.engine.collector import collector_paused
from claimgraph.link.compare import compare_related, compare_story
from claimgraph.link.mention_cache import MentionCache
from claimgraph.link.settings import CompareOptions
from claimgraph.link.stories import StoryDoc, StoryIndex
from claimgraph.model import Article
from claimgraph.store import Store

BENCH = Path(__file__).resolve().parents[2] / "shared" / "eval" / "data" / "bench" / "news-sample.jsonl"


def analysed_store(path: Path | None) -> Path:
    """A store of the benchmark articles, extracted and not linked (made once if not given)."""
    if path is not None and path.exists():
        return path
    path = path or Path(tempfile.mkdtemp(prefix="cg-link-")) / "bench.db"
    exe = Path(sys.executable).with_name("claimgraph")
    subprocess.run([str(exe), "analyze", str(BENCH), "--db", str(path), "--no-link", "-j", "2", "--quiet"],
                   check=False)
    return path


def link_stage(articles: list[Article]) -> tuple[float, int, int]:
    """Stories, then comparisons per story and per related pair; returns (CPU s, stories, comparisons).

    In one process, with the collector paused as ``link_store`` runs it (its worker processes,
    when it has more than one CPU, are not used here: this is the stage's CPU, not its wall time).
    """
    with collector_paused():
        return _link_stage(articles)


def _link_stage(articles: list[Article]) -> tuple[float, int, int]:
    c0 = time.process_time()
    index = StoryIndex()
    index.add_many(StoryDoc.from_article(a) for a in articles)
    stories = index.stories()
    mentions = MentionCache(CompareOptions())  # one per run, as link/run.py makes
    by_id = {a.id: a for a in articles}
    comparisons = 0
    for s in stories:
        arts = [by_id[d] for d in s.documents if d in by_id]
        if any(c.quantities for a in arts for c in a.claims):
            comparisons += len(compare_story(arts, s.id, mentions.opts, mentions))
    by_story = {s.id: s for s in stories}
    for s in stories:
        for r in s.related:
            if s.id < r:
                other = by_story.get(r)
                if other is not None:
                    comparisons += len(compare_related([by_id[d] for d in s.documents if d in by_id],
                                                       [by_id[d] for d in other.documents if d in by_id], s.id,
                                                       mentions.opts, mentions))
    return time.process_time() - c0, len(stories), comparisons


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, help="an analysed (not linked) store of the benchmark articles")
    ap.add_argument("--repeat", type=int, default=2, help="runs per size; the best CPU time is kept")
    args = ap.parse_args(argv)
    if not BENCH.exists() and args.store is None:
        print(f"bench_link_stage: {BENCH} not found; skipping.")
        return 0
    with Store(analysed_store(args.store), readonly=True) as store:
        articles = sorted(store.documents(with_claims=True), key=lambda a: (a.published or "", a.id))
    half = len(articles) // 2
    best: dict[int, tuple[float, int, int]] = {}
    for _ in range(max(1, args.repeat)):
        for n in (half, len(articles)):  # interleaved: other jobs slow single runs, never speed them up
            result = link_stage(articles[:n])
            if n not in best or result[0] < best[n][0]:
                best[n] = result
    for n, (cpu, n_stories, n_comparisons) in sorted(best.items()):
        print(f"{n:>6} articles: link stage {cpu:7.2f} s CPU, {n_stories} stories, {n_comparisons} comparisons")
    print(f"growth {len(articles)}/{half}: {best[len(articles)][0] / best[half][0]:.2f}x (target <= 2.2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
