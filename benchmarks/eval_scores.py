#!/usr/bin/env python3
"""Print claimgraph's scores on the evaluation sets in ../shared/eval, in one run.

    python benchmarks/eval_scores.py [--only seeds,extract,...] [--keep DIR] [--folds 2]

Runs `claimgraph analyze` on each input with a fresh store and scores the analysis JSON with
../shared/eval/score.py. Skips cleanly (exit 0) when ../shared is not there.

``--folds 2`` also scores every dev set on two halves, deterministically (ids sorted, alternating):
the story and comparison sets (BASIL, wild-dev) split by event, the others (clean, attribution,
quantities, extract) by document. A change tuned on one half is checked on the other: keep it only
when it helps the half it was not written on.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
DATA = EVAL / "data"

# name: (input, score.py task, gold, metrics to print, targets {metric: (op, bound)})
TASKS = {
    "seeds": (SHARED / "corpus", "gold", EVAL / "gold/seeds.json",
              {"clean.keep_recall": (">=", 1.0), "clean.drop_leak": ("<=", 0.0), "clean.mojibake_left": ("<=", 0),
               "metadata_accuracy": (">=", 0.83), "attribution.recall": (">=", 1.0),
               "attribution.precision": (">=", 0.8), "quantities.recall": (">=", 1.0),
               "quantities.precision": (">=", 0.9), "quantities.source_accuracy": (">=", 1.0),
               "quantities.not_claims_extracted": ("<=", 0), "comparisons.recall": (">=", 1.0),
               "comparisons.false_conflicts": ("<=", 0)}),
    "extract": (DATA / "extraction/zyte-dev/html", "extract", DATA / "extraction/zyte-dev/ground-truth.json",
                {"f1": (">=", 0.95), "p": None, "r": None}),
    "clean": (DATA / "cleaning/turku-dev.input.jsonl", "clean", DATA / "cleaning/turku-dev.jsonl",
              {"noise_removal.f1": (">=", 0.85), "noise_removal.p": None, "noise_removal.r": None,
               "keep_recall": (">=", 0.95)}),
    "attribution": (DATA / "attribution/polnear-dev.input.jsonl", "attribution",
                    DATA / "attribution/polnear-dev.jsonl",
                    {"content.f1": (">=", 0.78), "content.p": None, "content.r": None,
                     "content+source.f1": (">=", 0.70)}),
    "quantities": (DATA / "quantities/newsquant-dev.input.jsonl", "quantities",
                   DATA / "quantities/newsquant-dev.jsonl",
                   {"value.f1": (">=", 0.92), "value+unit.f1": (">=", 0.86)}),
    "stories": (DATA / "stories/basil-dev.jsonl", "stories", DATA / "stories/basil-dev.gold.json",
                {"bcubed.f1": (">=", 0.97), "bcubed.p": None, "bcubed.r": None}),
    "basil-comparisons": (DATA / "stories/basil-dev.jsonl", "gold", EVAL / "gold/basil-comparisons-dev.json",
                          {"comparisons.recall": (">=", 0.7), "comparisons.false_conflicts": None,
                           "comparisons.system_conflicts": None}),
    "wild": (DATA / "comparisons/wild-dev.jsonl", "gold", EVAL / "gold/wild-dev.json",
             {"comparisons.conflict_recall": (">=", 0.6), "comparisons.conflict_precision": (">=", 0.85),
              "comparisons.consistent_recall": (">=", 0.8), "comparisons.consistent_precision": (">=", 0.97),
              "comparisons.false_conflicts": None, "comparisons.system_conflicts": None,
              "comparisons.false_consistent": None, "comparisons.system_consistent": None,
              "quantities.source_accuracy": (">=", 0.85)}),
    "wild-stories": (DATA / "comparisons/wild-dev.jsonl", "stories", DATA / "comparisons/wild-dev.stories.json",
                     {"bcubed.f1": (">=", 0.92), "bcubed.p": None, "bcubed.r": None}),
}
# Comparison sets scored per half with --folds: task -> the stories gold that gives each document's event.
FOLD_EVENTS = {"wild": DATA / "comparisons/wild-dev.stories.json", "basil-comparisons": DATA / "stories/basil-dev.gold.json"}


def claimgraph_bin() -> str:
    exe = Path(sys.executable).with_name("claimgraph")
    return str(exe) if exe.exists() else (shutil.which("claimgraph") or "claimgraph")


def run_task(name: str, work: Path, cache: dict[Path, Path], extra: list[str] | None = None) -> dict:
    src, task, gold, metrics = TASKS[name]
    out = cache.get(src)
    t0 = time.perf_counter()
    if out is None:
        out = work / f"{name}.json"
        proc = subprocess.run([claimgraph_bin(), "analyze", str(src), "--db", str(work / f"{name}.db"),
                               "--json", str(out), "--quiet", *(extra or [])], capture_output=True, text=True)
        if not out.exists():
            return {"error": (proc.stderr.strip().splitlines() or ["no output"])[-1]}
        cache[src] = out
    seconds = time.perf_counter() - t0
    res = subprocess.run([sys.executable, str(EVAL / "score.py"), task, "--gold", str(gold), "--system",
                          str(out), "--json"], capture_output=True, text=True, check=True)
    flat = _flatten(json.loads(res.stdout))
    return {"seconds": round(seconds, 1), **{m: flat.get(m) for m in metrics}}


def _stem(doc_id: str) -> str:
    return doc_id.rsplit("/", 1)[-1].split(".")[0]


def fold_scores(name: str, analysis: Path, work: Path, folds: int) -> list[tuple[list[str], dict]]:
    """Score ``name`` on ``folds`` parts split by event: the gold and the system comparisons of
    each part's documents only (a comparison belongs to a part when one of its claims does)."""
    _, task, gold_path, metrics = TASKS[name]
    events = json.loads(FOLD_EVENTS[name].read_text(encoding="utf-8"))["events"]
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    system = json.loads(analysis.read_text(encoding="utf-8"))
    claim_doc = {c["id"]: _stem(d["id"]) for d in system["documents"] for c in d.get("claims", [])}
    ordered = sorted(set(events.values()))
    out = []
    for k in range(folds):
        part = set(ordered[k::folds])
        docs = {d for d, e in events.items() if e in part}
        g = {**gold, "documents": [d for d in gold["documents"] if _stem(d["doc"]) in docs],
             "comparisons": [c for c in gold["comparisons"] if c.get("event") in part]}
        sysj = {**system, "comparisons": [c for c in system.get("comparisons") or []
                                          if any(claim_doc.get(x) in docs for x in c.get("claims") or [])]}
        gp, sp = work / f"{name}-fold{k}.gold.json", work / f"{name}-fold{k}.json"
        gp.write_text(json.dumps(g), encoding="utf-8")
        sp.write_text(json.dumps(sysj), encoding="utf-8")
        res = subprocess.run([sys.executable, str(EVAL / "score.py"), task, "--gold", str(gp), "--system",
                              str(sp), "--json"], capture_output=True, text=True, check=True)
        flat = _flatten(json.loads(res.stdout))
        out.append((sorted(part), {m: flat.get(m) for m in metrics}))
    return out


