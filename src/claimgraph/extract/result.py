"""What extraction gives back for one document: its claims, or why there are none.

Results cross process boundaries (worker pools, Ray actors), so they hold plain data: the cause
of a failure is named, not kept as a live exception.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Claim

WORKER_DIED = "worker died"


@dataclass(frozen=True, slots=True)
class ExtractionFailure:
    """Why the extractors failed on one document."""

    cause: str  # the exception's class name ("ValueError"), or WORKER_DIED
    message: str  # what went wrong, in words

    @classmethod
    def from_exception(cls, error: BaseException) -> ExtractionFailure:
        """The failure of an extractor that raised ``error``."""
        return cls(type(error).__name__, str(error))

    def __str__(self) -> str:
        return self.message if self.cause == WORKER_DIED else f"{self.cause}: {self.message}"


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    """One document's claims and names, or the failure that left it without them."""

    doc_id: str
    claims: list[Claim] = field(default_factory=list)
    failure: ExtractionFailure | None = None
    # the parse's names ({"text", "label", "mentions"}; see claimgraph.extract.entities)
    entities: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the extractors ran through (a document may still have no claims)."""
        return self.failure is None
