"""A small fictional store for the web, export and browser tests (no pipeline, no model).

Two stories: a flood covered by three outlets (one conflict, one agreement), and a story whose
articles, titles, outlets, speakers and URLs are full of HTML/JS injection attempts.
"""

from __future__ import annotations

from pathlib import Path

from claimgraph.model import Article, Claim, Comparison, Quantity, Story
from claimgraph.store import Store

LEDGER = "fixtures/harbor-ledger/flood.txt"  # ids with "/" must survive URLs
WIRE = "wire flood #2.html"  # a space and a "#" too
POST = "valley-post-0416"
EVIL = "evil/<script>alert(1)</script>.txt"
EVIL2 = "evil-2"
LONE = "lone-article"

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_TEXTAREA = "</textarea><script>alert(2)</script>"
XSS_LINK = "javascript:alert(3)"

FLOOD_LEDGER = (
    "Marrow Bay flood leaves town counting the cost\n\n"
    "Mayor Ana Ortiz said 120 homes were flooded when the river rose overnight.\n\n"
    "About 2,000 people were evacuated to the school gym, officials said.\n\n"
    "The storm dropped 14 centimetres of rain in six hours."
)
FLOOD_WIRE = (
    "Fire chief Tomas Reyes said 300 homes took on water across Marrow Bay.\n\n"
    "\"We have never seen the river this high,\" Reyes said.\n\n"
    "Crews worked through the night."
)
FLOOD_POST = (
    "Some 2,100 residents left their homes, according to the county emergency office.\n\n"
    "Volunteers handed out blankets at the gym."
)
EVIL_TEXT = (
    f"Councillor Mara Vent said the vote was rigged {XSS_SCRIPT} by 40 votes.\n\n"
    f"A photo caption read {XSS_IMG} and nothing else.\n\n"
    f"Readers were told to click {XSS_LINK} for details.\n\n"
    f"The form said {XSS_TEXTAREA} before the 12 members voted."
)
EVIL2_TEXT = f"The clerk said only 25 votes were cast {XSS_IMG}.\n\nNobody else spoke."
LONE_TEXT = "A quiet article with no story. The bakery sold 300 loaves, its owner said."


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def claim(doc_id: str, n: int, text: str, part: str, *, speaker: str | None = None, cue: str | None = None,
          numbers: list[tuple[str, float, str]] = (), hedged: bool = False, speaker_type: str = "person") -> Claim:
    """A claim over ``part`` of ``text`` with quantities ``(as written, value, what is counted)``."""
    start, end = _span(text, part)
    qs = []
    for written, value, counted in numbers:
        qs.append(Quantity(text=written, start=text.index(written, start), end=text.index(written, start) + len(written),
                           value=value, counted=counted, approx=written.lower().startswith(("about", "some"))))
    return Claim(id=f"{doc_id}#c{n}", text=part, start=start, end=end, speaker=speaker,
                 speaker_mention=speaker, speaker_type=speaker_type if speaker else None, cue=cue,
                 hedged=hedged, kind="reported" if speaker else "own_voice", quantities=qs)


def _doc(doc_id: str, text: str, *, title: str, outlet: str, published: str, url: str | None = None,
         author: str | None = None) -> Article:
    return Article(id=doc_id, text=text, title=title, outlet=outlet, published=published, url=url, author=author,
                   raw=text, content_hash="h-" + doc_id, removed=["Subscribe now for unlimited access"])


