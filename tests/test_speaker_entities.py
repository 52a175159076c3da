"""Speaker entities across articles, on fictional fixtures: aliases, titles, acronyms, people who
share a surname, types, the store link, agreement and independence counts."""

from __future__ import annotations

import warnings

import pytest

from claimgraph.model import Article, Claim, Comparison
from claimgraph.speakers import SpeakerRow, resolve_speakers
from claimgraph.speakers.acronyms import AcronymTable, definitions
from claimgraph.speakers.independence import independence
from claimgraph.speakers.mention import parse_mention
from claimgraph.speakers.relations import relations
from claimgraph.speakers.run import resolve_store
from speaker_store import build_speaker_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.mark.parametrize("speaker,mention,name,role,affiliation", [
    ("A Tarrow Shipping spokesperson, Lotte Brandt", None, "Lotte Brandt", "spokesperson", "Tarrow Shipping"),
    ("The harbour master, Lotte Brandt", None, "Lotte Brandt", "harbour master", None),
    ("Lotte Brandt", "Mayor Lotte Brandt", "Lotte Brandt", "mayor", None),
    ("Eastport Mayor Lotte Brandt", None, "Lotte Brandt", "mayor", "Eastport"),
    ("acting chief of staff Pim Osei", None, "Pim Osei", "acting chief of staff", None),
    ("spokesperson for Tarrow Shipping", None, None, "spokesperson", "Tarrow Shipping"),
    ("Residents of Eastport", None, None, "residents", "Eastport"),
])
def test_mentions_are_taken_apart(speaker, mention, name, role, affiliation):
    m = parse_mention(speaker, mention)
    assert (m.name, m.role, m.affiliation) == (name, role, affiliation)


def test_acronyms_defined_in_text():
    text = ("Fighters of the Eastport Liberation Front (ELF) held the bridge. "
            "NRA (National Rowing Association) officials watched. The Port Authority (XYZ) is unrelated.")
    assert dict(definitions(text)) == {"ELF": "Eastport Liberation Front", "NRA": "National Rowing Association"}
    table = AcronymTable()
    table.add_text("The Eastport Liberation Front (ELF) said so.")
    table.add_text("The Eastport Lifeboat Fund (ELF) said otherwise.")
    assert table.expand("ELF") is None  # defined two ways: unused


def _row(n: int, doc: str, speaker: str, mention: str | None = None, kind: str = "person",
         story: str | None = None) -> SpeakerRow:
    return SpeakerRow(claim_id=f"{doc}#c{n}", doc_id=doc, speaker=speaker, mention=mention or speaker,
                      extracted_type=kind, story=story)


def _entity(result, claim_id):
    sid = result.claim_speaker[claim_id]
    return next(s for s in result.speakers if s.id == sid)


def test_aliases_titles_and_acronyms_make_one_entity():
    rows = [
        _row(1, "a", "A Tarrow Shipping spokesperson, Lotte Brandt"),
        _row(2, "a", "Lotte Brandt", "Brandt"),
        _row(1, "b", "Lotte Brandt", "Harbour master Lotte Brandt"),
        _row(1, "c", "ELF", kind="organization"),
        _row(1, "d", "Eastport Liberation Front", kind="organization"),
        _row(2, "d", "the Eastport Liberation Front", kind="organization"),
    ]
    result = resolve_speakers(rows, [("The Eastport Liberation Front (ELF) took the bridge.", "Wire")])
    brandt = _entity(result, "a#c1")
    assert {result.claim_speaker[c] for c in ("a#c1", "a#c2", "b#c1")} == {brandt.id}
    assert brandt.name == "Lotte Brandt" and brandt.type == "person"
    assert brandt.role == "spokesperson" and brandt.affiliation == "Tarrow Shipping"
    assert {"A Tarrow Shipping spokesperson, Lotte Brandt", "Brandt", "Harbour master Lotte Brandt"} <= set(brandt.aliases)
    front = _entity(result, "c#c1")
    assert {result.claim_speaker[c] for c in ("c#c1", "d#c1", "d#c2")} == {front.id}
    assert front.name == "Eastport Liberation Front" and "ELF" in front.aliases


def test_people_sharing_a_surname_or_a_title_stay_apart():
    rows = [
        _row(1, "a", "Governor Lotte Brandt", "Governor Lotte Brandt"),
        _row(1, "b", "Jonas Brandt", "Jonas Brandt"),
        _row(1, "c", "Brandt", "Brandt"),          # a bare surname in an article that names nobody
        _row(1, "d", "the governor", "the governor", kind="anonymous"),
    ]
    result = resolve_speakers(rows)
    ids = {c: result.claim_speaker[c] for c in ("a#c1", "b#c1", "c#c1", "d#c1")}
    assert len(set(ids.values())) == 4
    bare = _entity(result, "c#c1")
    assert {p["name"] for p in bare.possible} == {"Lotte Brandt", "Jonas Brandt"}
    title = _entity(result, "d#c1")
    assert [p["name"] for p in title.possible] == ["Lotte Brandt"]


