"""The model's rule components, applied faster with the same result.

Profiling ``en_core_web_sm`` on news text shows its two rule components, ``attribute_ruler`` and
``lemmatizer``, costing about a fifth of the whole pipeline: the attribute ruler runs a Matcher
over 179 patterns for every token, and the lemmatizer goes through Python per token.
Both are functions of a few token attributes, so we compute each answer once per distinct input
and reuse it:

* ``FastAttributeRuler`` evaluates the ruler's one-token patterns on the token's
  (lower, tag, dep, is_space) and caches the merged attributes per combination; patterns that span
  several tokens still go through a Matcher, which holds only those few.
* ``FastLemmatizer`` caches the lemma per (orth, pos, morph), the same key spaCy's own cache uses.

Both are built from the loaded components (same patterns, same tables) and apply rules in the
same order, so the ``Doc`` comes out identical; ``tests/test_fast_rules.py`` checks that.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

# A cache is dropped when it grows past this many entries: memory stays bounded on any corpus.
CACHE_LIMIT = 200_000

_FEATURES = ("LOWER", "TAG", "DEP", "IS_SPACE")
# the token attributes the ruler may set, written back in one ``Doc.from_array``
_COLUMNS = (POS, TAG, MORPH, LEMMA, DEP)
Features = tuple[str, str, str, bool]


def _value_test(spec: object) -> Callable[[object], bool]:
    """One Matcher condition (``"x"``, ``{"IN": [...]}``, ``{"NOT_IN": [...]}``, ``{"REGEX": ...}``)."""
    if not isinstance(spec, dict):
        return lambda v: v == spec
    tests: list[Callable[[object], bool]] = []
    for op, arg in spec.items():
        if op == "IN":
            tests.append(lambda v, s=frozenset(arg): v in s)
        elif op == "NOT_IN":
            tests.append(lambda v, s=frozenset(arg): v not in s)
        elif op == "REGEX":
            tests.append(lambda v, r=re.compile(arg): bool(r.search(v)))
        else:
            raise ValueError(f"unsupported attribute_ruler operator {op!r}")
    return lambda v: all(t(v) for t in tests)


def _exact_values(spec: object) -> frozenset | None:
    """The values a condition accepts when it is a plain value or an ``IN`` list, else None."""
    if isinstance(spec, str):
        return frozenset([spec])
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return frozenset(spec["IN"])
    return None


def _token_test(spec: dict) -> Callable[[Features], bool] | None:
    """A one-token pattern as a test on ``Features``; None when it reads other attributes."""
    if not set(spec) <= set(_FEATURES):
        return None
    checks = [(_FEATURES.index(k), _value_test(v)) for k, v in spec.items()]
    return lambda f: all(test(f[i]) for i, test in checks)


class FastAttributeRuler:
    """Applies an ``AttributeRuler``'s patterns with a per-feature cache (same output)."""

    def __init__(self, ruler: AttributeRuler):
        self.vocab = ruler.vocab
        self.attrs = ruler.attrs  # normalised: attribute id -> value, as spaCy applies them
        self.tests: dict[int, list[Callable[[Features], bool]]] = {}
        # one-token patterns indexed by the lower-case form or the tag they require, so a new
        # token is tested against a handful of patterns rather than all of them
        self.by_lower: dict[str, set[int]] = {}
        self.by_tag: dict[str, set[int]] = {}
        self.unindexed: set[int] = set()
        # patterns over several tokens: a sequence of token tests, or a Matcher for anything fancier
        self.sequences: list[tuple[int, int, list[Callable[[Features], bool]]]] = []
        self.matcher = Matcher(self.vocab)
        self.multi_index: dict[int, int] = {}
        for i, attrs in enumerate(self.attrs):
            if not set(attrs) <= set(_COLUMNS):
                raise ValueError(f"attribute_ruler pattern {i} sets attributes this twin does not handle")
        for i, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                test = _token_test(pattern[0]) if len(pattern) == 1 else None
                if test is not None:
                    self.tests.setdefault(i, []).append(test)
                    lowers, tags = _exact_values(pattern[0].get("LOWER")), _exact_values(pattern[0].get("TAG"))
                    if lowers is not None:
                        for v in lowers:
                            self.by_lower.setdefault(v, set()).add(i)
                    elif tags is not None:
                        for v in tags:
                            self.by_tag.setdefault(v, set()).add(i)
                    else:
                        self.unindexed.add(i)
                else:
                    steps = [_token_test(spec) for spec in pattern]
                    if all(steps):
                        self.sequences.append((i, entry["index"], steps))  # type: ignore[arg-type]
                    else:
                        self.matcher.add(str(i), [pattern])
                        self.multi_index[i] = entry["index"]
        self.cache: dict[tuple[int, int, int, int], tuple[int, ...]] = {}

    def _features(self, key: tuple[int, int, int, int]) -> Features:
        strings = self.vocab.strings
        return (strings[key[0]] if key[0] else "", strings[key[1]] if key[1] else "",
                strings[key[2]] if key[2] else "", bool(key[3]))

    def _matching(self, key: tuple[int, int, int, int]) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """For a token with these attribute hashes: the one-token patterns it matches, and the
        multi-token sequences (by position in ``self.sequences``) whose first step it passes."""
        hit = self.cache.get(key)
        if hit is None:
            if len(self.cache) >= CACHE_LIMIT:
                self.cache.clear()
            f = self._features(key)
            candidates = self.by_lower.get(f[0], set()) | self.by_tag.get(f[1], set()) | self.unindexed
            hit = self.cache[key] = (
                tuple(sorted(i for i in candidates if any(t(f) for t in self.tests[i]))),
                tuple(n for n, (_, _, steps) in enumerate(self.sequences) if steps[0](f)))
        return hit

    def _merged(self, ids: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """(column, value) pairs that the patterns ``ids`` set, later patterns winning."""
        merged: dict[int, int] = {}
        for i in ids:
            for attr, value in self.attrs[i].items():
                if attr == MORPH:  # stored as the morphology key, as Token.set_morph would
                    value = self.vocab.morphology.add(self.vocab.strings[value] if isinstance(value, int) else value)
                merged[_COLUMNS.index(attr)] = value
        return tuple(merged.items())

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        keys = [tuple(row) for row in doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()]
        found = [self._matching(key) for key in keys]  # type: ignore[arg-type]
        per_token = [ids for ids, _ in found]
        extra: list[tuple[int, int]] = []  # (token, pattern) from multi-token patterns
        for start, (_, starts) in enumerate(found):
            for n in starts:
                i, index, steps = self.sequences[n]
                end = start + len(steps)
                if end <= len(keys) and all(step(self._features(keys[start + k]))  # type: ignore[arg-type]
                                            for k, step in enumerate(steps[1:], 1)):
                    extra.append((range(start, end)[index], i))
        if self.multi_index:
            for match_id, start, end in self.matcher(doc, allow_missing=True):
                i = int(self.vocab.strings[match_id])
                extra.append((doc[start:end][self.multi_index[i]].i, i))
        for t, i in extra:
            per_token[t] = tuple(sorted(set(per_token[t]) | {i}))
        values = doc.to_array(list(_COLUMNS)).tolist()
        merged_cache: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}
        for row, ids in zip(values, per_token, strict=True):
            if not ids:
                continue
            merged = merged_cache.get(ids)
            if merged is None:
                merged = merged_cache[ids] = self._merged(ids)
            for col, value in merged:
                row[col] = value
        doc.from_array(list(_COLUMNS), np.array(values, dtype=np.uint64))
        return doc


class FastLemmatizer:
    """Runs a rule ``Lemmatizer`` with a cache keyed on (orth, pos, morph) (same output)."""

    def __init__(self, lemmatizer: Lemmatizer):
        # The rule lemmatizer tests "is this form a known lemma?" against lists of ~10,000 words;
        # sets answer the same question in constant time.
        index = lemmatizer.lookups.get_table("lemma_index", {}) if lemmatizer.lookups.has_table("lemma_index") \
            else {}
        for pos in list(index.keys()):
            if isinstance(index[pos], list):
                index[pos] = frozenset(index[pos])
        self.lemmatizer = lemmatizer
        self.vocab = lemmatizer.vocab
        self.overwrite = lemmatizer.overwrite
        # lemma strings, not hashes: a hash added inside a spaCy memory zone would not outlive it
        self.cache: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = arr[:, 3].copy()
        add = self.vocab.strings.add
        for t, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            text = self.cache.get(key)
            if text is None:
                if len(self.cache) >= CACHE_LIMIT:
                    self.cache.clear()
                text = self.cache[key] = self.lemmatizer.lemmatize(doc[t])[0]
            lemmas[t] = add(text)
        doc.from_array([LEMMA], lemmas.reshape(-1, 1).astype(np.uint64))
        return doc
