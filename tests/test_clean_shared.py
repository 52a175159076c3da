"""Cleaning targets on the evaluation data in ../shared (skipped when it is not there)."""

import json

import pytest

from claimgraph.clean.decode import decode_bytes
from claimgraph.clean.text import clean_text

pytestmark = pytest.mark.shared



def _run(docs, tmp_path, name):
    path = tmp_path / name
    path.write_text(json.dumps({"documents": docs, "stories": [], "comparisons": []}), encoding="utf-8")
    return path


def test_seed_cleaning_and_metadata(shared_dir, tmp_path, score):
    docs = []
    for p in sorted((shared_dir / "corpus" / "seeds").glob("*.txt")):
        r = clean_text(decode_bytes(p.read_bytes())[0])
        docs.append({"id": f"seeds/{p.name}", "title": r.title, "outlet": r.outlet, "author": r.author,
                     "text": r.text, "claims": []})
    sysdocs, data = score.load_system(_run(docs, tmp_path, "seeds.json"))
    res = score.score_gold(shared_dir / "eval" / "gold" / "seeds.json", sysdocs, data)
    assert res["clean"] == {"keep_recall": 1.0, "drop_leak": 0.0, "mojibake_left": 0}
    assert res["metadata_accuracy"] >= 0.83


def test_turku_line_noise(shared_dir, tmp_path, score):
    data_dir = shared_dir / "eval" / "data" / "cleaning"
    docs = []
    with open(data_dir / "turku-dev.input.jsonl", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            docs.append({"id": rec["id"], "text": clean_text(rec["text"]).text})
    sysdocs, data = score.load_system(_run(docs, tmp_path, "turku.json"))
    res = score.score_clean(data_dir / "turku-dev.jsonl", sysdocs, data)
    assert res["keep_recall"] >= 0.95
    assert res["noise_removal"]["f1"] >= 0.80
