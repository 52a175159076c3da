"""Web UI on a big store: the real ``claimgraph serve`` in a subprocess, server time per page type.

Builds a synthetic store of fictional articles (``--articles``, 5,000 by default), or analyzes the
bench sample once (``--bench-sample``; the store is cached under /tmp), or uses ``--db``; starts the
server on a free loopback port and fires a mix of page requests (story list, story, article,
speaker, search, speakers, articles, and their JSON) from this process with httpx + asyncio. It
prints p50/p95 of the *server* time of each page type (the app's ``Server-Timing`` header, not
client latency), then errors and overall client latency. Loopback only; bounded request count and
wall time. Prints figures; it is not a test.

    python benchmarks/web_load.py [--db FILE | --bench-sample [FILE]] [--articles 5000]
                                  [--requests 400] [--concurrency 4]
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
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx

from claimgraph.model import Article, Claim, Comparison, Quantity, Speaker, Story
from claimgraph.store import Store
from claimgraph.store.speaker_summaries import refresh as refresh_speaker_summaries

OUTLETS = ["Harbor Ledger", "Coastline Wire", "Valley Post", "Northvale Daily", "Plain Herald"]
SPEAKERS = ["Ana Ortiz", "Tomas Reyes", "the county office", "Dr. Lena Hart", "police", "a spokesperson"]
FIRST = ["Mara", "Idris", "Selin", "Oskar", "Noor", "Teodor", "Lupe", "Kasim", "Wren", "Ilse", "Bodhi", "Zara"]
LAST = ["Quill", "Marsh", "Okafor", "Lindqvist", "Brandt", "Vale", "Achebe", "Ferro", "Holt", "Sato", "Pike", "Runa"]


def speaker_pool(n: int) -> list[str]:
    """``n`` fictional speaker names: the six above, then invented first + last names."""
    names = list(SPEAKERS)
    for i in range(max(0, n - len(names))):
        names.append(f"{FIRST[i % len(FIRST)]} {LAST[i // len(FIRST) % len(LAST)]}" + (f" {i // 144}" if i >= 144 else ""))
    return names[:n]
COUNTED = ["homes", "people", "vehicles", "trees", "roads"]


def story_sizes(articles: int, rng: random.Random) -> list[int]:
    """Articles per story, as news has them: mostly one or two, a few stories covered by dozens."""
    sizes: list[int] = []
    while sum(sizes) < articles:
        sizes.append(min(120, int(rng.paretovariate(1.1)), articles - sum(sizes)))
    return sizes


def build_store(path: Path, articles: int, claims_per_doc: int, seed: int = 7, speakers: int = 6) -> tuple[int, int]:
    """A fictional store of ``articles`` articles in stories of skewed sizes, with speaker
    entities (``speakers`` of them, quoted as often as their rank's inverse, as in news: a few
    quoted everywhere, a long tail quoted once); returns ``(stories, claims)``."""
    rng = random.Random(seed)
    pool = speaker_pool(speakers)
    weights = [1 / (rank + 1) for rank in range(len(pool))]
    speaker_ids = {name: f"sp{i}" for i, name in enumerate(pool)}
    n_claims = 0
    with Store(path) as store, store.transaction():
        all_stories, comps = [], []
        for s, size in enumerate(story_sizes(articles, rng)):
            doc_ids = []
            for k in range(size):
                outlet = OUTLETS[k % len(OUTLETS)]
                doc_id = f"bench/story{s:04d}/{k:03d}-{outlet.lower().replace(' ', '-')}.txt"
                sentences, claims = [f"Storm number {s} hits the coast."], []
                pos = len(sentences[0]) + 2
                for n in range(1, claims_per_doc + 1):
                    who, what = rng.choices(pool, weights)[0], COUNTED[n % len(COUNTED)]
                    value = rng.randint(10, 500)
                    sent = f"{who.capitalize()} said {value} {what} were damaged in district {n}."
                    q_start = pos + sent.index(str(value))
                    q = Quantity(text=f"{value} {what}", start=q_start, end=q_start + len(f"{value} {what}"),
                                 value=value, counted=what)
                    claims.append(Claim(id=f"{doc_id}#c{n}", text=sent, start=pos, end=pos + len(sent),
                                        speaker=who, speaker_mention=who, cue="said", quantities=[q],
                                        speaker_id=speaker_ids[who]))
                    sentences.append(sent)
                    pos += len(sent) + 2
                text = "\n\n".join(sentences)
                art = Article(id=doc_id, text=text, title=f"Storm {s}: damage counted", raw=text,
                              outlet=outlet, published=f"2024-04-{1 + s % 28:02d}", content_hash=f"h{s}-{k}")
                store.put_document(art, raw_hash=f"r{s}-{k}", status="extracted")
                store.put_claims(doc_id, claims)
                n_claims += len(claims)
                doc_ids.append(doc_id)
            all_stories.append(Story(f"s{s}", doc_ids, title=f"Storm {s} hits the coast", terms=["storm", "coast"]))
            if size < 2:
                continue
            for n in range(1, min(claims_per_doc, 4) + 1):
                ids = [f"{d}#c{n}" for d in doc_ids]
                verdict = "conflict" if n % 2 else "consistent"
                comps.append(Comparison(f"{COUNTED[n % len(COUNTED)]} damaged in district {n}", ids, verdict,
                                        "synthetic comparison", story=f"s{s}"))
        store.put_stories(all_stories)
        store.put_comparisons(comps)
        claim_speaker = {r[0]: speaker_ids[r[1]] for r in store.execute("SELECT id, speaker FROM claims")}
        counts = dict(store.execute("SELECT speaker, COUNT(*) FROM claims GROUP BY speaker").fetchall())
        docs = dict(store.execute("SELECT speaker, COUNT(DISTINCT doc_id) FROM claims GROUP BY speaker").fetchall())
        store.put_speakers([Speaker(id=sid, name=name, type="person" if name[0].isupper() else "agency",
                                    aliases=[name], claims=counts[name], documents=docs[name])
                            for name, sid in speaker_ids.items() if name in counts], claim_speaker)
        refresh_speaker_summaries(store)  # what the speakers stage stores for the speaker pages
    return len(all_stories), n_claims


REPO = Path(__file__).resolve().parent.parent
BENCH_SAMPLE = REPO.parent / "shared" / "eval" / "data" / "bench" / "news-sample.jsonl"
CACHE = Path(tempfile.gettempdir()) / "claimgraph-web-bench"
# words any news store holds, and the synthetic store's counted nouns
SEARCH_WORDS = ["people", "million", "police", "percent", "government", "said", "year", *COUNTED]


def analyzed_sample(sample: Path, jobs: int) -> Path:
    """The bench sample analyzed into a store, once: cached under /tmp by the sample's size and date."""
    st = sample.stat()
    db = CACHE / f"{sample.stem}-{st.st_size}-{int(st.st_mtime)}.db"
    if db.exists():
        return db
    CACHE.mkdir(parents=True, exist_ok=True)
    part = db.with_suffix(".partial.db")
    for f in CACHE.glob(part.name + "*"):  # an interrupted run starts again
        f.unlink()
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from claimgraph.cli import main; main()", "analyze", str(sample),
                    "--db", str(part), "-j", str(jobs)], check=True, stdout=subprocess.DEVNULL)
    part.rename(db)
    print(f"analyzed {sample.name} into {db} ({time.perf_counter() - t0:.0f}s)")
    return db


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def urls(store_path: Path, n: int, seed: int = 11) -> list[tuple[str, str]]:
    """``n`` ``(page type, URL)`` pairs, a realistic mix of every page type."""
    rng = random.Random(seed)
    with Store(store_path, readonly=True) as store:
        stories = [r[0] for r in store.execute("SELECT id FROM stories")] or ["none"]
        docs = store.document_ids() or ["none"]
        pages = max(1, -(-len(stories) // 50))
        entities = [r[0] for r in store.execute("SELECT id FROM speakers LIMIT 300")] \
            if store.schema_version >= 5 else []
        names = [r[0] for r in store.execute("SELECT speaker FROM claims WHERE speaker IS NOT NULL "
                                             "GROUP BY speaker ORDER BY COUNT(*) DESC LIMIT 300")] or ["nobody"]

    def speaker() -> str:
        if entities and rng.random() < 0.7:
            return "/speaker?" + urlencode({"id": rng.choice(entities)})
        return "/speaker?" + urlencode({"name": rng.choice(names)})

    makers = [
        ("stories", lambda: "/" + ("" if rng.random() < 0.5 else f"?page={rng.randint(1, pages)}")),
        ("stories json", lambda: "/?format=json"),
        ("story", lambda: "/story/" + quote(rng.choice(stories), safe="")),
        ("story json", lambda: "/story/" + quote(rng.choice(stories), safe="") + "?format=json"),
        ("article", lambda: "/doc/" + quote(rng.choice(docs), safe="")),
        ("article json", lambda: "/doc/" + quote(rng.choice(docs), safe="") + "?format=json"),
        ("speaker", speaker),
        ("search", lambda: "/search?" + urlencode({"q": rng.choice(SEARCH_WORDS)})),
        ("search json", lambda: "/search?" + urlencode({"q": rng.choice(SEARCH_WORDS), "format": "json"})),
        ("articles", lambda: "/articles?page=" + str(rng.randint(1, max(1, len(docs) // 50)))),
        ("speakers", lambda: "/speakers"),
    ]
    return [(makers[i % len(makers)][0], makers[i % len(makers)][1]()) for i in range(n)]


# (type, path, status or error, client seconds, server ms, server CPU ms)
Result = tuple[str, str, "int | str", float, "float | None", "float | None"]


async def fire(base: str, pages: list[tuple[str, str]], concurrency: int, timeout: float) -> list[Result]:
    """GET every page, at most ``concurrency`` at a time; with status (or error), client seconds
    and the server's own time (its ``Server-Timing`` header) each."""
    from claimgraph.web.timing import parse_server_timing

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    sem = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=timeout) as client:
        async def one(kind: str, path: str) -> Result:
            async with sem:
                t0 = time.perf_counter()
                try:
                    r = await client.get(path)
                    timing = r.headers.get("server-timing", "")
                    return (kind, path, r.status_code, time.perf_counter() - t0, parse_server_timing(timing),
                            parse_server_timing(timing, "cpu"))
                except httpx.HTTPError as e:
                    return kind, path, type(e).__name__, time.perf_counter() - t0, None, None

        return await asyncio.gather(*(one(k, p) for k, p in pages))


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


def report(results: list[Result], overlap: bool) -> None:
    """p50/p95/max server time per page type (and server CPU, which counts overlapping requests
    too when more than one is in flight)."""
    by_kind: dict[str, list[float]] = defaultdict(list)
    cpu_by_kind: dict[str, list[float]] = defaultdict(list)
    for kind, _, status, _, server, cpu in results:
        if status == 200 and server is not None:
            by_kind[kind].append(server)
            if cpu is not None:
                cpu_by_kind[kind].append(cpu)
    cpu_title = "cpu (overlapping)" if overlap else "cpu"
    print(f"{'server ms':<14}{'n':>5}{'p50':>8}{'p95':>8}{'max':>8}   {cpu_title} p50/p95")
    for kind in dict.fromkeys(k for k, *_ in results):
        ms, cpu = by_kind.get(kind), cpu_by_kind.get(kind)
        if ms:
            cpu_text = f"{statistics.median(cpu):.0f}/{pct(cpu, 95):.0f}" if cpu else "-"
            print(f"{kind:<14}{len(ms):>5}{statistics.median(ms):>8.0f}{pct(ms, 95):>8.0f}{max(ms):>8.0f}   {cpu_text}")
        else:
            print(f"{kind:<14}{0:>5}  (no timed answer)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    src = ap.add_mutually_exclusive_group()
    src.add_argument("--db", type=Path, help="an existing store (default: build a synthetic one)")
    src.add_argument("--bench-sample", type=Path, nargs="?", const=BENCH_SAMPLE,
                     help=f"analyze this JSONL once and cache the store under {CACHE} (default: {BENCH_SAMPLE})")
    ap.add_argument("--articles", type=int, default=5000, help="articles in the synthetic store")
    ap.add_argument("--claims-per-doc", type=int, default=8, help="claims per synthetic article")
    ap.add_argument("--speakers", type=int, default=6,
                    help="speaker entities in the synthetic store (6: each in a sixth of all claims, the worst case)")
    ap.add_argument("--jobs", type=int, default=1, help="parser processes for --bench-sample")
    ap.add_argument("--requests", type=int, default=440)
    ap.add_argument("--concurrency", type=int, default=4,
                    help="requests in flight (server time includes waiting for the server's threads)")
    ap.add_argument("--timeout", type=float, default=60.0, help="per request, seconds")
    ap.add_argument("--budget", type=float, default=600.0, help="whole run, seconds")
    args = ap.parse_args()
    args.requests = max(1, min(args.requests, 5000))  # bounded, whatever is asked

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if args.bench_sample is not None:
            if not args.bench_sample.is_file():
                print(f"{args.bench_sample}: no such file")
                return 2
            db = analyzed_sample(args.bench_sample, args.jobs)
        elif db is None:
            t0 = time.perf_counter()
            db = Path(tmp) / "bench.db"
            build_store(db, args.articles, claims_per_doc=max(1, args.claims_per_doc), speakers=max(1, args.speakers))
            print(f"synthetic store built in {time.perf_counter() - t0:.1f}s")
        Store(db).close()  # bring an older store to this schema (the server opens it read-only)
        with Store(db, readonly=True) as store:
            print(f"store: {store.count('documents')} articles, {store.count('claims')} claims, "
                  f"{store.count('stories')} stories, {store.count('speakers')} speaker entities")
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
            pages = urls(db, args.requests)
            cpu0 = cpu_seconds(server.pid)
            t0 = time.perf_counter()
            results = asyncio.run(asyncio.wait_for(fire(base, pages, args.concurrency, args.timeout), args.budget))
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

    report(results, overlap=args.concurrency > 1)
    lat = [r[3] * 1000 for r in results]
    errors = [(p, s) for _, p, s, *_ in results if s != 200]
    print(f"requests: {len(results)} at concurrency {args.concurrency}, wall {wall:.2f}s, "
          f"{len(results) / wall:.0f} req/s")
    print(f"errors: {len(errors)}" + ("" if not errors else " e.g. " + ", ".join(f"{s} {p}" for p, s in errors[:5])))
    if cpu >= 0:  # the server's own CPU time: a figure that does not depend on how busy the machine is
        print(f"server CPU: {cpu:.2f}s for {len(results)} requests, {cpu / len(results) * 1000:.1f} ms/request; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"client latency ms: p50 {statistics.median(lat):.0f}, p95 {pct(lat, 95):.0f}, max {max(lat):.0f}, "
          f"mean {statistics.fmean(lat):.0f}")
    if errors and server_log.strip():
        print("server log (tail):\n" + server_log)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
