"""Speakers parsed by one run are kept in the store and reused by the next (``speaker_parses``):
a run parses only the speakers it has not seen, gives exactly what parsing everything again gives
(the corpus's outlets may turn a kept speaker into an outlet), and drops parses made by other code
or of speakers no claim has any more. Fictional articles, from test_speaker_incremental.py."""

from __future__ import annotations

import gc
import re
from pathlib import Path

import pytest

from claimgraph.speakers import parses, resolve, run
from claimgraph.speakers.kinds import speaker_kind
from claimgraph.speakers.mention import parse_mention
from claimgraph.speakers.run import resolve_store
from claimgraph.store import Store
from claimgraph.store import speaker_parses as kept
from test_speaker_incremental import FIRST, SECOND, _link, _put, _snapshot

PROBES = [
    ("Mayor Ines Kalder", "Mayor Ines Kalder", "person"),
    ("Ines Kalder", "Governor Ines Kalder", None),
    ("Coastline", "Coastline", "organization"),
    ("Coastline", "Coastline", "person"),
    ("Port Director Hallam Mining", None, "person"),
    ("Valley Post", None, "unknown"),
    ("the regional government", None, "organization"),
    ("A Hallam Mining spokesperson, Greta Voss", None, "person"),
    ("officials", None, "anonymous"),
    ("TPA", "TPA", "organization"),
    ("The Courier", None, ""),
    ("Senator", None, "document"),
]
OUTLETS = [frozenset(), frozenset({"coastline", "valley post", "courier", "hallam mining"}), frozenset({""})]


def _parse_as_before(speaker: str, mention: str | None, extracted: str | None, outlets: frozenset[str]):
    """What SpeakerResolver did before parses were kept: parse, then parse again as a body."""
    person_like = extracted in ("person", None, "unknown")
    m = parse_mention(speaker, mention, person=person_like)
    kind = speaker_kind(m, extracted, outlets)
    if m.name and kind != "person":
        m = parse_mention(speaker, mention, person=False)
        kind = speaker_kind(m, extracted, outlets)
    return m, kind


@pytest.mark.parametrize("outlets", OUTLETS)
@pytest.mark.parametrize("probe", PROBES)
def test_a_kept_parse_gives_what_parsing_again_gives(probe, outlets):
    expected = _parse_as_before(*probe, outlets)
    assert parses.choose(parses.parse_probe(*probe), outlets) == expected
    back_probe, back = parses.from_row(parses.to_row(probe, parses.parse_probe(*probe)))
    assert back_probe == probe and parses.choose(back, outlets) == expected


def _counting(monkeypatch) -> list[parses.Probe]:
    calls: list[parses.Probe] = []
    original = resolve.parse_probe

    def count(*probe):
        calls.append(probe)
        return original(*probe)

    monkeypatch.setattr(resolve, "parse_probe", count)
    return calls


def test_a_run_parses_only_new_speakers_and_matches_one_run(store_url, tmp_path, monkeypatch):
    calls = _counting(monkeypatch)
    with Store(store_url) as batches, Store(tmp_path / "once.db") as once:
        _put(batches, FIRST)
        _link(batches, ["harbour/1", "harbour/2"])
        resolve_store(batches)
        first = set(calls)
        assert len(calls) == len(first) == 7  # each distinct speaker once
        calls.clear()

        _put(batches, SECOND)
        all_docs = [a.id for a, _ in FIRST + SECOND]
        _link(batches, all_docs)
        resolve_store(batches)
        # the second batch's "TPA" and "Officials" were parsed in the first run
        assert sorted(calls) == sorted(
            {(c.speaker, c.speaker_mention, c.speaker_type) for _, cs in SECOND for c in cs} - first
        )
        assert ("Coastline", "Coastline", "organization") not in calls  # an outlet now, from its kept parse
        calls.clear()
        resolve_store(batches)
        assert calls == []

        _put(once, FIRST + SECOND)
        _link(once, all_docs)
        resolve_store(once)
        assert _snapshot(batches) == _snapshot(once)
        assert (
            batches.speakers([c.speaker_id for c in batches.claims() if c.id == "harbour/1#c3"])[0].type
            == "outlet"
        )


def test_parses_of_other_code_are_made_again(tmp_path, monkeypatch):
    with Store(tmp_path / "a.db") as store:
        _put(store, FIRST)
        resolve_store(store)
        before = _snapshot(store)
        assert kept.kept_code(store) == parses.code_version()
        # a wrong parse kept under other code must not be used
        store.execute("UPDATE speaker_parses SET kind1 = 'document', kind2 = 'document'")
        monkeypatch.setattr(parses, "code_version", lambda: "other-code")
        calls = _counting(monkeypatch)
        resolve_store(store)
        assert len(calls) == 7 and _snapshot(store) == before
        assert kept.kept_code(store) == "other-code" and len(list(kept.kept(store))) == 7


def test_speakers_no_claim_has_are_dropped(tmp_path):
    with Store(tmp_path / "a.db") as store:
        _put(store, FIRST)
        resolve_store(store)
        with store.transaction():
            store.put_claims("harbour/2", [])
        resolve_store(store)
        speakers = sorted(r[0] for r in kept.kept(store))
        assert speakers == sorted(c.speaker for c in FIRST[0][1])


def test_the_code_version_covers_what_a_parse_imports():
    """A parse module importing claimgraph code outside ``PARSE_SOURCES`` could change parses
    without changing the code version, and kept parses would be stale."""
    root = Path(parses.__file__).resolve().parents[1]
    allowed = {s.removesuffix(".py").replace("/", ".") for s in parses.PARSE_SOURCES}
    for source in parses.PARSE_SOURCES:
        if not source.endswith(".py"):
            continue
        for dots, name in re.findall(r"^from (\.+)([\w.]*) import", (root / source).read_text(), re.M):
            target = ("speakers." if len(dots) == 1 else "") + name
            assert any(target == a or target.startswith(a + ".") for a in allowed), (source, target)


def test_the_collector_is_paused_only_while_a_run_lasts(tmp_path, monkeypatch):
    seen: list[bool] = []
    original = run.SpeakerResolver.resolve

    def spy(self):
        seen.append(gc.isenabled())
        return original(self)

    monkeypatch.setattr(run.SpeakerResolver, "resolve", spy)
    with Store(tmp_path / "a.db") as store:
        _put(store, FIRST)
        resolve_store(store)
        assert seen == [False] and gc.isenabled()
        monkeypatch.setattr(run.SpeakerResolver, "resolve", lambda self: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            resolve_store(store)
        assert gc.isenabled()
