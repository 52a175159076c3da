"""GraphML export for Gephi and NetworkX: who says what, who relays it, which claims disagree.

Nodes (attribute ``type``): ``speaker``, ``claim``, ``measure`` (one per comparison) and ``outlet``.
Edges (attribute ``kind``, also the ``label``):

- ``says``: speaker -> claim;
- ``relays``: outlet -> claim (the outlet printed it), and each intermediary of the claim's
  via-chain (a speaker node) -> claim;
- ``about``: claim -> measure (the claim's figure is compared in that comparison);
- ``conflicts-with``: claim -> claim on another side of a conflict;
- ``agrees-with``: claim -> claim of one consistent comparison.

Node ids are prefixed by type (``speaker:``, ``claim:``, ``measure:``, ``outlet:``) so a speaker
and an outlet of the same name stay two nodes. GraphML has no null: absent values are left out.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path
from typing import Any

import networkx as nx

from ..store import Store
from ..store.flat import claims, comparisons

LABEL_CHARS = 200


def _attrs(**kw: Any) -> dict[str, Any]:
    return {k: v for k, v in kw.items() if v is not None and v != ""}


def build_graph(store: Store) -> nx.MultiDiGraph:
    """The claim graph of the whole store."""
    g = nx.MultiDiGraph()
    for c in claims(store):
        cid = f"claim:{c['id']}"
        g.add_node(cid, **_attrs(type="claim", label=c["text"][:LABEL_CHARS], doc_id=c["doc_id"], story=c["story"],
                                 outlet=c["outlet"], published=c["published"], kind=c["kind"], hedged=c["hedged"]))
        if c["speaker"]:
            sid = f"speaker:{c['speaker']}"
            g.add_node(sid, **_attrs(type="speaker", label=c["speaker"], speaker_type=c["speaker_type"]))
            g.add_edge(sid, cid, key="says", kind="says", label="says")
        if c["outlet"]:
            oid = f"outlet:{c['outlet']}"
            g.add_node(oid, type="outlet", label=c["outlet"])
            g.add_edge(oid, cid, key="relays", kind="relays", label="relays")
        for via in c["via"]:
            vid = f"speaker:{via}"
            if vid not in g:
                g.add_node(vid, type="speaker", label=via)
            g.add_edge(vid, cid, key=f"relays:{via}", kind="relays", label="relays")
    for k in comparisons(store):
        mid = f"measure:{k['id']}"
        g.add_node(mid, **_attrs(type="measure", label=k["measure"], verdict=k["verdict"], story=k["story"],
                                 explanation=k["explanation"]))
        members = [f"claim:{x}" for x in k["claims"] if f"claim:{x}" in g]  # a re-extracted claim is gone
        for cid in members:
            g.add_edge(cid, mid, key="about", kind="about", label="about")
        for a, b in _pairs(k, members):
            kind = "conflicts-with" if k["verdict"] == "conflict" else "agrees-with"
            g.add_edge(a, b, key=f"{kind}:{k['id']}", kind=kind, label=kind, measure=k["measure"],
                       comparison=k["id"])
    return g


def _pairs(k: dict[str, Any], members: list[str]) -> list[tuple[str, str]]:
    """Claim pairs that disagree (across sides of a conflict) or agree (a consistent comparison)."""
    if k["verdict"] == "consistent":
        return list(combinations(members, 2))
    if k["verdict"] != "conflict":
        return []
    sides = [[f"claim:{x}" for x in side] for side in k["sides"]]
    if len(sides) < 2:  # no sides stored: every pair of the comparison disagrees
        return list(combinations(members, 2))
    return [(a, b) for i, j in combinations(range(len(sides)), 2) for a in sides[i] for b in sides[j]
            if a in members and b in members and a != b]


def write_graphml(store: Store, path: str | Path) -> Path:
    """Write the claim graph as GraphML (atomically); return the path."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    nx.write_graphml(build_graph(store), tmp, named_key_ids=True)
    tmp.replace(path)
    return path
