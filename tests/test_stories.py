"""Story clustering on small fictional articles: events, time windows, increments, state, related."""

from __future__ import annotations

import json

from claimgraph.link.features import doc_counts, entity_key, scan, terms
from claimgraph.link.stories import StoryDoc, StoryIndex, cluster_stories, parse_day
from claimgraph.model import Article

# Event A: a bridge collapse in a fictional port town, three outlets over two days.
BRIDGE = [
    StoryDoc(
        "bridge-1", "Velmar harbour bridge collapses during morning traffic",
        "The Corran Street bridge over Velmar harbour collapsed on Tuesday morning, sending two delivery "
        "vans into the water. Harbour police said divers rescued both drivers. Mayor Ilse Dronning ordered "
        "every bridge in the port district closed for inspection. Engineers had warned in March that the "
        "steel supports of the Corran Street bridge were corroding.",
        "2031-04-08", "Velmar Courier",
    ),
    StoryDoc(
        "bridge-2", "Corran Street bridge falls into Velmar harbour",
        "A section of the Corran Street bridge fell into Velmar harbour on Tuesday. Two vans plunged into "
        "the harbour and their drivers were pulled out by police divers. Mayor Ilse Dronning closed the "
        "port district bridges while engineers inspect corroding supports that had been flagged in an "
        "earlier report.",
        "2031-04-08", "Northern Ledger",
    ),
    StoryDoc(
        "bridge-3", "Inspectors blame corrosion for Velmar bridge collapse",
        "Inspectors said corroded steel supports caused the collapse of the Corran Street bridge in Velmar "
        "harbour. Mayor Ilse Dronning faced questions about why the port district bridge stayed open after "
        "engineers warned about the corrosion. The two van drivers rescued by harbour police divers are "
        "recovering.",
        "2031-04-09", "Coastal Wire",
    ),
]

# Event B, same days: a school budget vote in another town.
BUDGET = [
    StoryDoc(
        "budget-1", "Ardley council approves school budget after long night",
        "The Ardley town council approved a school budget with new teacher salaries after a session that "
        "ran past midnight. Councillor Mina Oduya said the budget adds forty teaching posts. Parents "
        "packed the council chamber to support the teachers union.",
        "2031-04-08", "Ardley Gazette",
    ),
    StoryDoc(
        "budget-2", "Teachers win raise as Ardley passes school budget",
        "Teachers in Ardley will get higher salaries under the school budget the town council passed "
        "overnight. Councillor Mina Oduya told parents in the council chamber that forty teaching posts "
        "would be added. The teachers union welcomed the vote.",
        "2031-04-09", "Northern Ledger",
    ),
]


def _groups(stories) -> set[frozenset[str]]:
    return {frozenset(s.documents) for s in stories}


def test_same_event_clusters_and_different_events_split():
    stories = cluster_stories(BRIDGE + BUDGET)
    assert _groups(stories) == {frozenset(d.id for d in BRIDGE), frozenset(d.id for d in BUDGET)}
    bridge = next(s for s in stories if "bridge-1" in s.documents)
    assert bridge.id.startswith("s") and bridge.title == BRIDGE[0].title
    assert any("bridge" in t or "corran" in t for t in bridge.terms)


def test_time_window_respected():
    late = StoryDoc("bridge-late", BRIDGE[1].title, BRIDGE[1].text, "2031-04-25", "Northern Ledger")
    idx = StoryIndex(window_days=3)
    first = idx.add(BRIDGE[0])
    assert idx.add(late) != first  # same words, 17 days later: another event
    wide = StoryIndex(window_days=30)
    assert wide.add(BRIDGE[0]) == wide.add(late)


def test_undated_articles_cluster_by_content():
    undated = [StoryDoc(d.id, d.title, d.text, None, d.outlet) for d in BRIDGE + BUDGET]
    assert _groups(cluster_stories(undated)) == {frozenset(d.id for d in BRIDGE),
                                                 frozenset(d.id for d in BUDGET)}


