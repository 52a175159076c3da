"""The lexicon: each word list defined once, inflected forms from the generated table."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from claimgraph.extract.condense import _TRIGGER_WORDS, _is_candidate
from claimgraph.lexicon import inflection

SRC = Path(__file__).resolve().parents[1] / "src" / "claimgraph"


def test_doubled_consonants_are_trigger_forms() -> None:
    # the hand-written suffix rules never doubled a final consonant
    for form in ("admitted", "planned", "quipped", "admitting", "planning"):
        assert form in _TRIGGER_WORDS
    assert _is_candidate("She admitted the error on Friday.")
    assert _is_candidate("They planned the march for weeks.")


def test_irregular_forms_come_from_the_table() -> None:
    assert {"said", "says", "saying"} <= set(inflection.verb_forms("say"))
    assert "square feet" in inflection.plurals("square foot")
    assert "miles per hour" in inflection.plurals("mile per hour")
    with pytest.raises(KeyError, match="build_inflections"):
        inflection.verb_forms("not-a-listed-verb")


def test_inflection_table_is_current() -> None:
    pytest.importorskip("lemminflect")
    import json

    from claimgraph.lexicon.build_inflections import TABLE, build

    assert json.loads(TABLE.read_text(encoding="utf-8")) == build(), \
        "run `python -m claimgraph.lexicon.build_inflections`"


def _string_constants(path: Path) -> set[str]:
    """Lower-cased words of the string constants of a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    words: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            words.update(node.value.lower().replace("|", " ").split())
    return words


@pytest.mark.parametrize("word", ["january", "september", "wednesday", "thirteen", "ninety", "eyewitness"])
def test_word_lists_live_in_the_lexicon(word: str) -> None:
    """Months, weekdays, number words and person nouns are written only under claimgraph/lexicon."""
    outside = [path.relative_to(SRC).as_posix() for path in sorted(SRC.rglob("*.py"))
               if "lexicon" not in path.relative_to(SRC).parts and word in _string_constants(path)]
    assert outside == []
