"""Exact and near-duplicate detection: reprints and wire copies are kept, marked ``duplicate_of``."""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash, MinHashLSH

_WORD = re.compile(r"\w+", re.UNICODE)
NUM_PERM = 64
SHINGLE = 5
SCHEME = "affine32"  # datasketch 2 hashing scheme; stored signatures are only comparable within one
MIN_WORDS = 40  # shorter texts share too many shingles by chance to call them copies


def normalise_for_hash(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def content_hash(text: str) -> str:
    """Hash of the words only: whitespace, punctuation and case changes are the same content."""
    return hashlib.sha1(normalise_for_hash(text).encode("utf-8")).hexdigest()


def minhash(text: str) -> MinHash | None:
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    m.update_batch([" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)])
    return m


class Deduplicator:
    """Finds the first-seen original of a document, by exact hash and then by MinHash LSH."""

    def __init__(self, threshold: float = 0.8):
        self.threshold = threshold
        self._exact: dict[str, str] = {}
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._sigs: dict[str, MinHash] = {}

    def add_known(self, doc_id: str, chash: str, signature: bytes | None) -> None:
        """Register a document already in the store (so re-runs see earlier originals)."""
        self._exact.setdefault(chash, doc_id)
        if signature and doc_id not in self._sigs:
            m = MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashvalues=np.frombuffer(signature, dtype=np.uint64))
            self._sigs[doc_id] = m
            self._lsh.insert(doc_id, m)

    def check(self, doc_id: str, text: str) -> tuple[str | None, str, bytes | None]:
        """Return ``(duplicate_of, content_hash, signature)`` and index the document."""
        chash = content_hash(text)
        original = self._exact.get(chash)
        m = minhash(text)
        sig = m.hashvalues.astype(np.uint64).tobytes() if m is not None else None
        if original is not None and original != doc_id:
            return original, chash, sig
        self._exact.setdefault(chash, doc_id)
        if m is None or doc_id in self._sigs:
            return None, chash, sig
        best, best_j = None, self.threshold
        for cand in self._lsh.query(m):
            j = m.jaccard(self._sigs[cand])
            if j >= best_j:
                best, best_j = cand, j
        self._sigs[doc_id] = m
        self._lsh.insert(doc_id, m)
        return best, chash, sig
