"""Regenerate ``inflections.json`` from the word lists with the lemminflect library.

    python -m claimgraph.lexicon.build_inflections [--check]

lemminflect is a development dependency (``pip install -e ".[dev]"``): the generated table is
what the code reads, so runs never pay for loading the library. ``--check`` exits 1 when the
table on disk differs from a fresh one.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from claimgraph.lexicon.cues import TRIGGER_NOUNS, TRIGGER_VERBS
from claimgraph.lexicon.measures import PREDICATES
from claimgraph.lexicon.units import UNIT_WORD_SINGULARS

TABLE = Path(__file__).with_name("inflections.json")
_SEPARATOR = re.compile(r"([ -])")


def _unique(forms: list[str]) -> list[str]:
    return list(dict.fromkeys(forms))


def _verb_forms(lemma: str) -> list[str]:
    from lemminflect import getAllInflections, getAllInflectionsOOV

    table = getAllInflections(lemma, upos="VERB") or getAllInflectionsOOV(lemma, upos="VERB")
    return _unique([lemma] + [form for forms in table.values() for form in forms])


def _word_forms(word: str) -> list[str]:
    """Every form lemminflect knows for a word taken as a lemma of any part of speech, and its
    verb forms by lemminflect's model when the dictionary has no verb of that spelling
    ("fundraise" -> "fundraising")."""
    from lemminflect import getAllInflections, getAllInflectionsOOV

    table = getAllInflections(word)
    if not any(tag.startswith("VB") for tag in table):
        table = {**table, **getAllInflectionsOOV(word, upos="VERB")}
    return _unique([word] + [form for forms in table.values() for form in forms])


def _head(tokens: list[str]) -> int:
    """The word of a noun phrase that takes the plural: "miles per hour", "degrees celsius",
    "square feet"."""
    if "per" in tokens:
        return tokens.index("per") - 1
    return 0 if tokens[0] == "degree" else len(tokens) - 1


def _plurals(phrase: str) -> list[str]:
    from lemminflect import getInflection

    parts = _SEPARATOR.split(phrase)
    words = parts[::2]
    head = 2 * _head(words)
    forms = [form for form in getInflection(parts[head], tag="NNS") if form != parts[head]]
    return _unique(["".join(parts[:head] + [form] + parts[head + 1:]) for form in forms])


def build() -> dict[str, dict[str, list[str]]]:
    """The table: verb forms of the cue verbs, forms of the predicate words, plurals of nouns."""
    single = re.compile(r"[a-z]+\Z")
    predicate_words = {word for forms in PREDICATES.values() for word in forms}
    return {
        "verbs": {lemma: _verb_forms(lemma) for lemma in sorted(TRIGGER_VERBS) if single.match(lemma)},
        "words": {word: _word_forms(word) for word in sorted(predicate_words) if single.match(word)},
        "plurals": {noun: _plurals(noun) for noun in sorted(set(UNIT_WORD_SINGULARS) | TRIGGER_NOUNS)},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the table on disk, write nothing")
    args = parser.parse_args(argv)
    text = json.dumps(build(), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    if args.check:
        current = TABLE.read_text(encoding="utf-8") if TABLE.exists() else ""
        print("inflections.json is current" if current == text else "inflections.json is out of date")
        return 0 if current == text else 1
    TABLE.write_text(text, encoding="utf-8")
    print(f"wrote {TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
