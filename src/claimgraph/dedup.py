"""Exact and near-duplicate detection: reprints and wire copies are kept, marked ``duplicate_of``.

The documents of earlier runs are not read whole: a :class:`KnownDocuments` (the store) answers
for them, by content hash and by the LSH band keys of their signatures (:func:`band_keys`, kept
in an indexed table), so a batch costs what it holds and not what the store holds.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import Protocol

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
    m.update_batch(
        [" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)]
    )
    return m


BandScheme = tuple[int, int, int]  # (num_perm, bands, rows per band)


def band_scheme(threshold: float) -> BandScheme:
    """The LSH banding datasketch picks for ``threshold`` (bands x rows of the signature)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return NUM_PERM, lsh.b, lsh.r


def band_keys(signature: bytes, scheme: BandScheme) -> list[int]:
    """One signed 64-bit key per band of a stored signature: two documents are LSH candidates
    when they share a key (the band number is hashed in, so equal rows in two bands differ)."""
    num_perm, bands, rows = scheme
    if len(signature) != num_perm * 8:  # not a signature of this scheme: it matches nothing
        return []
    values = np.frombuffer(signature, dtype=np.uint64)
    keys = []
    for b in range(bands):
        digest = hashlib.blake2b(
            values[b * rows : (b + 1) * rows].tobytes(), digest_size=8, person=b.to_bytes(2, "little")
        ).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return list(dict.fromkeys(keys))


class KnownDocuments(Protocol):
    """The deduplicated documents of earlier runs, looked up instead of loaded (the store)."""

    def use_band_scheme(self, scheme: BandScheme) -> None:
        """Make the stored band keys follow ``scheme`` (recut them if they were cut otherwise)."""

    def original_by_hash(self, content_hash: str) -> str | None:
        """The first-ingested known document with this content hash."""

    def near_candidates(self, keys: Sequence[int]) -> list[tuple[str, bytes]]:
        """``(id, signature)`` of the known documents sharing a band key, in ingest order."""


class Deduplicator:
    """Finds the first-seen original of a document, by exact hash and then by MinHash LSH.

    Among near-duplicate candidates the most similar wins, and of equally similar ones the first
    seen (known documents in ingest order, then this batch's in the order checked): a batch split
    in two gives the same originals as one batch.
    """

    def __init__(self, threshold: float = 0.8, known: KnownDocuments | None = None):
        self.threshold = threshold
        self._exact: dict[str, str] = {}
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._sigs: dict[str, MinHash] = {}  # insertion order is the order seen
        self._rank: dict[str, int] = {}
        self._known = known
        self.scheme: BandScheme = (NUM_PERM, self._lsh.b, self._lsh.r)
        if known is not None:
            known.use_band_scheme(self.scheme)

    def _index(self, doc_id: str, m: MinHash) -> None:
        self._sigs[doc_id] = m
        self._rank[doc_id] = len(self._rank)
        self._lsh.insert(doc_id, m)

    def add_known(self, doc_id: str, chash: str, signature: bytes | None) -> None:
        """Register a document already in the store (so re-runs see earlier originals)."""
        self._exact.setdefault(chash, doc_id)
        if signature and doc_id not in self._sigs:
            self._index(doc_id, _from_bytes(signature))

    def check(self, doc_id: str, text: str) -> tuple[str | None, str, bytes | None]:
        """Return ``(duplicate_of, content_hash, signature)`` and index the document."""
        chash = content_hash(text)
        original = self._known.original_by_hash(chash) if self._known is not None else None
        original = original or self._exact.get(chash)  # the store's first, as a one-batch run sees it
        m = minhash(text)
        sig = m.hashvalues.astype(np.uint64).tobytes() if m is not None else None
        if original is not None and original != doc_id:
            return original, chash, sig
        self._exact.setdefault(chash, doc_id)
        if m is None or sig is None or doc_id in self._sigs:
            return None, chash, sig
        candidates: dict[str, MinHash] = {}
        if self._known is not None:
            for cand, stored in self._known.near_candidates(band_keys(sig, self.scheme)):
                candidates.setdefault(cand, _from_bytes(stored))
        for cand in sorted(self._lsh.query(m), key=self._rank.__getitem__):
            candidates.setdefault(cand, self._sigs[cand])
        candidates.pop(doc_id, None)
        best, best_j = None, self.threshold
        for cand, other in candidates.items():
            j = m.jaccard(other)
            if j >= self.threshold and (best is None or j > best_j):  # ties: the first seen
                best, best_j = cand, j
        self._index(doc_id, m)
        return best, chash, sig


def _from_bytes(signature: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashvalues=np.frombuffer(signature, dtype=np.uint64))
