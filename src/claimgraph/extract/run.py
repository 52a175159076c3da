"""Run the extractors over many documents with one spaCy pipeline, in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from ..model import Claim
from .attribution import find_attributions
from .claims import build_claims
from .nlp import load_nlp
from .quantities import find_quantities


def extract_doc(doc: Doc, doc_id: str) -> list[Claim]:
    """Claims of one parsed article."""
    return build_claims(doc, doc_id, find_attributions(doc), find_quantities(doc))


def extract_documents(items: Iterable[tuple[str, str]], *, batch_size: int = 32,
                      n_process: int = 1) -> Iterator[tuple[str, list[Claim]]]:
    """``(doc_id, text)`` in, ``(doc_id, claims)`` out, streaming, in input order."""
    nlp = load_nlp()
    stream = ((text, doc_id) for doc_id, text in items)
    for doc, doc_id in nlp.pipe(stream, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield doc_id, extract_doc(doc, doc_id)
