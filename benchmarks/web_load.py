"""Web UI under load: the real ``claimgraph serve`` in a subprocess, 200 concurrent page requests.

Builds a synthetic store of fictional articles (or uses ``--db``), starts the server on a free
loopback port, fires the requests from this process with httpx + asyncio (a mix of story list,
story, article, speaker, search and JSON pages), and prints errors and p50/p95 latency.
Loopback only; bounded request count and wall time. Prints figures; it is not a test.

    python benchmarks/web_load.py [--db FILE] [--requests 200] [--concurrency 200]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx

from claimgraph.model import Article, Claim, Comparison, Quantity, Story
from claimgraph.store import Store

OUTLETS = ["Harbor Ledger", "Coastline Wire", "Valley Post", "Northvale Daily", "Plain Herald"]
SPEAKERS = ["Ana Ortiz", "Tomas Reyes", "the county office", "Dr. Lena Hart", "police", "a spokesperson"]
COUNTED = ["homes", "people", "vehicles", "trees", "roads"]


def build_store(path: Path, stories: int, per_story: int, claims_per_doc: int, seed: int = 7) -> Path:
    """A fictional store: ``stories`` events, each covered by ``per_story`` outlets."""
    rng = random.Random(seed)
    with Store(path) as store, store.transaction():
        all_stories, comps = [], []
        for s in range(stories):
            doc_ids = []
            for k in range(per_story):
                doc_id = f"bench/story{s:04d}/{OUTLETS[k % len(OUTLETS)].lower().replace(' ', '-')}.txt"
                sentences, claims = [f"Storm number {s} hits the coast."], []
                pos = len(sentences[0]) + 2
                for n in range(1, claims_per_doc + 1):
                    who, what = rng.choice(SPEAKERS), COUNTED[n % len(COUNTED)]
                    value = rng.randint(10, 500)
                    sent = f"{who.capitalize()} said {value} {what} were damaged in district {n}."
                    q_start = pos + sent.index(str(value))
                    q = Quantity(text=f"{value} {what}", start=q_start, end=q_start + len(f"{value} {what}"),
                                 value=value, counted=what)
                    claims.append(Claim(id=f"{doc_id}#c{n}", text=sent, start=pos, end=pos + len(sent),
                                        speaker=who, speaker_mention=who, cue="said", quantities=[q]))
                    sentences.append(sent)
                    pos += len(sent) + 2
                text = "\n\n".join(sentences)
                art = Article(id=doc_id, text=text, title=f"Storm {s}: damage counted", raw=text,
                              outlet=OUTLETS[k % len(OUTLETS)], published=f"2024-04-{1 + s % 28:02d}",
                              content_hash=f"h{s}-{k}")
                store.put_document(art, raw_hash=f"r{s}-{k}", status="extracted")
                store.put_claims(doc_id, claims)
                doc_ids.append(doc_id)
            all_stories.append(Story(f"s{s}", doc_ids, title=f"Storm {s} hits the coast", terms=["storm", "coast"]))
            for n in range(1, min(claims_per_doc, 4) + 1):
                ids = [f"{d}#c{n}" for d in doc_ids]
                verdict = "conflict" if n % 2 else "consistent"
                comps.append(Comparison(f"{COUNTED[n % len(COUNTED)]} damaged in district {n}", ids, verdict,
                                        "synthetic comparison", story=f"s{s}"))
        store.put_stories(all_stories)
        store.put_comparisons(comps)
    return path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def urls(store_path: Path, n: int, seed: int = 11) -> list[str]:
    """``n`` page URLs, a realistic mix of every page type."""
    rng = random.Random(seed)
    with Store(store_path, readonly=True) as store:
        stories = [s.id for s in store.stories()] or ["none"]
        docs = store.document_ids() or ["none"]
        speakers = [r[0] for r in store.conn.execute("SELECT DISTINCT speaker FROM claims WHERE speaker IS NOT NULL "
                                                     "LIMIT 50")] or ["nobody"]
    makers = [
        lambda: "/",
        lambda: "/?format=json",
        lambda: "/story/" + quote(rng.choice(stories), safe=""),
        lambda: "/story/" + quote(rng.choice(stories), safe="") + "?format=json",
        lambda: "/doc/" + quote(rng.choice(docs), safe=""),
        lambda: "/doc/" + quote(rng.choice(docs), safe=""),
        lambda: "/speaker?" + urlencode({"name": rng.choice(speakers)}),
        lambda: "/search?" + urlencode({"q": rng.choice(COUNTED)}),
        lambda: "/articles?page=" + str(rng.randint(1, 3)),
        lambda: "/speakers",
    ]
    return [makers[i % len(makers)]() for i in range(n)]


async def fire(base: str, paths: list[str], concurrency: int, timeout: float) -> list[tuple[str, int | str, float]]:
    """GET every path, at most ``concurrency`` at a time; ``(path, status or error, seconds)`` each."""
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    sem = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=timeout) as client:
        async def one(path: str) -> tuple[str, int | str, float]:
            async with sem:
                t0 = time.perf_counter()
                try:
                    r = await client.get(path)
                    return path, r.status_code, time.perf_counter() - t0
                except httpx.HTTPError as e:
                    return path, type(e).__name__, time.perf_counter() - t0

        return await asyncio.gather(*(one(p) for p in paths))


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process (Linux /proc), or -1 when unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return -1.0


def _tail(f, n: int = 3000) -> str:
    f.flush()
    f.seek(0)
    return f.read().decode("utf-8", "replace")[-n:]


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(p / 100 * len(values)) - 1))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="an existing store (default: build a synthetic one)")
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--concurrency", type=int, default=200)
    ap.add_argument("--stories", type=int, default=60)
    ap.add_argument("--timeout", type=float, default=60.0, help="per request, seconds")
    ap.add_argument("--budget", type=float, default=180.0, help="whole run, seconds")
    args = ap.parse_args()
    args.requests = max(1, min(args.requests, 5000))  # bounded, whatever is asked

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            t0 = time.perf_counter()
            db = build_store(Path(tmp) / "bench.db", args.stories, per_story=4, claims_per_doc=8)
            print(f"synthetic store: {args.stories} stories, {args.stories * 4} articles, "
                  f"{args.stories * 32} claims ({time.perf_counter() - t0:.1f}s)")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        # the console script's entry point (``python -m claimgraph.cli`` runs cli.py as __main__,
        # a second module object that never sees the commands cli_present registers)
        log = open(Path(tmp) / "server.log", "w+b")  # a file, not a pipe: a chatty server never blocks
        server = subprocess.Popen([sys.executable, "-c", "from claimgraph.cli import main; main()", "serve",
                                   "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
                                  stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    if httpx.get(base + "/", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    print("server did not start:", _tail(log))
                    return 2
                time.sleep(0.2)
            paths = urls(db, args.requests)
            cpu0 = cpu_seconds(server.pid)
            t0 = time.perf_counter()
            results = asyncio.run(asyncio.wait_for(fire(base, paths, args.concurrency, args.timeout), args.budget))
            wall = time.perf_counter() - t0
            cpu = cpu_seconds(server.pid) - cpu0 if cpu0 >= 0 else -1.0
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            server_log = _tail(log)
            log.close()

    lat = [r[2] * 1000 for r in results]
    errors = [(p, s) for p, s, _ in results if s != 200]
    print(f"requests: {len(results)} at concurrency {args.concurrency}, wall {wall:.2f}s, "
          f"{len(results) / wall:.0f} req/s")
    print(f"errors: {len(errors)}" + ("" if not errors else " e.g. " + ", ".join(f"{s} {p}" for p, s in errors[:5])))
    if cpu >= 0:  # the server's own CPU time: a figure that does not depend on how busy the machine is
        print(f"server CPU: {cpu:.2f}s for {len(results)} requests, {cpu / len(results) * 1000:.1f} ms/request; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"latency ms: p50 {statistics.median(lat):.0f}, p95 {pct(lat, 95):.0f}, max {max(lat):.0f}, "
          f"mean {statistics.fmean(lat):.0f}")
    if errors and server_log.strip():
        print("server log (tail):\n" + server_log)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
