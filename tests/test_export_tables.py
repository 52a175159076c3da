"""Exports for analysis tools: Parquet tables (read back with pyarrow, pandas and DuckDB, including
the README's join) and the GraphML claim graph (read back with NetworkX)."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import networkx as nx
import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.present.export import ExportError, export
from claimgraph.present.parquet import EXTRA_TABLES, SCHEMAS
from claimgraph.speakers.run import resolve_store
from claimgraph.store import Store
from claimgraph.store.flat import TABLES
from web_store import EVIL, EVIL2, LEDGER, POST, WIRE, build_store

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = build_store(tmp_path_factory.mktemp("tables") / "x.db")
    with Store(db) as s:
        yield s


def readme_sql() -> str:
    """The DuckDB join of the README (the first ``sql`` block that reads ``comparison_claims``)."""
    blocks = re.findall(r"```sql\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    return next(b for b in blocks if "comparison_claims.parquet" in b)


def test_parquet_writes_one_file_per_table(store, tmp_path):
    resolve_store(store)  # the speaker entities, as the pipeline makes them after linking
    written = export(store, "parquet", tmp_path / "tables")
    assert sorted(p.name for p in written) == sorted(f"{t}.parquet" for t in (*TABLES, *EXTRA_TABLES))
    for p in written:
        assert pq.read_schema(p).equals(SCHEMAS[p.stem], check_metadata=False), p.name
    claims = pd.read_parquet(tmp_path / "tables" / "claims.parquet")
    assert len(claims) == 12 and claims["id"].is_unique
    assert claims.set_index("id").loc[f"{WIRE}#c1", "speaker"] == "Tomas Reyes"
    docs = pd.read_parquet(tmp_path / "tables" / "documents.parquet")
    assert len(docs) == 6 and "published_raw" in docs.columns
    assert set(docs.loc[docs["story"] == "s1", "id"]) == {LEDGER, WIRE, POST}
    quantities = pd.read_parquet(tmp_path / "tables" / "quantities.parquet")
    assert 300 in set(quantities["value"])
    speakers = pd.read_parquet(tmp_path / "tables" / "speakers.parquet").set_index("name")
    assert speakers.loc["Tomas Reyes", "claims"] == 2 and speakers.loc["Tomas Reyes", "type"] == "person"
    assert claims.set_index("id").loc[f"{WIRE}#c1", "speaker_id"] == speakers.loc["Tomas Reyes", "id"]
    # hand-made comparisons carry no timelines: the timelines and coverage files are empty but open
    assert pd.read_parquet(tmp_path / "tables" / "coverage.parquet").empty
    comps = pd.read_parquet(tmp_path / "tables" / "comparisons.parquet")
    assert list(comps["verdict"]).count("conflict") == 2 and len(comps) == 3
    stories = pd.read_parquet(tmp_path / "tables" / "stories.parquet").set_index("id")
    assert list(stories.loc["s1", "documents"]) == [LEDGER, WIRE, POST]


def test_readme_duckdb_join_returns_rows(store, tmp_path, monkeypatch):
    export(store, "parquet", tmp_path / "tables")
    monkeypatch.chdir(tmp_path)  # the README's paths are relative to where the export was written
    rows = duckdb.sql(readme_sql()).fetchall()
    assert rows, "the README's join returned nothing"
    speakers = {r for row in rows for r in row}
    assert {"Ana Ortiz", "Tomas Reyes"} <= speakers


def test_parquet_of_an_empty_store_still_opens(tmp_path):
    with Store(str(tmp_path / "empty.db")) as s:
        written = export(s, "parquet", tmp_path / "t")
    for p in written:
        assert pq.read_table(p).num_rows == 0


def test_graphml_loads_in_networkx(store, tmp_path):
    path = export(store, "graphml", tmp_path / "g.graphml")[0]
    g = nx.read_graphml(path, force_multigraph=True)
    types = {n: d["type"] for n, d in g.nodes(data=True)}
    assert set(types.values()) == {"speaker", "claim", "measure", "outlet"}
    kinds = {(u, v, d["kind"]) for u, v, d in g.edges(data=True)}
    assert ("speaker:Tomas Reyes", f"claim:{WIRE}#c1", "says") in kinds
    assert ("outlet:Coastline Wire", f"claim:{WIRE}#c1", "relays") in kinds
    assert (f"claim:{LEDGER}#c1", f"claim:{WIRE}#c1", "conflicts-with") in kinds
    assert (f"claim:{LEDGER}#c2", f"claim:{POST}#c1", "agrees-with") in kinds
    assert (f"claim:{EVIL}#c1", f"claim:{EVIL2}#c1", "conflicts-with") in kinds
    assert any(k == "about" and types[v] == "measure" for _, v, k in kinds)
    assert g.nodes[f"claim:{WIRE}#c1"]["label"].startswith("Fire chief Tomas Reyes said 300 homes")


def test_whole_store_formats_refuse_a_story(store, tmp_path):
    for fmt in ("parquet", "graphml"):
        with pytest.raises(ExportError, match="whole store"):
            export(store, fmt, tmp_path / fmt, story="s1")


def test_export_command_writes_parquet_and_graphml(store, tmp_path):
    runner = CliRunner()
    r = runner.invoke(app, ["export", "-f", "parquet", "-o", str(tmp_path / "t"), "--db", store.path])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "t" / "comparisons.parquet").exists()
    r = runner.invoke(app, ["export", "-f", "graphml", "-o", str(tmp_path / "g.graphml"), "--db", store.path])
    assert r.exit_code == 0, r.output
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_nodes() > 0
