"""Provenance: wire copies and repeated quotes are not independent corroboration."""

from __future__ import annotations

from claimgraph.link.compare import compare_story
from claimgraph.link.provenance import Provenance, citation_chain, independent_origins, norm_name
from compare_fixtures import article, claim, q

SENTENCE = "The storm destroyed 1,240 homes across the Merrow coast."


def storm(doc_id: str, outlet: str, sentence: str = SENTENCE, number: str = "1,240", **kw):
    return article(doc_id, outlet, claim(sentence, q(f"{number} homes", float(number.replace(",", "")),
                                                     counted="homes")), **kw)


def test_wire_copy_is_not_an_independent_origin():
    wire = storm("w", "Wire Service")
    copy = storm("c", "Town Crier", duplicate_of="w")
    own = storm("o", "Coast Daily", "Some 1,240 homes on the Merrow coast were destroyed by the storm.")
    (c,) = compare_story([wire, copy, own], "s1")
    assert c.verdict == "consistent"
    assert sorted(c.sources) == ["Coast Daily", "Town Crier", "Wire Service"]
    assert c.independent_origins == 2


def test_a_document_and_its_wire_copy_alone_make_no_comparison():
    assert compare_story([storm("w", "Wire Service"), storm("c", "Town Crier", duplicate_of="w")], "s1") == []


def test_a_sentence_reprinted_word_for_word_keeps_its_origin():
    first = storm("a", "Wire Service")
    reprint = storm("b", "Town Crier")  # no duplicate_of: only the sentence was copied
    (c,) = compare_story([first, reprint], "s1")
    assert len(c.sources) == 2 and c.independent_origins == 1


def test_one_speaker_quoted_by_two_outlets_is_one_origin():
    a = article("a", "Harbor Post", claim("Crews have restored power to 8,200 homes, Mayor Ilse Varga said.",
                                          q("8,200 homes", 8200, counted="homes"), speaker="Mayor Ilse Varga"))
    b = article("b", "Valley Times", claim("Power is back in 8,200 homes, according to Ilse Varga.",
                                           q("8,200 homes", 8200, counted="homes"), speaker="Ilse Varga"))
    (c,) = compare_story([a, b], "s1")
    assert c.verdict == "consistent" and c.independent_origins == 1
    assert c.sources == ["Mayor Ilse Varga (Harbor Post)", "Ilse Varga (Valley Times)"]


def test_via_chain_and_origin():
    art = article("a", "Harbor Post", claim("We took out 300 people, a driver told the Courier.",
                                            q("300 people", 300, counted="people"),
                                            speaker="a driver", via=("the Courier",)))
    prov = Provenance([art])
    cl = art.claims[0]
    assert citation_chain(cl, art) == ["Harbor Post", "the Courier", "a driver"]
    assert prov.origin(cl, art) == "driver"
    assert norm_name("The Rt. Courier") == "rt. courier"
    assert independent_origins(["x", "x", "y", ""]) == 2


def test_duplicate_chain_resolves_to_the_original():
    a = storm("a", "Wire Service")
    b = storm("b", "Town Crier", duplicate_of="a")
    c = storm("c", "Bay Gazette", duplicate_of="b")
    prov = Provenance([a, b, c])
    assert prov.canonical("c") == "a"
    assert prov.origin(c.claims[0], c) == "wire service"
