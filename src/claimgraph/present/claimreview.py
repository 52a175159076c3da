"""Draft schema.org ClaimReview JSON-LD: one per claim taking part in a conflict.

claimgraph does not rate claims; it finds where sources disagree. Each draft names the claim,
who made it and where it appeared, carries the comparison's explanation, and leaves the rating,
the reviewing organisation and the review's URL for a fact-checker to fill in (``TODO`` marks
every field that needs a human).
"""

from __future__ import annotations

from typing import Any

from ..model import Article, Claim, Comparison
from ..store import Store
from .markup import safe_http_url
from .tables import claim_source, compared_quantity, load_claims, outlet_label

TODO = "TODO"
CONTEXT = "https://schema.org"
_PERSON_TYPES = {"person", "anonymous"}


def _author(claim: Claim, doc: Article) -> dict[str, Any]:
    if not (claim.speaker or claim.speaker_mention):
        return {"@type": "Organization", "name": outlet_label(doc)}  # the outlet's own voice
    kind = "Person" if (claim.speaker_type or "person").lower() in _PERSON_TYPES else "Organization"
    return {"@type": kind, "name": claim_source(claim, doc)}


def _appearance(doc: Article) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "NewsArticle", "identifier": doc.id, "headline": doc.title or doc.id,
                            "publisher": {"@type": "Organization", "name": outlet_label(doc)}}
    url = safe_http_url(doc.url)
    if url:  # only http(s): a javascript: URL from an article never lands in a published review
        item["url"] = url
    if doc.published:
        item["datePublished"] = doc.published
    if doc.author:
        item["author"] = {"@type": "Person", "name": doc.author}
    return item


def claim_review(comp: Comparison, claim: Claim, doc: Article, others: list[tuple[Claim, Article]]) -> dict[str, Any]:
    """A draft ClaimReview of ``claim`` in the light of the other claims of ``comp``."""

    def said(c: Claim, d: Article) -> str:
        q = compared_quantity(c, comp)
        return f"{claim_source(c, d)} ({outlet_label(d)}): {q.text if q else c.text.strip()}"

    body = f"Draft from claimgraph — {comp.measure}: {comp.explanation}".rstrip()
    if others:
        body += " Other sources: " + "; ".join(said(c, d) for c, d in others) + "."
    item: dict[str, Any] = {
        "@type": "Claim",
        "author": _author(claim, doc),
        "appearance": [_appearance(doc)],
    }
    if doc.published:
        item["datePublished"] = doc.published
    return {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "identifier": claim.id,
        "url": TODO,
        "datePublished": TODO,
        "author": {"@type": "Organization", "name": TODO, "url": TODO},
        "claimReviewed": claim.text.strip(),
        "about": {"@type": "Thing", "name": comp.measure},
        "itemReviewed": item,
        "reviewRating": {"@type": "Rating", "ratingValue": TODO, "bestRating": TODO, "worstRating": TODO,
                         "alternateName": TODO, "ratingExplanation": comp.explanation},
        "reviewBody": body,
    }


def claimreview_items(store: Store, story: str | None = None) -> list[dict[str, Any]]:
    """Draft ClaimReviews for every claim in a conflict (of one story, or of the whole store)."""
    conflicts = [c for c in store.comparisons(story) if c.verdict == "conflict"]
    claims = load_claims(store, [x for c in conflicts for x in c.claims])
    out = []
    for comp in conflicts:
        present = [x for x in dict.fromkeys(comp.claims) if x in claims]
        for cid in present:
            claim, doc = claims[cid]
            others = [claims[x] for x in present if x != cid]
            out.append(claim_review(comp, claim, doc, others))
    return out