def test_incremental_add_matches_batch_and_is_idempotent():
    docs = BRIDGE + BUDGET
    batch = StoryIndex()
    batch.add_many(docs)  # add_many takes the batch in date order (stable)
    one_by_one = StoryIndex()
    ids = [one_by_one.add(d) for d in sorted(docs, key=lambda d: d.published or "")]
    assert batch.stories() == one_by_one.stories()
    reordered = StoryIndex()
    reordered.add_many(reversed(docs))
    assert _groups(reordered.stories()) == _groups(batch.stories())
    assert one_by_one.add(BRIDGE[0]) == ids[0]  # re-adding an id changes nothing
    assert one_by_one.story_of("budget-2") == batch.story_of("budget-2")
    assert sum(len(s.documents) for s in one_by_one.stories()) == len(docs)


def test_state_round_trip_resumes_exactly():
    docs = sorted(BRIDGE + BUDGET + DEAL_1, key=lambda d: d.published or "")
    straight = StoryIndex()
    for d in docs:
        straight.add(d)
    first = StoryIndex()
    for d in docs[:3]:
        first.add(d)
    state = json.loads(json.dumps(first.to_state()))  # must survive JSON (the lead stores it)
    resumed = StoryIndex.from_state(state)
    assert resumed.to_state() == first.to_state()
    for d in docs[3:]:
        resumed.add(d)
    assert resumed.to_state() == straight.to_state()
    assert resumed.stories() == straight.stories()


def test_stories_between_batches_keep_results():
    """Calling stories() after each batch (as the lead's store does) refreshes only what changed."""
    docs = sorted(BRIDGE + BUDGET + DEAL_1 + DEAL_2, key=lambda d: d.published or "")
    once = StoryIndex()
    once.add_many(docs)
    stepwise = StoryIndex()
    for i in range(0, len(docs), 2):
        stepwise.add_many(docs[i : i + 2])
        stepwise = StoryIndex.from_state(json.loads(json.dumps(stepwise.to_state())))
        assert sum(len(s.documents) for s in stepwise.stories()) == min(i + 2, len(docs))
    assert [(s.id, s.documents, s.related) for s in stepwise.stories()] == [
        (s.id, s.documents, s.related) for s in once.stories()
    ]


# Two evacuation deals for one armed group, two months apart in different places: one topic,
# two events.
DEAL_1 = [
    StoryDoc(
        "deal-1a", "Truce lets Ashen Front fighters leave Kessa",
        "A truce brokered by tribal elders let several hundred Ashen Front fighters and their families "
        "leave the besieged town of Kessa in a convoy of buses. The Ashen Front fighters kept their rifles "
        "under the deal. Commanders of the Kessa militia said the evacuation spared the old market from "
        "more shelling. Critics said the deal let the fighters regroup in the desert.",
        "2031-06-02", "Frontier Post",
    ),
    StoryDoc(
        "deal-1b", "Convoy carries Ashen Front out of besieged Kessa",
        "Buses carrying Ashen Front fighters and their families left Kessa on Monday under a truce "
        "negotiated by tribal elders. The Kessa militia said the old market was spared. Some residents "
        "feared the fighters would regroup in the desert.",
        "2031-06-03", "Valley Times",
    ),
]
DEAL_2 = [
    StoryDoc(
        "deal-2a", "Ashen Front fighters bused out of Orvan valley under ceasefire",
        "A ceasefire in the Orvan valley ended with the remaining Ashen Front fighters surrendering their "
        "positions and boarding buses for the eastern province. Envoy Tamsin Reyle condemned the "
        "evacuation and said the fighters should never have been allowed to escape. Border guards "
        "blocked the highway and the convoy stalled near the Orvan checkpoint.",
        "2031-08-12", "Frontier Post",
    ),
]


