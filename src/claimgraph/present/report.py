"""Terminal presentation with Rich: the store at a glance, conflicts first."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from ..model import Claim, Comparison, Story
from ..store import Store
from ..store.queries import count_attributed, count_duplicates, outlet_counts, speaker_counts


def report_data(store: Store) -> dict[str, Any]:
    """Everything ``claimgraph report`` shows, as plain data (also its ``--json``)."""
    outlets = [{"outlet": name or "(unknown)", "documents": n} for name, n in outlet_counts(store, limit=50)]
    speakers = [{"speaker": name, "claims": n} for name, n in speaker_counts(store, limit=20)]
    comps = store.comparisons()
    return {
        "store": store.path,
        "documents": store.count("documents"),
        "duplicates": count_duplicates(store),
        "claims": store.count("claims"),
        "attributed_claims": count_attributed(store),
        "quantities": store.count("quantities"),
        "stories": store.count("stories"),
        "conflicts": sum(x.verdict == "conflict" for x in comps),
        "consistent": sum(x.verdict == "consistent" for x in comps),
        "updated": sum(x.verdict == "updated" for x in comps),
        "outlets": outlets,
        "top_speakers": speakers,
        "comparisons": [{"measure": x.measure, "verdict": x.verdict, "explanation": x.explanation,
                         "story": x.story} for x in comps[:20]],
    }


def print_report(data: dict[str, Any], console: Console) -> None:
    console.print(f"[bold]claimgraph[/] store [cyan]{data['store']}[/]: {data['documents']} documents "
                  f"({data['duplicates']} duplicates), {data['claims']} claims "
                  f"({data['attributed_claims']} attributed), {data['quantities']} quantities, "
                  f"{data['stories']} stories, [red]{data['conflicts']} conflicts[/], "
                  f"[green]{data['consistent']} consistent[/], [yellow]{data['updated']} updated[/]")
    if data["comparisons"]:
        t = Table(title="Comparisons (conflicts first)")
        for col in ("verdict", "measure", "explanation"):
            t.add_column(col)
        for x in data["comparisons"]:
            style = {"conflict": "red", "updated": "yellow"}.get(x["verdict"], "green")
            t.add_row(f"[{style}]{x['verdict']}[/]", x["measure"], x["explanation"])
        console.print(t)
    t = Table(title="Outlets")
    t.add_column("outlet")
    t.add_column("documents", justify="right")
    for o in data["outlets"]:
        t.add_row(o["outlet"], str(o["documents"]))
    console.print(t)
    if data["top_speakers"]:
        t = Table(title="Most quoted speakers")
        t.add_column("speaker")
        t.add_column("claims", justify="right")
        for s in data["top_speakers"]:
            t.add_row(s["speaker"], str(s["claims"]))
        console.print(t)


def _quantities(c: Claim) -> str:
    return "; ".join(q.text for q in c.quantities)


def claims_table(claims: list[Claim]) -> Table:
    t = Table(title=f"{len(claims)} claims", show_lines=False)
    for col in ("id", "speaker", "cue", "via", "claim", "numbers"):
        t.add_column(col, overflow="fold")
    for c in claims:
        speaker = c.speaker or ("[dim](article)[/]" if not c.cue else "")
        if c.speaker_mention and c.speaker and c.speaker_mention != c.speaker:
            speaker += f" [dim]({c.speaker_mention})[/]"
        text = c.text if len(c.text) <= 160 else c.text[:157] + "…"
        t.add_row(c.id, speaker, c.cue or "", " → ".join(c.via), text + (" [yellow](hedged)[/]" if c.hedged else ""),
                  _quantities(c))
    return t


def stories_table(store: Store, stories: list[Story]) -> Table:
    t = Table(title=f"{len(stories)} stories")
    for col in ("story", "title", "articles", "outlets", "related"):
        t.add_column(col, overflow="fold")
    for s in stories:
        outlets = sorted({(d.outlet or "?") for d in store.documents(s.documents, with_claims=False)})
        t.add_row(s.id, s.title or "", str(len(s.documents)), ", ".join(outlets), ", ".join(s.related))
    return t


def comparisons_table(store: Store, comps: list[Comparison]) -> Table:
    t = Table(title=f"{len(comps)} comparisons")
    for col in ("verdict", "story", "measure", "explanation"):
        t.add_column(col, overflow="fold")
    for c in comps:
        style = {"conflict": "red", "updated": "yellow"}.get(c.verdict, "green")
        t.add_row(f"[{style}]{c.verdict}[/]", c.story or "", c.measure, c.explanation)
    return t