def build_store(path: str | Path) -> Path:
    """Write the fictional store to ``path`` and return it."""
    path = Path(path)
    docs = {
        LEDGER: _doc(LEDGER, FLOOD_LEDGER, title="Marrow Bay flood leaves town counting the cost",
                     outlet="Harbor Ledger", published="2024-04-16T08:00:00", url="https://ledger.example/flood",
                     author="Jo Park"),
        WIRE: _doc(WIRE, FLOOD_WIRE, title="River floods Marrow Bay", outlet="Coastline Wire",
                   published="2024-04-16", url="https://wire.example/a/2"),
        POST: _doc(POST, FLOOD_POST, title="Residents flee rising river", outlet="Valley Post",
                   published="2024-04-17"),
        EVIL: _doc(EVIL, EVIL_TEXT, title=f"Vote {XSS_SCRIPT} rigged?", outlet=f"Evil {XSS_IMG} Times",
                   published="2024-05-01", url=XSS_LINK, author=XSS_TEXTAREA),
        EVIL2: _doc(EVIL2, EVIL2_TEXT, title="Clerk disputes count", outlet="Plain Herald", published="2024-05-02"),
        LONE: _doc(LONE, LONE_TEXT, title="Bakery day", outlet="Harbor Ledger", published="2024-03-01"),
    }
    claims = {
        LEDGER: [
            claim(LEDGER, 1, FLOOD_LEDGER, "Mayor Ana Ortiz said 120 homes were flooded when the river rose overnight.",
                  speaker="Ana Ortiz", cue="said", numbers=[("120 homes", 120, "homes")]),
            claim(LEDGER, 2, FLOOD_LEDGER, "About 2,000 people were evacuated to the school gym, officials said.",
                  speaker="officials", cue="said", speaker_type="anonymous",
                  numbers=[("About 2,000 people", 2000, "people")]),
            claim(LEDGER, 3, FLOOD_LEDGER, "The storm dropped 14 centimetres of rain in six hours.",
                  numbers=[("14 centimetres", 14, "rain"), ("six hours", 6, "hours")]),
        ],
        WIRE: [
            claim(WIRE, 1, FLOOD_WIRE, "Fire chief Tomas Reyes said 300 homes took on water across Marrow Bay.",
                  speaker="Tomas Reyes", cue="said", numbers=[("300 homes", 300, "homes")]),
            claim(WIRE, 2, FLOOD_WIRE, "\"We have never seen the river this high,\" Reyes said.",
                  speaker="Tomas Reyes", cue="said"),
        ],
        POST: [
            claim(POST, 1, FLOOD_POST, "Some 2,100 residents left their homes, according to the county emergency office.",
                  speaker="county emergency office", cue="according to", speaker_type="organization",
                  numbers=[("Some 2,100 residents", 2100, "residents")], hedged=True),
        ],
        EVIL: [
            claim(EVIL, 1, EVIL_TEXT, f"Councillor Mara Vent said the vote was rigged {XSS_SCRIPT} by 40 votes.",
                  speaker=f"Mara Vent {XSS_IMG}", cue="said", numbers=[("40 votes", 40, "votes")]),
            claim(EVIL, 2, EVIL_TEXT, f"A photo caption read {XSS_IMG} and nothing else."),
            claim(EVIL, 3, EVIL_TEXT, f"Readers were told to click {XSS_LINK} for details."),
            claim(EVIL, 4, EVIL_TEXT, f"The form said {XSS_TEXTAREA} before the 12 members voted.",
                  numbers=[("12 members", 12, "members")]),
        ],
        EVIL2: [
            claim(EVIL2, 1, EVIL2_TEXT, f"The clerk said only 25 votes were cast {XSS_IMG}.",
                  speaker="The clerk", cue="said", numbers=[("25 votes", 25, "votes")]),
        ],
        LONE: [
            claim(LONE, 1, LONE_TEXT, "The bakery sold 300 loaves, its owner said.", speaker="its owner", cue="said",
                  numbers=[("300 loaves", 300, "loaves")]),
        ],
    }
    stories = [
        Story("s1", [LEDGER, WIRE, POST], related=["s2"], title="Marrow Bay flood", terms=["flood", "marrow", "river"]),
        Story("s2", [EVIL, EVIL2], related=["s1"], title=f"Council vote {XSS_SCRIPT}", terms=[XSS_IMG]),
    ]
    comparisons = [
        Comparison("homes flooded", [f"{LEDGER}#c1", f"{WIRE}#c1"], "conflict",
                   "Harbor Ledger quotes the mayor: 120 homes; Coastline Wire quotes the fire chief: 300 homes.",
                   story="s1", sources=["Ana Ortiz", "Tomas Reyes"]),
        Comparison("people evacuated", [f"{LEDGER}#c2", f"{POST}#c1"], "consistent",
                   "About 2,000 and some 2,100 are within the approximation.", story="s1"),
        Comparison(f"votes {XSS_SCRIPT}", [f"{EVIL}#c1", f"{EVIL2}#c1"], "conflict",
                   f"40 votes against 25 {XSS_IMG}", story="s2"),
    ]
    with Store(path) as store, store.transaction():
        for doc_id, art in docs.items():
            store.put_document(art, raw_hash="r-" + doc_id, status="extracted")
            store.put_claims(doc_id, claims[doc_id])
        store.put_stories(stories)
        store.put_comparisons(comparisons)
    return path
