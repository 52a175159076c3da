"""Where per-document extraction runs: ``local`` (spaCy in this process, ``n_process`` workers) or
``ray`` (Ray Data actors on a local instance or on the cluster at ``RAY_ADDRESS``)."""

from __future__ import annotations

ENGINES = ("local", "ray")


def check_engine(name: str) -> None:
    """Raise ValueError, before any work starts, when engine ``name`` cannot run here."""
    if name not in ENGINES:
        raise ValueError(f"unknown engine {name!r} (choose from {', '.join(ENGINES)})")
    if name == "ray":
        from .ray import ray_available

        if not ray_available():
            raise ValueError("the ray engine needs Ray Data: pip install 'claimgraph[ray]'")
