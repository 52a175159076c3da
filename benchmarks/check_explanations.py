"""Explanation checker: how many stored explanations state a number that is not in their evidence.

Runs over every comparison of each store given (SQLite files or PostgreSQL URLs) and prints the
count checked, the count failing, and each failing explanation with its untraceable numbers. The
evidence is rebuilt from the stored claims (:mod:`claimgraph.link.audit`), so stores written by
older versions can be checked too. Exit status 1 when any explanation fails.

    claimgraph analyze examples/corpus --db /tmp/ex.db
    python benchmarks/check_explanations.py /tmp/ex.db [MORE.db ...]
"""

from __future__ import annotations

import argparse
import sys

from claimgraph.link.audit import audit
from claimgraph.store import open_store


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("stores", nargs="+", help="SQLite files or postgresql:// URLs")
    ap.add_argument("--quiet", action="store_true", help="print the counts only")
    args = ap.parse_args()
    total = failed = 0
    for path in args.stores:
        store = open_store(path, readonly=True)
        n = bad = 0
        for _, finding in audit(store):
            n += 1
            if finding is not None:
                bad += 1
                if not args.quiet:
                    print(f"  {finding}")
        store.close()
        print(f"{path}: {n} explanations checked, {bad} state a number not in their evidence")
        total, failed = total + n, failed + bad
    if len(args.stores) > 1:
        print(f"all: {total} explanations checked, {failed} state a number not in their evidence")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