def _gold_ids(gold: Path) -> list[str]:
    """The document ids of a gold file: a JSONL of ``{"id": ...}`` records or a JSON object by id."""
    if gold.suffix == ".jsonl":
        with gold.open(encoding="utf-8") as f:
            return [json.loads(line)["id"] for line in f if line.strip()]
    data = json.loads(gold.read_text(encoding="utf-8"))
    return list(data["events"] if "events" in data else data)


def _write_gold_part(gold: Path, keep, out: Path) -> None:
    """Write the part of ``gold`` whose documents satisfy ``keep(doc_id)`` to ``out``."""
    if gold.suffix == ".jsonl":
        with gold.open(encoding="utf-8") as f:
            lines = [line for line in f if line.strip() and keep(json.loads(line)["id"])]
        out.write_text("".join(lines), encoding="utf-8")
        return
    data = json.loads(gold.read_text(encoding="utf-8"))
    if "events" in data:
        data = {**data, "events": {d: e for d, e in data["events"].items() if keep(d)}}
    else:
        data = {d: v for d, v in data.items() if keep(d)}
    out.write_text(json.dumps(data), encoding="utf-8")


def doc_fold_scores(name: str, analysis: Path, work: Path, folds: int) -> list[tuple[str, dict]]:
    """Score ``name`` on ``folds`` parts of its gold: by event when the gold groups documents into
    events (stories), else by document. The scorer reads only the gold part's documents."""
    _, task, gold_path, metrics = TASKS[name]
    data = json.loads(gold_path.read_text(encoding="utf-8")) if gold_path.suffix == ".json" else {}
    events = data.get("events") if isinstance(data, dict) else None
    out = []
    for k in range(folds):
        if events:
            part = set(sorted(set(events.values()))[k::folds])
            keep, label = (lambda d, part=part: events[d] in part), f"{len(part)} events"
        else:
            ids = set(sorted(_gold_ids(gold_path))[k::folds])
            keep, label = (lambda d, ids=ids: d in ids), f"{len(ids)} documents"
        gp = work / f"{name}-fold{k}.gold{gold_path.suffix}"
        _write_gold_part(gold_path, keep, gp)
        res = subprocess.run([sys.executable, str(EVAL / "score.py"), task, "--gold", str(gp), "--system",
                              str(analysis), "--json"], capture_output=True, text=True, check=True)
        flat = _flatten(json.loads(res.stdout))
        out.append((label, {m: flat.get(m) for m in metrics}))
    return out


