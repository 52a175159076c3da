"""Claims: quantities join the attribution that holds them; questions assert nothing."""

from __future__ import annotations

import pytest

from claimgraph.extract.result import ExtractionFailure, ExtractionResult
from claimgraph.extract.run import extract_doc

pytestmark = pytest.mark.model

TEXT = ("Did the Council Spend Millions on Nothing?\n\n"
        "The council spent 4 million euros on the new depot. "
        "Its treasurer, Mara Quell, said that about 300 staff would move there in May.\n\n"
        "Why did 12 other towns refuse the plan?")


def test_claims_keep_speaker_and_skip_questions(nlp):
    claims = extract_doc(nlp(TEXT), "doc")
    by_text = {q.text: c for c in claims for q in c.quantities}
    assert by_text["4 million euros"].speaker is None            # the article's own voice
    assert "Quell" in (by_text["about 300 staff"].speaker or "")  # inside the treasurer's claim
    assert not any("12" in q for q in by_text)                   # a question asserts nothing
    assert not any("Millions" in q for q in by_text)
    for c in claims:
        assert TEXT[c.start:c.end] == c.text
        assert c.id.startswith("doc#c")


def test_a_failing_document_does_not_cost_the_batch(monkeypatch):
    from claimgraph.extract import run

    def boom(doc, doc_id):
        if doc_id == "bad":
            raise ValueError("broken")
        return []

    monkeypatch.setattr(run, "extract_doc", boom)
    out = run.extract_batch([("good", "Fine text."), ("bad", "Other text.")])
    assert out[0] == ExtractionResult("good", []) and out[0].ok
    assert not out[1].ok and out[1].claims == []
    assert out[1].failure == ExtractionFailure("ValueError", "broken")
    assert str(out[1].failure) == "ValueError: broken"


def test_a_sentence_is_checked_for_a_question_once_however_many_figures_it_holds(nlp, monkeypatch):
    """The check rebuilds the sentence's text token by token: once per figure made a long run-on
    sentence of figures quadratic."""
    import claimgraph.extract.claims as claims_module

    seen: list[str] = []
    real = claims_module._is_question

    def counting(text: str) -> bool:
        seen.append(text)
        return real(text)

    monkeypatch.setattr(claims_module, "_is_question", counting)
    text = "The depot holds " + ", ".join(f"{n} crates" for n in range(2, 42)) + " at the quay."
    claims = extract_doc(nlp(text), "doc")
    assert sum(len(c.quantities) for c in claims) >= 30
    assert len(seen) == len(set(seen))  # each sentence checked once