def test_unnamed_speakers_belong_to_their_article_and_bodies_to_their_story():
    rows = [
        _row(1, "a", "Officials", kind="anonymous", story="s1"),
        _row(1, "b", "Officials", kind="anonymous", story="s1"),
        _row(2, "a", "The regional government", kind="organization", story="s1"),
        _row(2, "b", "The regional government", kind="organization", story="s1"),
        _row(3, "a", "Tarrow Shipping", kind="organization", story="s1"),
        _row(4, "a", "The company", kind="organization", story="s1"),
        _row(5, "a", "the coalition", kind="organization", story="s1"),
    ]
    result = resolve_speakers(rows)
    assert result.claim_speaker["a#c5"] != result.claim_speaker["a#c3"]  # not a generic word for a body
    assert result.claim_speaker["a#c1"] != result.claim_speaker["b#c1"]
    assert result.claim_speaker["a#c2"] == result.claim_speaker["b#c2"]
    assert result.claim_speaker["a#c4"] == result.claim_speaker["a#c3"]  # "the company" of that article
    kinds = {s.name: s.type for s in result.speakers}
    assert kinds["Officials"] == "anonymous_official" and kinds["The regional government"] == "government"
    assert kinds["Tarrow Shipping"] == "organization"


@pytest.mark.parametrize("speaker,extracted,kind", [
    ("One resident, a retired teacher", "anonymous", "witness"),
    ("a police report", "document", "study"),
    ("The footage", "document", "document"),
    ("Eastport Daily News", "organization", "outlet"),
    ("Eastport Police", "organization", "agency"),
    ("Ministry of Harbours", "organization", "government"),
    ("senior officials", "anonymous", "anonymous_official"),
])
def test_types(speaker, extracted, kind):
    result = resolve_speakers([_row(1, "a", speaker, kind=extracted)])
    assert result.speakers[0].type == kind


def _art(doc_id: str, outlet: str, claims: list[Claim], duplicate_of: str | None = None) -> Article:
    text = " ".join(c.text for c in claims)
    pos = 0
    for c in claims:
        c.start, c.end = pos, pos + len(c.text)
        pos = c.end + 1
    return Article(id=doc_id, text=text, outlet=outlet, claims=claims, duplicate_of=duplicate_of)


def test_independence_counts_origins_not_reports():
    wire = _art("wire", "Coast Wire", [Claim("wire#c1", "Lotte Brandt said 40 ships sank.", 0, 0,
                                             speaker="Lotte Brandt", speaker_id="sp_b")])
    copy = _art("copy", "Valley Post", [Claim("copy#c1", "Lotte Brandt said 40 ships sank.", 0, 0,
                                              speaker="Lotte Brandt", speaker_id="sp_b")], duplicate_of="wire")
    relay = _art("relay", "Bay Times", [Claim("relay#c1", "Brandt told the Coast Wire 40 ships sank.", 0, 0,
                                              speaker="Lotte Brandt", speaker_id="sp_b", via=["Coast Wire"])])
    own = _art("own", "Bay Times", [Claim("own#c1", "Forty ships sank.", 0, 0)])
    arts = {a.id: a for a in (wire, copy, relay, own)}
    pairs = [(a.claims[0], a) for a in (wire, copy, relay)]
    assert independence(pairs, arts).label() == "3 reports, 1 independent source"
    assert independence([*pairs, (own.claims[0], own)], arts).label() == "4 reports, 2 independent sources"
    own_copy = _art("own2", "Valley Post", [Claim("own2#c1", "Forty ships sank.", 0, 0)], duplicate_of="own")
    arts["own2"] = own_copy
    assert independence([(own.claims[0], own), (own_copy.claims[0], own_copy)], arts).sources == 1


def test_relations_read_sides():
    conflict = Comparison("ships", ["a", "b", "c"], "conflict", "", sides=[["a", "b"], ["c"]])
    agree = Comparison("ships", ["a", "d"], "consistent", "")
    rel = relations("x", [conflict, agree], {"a": "x", "b": "y", "c": "z", "d": "w"})
    assert rel["agrees"] == {"y": 1, "w": 1} and rel["conflicts"] == {"z": 1}


@pytest.fixture
def entity_store(store_url):
    with build_speaker_store(store_url) as store:
        yield store


