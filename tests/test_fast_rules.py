"""The cached rule components give exactly the Doc the stock spaCy components give."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from claimgraph.extract.fast_rules import FastAttributeRuler
from claimgraph.extract.nlp import load_nlp

ATTRS = [POS, TAG, MORPH, LEMMA, DEP, HEAD, SENT_START]

# Our own sentences, chosen to reach the ruler's special cases: contractions and colloquial
# pairs ("gonna", "ain't", "y'all", "let's"), pronoun case by dependency, "there is", auxiliaries
# used as main verbs, negation, stray whitespace tokens, and a mix of numbers and quotes.
TEXTS = [
    "I told you it wasn't gonna work, and y'all ain't listening.",
    "Let's see what they do: there are 40 reasons and there's one answer.",
    "She did it. He has had enough, but they haven't.  Nothin' changes.",
    "\"We will not back down,\" the mayor said on Tuesday, adding that 3,500 people were evacuated.",
    "C'mon, you gotta admit the figures   are   odd.\n\nA new paragraph starts here.",
    "Whether or not the dam holds, officials said, about two-thirds of the valley is at risk.",
    "It gets worse: the company got fined $2.5 million, though it denies wrongdoing.",
    "",
]


def _same(a, b) -> bool:
    return bool((a.to_array(ATTRS) == b.to_array(ATTRS)).all())


@pytest.fixture(scope="module")
def pipelines():
    return load_nlp(fast_rules=False), load_nlp()


def test_fast_pipeline_uses_the_twins(pipelines):
    stock, fast = pipelines
    assert "attribute_ruler" in stock.pipe_names and "lemmatizer" in stock.pipe_names
    assert "claimgraph_fast_attribute_ruler" in fast.pipe_names
    assert "claimgraph_fast_lemmatizer" in fast.pipe_names
    assert "attribute_ruler" not in fast.pipe_names and "lemmatizer" not in fast.pipe_names


@pytest.mark.parametrize("text", TEXTS)
def test_same_doc_as_stock_components(pipelines, text):
    stock, fast = pipelines
    a, b = stock(text), fast(text)
    assert _same(a, b), [(t.text, t.pos_, t.lemma_, str(t.morph)) for t in b]


def test_same_docs_on_example_corpus(pipelines, examples_dir):
    stock, fast = pipelines
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(examples_dir).rglob("*")) if p.is_file()]
    assert texts
    # twice: the second pass answers from the caches
    for _ in range(2):
        for a, b in zip(stock.pipe(texts), fast.pipe(texts), strict=True):
            assert _same(a, b)


def test_ruler_setting_other_attributes_is_refused(pipelines):
    stock, _ = pipelines
    ruler = stock.get_pipe("attribute_ruler")
    from spacy.pipeline import AttributeRuler

    odd = AttributeRuler(stock.vocab)
    odd.add_patterns(ruler.patterns[:3] + [{"patterns": [[{"LOWER": "dam"}]], "attrs": {"NORM": "barrage"}}])
    with pytest.raises(ValueError):
        FastAttributeRuler(odd)


def test_numpy_blas_pipeline_matches_stock_spacy(pipelines):
    """Our load (numpy BLAS, cached rules) annotates like a plain ``spacy.load`` (BLIS, stock rules)."""
    import spacy
    from spacy.attrs import ENT_IOB, ENT_TYPE

    from claimgraph.extract.nlp import MODEL_NAME

    stock = spacy.load(MODEL_NAME)
    stock.add_pipe("claimgraph_line_breaks", before="parser")
    assert stock.get_pipe("tok2vec").model.ops.use_blis
    _, fast = pipelines
    assert not fast.get_pipe("tok2vec").model.ops.use_blis
    cols = ATTRS + [ENT_IOB, ENT_TYPE]
    for text in TEXTS:
        a, b = stock(text), fast(text)
        assert (a.to_array(cols) == b.to_array(cols)).all(), text


def test_memory_zones_keep_annotations(pipelines):
    """Batches run in spaCy memory zones; new words, lemmas and morphs must survive zone after zone."""
    _, fast = pipelines
    texts = ["I ain't gonna say it wasn't there, y'all.",
             "Zorblax Quendry told the Vexworth council that 4,000 people left."]

    def view(doc):
        return [(t.text, t.lemma_, str(t.morph), t.pos_, t.ent_type_) for t in doc]

    ref = [view(fast(t)) for t in texts]
    for _ in range(2):
        for text, expected in zip(texts, ref, strict=True):
            with fast.memory_zone():
                assert view(fast(text)) == expected


def test_one_pipeline_per_process_parses_every_batch():
    """A worker parses batch after batch: the pipeline is loaded once, and a batch's memory zone
    leaves the next batch the same annotations (the twins' caches outlive the zone)."""
    from claimgraph.extract.run import extract_batch

    assert load_nlp() is load_nlp() and load_nlp(fast_rules=False) is not load_nlp()
    batch = [(f"d{i}", text) for i, text in enumerate(TEXTS)]
    first = extract_batch(batch)
    again = extract_batch(batch)
    assert [(r.doc_id, [(c.text, c.speaker, c.cue) for c in r.claims]) for r in again] == \
        [(r.doc_id, [(c.text, c.speaker, c.cue) for c in r.claims]) for r in first]
    fresh = load_nlp(fast_rules=False)
    for text in TEXTS[:-1]:
        with load_nlp().memory_zone():
            assert _same(load_nlp()(text), fresh(text))


def test_a_process_renews_its_pipeline_after_many_articles(monkeypatch):
    """The pipeline grows with what it parses: after ``RENEW_AFTER`` articles a fresh one is
    loaded, and it reads the same claims."""
    from claimgraph.extract import run

    monkeypatch.setattr(run, "RENEW_AFTER", 4)
    monkeypatch.setattr(run, "_parsed", 0)
    batch = [(f"d{i}", text) for i, text in enumerate(TEXTS[:4])]
    old = load_nlp()
    first = run.extract_batch(batch)
    assert load_nlp() is old  # four articles: not yet
    again = run.extract_batch(batch)
    assert load_nlp() is not old
    assert [[(c.text, c.speaker) for c in r.claims] for r in again] == \
        [[(c.text, c.speaker) for c in r.claims] for r in first]