def test_related_links_join_same_topic_different_events():
    stories = cluster_stories(DEAL_1 + DEAL_2 + BRIDGE)
    by_doc = {d: s for s in stories for d in s.documents}
    first, second, bridge = by_doc["deal-1a"], by_doc["deal-2a"], by_doc["bridge-1"]
    assert by_doc["deal-1b"] is first and first.id != second.id
    assert second.id in first.related and first.id in second.related
    assert bridge.id not in first.related and first.id not in bridge.related


def test_related_links_without_dates():
    undated = [StoryDoc(d.id, d.title, d.text, None) for d in DEAL_1[:1] + DEAL_2]
    first, second = cluster_stories(undated)
    assert first.related == [second.id] and second.related == [first.id]


def test_related_window_limits_topic_links():
    late = StoryDoc("deal-2-late", DEAL_2[0].title, DEAL_2[0].text, "2033-01-01")
    stories = cluster_stories(DEAL_1 + [late], related_window_days=90)
    assert all(not s.related for s in stories)


def test_from_state_rejects_unknown_version():
    try:
        StoryIndex.from_state({"version": 999})
    except ValueError as exc:
        assert "version" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("expected ValueError")


def test_story_doc_from_article_uses_names():
    art = Article(id="a1", text="Mayor Ilse Dronning spoke.", title="T", published="2031-04-08",
                  entities=[{"text": "Ilse Dronning", "label": "PERSON"}, {"text": "Tuesday", "label": "DATE"}])
    doc = StoryDoc.from_article(art)
    assert doc.entities == ["Ilse Dronning"] and doc.published == "2031-04-08"


def test_parse_day():
    assert parse_day("2031-04-08") == parse_day("2031-04-08T10:30:00Z")
    assert parse_day(None) is None and parse_day("last Tuesday") is None


def test_features_normalise_words_and_names():
    assert terms("The U.S. fighters' buses and taxes") == ["us", "fighter", "bus", "tax"]
    assert terms("IS fighters said") == ["is", "fighter"]
    words, names = scan("Envoy Tamsin Reyle met President Ona Vell in New Harlow. The Senate voted.")
    assert "e:envoy_tamsin_reyle" in names and "e:ona_vell" in names and "e:new_harlow" in names
    assert not any(n.endswith("senate") for n in names)
    assert entity_key("the Ashen Front's") == "e:ashen_front"
    counts = doc_counts("Bridge collapse", "Bridge falls.", entities=["Corran Street", "Velmar"])
    assert counts["bridge"] > counts["fall"] and counts["e:corran_street"] == 1 and "e:velmar" not in counts


def test_second_look_joins_articles_left_alone_by_the_first_pass():
    """With a first pass too strict to join anything, the second look still groups each event and
    never joins the two events; turned off, every article stays alone."""
    docs = BRIDGE + BUDGET
    strict = StoryIndex(threshold=0.99, rejoin_threshold=0.2)
    strict.add_many(docs)
    assert _groups(strict.stories()) == {frozenset(d.id for d in BRIDGE), frozenset(d.id for d in BUDGET)}
    assert strict.story_of("bridge-3") == strict.story_of("bridge-1")
    resumed = StoryIndex.from_state(json.loads(json.dumps(strict.to_state())))
    assert resumed.stories() == strict.stories()
    assert resumed.add(BRIDGE[0]) == strict.story_of("bridge-1")
    off = StoryIndex(threshold=0.99, rejoin_threshold=1.0)
    off.add_many(docs)
    assert len(off.stories()) == len(docs)


def test_second_look_respects_the_time_window():
    late = StoryDoc("bridge-late", BRIDGE[1].title, BRIDGE[1].text, "2031-04-25", "Northern Ledger")
    idx = StoryIndex(threshold=0.99, rejoin_threshold=0.05)
    idx.add_many([BRIDGE[0], late])
    assert idx.story_of("bridge-late") != idx.story_of("bridge-1")


