"""The parse's names per document: found at extraction, kept in the store, read by story linking."""

from __future__ import annotations

from claimgraph.extract.entities import doc_names
from claimgraph.extract.nlp import load_nlp
from claimgraph.extract.run import extract_batch
from claimgraph.link.run import link_store
from claimgraph.link.settings import LinkOptions, StoryOptions
from claimgraph.model import Article
from claimgraph.store import Store
from test_stories import BRIDGE, REACTION


def test_doc_names_keep_names_and_drop_dates_and_numbers():
    text = (
        "Mayor Ilse Dronning of Velmar met the Harbour Authority on Tuesday. Dronning said 40 "
        "inspectors from Germany would check the Corran Street bridge."
    )
    names = doc_names(load_nlp()(text))
    labels = {n["label"] for n in names}
    assert names and labels <= {
        "PERSON",
        "ORG",
        "GPE",
        "NORP",
        "LOC",
        "FAC",
        "EVENT",
        "LAW",
        "PRODUCT",
        "WORK_OF_ART",
    }
    assert not any(n["text"] in {"Tuesday", "40"} for n in names)
    assert any("Germany" in n["text"] for n in names)
    assert all(n["mentions"] >= 1 for n in names)


def test_extraction_results_carry_the_names():
    (result,) = extract_batch([("d1", "Officials in Germany said 12 homes flooded in Bremen on Monday.")])
    assert result.ok and any(n["text"] in {"Germany", "Bremen"} for n in result.entities)


def test_store_keeps_names_per_document(store_url):
    with Store(store_url) as s:
        s.put_document(Article(id="a1", text="x", content_hash="h1"), raw_hash="r1")
        s.put_entities(
            "a1",
            [
                {"text": "Ilse Dronning", "label": "PERSON", "mentions": 2},
                {"text": "Velmar", "label": "GPE", "mentions": 1},
            ],
        )
        assert s.entities("a1") == [
            {"text": "Ilse Dronning", "label": "PERSON", "mentions": 2},
            {"text": "Velmar", "label": "GPE", "mentions": 1},
        ]
        s.put_entities("a1", [{"text": "Velmar", "label": "GPE", "mentions": 3}])  # replaced, not added
        assert s.entities("a1") == [{"text": "Velmar", "label": "GPE", "mentions": 3}]
        s.put_document(Article(id="a1", text="y", content_hash="h2"), raw_hash="r2")  # re-ingested
        assert s.entities("a1") == [] and s.entities("unknown") == []


def test_linking_reads_the_stored_names(tmp_path):
    """The late opinion piece joins its event only through the names the store holds for it."""
    names = [{"text": t, "label": "GPE", "mentions": 1} for t in ("Corran Street", "Velmar", "Ilse Dronning")]

    def run(with_names: bool) -> Store:
        s = Store(str(tmp_path / f"names-{with_names}.db"))
        for i, d in enumerate([*BRIDGE, REACTION]):
            s.put_document(
                Article(
                    id=d.id,
                    text=d.text,
                    title=d.title,
                    published=d.published,
                    outlet=d.outlet,
                    content_hash=f"h{i}",
                ),
                raw_hash=f"r{i}",
                status="extracted",  # linking leaves documents a run has not deduplicated yet
            )
            s.put_entities(d.id, names if with_names else [])
        return s

    # A tiny corpus: every name is in most articles, so "rare" is widened. Without stored names the
    # clusterer falls back to capitalised runs, which share one name only here ("Mayor Ilse
    # Dronning" in the reports, "Ilse Dronning" in the opinion piece; no single-word "Velmar").
    opts = LinkOptions(stories=StoryOptions(rare_name_share=1.0))
    with run(True) as s:
        link_store(s, opts)
        groups = {frozenset(st.documents) for st in s.stories()}
        assert frozenset(d.id for d in [*BRIDGE, REACTION]) in groups
    with run(False) as s:
        link_store(s, opts)
        groups = {frozenset(st.documents) for st in s.stories()}
        assert frozenset([REACTION.id]) in groups
