"""Run the hostile-input cases (tests/hostile/cases.py) against the real CLI and print the tally.

    .venv/bin/python benchmarks/hostile_tally.py            # all cases
    .venv/bin/python benchmarks/hostile_tally.py gzip deep  # cases whose name contains a word

Prints one line per case (exit code, seconds, peak memory, problems) and then:
hostile cases tried, crashes, hangs, good documents lost.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from hostile.cases import CASES, cleanup, run_case, tally  # noqa: E402


def main(words: list[str]) -> int:
    outcomes = []
    for case in CASES:
        if words and not any(w in case.name for w in words):
            continue
        with tempfile.TemporaryDirectory(prefix="cg-hostile-") as tmp:
            out = run_case(case, Path(tmp) / "case")
            cleanup(Path(tmp) / "case")
        outcomes.append(out)
        if out.skipped:
            print(f"{case.name:40s} skipped: {out.skipped}", flush=True)
            continue
        status = "ok" if not out.problems else "FAIL: " + " | ".join(p[:300] for p in out.problems)
        print(f"{case.name:40s} exit {out.rc}  {out.elapsed:5.1f} s  {out.max_rss_mb:5.0f} MB  "
              f"{len(out.errors)} error lines  {status}", flush=True)
    print(tally(outcomes))
    return 1 if any(o.problems for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