# An opinion piece on event A five days on: other words (blame, silence, accountability), the same
# people and places. And a festival in the same town that day: the same names, another event.
REACTION = StoryDoc(
    "bridge-op", "Opinion: Dronning's silence costs Velmar dearly",
    "Residents deserve answers, not press releases. For months Ilse Dronning waved away the warnings "
    "about Corran Street, and the Velmar Courier printed the engineers' letter in March. Now the "
    "mayor hides behind an inspection. Accountability in City Hall has collapsed before the "
    "steel did.",
    "2031-04-13", "Velmar Courier",
    entities=["Ilse Dronning", "Corran Street", "Velmar", "Velmar Courier", "City Hall"])
FESTIVAL = StoryDoc(
    "festival", "Velmar opens its spring lantern festival",
    "Mayor Ilse Dronning lit the first lantern of the spring festival on Corran Street on Sunday evening. "
    "Thousands of visitors walked the harbour promenade, where food stalls and musicians stayed open "
    "until midnight. Lantern makers from six villages sold paper dragons, the choir sang folk songs and "
    "children raced painted boats along the canal. Organisers expect the festival, now in its ninth year, "
    "to draw record crowds over the weekend with fireworks, dancing and a night market.",
    "2031-04-13", "Coastal Wire", entities=["Ilse Dronning", "Corran Street", "Velmar", "Sunday"])
BRIDGE_NAMES = ["Corran Street", "Velmar", "Ilse Dronning"]


def _named_corpus() -> list[StoryDoc]:
    bridge = [StoryDoc(d.id, d.title, d.text, d.published, d.outlet, entities=BRIDGE_NAMES) for d in BRIDGE]
    return bridge + BUDGET


def test_second_look_by_shared_rare_names_joins_a_late_reaction():
    """Past the cosine window, a lone article naming the event's rare people and places joins it;
    without enough shared names (or with the name rule off) it stays alone."""
    # rare_name_share is high because the corpus is tiny: the event's names are in half of it.
    idx = StoryIndex(rare_name_share=0.7)
    idx.add_many([*_named_corpus(), REACTION])
    assert idx.story_of("bridge-op") == idx.story_of("bridge-1")
    assert idx.story_of("budget-1") != idx.story_of("bridge-1")
    off = StoryIndex(rare_name_share=0.7, min_shared_names=99)
    off.add_many([*_named_corpus(), REACTION])
    assert off.story_of("bridge-op") != off.story_of("bridge-1")
    one_name = StoryDoc(REACTION.id, REACTION.title, REACTION.text, REACTION.published, REACTION.outlet,
                        entities=["Ilse Dronning"])
    single = StoryIndex(rare_name_share=0.7)
    single.add_many([*_named_corpus(), one_name])
    assert single.story_of("bridge-op") != single.story_of("bridge-1")


def test_second_look_by_names_still_needs_content():
    """Names alone never join: another event with the same names stays apart when its words differ
    (here the cosine bar sits between the festival's and the opinion piece's similarity)."""
    idx = StoryIndex(rare_name_share=0.7, name_rejoin_threshold=0.2)
    idx.add_many([*_named_corpus(), FESTIVAL])
    assert idx.story_of("festival") != idx.story_of("bridge-1")
    idx = StoryIndex(rare_name_share=0.7, name_rejoin_threshold=0.2)
    idx.add_many([*_named_corpus(), REACTION])
    assert idx.story_of("bridge-op") == idx.story_of("bridge-1")


def test_second_look_by_names_respects_its_window_and_resumes():
    far = StoryDoc(REACTION.id, REACTION.title, REACTION.text, "2031-04-30", REACTION.outlet,
                   entities=REACTION.entities)
    idx = StoryIndex(rare_name_share=0.7)
    idx.add_many([*_named_corpus(), far])
    assert idx.story_of("bridge-op") != idx.story_of("bridge-1")
    # Names and their counts survive a saved state: a resumed index gives the reaction the same look.
    first = StoryIndex(rare_name_share=0.7)
    first.add_many(_named_corpus())
    resumed = StoryIndex.from_state(json.loads(json.dumps(first.to_state())))
    assert resumed.name_df == first.name_df
    resumed.add_many([REACTION])
    assert resumed.story_of("bridge-op") == resumed.story_of("bridge-1")
