"""Hand-made articles with claims and quantities for the measure/compare/provenance tests.

All outlets, people and figures here are fictional.
"""

from __future__ import annotations

import re
from typing import Any

from claimgraph.model import Article, Claim, Quantity


def q(text: str, value: float | None = None, *, low: float | None = None, high: float | None = None,
      approx: bool = False, counted: str | None = None, kind: str = "count", unit: str | None = None,
      normalized: dict[str, Any] | None = None) -> dict[str, Any]:
    """A quantity spec: its words as written (found in the claim) and what the extractor would say."""
    if value is not None and low is None and high is None and not approx:
        low = high = value
    return dict(text=text, value=value, low=low, high=high, approx=approx, counted=counted, kind=kind,
                unit=unit, normalized=normalized)


def claim(sentence: str, *quantities: dict[str, Any], speaker: str | None = None,
          via: tuple[str, ...] = ()) -> dict[str, Any]:
    return dict(sentence=sentence, quantities=quantities, speaker=speaker, via=list(via))


def article(doc_id: str, outlet: str, *claims: dict[str, Any], duplicate_of: str | None = None,
            published: str | None = "2031-05-04", filler: str = "") -> Article:
    """An article whose text is its claims' sentences (plus filler), with exact offsets."""
    text = filler + " ".join(c["sentence"] for c in claims)
    art = Article(id=doc_id, text=text, outlet=outlet, duplicate_of=duplicate_of, published=published)
    pos = len(filler)
    for n, spec in enumerate(claims, 1):
        s = text.index(spec["sentence"], pos)
        e = s + len(spec["sentence"])
        pos = e
        qs = []
        for qs_spec in spec["quantities"]:
            qs_spec = dict(qs_spec)
            words = qs_spec.pop("text")
            m = re.search(re.escape(words), text[s:e])
            assert m, f"{words!r} not in {spec['sentence']!r}"
            qs.append(Quantity(text=words, start=s + m.start(), end=s + m.end(), **qs_spec))
        art.claims.append(Claim(id=f"{doc_id}#c{n}", text=spec["sentence"], start=s, end=e,
                                speaker=spec["speaker"], speaker_mention=spec["speaker"],
                                via=spec["via"], kind="reported" if spec["speaker"] else "own_voice",
                                sentence_start=s, sentence_end=e, quantities=qs))
    return art