def test_store_links_claims_to_entities(entity_store):
    store = entity_store
    by_claim = {c.id: c.speaker_id for c in store.claims()}
    assert by_claim["ledger#c1"] == by_claim["post#c1"] != by_claim["post#c2"]
    lotte = store.speakers([by_claim["ledger#c1"]])[0]
    assert lotte.name == "Lotte Brandt" and lotte.role == "mayor" and lotte.claims == 2
    assert [c.id for c in store.claims(speaker_id=lotte.id)] == ["ledger#c1", "post#c1"]
    assert {c.id for c in store.claims(speaker_type="anonymous_official")} == {"ledger#c2"}
    assert {c.id for c in store.claims(speaker_role="mayor")} == {"ledger#c1", "post#c1"}
    assert [s.name for s in store.speakers(type="anonymous_official")] == ["Officials"]
    resolve_store(store)  # idempotent
    assert store.count("speakers") == 3 and {c.id: c.speaker_id for c in store.claims()} == by_claim


def test_speaker_page_groups_claims_by_story_and_shows_conflicts(entity_store):
    if entity_store.path.startswith("postgres"):
        pytest.skip("the web app serves SQLite files")
    from claimgraph.web.app import create_app

    lotte = entity_store.speakers(q="Lotte")[0]
    with TestClient(create_app(entity_store.path)) as client:
        data = client.get(f"/speaker?id={lotte.id}&format=json").json()
        assert data["entity"]["role"] == "mayor"
        assert [(g["title"], g["outlets"]) for g in data["stories"]] == [("Ships sink", ["Harbor Ledger", "Valley Post"])]
        assert [s["name"] for s in data["conflicts"]] == ["Officials"] and data["agrees"] == []
        assert client.get("/speaker?name=Lotte+Brandt&format=json").json()["entity"]["id"] == lotte.id
        listed = client.get("/speakers?type=person&format=json").json()["entities"]
        assert {s["name"] for s in listed} == {"Lotte Brandt", "Jonas Brandt"}
        assert [s["name"] for s in client.get("/speakers?role=mayor&format=json").json()["entities"]] == ["Lotte Brandt"]
        story = client.get("/story/s1?format=json").json()
        row = story["measures"]["rows"][0]["independence"]
        assert row["label"] == "2 reports, 2 independent sources"
        assert [s["label"] for s in row["sides"]] == ["2 reports, 1 independent source", "1 report, 1 independent source"]
        html = client.get("/story/s1").text
        assert "2 reports, 1 independent source" in html
        assert client.get("/speaker").status_code == 422


def test_search_filters_by_speaker_type_and_role(entity_store):
    if entity_store.path.startswith("postgres"):
        pytest.skip("the web app serves SQLite files")
    from claimgraph.web.app import create_app

    with TestClient(create_app(entity_store.path)) as client:
        got = client.get("/search?type=anonymous_official&format=json").json()["claims"]
        assert [c["id"] for c in got] == ["ledger#c2"]
        got = client.get("/search?q=ships&role=mayor&format=json").json()["claims"]
        assert {c["id"] for c in got} == {"ledger#c1", "post#c1"}
        assert "anonymous official" in client.get("/search?type=anonymous_official").text


def test_outlets_are_the_corpus_outlets_and_relays():
    rows = [_row(1, "a", "The Bay Herald", kind="organization"), _row(2, "a", "Coastline", kind="organization"),
            SpeakerRow("a#c3", "a", "one skipper", "one skipper", "anonymous", via=["Coastline"])]
    result = resolve_speakers(rows, [("", "Bay Herald")])
    kinds = {s.name: s.type for s in result.speakers}
    assert kinds == {"The Bay Herald": "outlet", "Coastline": "outlet", "one skipper": "witness"}


def test_entities_do_not_depend_on_the_order_claims_were_stored(tmp_path):
    """Parse workers store claims in the order they finish: the entities must come out the same."""
    from claimgraph.store import Store

    docs = [
        Article(id="a", text="Governor Ines Kalder said 40 roads were shut. Kalder said more would follow.",
                outlet="Valley Post", content_hash="ha"),
        Article(id="b", text="The governor, Ines Kalder, said 41 roads were shut.", outlet="Harbor Ledger",
                content_hash="hb"),
    ]
    claims = {
        "a": [Claim(id="a#c1", text="40 roads were shut", start=24, end=42, speaker="Ines Kalder",
                    speaker_mention="Governor Ines Kalder"),
              Claim(id="a#c2", text="more would follow", start=57, end=74, speaker="Ines Kalder",
                    speaker_mention="Kalder")],
        "b": [Claim(id="b#c1", text="41 roads were shut", start=33, end=51, speaker="Ines Kalder",
                    speaker_mention="The governor, Ines Kalder")],
    }

    def entities(order: list[str]) -> list[tuple[str, list[str]]]:
        with Store(tmp_path / f"{''.join(order)}.db") as store:
            with store.transaction():
                for d in docs:
                    store.put_document(d, raw_hash=d.id, status="extracted")
                for doc_id in order:
                    store.put_claims(doc_id, claims[doc_id][::-1] if doc_id == order[0] else claims[doc_id])
            resolve_store(store)
            return [(s.name, s.aliases) for s in store.speakers()]

    assert entities(["a", "b"]) == entities(["b", "a"])
