"""Exports: analysis JSON, JSONL, CSV pair, self-contained HTML dossier, draft ClaimReview JSON-LD."""

from __future__ import annotations

import csv
import json
import re
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.model import Article, Claim
from claimgraph.present.csv import CLAIM_COLUMNS, claim_rows, safe_cell
from claimgraph.present.export import FORMATS, ExportError, export
from claimgraph.present.markup import Span, claim_anchor, highlight_article, render_spans, safe_http_url
from claimgraph.present.svg import Point, bar_plot
from claimgraph.store import Store
from web_store import EVIL, LEDGER, POST, WIRE, XSS_LINK, XSS_SCRIPT, build_store

N_CLAIMS = 12
S1_CLAIMS = 6


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = build_store(tmp_path_factory.mktemp("export") / "x.db")
    with Store(db) as s:
        yield s


def test_json_is_the_analysis_json(store, tmp_path):
    out = export(store, "json", tmp_path / "a.json")[0]
    data = json.loads(out.read_text())
    assert data["claimgraph"]["contract"]
    assert len(data["documents"]) == 6 and len(data["comparisons"]) == 3
    for d in data["documents"]:
        for c in d["claims"]:
            assert d["text"][c["start"]:c["end"]] == c["text"]
    one = json.loads(export(store, "json", tmp_path / "s1.json", story="s1")[0].read_text())
    assert [d["id"] for d in one["documents"]] == [LEDGER, WIRE, POST]
    assert [s["id"] for s in one["stories"]] == ["s1"] and len(one["comparisons"]) == 2


def test_jsonl_has_one_claim_per_line(store, tmp_path):
    lines = export(store, "jsonl", tmp_path / "c.jsonl")[0].read_text().splitlines()
    rows = [json.loads(x) for x in lines]
    assert len(rows) == N_CLAIMS
    r = next(r for r in rows if r["id"] == f"{WIRE}#c1")
    assert (r["doc_id"], r["outlet"], r["story"], r["source"]) == (WIRE, "Coastline Wire", "s1", "Tomas Reyes")
    assert r["quantities"][0]["value"] == 300
    own = next(r for r in rows if r["id"] == f"{LEDGER}#c3")
    assert own["source"] == "Harbor Ledger"  # unattributed: the outlet's own voice
    assert len(export(store, "jsonl", tmp_path / "s.jsonl", story="s1")[0].read_text().splitlines()) == S1_CLAIMS


