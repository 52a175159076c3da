"""Quantities against the shared evaluation data (skipped when ../shared is absent):
NewsQuant dev value / value+unit F1, and the seed articles' gold quantities."""

from __future__ import annotations

import json
import re

import ftfy
import pytest

from claimgraph.extract.quantities import find_quantities

pytestmark = [pytest.mark.model, pytest.mark.shared]



def _analysis(nlp, records):
    docs = []
    for (rid, text), doc in zip(records, nlp.pipe((t for _, t in records), batch_size=64), strict=True):
        qs = find_quantities(doc)
        docs.append({"id": rid, "text": text, "claims": [{
            "id": f"{rid}-q", "text": text, "start": 0, "end": len(text), "speaker": None,
            "speaker_mention": None, "cue": None, "via": [], "hedged": False,
            "quantities": [q.to_dict() for q in qs]}]})
    return {"documents": docs, "stories": [], "comparisons": []}


def test_newsquant_dev(nlp, shared_dir, tmp_path, score):
    qdir = shared_dir / "eval" / "data" / "quantities"
    records = [(r["id"], r["text"]) for r in score.load_jsonl(qdir / "newsquant-dev.input.jsonl")]
    out = tmp_path / "nq.json"
    out.write_text(json.dumps(_analysis(nlp, records)))
    sysdocs, data = score.load_system(out)
    res = score.score_quantities(qdir / "newsquant-dev.jsonl", sysdocs, data)
    assert res["value"]["f1"] >= 0.92, res
    assert res["value+unit"]["f1"] >= 0.86, res


def test_seed_articles(nlp, shared_dir, tmp_path, score):
    """Quantities of the seeds' main paragraphs: the paragraphs the gold says the cleaner keeps
    (the cleaner itself is tested elsewhere)."""
    gold_path = shared_dir / "eval" / "gold" / "seeds.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    records = []
    for g in gold["documents"]:
        raw = (shared_dir / "corpus" / g["doc"]).read_text(encoding="utf-8")
        # ftfy is the cleaner's job; used here only so the mojibake does not split words
        paras = [p.strip() for p in re.split(r"\n\s*\n", ftfy.fix_text(raw))]
        keep = [p for p in paras if any(score.norm(k) in score.norm(p) for k in g["body_keep"])]
        records.append((g["doc"], "\n\n".join(keep)))
    out = tmp_path / "seeds.json"
    out.write_text(json.dumps(_analysis(nlp, records)))
    sysdocs, data = score.load_system(out)
    res = score.score_gold(gold_path, sysdocs, data)["quantities"]
    assert res["recall"] == 1.0, res
    assert res["precision"] >= 0.9, res
    assert res["not_claims_extracted"] == 0, res