def _flatten(d: dict, prefix: str = "") -> dict:
    out = {}
    for k, v in d.items():
        if isinstance(v, dict):
            out.update(_flatten(v, f"{prefix}{k}."))
        elif not isinstance(v, list):
            out[f"{prefix}{k}"] = v
    return out


def _meets(value, target) -> str:
    if target is None or value is None:
        return ""
    op, bound = target
    ok = value >= bound if op == ">=" else value <= bound
    return f"(target {op} {bound}: {'ok' if ok else 'SHORT'})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", help="comma-separated task names: " + ",".join(TASKS))
    ap.add_argument("--keep", type=Path, help="keep the analysis JSON files in this folder")
    ap.add_argument("--analyze-args", default="", help="extra options for `claimgraph analyze`, e.g. '--parse-less'")
    ap.add_argument("--folds", type=int, default=0,
                    help="also score every dev set on this many parts, by event or by document (e.g. 2)")
    args = ap.parse_args()
    if not (EVAL / "score.py").exists():
        print(f"skipped: {EVAL} is not here")
        return 0
    names = args.only.split(",") if args.only else list(TASKS)
    work = args.keep or Path(tempfile.mkdtemp(prefix="cg-eval-"))
    work.mkdir(parents=True, exist_ok=True)
    cache: dict[Path, Path] = {}
    for name in names:
        result = run_task(name, work, cache, args.analyze_args.split())
        if "error" in result:
            print(f"{name:18s} ERROR {result['error']}")
            continue
        print(f"{name:18s} ({result.pop('seconds')} s)")
        for metric, value in result.items():
            print(f"  {metric:34s} {value!s:8s} {_meets(value, TASKS[name][3][metric])}")
        if args.folds > 1 and name in FOLD_EVENTS:
            for k, (events, scores) in enumerate(fold_scores(name, cache[TASKS[name][0]], work, args.folds)):
                shown = ", ".join(events) if len(events) <= 8 else f"{len(events)} events"
                print(f"  fold {k + 1}/{args.folds} ({shown})")
                for metric, value in scores.items():
                    print(f"    {metric:32s} {value!s:8s} {_meets(value, TASKS[name][3][metric])}")
        elif args.folds > 1 and name != "seeds":
            for k, (label, scores) in enumerate(doc_fold_scores(name, cache[TASKS[name][0]], work, args.folds)):
                print(f"  fold {k + 1}/{args.folds} ({label})")
                for metric, value in scores.items():
                    print(f"    {metric:32s} {value!s:8s} {_meets(value, TASKS[name][3][metric])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