def test_csv_has_one_row_per_claim_and_a_comparisons_table(store, tmp_path):
    claims_csv, comps_csv, *_ = export(store, "csv", tmp_path / "claims.csv")
    assert comps_csv.name == "claims.comparisons.csv" and comps_csv.parent == tmp_path
    with open(claims_csv, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == N_CLAIMS and list(rows[0]) == CLAIM_COLUMNS
    by_id = {r["claim_id"]: r for r in rows}
    r = by_id[f"{LEDGER}#c1"]
    assert (r["doc_id"], r["outlet"], r["source"], r["cue"], r["quantities"], r["values"], r["conflicts"]) == \
        (LEDGER, "Harbor Ledger", "Ana Ortiz", "said", "120 homes", "120", "1")
    assert by_id[f"{POST}#c1"]["hedged"] == "1"
    assert by_id[f"{LEDGER}#c3"]["source"] == "Harbor Ledger"
    assert XSS_SCRIPT in by_id[f"{EVIL}#c1"]["text"]  # data is kept as written
    with open(comps_csv, newline="", encoding="utf-8") as f:
        comps = list(csv.DictReader(f))
    assert len(comps) == 3
    homes = next(c for c in comps if c["measure"] == "homes flooded")
    assert homes["verdict"] == "conflict"
    assert homes["Harbor Ledger"] == "120 homes (Ana Ortiz)" and homes["Coastline Wire"] == "300 homes (Tomas Reyes)"
    assert homes["Valley Post"] == ""


def test_csv_loads_in_pandas_with_one_row_per_claim(store, tmp_path):
    import pandas as pd  # part of the dev extra: never skipped
    claims_csv, comps_csv, *_ = export(store, "csv", tmp_path / "claims.csv")
    claims = pd.read_csv(claims_csv)
    assert len(claims) == N_CLAIMS and claims["claim_id"].is_unique and "source" in claims.columns
    comps = pd.read_csv(comps_csv)
    assert {"measure", "verdict", "Harbor Ledger", "Coastline Wire"} <= set(comps.columns)


def test_csv_of_one_story(store, tmp_path):
    claims_csv, comps_csv, *_ = export(store, "csv", tmp_path / "s1.csv", story="s1")
    with open(claims_csv, newline="", encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == S1_CLAIMS
    with open(comps_csv, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        assert len(list(reader)) == 2
        assert reader.fieldnames[-3:] == ["Harbor Ledger", "Coastline Wire", "Valley Post"]


def test_csv_cells_cannot_start_a_spreadsheet_formula():
    assert safe_cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert safe_cell("+1+1") == "'+1+1" and safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("-cmd") == "'-cmd" and safe_cell("-5 percent") == "-5 percent"
    assert safe_cell("Plain text") == "Plain text" and safe_cell(12) == 12
    art = Article(id="d", text="=1+1 said nobody", outlet="=Outlet",
                  claims=[Claim(id="d#c1", text="=1+1", start=0, end=4)])
    row = next(claim_rows([art], {}, {}))
    assert (row["outlet"], row["text"], row["source"], row["start"]) == ("'=Outlet", "'=1+1", "'=Outlet", 0)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs, self.ids, self.tags = [], set(), []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if a.get("id"):
            self.ids.add(a["id"])
        for k in ("href", "src", "action", "srcset", "poster", "data"):
            if a.get(k) is not None:
                self.refs.append((tag, k, a[k]))


@pytest.mark.parametrize("story", ["s1", "s2", None])
def test_html_dossier_is_self_contained(store, tmp_path, story):
    out = export(store, "html", tmp_path / "d.html", story=story)[0]
    html = out.read_text(encoding="utf-8")
    p = _Links()
    p.feed(html)
    assert "<style>" in html
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(p.tags)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:|//)""", html, re.I)
    assert "url(" not in html and "@import" not in html
    for tag, attr, ref in p.refs:  # every link stays inside the file and points at an element
        assert attr == "href" and ref.startswith("#"), (tag, attr, ref)
        assert ref[1:] in p.ids, ref
    if story == "s2":
        assert XSS_SCRIPT not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert XSS_LINK in html and 'href="javascript' not in html  # shown, not linked
    if story == "s1":
        assert 'class="conflict"' in html and "homes flooded" in html and "<svg" in html
        assert html.count('<mark id="d1-claim-') == 3


def test_claimreview_drafts_have_the_required_fields(store, tmp_path):
    items = json.loads(export(store, "claimreview", tmp_path / "cr.json")[0].read_text())
    assert len(items) == 4  # two claims in each of the two conflicts
    for it in items:
        assert it["@context"] == "https://schema.org" and it["@type"] == "ClaimReview"
        assert it["claimReviewed"] and it["url"] and it["reviewRating"]["@type"] == "Rating"
        assert "alternateName" in it["reviewRating"] and it["author"]["@type"] == "Organization"
        item = it["itemReviewed"]
        assert item["@type"] == "Claim" and item["author"]["name"] and item["appearance"]
        assert all(a.get("url", "https://").startswith("https://") for a in item["appearance"])
        assert it["reviewBody"].startswith("Draft")
    homes = next(i for i in items if i["identifier"] == f"{LEDGER}#c1")
    assert homes["itemReviewed"]["author"] == {"@type": "Person", "name": "Ana Ortiz"}
    assert homes["itemReviewed"]["appearance"][0]["url"] == "https://ledger.example/flood"
    assert "Tomas Reyes" in homes["reviewBody"] and "300 homes" in homes["reviewBody"]
    evil = next(i for i in items if i["identifier"] == f"{EVIL}#c1")
    assert "url" not in evil["itemReviewed"]["appearance"][0]  # the javascript: URL is dropped
    one = json.loads(export(store, "claimreview", tmp_path / "s1.json", story="s1")[0].read_text())
    assert len(one) == 2


def test_unknown_format_or_story_is_an_error(store, tmp_path):
    with pytest.raises(ExportError):
        export(store, "xml", tmp_path / "x")
    for fmt in FORMATS:
        with pytest.raises((ExportError, KeyError)):
            export(store, fmt, tmp_path / f"x.{fmt}", story="nope")
    assert not list(tmp_path.iterdir())  # nothing half-written


def test_export_command(store, tmp_path):
    runner = CliRunner()
    out = tmp_path / "c.csv"
    r = runner.invoke(app, ["export", "--format", "csv", "-o", str(out), "--db", store.path])
    assert r.exit_code == 0, r.output
    assert out.exists() and (tmp_path / "c.comparisons.csv").exists()
    r = runner.invoke(app, ["export", "-f", "html", "--story", "s1", "-o", str(tmp_path / "d.html"), "--db", store.path])
    assert r.exit_code == 0 and (tmp_path / "d.html").read_text().startswith("<!doctype html>")
    assert runner.invoke(app, ["export", "-f", "json", "--story", "nope", "-o", str(tmp_path / "n.json"),
                               "--db", store.path]).exit_code == 2
    assert runner.invoke(app, ["export", "-f", "yaml", "-o", str(tmp_path / "n.y"), "--db", store.path]).exit_code == 2
    assert runner.invoke(app, ["export", "-f", "json", "-o", str(tmp_path / "n.json"),
                               "--db", str(tmp_path / "missing.db")]).exit_code == 2


# ---------------------------------------------------------------- the markup helpers behind both


def test_render_spans_nests_escapes_and_cuts_crossing_spans():
    text = "a <b> c & d"
    spans = [Span(0, 11, "mark", {"id": "x"}), Span(2, 5, "b"), Span(4, 9, "i")]
    html = render_spans(text, spans)
    # <i> crosses the end of <b>: it keeps its start and is cut where <b> ends
    assert html == '<mark id="x">a <b>&lt;b<i>&gt;</i></b> c &amp; d</mark>'
    # whatever the overlap, tags are balanced and the text is intact
    out: list[str] = []
    depth = [0]

    class P(HTMLParser):
        def handle_starttag(self, tag, attrs):
            depth[0] += 1

        def handle_endtag(self, tag):
            depth[0] -= 1
            assert depth[0] >= 0

        def handle_data(self, data):
            out.append(data)

    P(convert_charrefs=True).feed(str(html))
    assert depth[0] == 0 and "".join(out) == text


def test_highlight_article_ignores_bad_offsets_and_duplicate_ids():
    claims = [Claim(id="d#c1", text="x", start=0, end=3), Claim(id="d#c1", text="y", start=0, end=3),
              Claim(id="d#c2", text="z", start=5, end=500)]
    html = str(highlight_article("one two", claims))
    assert html.count('id="claim-c1"') == 1 and "claim-c2" not in html


def test_claim_anchor_and_safe_urls():
    assert claim_anchor("seeds/000_x.txt#c12") == "claim-c12"
    odd = claim_anchor('weird id "><script>')
    assert re.fullmatch(r"claim-h[0-9a-f]{12}", odd)
    assert claim_anchor("d#c1", "d3-") == "d3-claim-c1"
    assert safe_http_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in (XSS_LINK, "JavaScript:alert(1)", "data:text/html,x", "//evil.example", "ftp://x", None, ""):
        assert safe_http_url(bad) is None


def test_svg_plot_escapes_labels_and_needs_two_values():
    svg = str(bar_plot([Point("<script>x</script>", 3), Point("B & C", 5, 4, 6)], title="t <i>"))
    assert svg.startswith("<svg") and "<script>" not in svg and "&lt;script&gt;" in svg and "B &amp; C" in svg
    assert "style=" not in svg and "href" not in svg
    assert str(bar_plot([Point("only", 1)], title="t")) == ""


def test_fast_claim_dict_matches_to_dict(store):
    from claimgraph.present.tables import claim_dict

    claims = store.claims()
    assert claims and all(claim_dict(c) == c.to_dict() for c in claims)
